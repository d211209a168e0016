package mediate

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// An offer that shortens a lead time changes the date only when it says by
// how much: "15 个工作日能压到 10 个" (see fasttrack.go), "走班车能省 2 个工作
// 日", "skips the 3-day build". One that only helps ("fast-track approval",
// "a device list") is named, and the honest date stays. A speed-up that
// holds a number of things ("塞 15 个款左右的货没问题") fits that many: it
// shortens a part of that size, not a whole that is larger.

// Shortening is how an offer shortens a clash's lead time.
type Shortening struct {
	By Item // the offer
	// Phrase is the lead time with it ("10 个工作日", "5 business days"), ""
	// when the offer does not say by how much.
	Phrase string
	// Used is set when the middle ground counts the shortened lead time; a
	// known saving goes unused when its condition cannot be met or the work
	// is larger than what the speed-up holds.
	Used bool
	// Unmet is set for a faster path on a condition the requester has not
	// met yet ("单独报的话 7 个工作日能压到 4 个工作日"): the requester may take
	// it, the date does not count it until then.
	Unmet bool
}

// savedAmount reads "省 2 个工作日", "能少 2 天", "saves 2 days", "skips the 3-day build":
// the number after a saving word, within a few characters.
// savedIn returns savedAmount's submatches in text, or nil. A text
// without a digit is not run through it: each match has one.
func savedIn(text string) []string {
	if !hasDigit(text) {
		return nil
	}
	return savedAmount.FindStringSubmatch(text)
}

var savedAmount = regexp.MustCompile(`(?i)(?:省(?:掉|下|出)?|少用|能少|可以?少|跳过|skips?|saves?|saving|cuts?)\s*(?:the\s+|约|大约|了)?\s*(\d+)`)

// capacity reads a number of things: a number before a Chinese measure
// word ("15 个款", "30 套") or an English plural, maybe after a word or
// two ("12 pages", "30 product pages");
// durationAfter and durationWords tell a duration ("15 个工作日", "3 days")
// apart.
var capacity = regexp.MustCompile(`(?i)(\d+)\s*(?:个|款|件|套|台|张|箱|份|页|篇|条|家|名|位|批|(?:[a-z-]+\s+){0,2}([a-z]+s)\b)`)

var (
	durationAfter = []string{"工作日", "天", "周", "小时", "月", "星期", "礼拜", "钟"}
	durationWords = map[string]bool{"days": true, "weeks": true, "hours": true, "months": true, "minutes": true,
		"years": true, "sprints": true, "mins": true, "hrs": true, "secs": true, "seconds": true}
)

