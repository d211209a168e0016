package mediate

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A side often offers to shorten its own lead time on a condition: "样品
// 11/9（周一）前到的话，…三台设备并行跑，15 个工作日能压到 10 个", "if the
// specs land by Friday we can do it in 3 days instead of 5". The offer
// quotes the old length, the new one and, maybe, a dated condition. When
// the condition can be met — the step the work waits for is due by the
// condition's date — the middle ground counts the new length from that
// step, as a mediator would.

// shortenMarks sit between the old length and the new one; replaceMarks
// between the new one and the old.
var (
	shortenMarks = []string{"压到", "压缩到", "缩到", "缩短到", "减到", "降到", "cut to", "down to", "shortened to", "reduced to"}
	replaceMarks = []string{"instead of", "rather than", "而不是"}
	// ifMarks make a clause a condition: "…到的话", "如果…", "if …".
	ifMarks = []string{"的话", "如果", "只要", "假如", "要是", "if ", "provided ", "as long as ", "so long as "}
)

// shortened returns the old and new numbers offer text gives for a length
// ("15 个工作日能压到 10 个": 15, 10), or ok false.
func shortened(text string) (old, new int, ok bool) {
	low := lower(text)
	for _, m := range shortenMarks {
		if i := strings.Index(low, m); i >= 0 {
			old, ok1 := lastNumber(low[:i])
			new, ok2 := firstNumber(low[i+len(m):])
			return old, new, ok1 && ok2 && new < old
		}
	}
	for _, m := range replaceMarks {
		if i := strings.Index(low, m); i >= 0 {
			new, ok1 := lastNumber(low[:i])
			old, ok2 := firstNumber(low[i+len(m):])
			return old, new, ok1 && ok2 && new < old
		}
	}
	return 0, 0, false
}

