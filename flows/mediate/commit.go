package mediate

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// due is a date, with the half of the day it names ("am", "pm" or "").
type due struct {
	date time.Time
	half string
}

func (d due) before(e due) bool {
	return !d.date.IsZero() && (e.date.IsZero() || civilDay(d.date) < civilDay(e.date))
}

// commitments says who delivers what by when. A matched offer is due by
// its need's date (the middle ground when the need is in conflict), else
// by the date the offer names itself, else, when it helps close a
// conflict's gap (see helps), on the day the lead time was stated: the
// work waits for it and can start at once. For each conflict the lead
// side delivers the need by the middle ground. An offer that meets several
// needs is committed once, by the earliest of their dates.
func (c *collab) commitments(ms []pairing, ks []clash) []Commitment {
	inConflict := map[*entry]bool{}
	for _, k := range ks {
		inConflict[k.need] = true
	}
	needDue := func(n *entry) due {
		switch {
		case inConflict[n]:
			return due{n.conflictDay(ks), n.deadline.HalfDay}
		case n.hasDeadline:
			return due{n.deadline.Date, n.deadline.HalfDay}
		}
		return due{}
	}
	var out []Commitment
	at := map[Commitment]int{} // by Owner and What only
	add := func(owner Side, what string, d due) {
		key := Commitment{Owner: owner, What: what}
		i, seen := at[key]
		switch {
		case !seen:
			at[key] = len(out)
			out = append(out, Commitment{Owner: owner, What: what, Due: d.date, HalfDay: d.half})
		case d.before(due{out[i].Due, out[i].HalfDay}):
			out[i].Due, out[i].HalfDay = d.date, d.half
		}
	}
	for _, m := range ms {
		d := needDue(m.need)
		if d.date.IsZero() && ownDate(m.offer) {
			d = due{m.offer.deadline.Date, m.offer.deadline.HalfDay}
		}
		for _, k := range ks {
			if d.date.IsZero() && c.helps(k, m) {
				y, mo, dd := k.lead.at.Date()
				d = due{date: time.Date(y, mo, dd, 0, 0, 0, 0, k.lead.at.Location())}
			}
		}
		add(m.offer.Side, m.offer.Text, d)
	}
	for _, k := range ks {
		add(k.lead.Side, withoutPhrase(k.need.Text, k.need.deadline.Phrase), needDue(k.need))
	}
	return out
}

// conflictDay is the latest middle ground of the conflicts on need n.
func (n *entry) conflictDay(ks []clash) time.Time {
	var d time.Time
	for _, k := range ks {
		if k.need == n && civilDay(k.lead.lead.Date) > civilDay(d) {
			d = k.lead.lead.Date
		}
	}
	return d
}

// helps reports whether matched offer m helps close conflict k's gap, so
// that the lead time's work waits for it: it shares a term with the need
// in conflict or with the lead time ("2名测试人员" and "2天做兼容性测试"), or
// it meets a need of the side that stated its lead time among its needs
// ("需要2天做兼容性测试" beside "需要核心用户的设备型号"). An offer that sets
// its own moment, after some event or repeated ("活动结束后…", "every
// Monday"), is not due at once.
func (c *collab) helps(k clash, m pairing) bool {
	if k.lead.at.IsZero() || m.offer.hasDeadline {
		return false
	}
	leadIsNeed := false
	for _, n := range c.needs[sideIndex(k.lead.Side)] {
		leadIsNeed = leadIsNeed || n == k.lead
	}
	return c.related(m.offer, k.need) || c.related(m.offer, k.lead) || leadIsNeed && m.need.Side == k.lead.Side
}

func sideIndex(s Side) int {
	if s == SideB {
		return 1
	}
	return 0
}

// eventWords follow a duration that counts from an event rather than from
// the answer: "within a week after launch", "3 days of go-live".
var eventWords = []string{"after", "of", "from", "following", "before", "prior"}

// ownDate reports whether o's deadline phrase is a date counted from the
// moment o was written. It is not when it counts from an event o names
// ("上线后一周内" is a week after the launch, "活动结束后一周内" a week after
// the campaign, not a week from the answer), nor when it repeats ("every
// Friday", "each Monday"): such a phrase sets no date of its own.
func ownDate(o *entry) bool {
	text, phrase := o.Text, o.deadline.Phrase
	i := strings.Index(text, phrase)
	if !o.hasDeadline || phrase == "" || i < 0 {
		return false
	}
	before := strings.TrimRight(text[:i], " ")
	if last, _ := utf8.DecodeLastRuneInString(before); last == '后' || last == '前' || last == '每' {
		return false
	}
	if f := strings.Fields(before); len(f) > 0 && (strings.EqualFold(f[len(f)-1], "every") || strings.EqualFold(f[len(f)-1], "each")) {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(text[i+len(phrase):], " "), " ")
	for _, w := range eventWords {
		if strings.EqualFold(next, w) {
			return false
		}
	}
	return true
}

// deadlineWords lead into a deadline phrase ("live by Nov 1").
var deadlineWords = []string{" by", " before", " until", " on", " no later than"}

// withoutPhrase drops the deadline phrase from a need, so a commitment
// moved to the middle ground does not still say "tomorrow": "活动页面明天上线"
// becomes "活动页面上线", "checkout live by Nov 1" becomes "checkout live".
func withoutPhrase(text, phrase string) string {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return text
	}
	before, after := strings.TrimRight(text[:i], " "), strings.TrimLeft(text[i+len(phrase):], " ")
	for _, w := range deadlineWords {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) {
			before = before[:n]
			break
		}
	}
	sep := " "
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	if before == "" || after == "" || unicode.IsPunct(first) || (unicode.Is(unicode.Han, last) && unicode.Is(unicode.Han, first)) {
		sep = "" // Chinese runs on without spaces
	}
	if out := strings.Trim(before+sep+after, " ,，;；"); out != "" {
		return out
	}
	return text
}