// countOf returns the first number of things text names, or 0.
func countOf(text string) int {
	for _, m := range capacity.FindAllStringSubmatchIndex(text, -1) {
		if hasAnyPrefix(strings.TrimLeft(text[m[1]:], " "), durationAfter) || m[4] >= 0 && durationWords[lower(text[m[4]:m[5]])] {
			continue // "15 个工作日", "3 days"
		}
		n, err := strconv.Atoi(text[m[2]:m[3]])
		if err == nil {
			return n
		}
	}
	return 0
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// start is the day clash k's work can start: the prerequisite's date when
// it waits for one, else the day the lead time was stated.
func (k clash) start() time.Time {
	s := dayOf(k.lead.at)
	if k.prereq != nil && k.prereqDue.After(s) {
		s = k.prereqDue
	}
	return s
}

// shortening returns how an offer shortens clash k's lead time, with the
// lead time it gives counted from when the work can start, or nil. A fast
// track with a met condition comes first; then a stated saving of the
// lead side that bears on the work; then any offer that only helps.
func (c *collab) shortening(k clash, helps []Item) (*Shortening, timeread.Found) {
	if o, f, ok := c.fastTrack(k); ok {
		return &Shortening{By: o.Item, Phrase: f.Phrase, Used: true}, f
	}
	for _, o := range c.savings(k.lead) {
		if o == k.lead || !o.savesTime() || !c.related(o, k.lead) && !c.related(o, k.need) && !c.follows(o, k.lead) {
			continue
		}
		if !c.conditionMet(o, k.start()) {
			continue
		}
		phrase, ok := lessBy(k.lead, o.Text)
		if !ok {
			continue
		}
		f, ok := c.cal.Lead(phrase, k.start())
		if !ok {
			continue
		}
		return &Shortening{By: o.Item, Phrase: phrase, Used: k.fits(o)}, f
	}
	if o, f, ok := c.unmetFastTrack(k); ok {
		return &Shortening{By: o.Item, Phrase: f.Phrase, Unmet: true}, timeread.Found{}
	}
	for _, h := range helps {
		if h.Side == k.lead.Side && savesTime(h.Text) {
			return &Shortening{By: h}, timeread.Found{}
		}
	}
	return nil, timeread.Found{}
}

// unmetFastTrack returns an offer of clash k's lead side that gives its
// work a faster length on a condition not met yet, and that length counted
// from when the work can start; ok false when there is none.
func (c *collab) unmetFastTrack(k clash) (*entry, timeread.Found, bool) {
	old, ok := firstNumber(k.lead.lead.Phrase)
	if !ok {
		return nil, timeread.Found{}, false
	}
	for _, o := range c.offers[sideIndex(k.lead.Side)] {
		if to, ok := c.fasterLength(o, k, old); ok && o != k.lead && conditional(o.Text) {
			if f, ok := c.leadAt(k, to, k.start()); ok {
				return o, f, true
			}
		}
	}
	return nil, timeread.Found{}, false
}

// lessBy returns lead item l's lead time less the amount offer text saves,
// in the same unit ("7 个工作日" less "省 2 个工作日" is "5 个工作日"), or ok
// false. A saving the size of a step l names beside its lead time, when
// that is not the steps' total ("5 business days review, then 3 business
// days to image"), saves that step, which the lead time does not count.
func lessBy(l *entry, text string) (string, bool) {
	phrase := l.lead.Phrase
	old, ok := firstNumber(phrase)
	m := savedIn(text)
	if !ok || m == nil {
		return "", false
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n <= 0 || !sameUnit(phrase, text) && !dayOfWork(phrase, text) {
		return "", false
	}
	if p, ok := withoutStep(phrase, n); ok {
		return p, true // "skips the 3-day build": that step is out of the chain
	}
	if n >= old {
		return "", false
	}
	if i := strings.Index(l.Text, phrase); i >= 0 && !isTotal(l.Text[:i]) &&
		namesLength(l.Text[:i]+" "+l.Text[i+len(phrase):], m[1]) {
		return "", false
	}
	return strings.Replace(phrase, strconv.Itoa(old), strconv.Itoa(old-n), 1), true
}

// namesLength reports whether text names number num as a length of its
// own, not as part of a date ("最快 2/13 到货" names no 2-day step).
func namesLength(text, num string) bool {
	for i := strings.Index(text, num); i >= 0; {
		end := i + len(num)
		after := strings.TrimLeft(text[end:], " ")
		if (i == 0 || !isDigitByte(text[i-1])) && (end == len(text) || !isDigitByte(text[end])) &&
			!hasAnyPrefix(after, []string{"/", "-", "月", ":", "号", "日"}) {
			return true
		}
		j := strings.Index(text[end:], num)
		if j < 0 {
			break
		}
		i = end + j
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// dayOfWork reports whether the saving in text, a number of plain days ("能少 2 天"),
// is saved off lead phrase in working days: the days a side saves of its
// work are days it works.
func dayOfWork(phrase, text string) bool {
	if !hasDigit(text) {
		return false // savedAmount holds a digit
	}
	m := savedAmount.FindStringIndex(text)
	return m != nil && strings.Contains(phrase, "工作日") && strings.HasPrefix(strings.TrimLeft(text[m[1]:], " 个"), "天")
}

// savings lists where lead item l's side may state a saving on its
// work: its offers, and its needs, where a side
// describing its work adds how to shorten it ("…调试要 8 个工作日。如果节后
// 能给我们两个整白班…，调试能少 2 天").
func (c *collab) savings(l *entry) []*entry {
	i := sideIndex(l.Side)
	return slices.Concat(c.offers[i], c.needs[i])
}

// isTotal reports whether before, the text before a duration, ends with a
// mark that makes the duration the sum of the steps before it.
func isTotal(before string) bool {
	tail := lower(suffix(before, 12))
	for _, m := range totalMarks {
		if strings.Contains(tail, m) {
			return true
		}
	}
	return false
}

// sameUnit reports whether the saving in text counts in the unit of lead
// phrase: working days against working days, days against days.
func sameUnit(phrase, text string) bool {
	low, t := lower(phrase), lower(text)
	for _, u := range []string{"工作日", "business day", "working day", "周", "week", "小时", "hour"} {
		if strings.Contains(low, u) {
			return strings.Contains(t, u) || u == "business day" && strings.Contains(t, "-day")
		}
	}
	return strings.Contains(t, "天") || strings.Contains(t, "day")
}

// follows reports whether offer o is the one its side wrote right after
// lead item l: a saving stated next ("…正常 8 个工作日。要是…能省 2 个工作
// 日") is about the work just described, whatever words it names.
func (c *collab) follows(o, l *entry) bool {
	for _, list := range [][]*entry{c.offers[sideIndex(l.Side)], c.needs[sideIndex(l.Side)]} {
		if i := slices.Index(list, l); i >= 0 && i+1 < len(list) && list[i+1] == o {
			return true
		}
	}
	return false
}