// firstNumber reads the first run of ASCII digits in s, if it comes
// within a few characters.
func firstNumber(s string) (int, bool) {
	i := strings.IndexFunc(prefix(s, 12), unicode.IsDigit)
	if i < 0 {
		return 0, false
	}
	n := 0
	for _, r := range s[i:] {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// lastNumber reads the last run of ASCII digits in s, if it ends within
// a few words of s's end.
func lastNumber(s string) (int, bool) {
	tail := suffix(s, 24)
	j := strings.LastIndexFunc(tail, unicode.IsDigit)
	if j < 0 {
		return 0, false
	}
	i := j
	for i > 0 && tail[i-1] >= '0' && tail[i-1] <= '9' {
		i--
	}
	return firstNumber(tail[i : j+1])
}

// fastTrack returns the offer of the lead side that shortens clash k's
// lead time with its condition met, and the lead time it gives counted
// from the step the work waits for, with the steps that other offers skip
// left out; ok false when there is none.
func (c *collab) fastTrack(k clash) (*entry, timeread.Found, bool) {
	key := fastKey{k.lead, k.need, k.start()}
	if r, ok := c.fast[key]; ok {
		return r.by, r.f, r.ok // a clash is asked again for its plan, speed-ups and commitments
	}
	by, f, ok := c.readFastTrack(k)
	if c.fast == nil {
		c.fast = map[fastKey]fastRead{}
	}
	c.fast[key] = fastRead{by, f, ok}
	return by, f, ok
}

// fastKey is what fastTrack reads of a clash; fastRead what it found.
type (
	fastKey struct {
		lead, need *entry
		start      time.Time
	}
	fastRead struct {
		by *entry
		f  timeread.Found
		ok bool
	}
)

// readFastTrack is fastTrack, read anew.
func (c *collab) readFastTrack(k clash) (*entry, timeread.Found, bool) {
	old, ok := firstNumber(k.lead.lead.Phrase)
	if !ok {
		return nil, timeread.Found{}, false
	}
	start := k.start()
	for _, o := range c.offers[sideIndex(k.lead.Side)] {
		to, ok := c.fasterLength(o, k, old)
		if !ok || o == k.lead {
			continue
		}
		if !c.conditionMet(o, start) {
			continue // the old length stands
		}
		if f, ok := c.leadAt(k, to, start); ok {
			return o, f, true
		}
	}
	if f, ok := c.ownAlternative(k); ok {
		return k.lead, f, true // "10 business days…, or 7 if the copy is final"
	}
	return nil, timeread.Found{}, false
}

// fasterLength returns the length offer o gives clash k's work instead
// of old, its lead time's: the new length when o quotes old ("15 个工作日
// 能压到 10 个"); else, when o names a faster path for the same work ("加急
// …能压到 5 个工作日", "可以走加急，3 个工作日出意见") without quoting old, its
// own shorter length in the same unit. Such a path is the lead time's, so
// it counts from when that work can start, not from when it was written.
func (c *collab) fasterLength(o *entry, k clash, old int) (int, bool) {
	from, to, ok := o.shortenedOnce()
	if ok && from == old {
		return to, true
	}
	low := o.lowText()
	var phrase string
	switch {
	case ok && !quotesLength(o.Text, from): // "多付 4000 元，能压到 5 个工作日": 4000 is no length
		phrase = o.Text[strings.Index(low, markIn(low)):]
	case o.hasLead && o.speedy():
		phrase = o.lead.Phrase
	case o.hasLead && c.follows(o, k.lead) && elliptic(o):
		phrase = o.lead.Phrase // "…6 business days from arrival; with the 3 extra temps, 4 business days"
	default:
		return 0, false
	}
	// read after the cheap tests above, as most offers name no faster path
	if o.refusal || !c.related(o, k.lead) && !c.related(o, k.need) && !c.follows(o, k.lead) && (c.namesANeed(o, k.need.Side) || c.namesThings(o)) {
		return 0, false // a path for other work; one that names no work ("可以走加急，2 个工作日出意见") is the side's way to go faster
	}
	n, ok := firstNumber(phrase)
	if !ok || n >= old || !sameUnit(k.lead.lead.Phrase, phrase) {
		return 0, false
	}
	return n, true
}

// ellipticOpeners open an item that is only a condition and a length,
// said right after a lead time: "with the 3 extra temps, 4 business days".
var ellipticOpeners = []string{"with ", "if ", "given ", "如果", "要是", "加上"}

// elliptic reports whether offer o is such an item: a condition clause,
// then its length and nothing after it. It gives the same work another
// length, as a faster path does.
func elliptic(o *entry) bool {
	low := strings.TrimSpace(o.lowText())
	before, after, ok := strings.Cut(low, lower(o.lead.Phrase))
	return ok && (hasAnyPrefix(low, ellipticOpeners) || kindClause(o) != "") && strings.TrimRight(after, " .。") == "" &&
		strings.ContainsFunc(before, isClauseMark)
}

// kindClause returns the one clause offer o opens with that names, before
// its lead time, the kind of input the length is for ("用标准模板且不改条款
// 的，3 个工作日"), or "": a condition on that input, said as a kind.
func kindClause(o *entry) string {
	before, after, ok := strings.Cut(o.Text, kindEnd)
	if !ok || o.lead.Phrase == "" || strings.ContainsFunc(before, isClauseMark) || !strings.HasPrefix(strings.TrimSpace(after), o.lead.Phrase) {
		return ""
	}
	return before
}

// namesANeed reports whether offer o shares a strong term with a need of
// side.
func (c *collab) namesANeed(o *entry, side Side) bool {
	return slices.ContainsFunc(c.needs[sideIndex(side)], func(n *entry) bool { return c.sharedWeight(n, o) > 0 })
}

// namesThings reports whether offer o names things of its own beside its
// faster path and the answer it gives ("出意见", "feedback"): "expedited
// shipping on spare parts" is about the parts.
func (c *collab) namesThings(o *entry) bool {
	n := 0
	for _, k := range o.keys {
		if !c.ws.weak[k] && k != "#fast_track" && k != "#feedback" && !hasDigit(k) {
			n++
		}
	}
	return n > 1
}

// markIn returns the first shortenMarks word in low, or "".
func markIn(low string) string {
	for _, m := range shortenMarks {
		if strings.Contains(low, m) {
			return m
		}
	}
	return ""
}

// quotesLength reports whether number n stands in text as a length: a
// unit of time follows it ("15 个工作日能压到 10 个"), or nothing does.
func quotesLength(text string, n int) bool {
	num := strconv.Itoa(n)
	i := strings.Index(text, num)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(text[i+len(num):], " 个")
	return after == "" || hasAnyPrefix(after, durationAfter) || hasAnyPrefix(lower(after), []string{"day", "week", "hour", "month", "business", "working", "sprint"}) ||
		!unicode.IsLetter(firstRune(after)) && !isHan(firstRune(after))
}

// conditionMet reports whether offer o's condition, if it has one, can be
// met by work that starts on start: its date is not before start, or,
// when it names none, the other side offers what it asks ("if every claim
// comes from the approved core claims deck" and "we're only using claims
// from the core claims deck").
func (c *collab) conditionMet(o *entry, start time.Time) bool {
	if kind := kindClause(o); kind != "" {
		return c.grants(kind, o)
	}
	if !conditional(o.Text) {
		return true
	}
	if by, ok := c.conditionDate(o); ok {
		return civilDay(start) <= civilDay(by)
	}
	conds := conditionClauses(o)
	return len(conds) > 0 && !slices.ContainsFunc(conds, func(cond string) bool { return !c.grants(cond, o) })
}

// grants reports whether the requester of offer o offers what condition
// cond asks, and not its opposite: "今年一定要做异形盒" names the shape of
// "如果用现成盒型不做异形" only to ask for it.
func (c *collab) grants(cond string, o *entry) bool {
	r := c.offerFor(cond, c.offers[1-sideIndex(o.Side)])
	return r != nil && !c.opposes(cond, r.Text)
}

// declinedCondition reports whether the requester of offer o answers a
// condition o sets with its opposite ("如果用现成盒型不做异形" and "今年一定
// 要做异形盒"): that faster path is not on the table.
func (c *collab) declinedCondition(o *entry) bool {
	return slices.ContainsFunc(conditionClauses(o), func(cond string) bool {
		r := c.offerFor(cond, c.offers[1-sideIndex(o.Side)])
		return r != nil && c.opposes(cond, r.Text)
	})
}

// opposes reports whether texts a and b name a strong term of both, one
// denying it and the other not ("不做异形" and "要做异形").
func (c *collab) opposes(a, b string) bool {
	tb := termsOf(b)
	for _, t := range termsOf(a) {
		if t.weak || c.ws.weak[t.key] {
			continue
		}
		if j := slices.IndexFunc(tb, func(u term) bool { return u.key == t.key }); j >= 0 && deniedAt(a, t.start) != deniedAt(b, tb[j].start) {
			return true
		}
	}
	return false
}

// zhDenials deny, in Chinese, the word a few characters after them.
var zhDenials = []string{"不", "别", "没", "无", "非"}

// deniedAt reports whether the word at byte i of text is denied: a
// Chinese denial among the three characters before it, or an English one
// among the two words before it, in its clause.
func deniedAt(text string, i int) bool {
	before := text[:i]
	if j := strings.LastIndexFunc(before, isClauseMark); j >= 0 {
		before = before[j:]
	}
	if r := []rune(before); len(r) > 3 && isHan(firstRune(text[i:])) {
		before = string(r[len(r)-3:])
	}
	if isHan(firstRune(text[i:])) {
		return says(before, zhDenials)
	}
	return negatedBefore(lower(before)) || slices.Contains(strings.Fields(lower(before)), "no") || slices.Contains(strings.Fields(lower(before)), "without")
}

// offered reports whether offer o's condition names no date and is met
// by what the requester offers already ("If a Looker template table is
// good enough" and "a plain table we can sort is fine"): its faster path
// needs nothing more agreed.
func (c *collab) offered(o *entry) bool {
	_, dated := c.conditionDate(o)
	return !dated && c.conditionMet(o, time.Time{})
}

// fits reports whether offer o holds enough for clash k's need: a
// speed-up for a number of things ("8 台备用笔记本") fits that many only.
func (k clash) fits(o *entry) bool {
	return countOf(o.Text) == 0 || countOf(k.need.Text) <= countOf(o.Text)
}

// skipped returns lead phrase without the steps that offers of clash k's
// lead side skip ("loaner pool … skips the 3-day build"), when they fit
// the need and their condition can be met, and those offers.
func (c *collab) skipped(k clash, phrase string) (string, []*entry) {
	var by []*entry
	for _, o := range c.offers[sideIndex(k.lead.Side)] {
		if n, ok := o.savedDays(); o != k.lead && ok && k.fits(o) && c.conditionMet(o, k.start()) {
			if p, ok := withoutStep(phrase, n); ok {
				phrase, by = p, append(by, o)
			}
		}
	}
	return phrase, by
}

// dropConditionalLead clears the lead time of an offer that shortens one
// on a condition: it binds only through fastTrack, when the condition can
// be met, not as a lead time of its own.
func (e *entry) dropConditionalLead() {
	if _, _, ok := shortened(e.Text); ok && conditional(e.Text) {
		e.lead, e.hasLead, e.spanLead = timeread.Found{}, false, false
	}
}

// conditionClauses returns the clauses of offer o that set a condition,
// one for each condition mark it holds.
func conditionClauses(o *entry) []string {
	var out []string
	low := o.lowText()
	for _, m := range ifMarks {
		i := strings.Index(low, m)
		if i < 0 {
			continue
		}
		if m == "的话" { // it ends the condition
			start := strings.LastIndexFunc(o.Text[:i], isClauseMark) + 1
			out = append(out, o.Text[start:i])
			continue
		}
		clause := o.Text[i:]
		if j := strings.IndexFunc(clause, isClauseMark); j >= 0 {
			clause = clause[:j]
		}
		out = append(out, clause)
	}
	return out
}

// conditionDate returns the date of offer o's condition: "样品 11/9（周一）
// 前到的话" is met by 11/9, "if the docs arrive by Nov 5" by Nov 5.
func (c *collab) conditionDate(o *entry) (time.Time, bool) {
	for _, clause := range conditionClauses(o) {
		if ds := c.cal.Deadlines(clause, o.at); len(ds) > 0 {
			return ds[0].Date, true
		}
	}
	return time.Time{}, false
}

// conditional reports whether text holds a condition.
func conditional(text string) bool {
	low := lower(text)
	return says(low, ifMarks)
}

// fastTracked applies each clash's fast track to its end.
func (c *collab) fastTracked(ks []clash) []clash {
	for i, k := range ks {
		if _, f, ok := c.fastTrack(k); ok && f.Date.Before(k.end.Date) {
			ks[i].end = f
		}
	}
	return ks
}

// leadAt is clash k's lead time at length n instead of its own, less the
// steps an offer skips, counted from start.
func (c *collab) leadAt(k clash, n int, start time.Time) (timeread.Found, bool) {
	old, _ := firstNumber(k.lead.lead.Phrase)
	phrase, _ := c.skipped(k, strings.Replace(k.lead.lead.Phrase, strconv.Itoa(old), strconv.Itoa(n), 1))
	f, ok := leadOfSteps(phrase, start, c.cal)
	if d, read := c.cal.Deadline(phrase, start); !ok && read && isSpan(phrase) {
		f, ok = d, true // a span offered ("in 7 business days") reads as the date it ends on
	}
	f.Phrase = phrase
	return f, ok
}

// shortening is what shortened reads in an offer, kept on its entry: each
// clash asks every offer of the lead side again.
type shortening struct {
	from, to  int
	ok, speed bool
	buys      bool // it offers to buy time (see buyWords)
	saved     int  // the days it says it saves (see savedAmount), -1 if none
}

// shortenedOnce is shortened of e's text, read once.
func (e *entry) shortenedOnce() (from, to int, ok bool) {
	s := e.shortening()
	return s.from, s.to, s.ok
}

// speedy reports whether e's text offers a faster path without saying
// by how much (see speedWords), read once.
func (e *entry) speedy() bool { return e.shortening().speed }

// buysTime reports whether e offers to buy time rather than deliver
// (see buyWords), read once.
func (e *entry) buysTime() bool { return e.shortening().buys }

// savedDays is the number of days e says it saves ("skips the 3-day
// build"), read once.
func (e *entry) savedDays() (int, bool) {
	n := e.shortening().saved
	return n, n >= 0
}

func (e *entry) shortening() *shortening {
	if e.short == nil {
		f, t, ok := shortened(e.Text)
		e.short = &shortening{from: f, to: t, ok: ok, speed: says(e.lowText(), speedWords), buys: says(e.lowText(), buyWords), saved: -1}
		if m := savedIn(e.Text); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil {
				e.short.saved = n
			}
		}
	}
	return e.short
}
