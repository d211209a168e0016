package mediate

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A side often gives, beside its lead time, a shorter one on a condition
// the requester controls: "10 business days from a signed-off brief, or 7
// if the copy is final when we start", "正常10个工作日，素材一次给齐的话7
// 个工作日". When the requester offers that step by the day the work
// starts, the shorter length is the one that binds.

// orMarks open the alternative after the lead time.
var orMarks = []string{", or ", " or ", "，或", "或者", "；如果", "，如果", "; if ", ", if "}

// alternative returns the shorter length lead item l states after its
// lead time and the step it is conditional on, or ok false.
func alternative(l *entry) (n int, cond string, ok bool) {
	old, ok := firstNumber(l.lead.Phrase)
	i := strings.Index(l.Text, l.lead.Phrase)
	if !ok || l.lead.Phrase == "" || i < 0 {
		return 0, "", false
	}
	rest := l.Text[i+len(l.lead.Phrase):]
	if j := strings.IndexAny(rest, "。！？.\n"); j >= 0 {
		rest = rest[:j]
	}
	low := lower(rest)
	from, at := -1, -1
	for _, m := range orMarks {
		if j := strings.Index(low, m); j >= 0 && (from < 0 || j < from) {
			from, at = j, j+len(m)
		}
	}
	if j := strings.Index(rest, "，"); from < 0 && j >= 0 && qualified(rest[j:]) {
		from, at = j, j+len("，")
	} else if f, a, ok := kindBefore(rest); from < 0 && ok {
		from, at = f, a
	} else if from < 0 || !conditional(rest[from:]) {
		return 0, "", false
	}
	n, end, ok := lengthIn(rest[at:])
	if !ok || n >= old || n == 0 {
		return 0, "", false
	}
	return n, conditionOf(rest[from:], end+at-from), true
}

// lengthIn returns the first number of s that is a count, not part of a
// date ("9/12", "9月12日"), and where it ends.
func lengthIn(s string) (int, int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		after := strings.TrimLeft(s[j:], " ")
		if strings.HasPrefix(after, "/") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, "月") || strings.HasPrefix(after, ":") {
			i = j
			continue
		}
		n, _ := strconv.Atoi(s[i:j])
		return n, j, true
	}
	return 0, 0, false
}

// qualifiedMarks end, in Chinese, a relative clause naming the input a
// shorter length is for: "按负面清单自查过的可以压到 3 个工作日" is a
// condition on the requester's input as much as "自查过的话" is.
var qualifiedMarks = []string{"的可以", "的能", "的就能", "的就可以", "的只要"}

// qualified reports whether clause s gives its length to input of a
// kind, by a qualifiedMarks relative clause.
func qualified(s string) bool {
	if j := strings.IndexFunc(s[len("，"):], isClauseMark); j >= 0 {
		s = s[:j+len("，")]
	}
	return says(s, qualifiedMarks)
}

// kindEnd closes, in Chinese, a clause that names a kind of input by what
// it is or does ("用标准模板且不改条款的，3 个工作日"): the length after it
// is for that kind only.
const kindEnd = "的，"

// kindBefore returns where, in rest, the clause that names such a kind
// starts and where the length after it does, or ok false.
func kindBefore(rest string) (from, at int, ok bool) {
	i := strings.Index(rest, kindEnd)
	if i < 0 || !hasDigit(prefix(rest[i+len(kindEnd):], 4)) {
		return 0, 0, false
	}
	return max(0, strings.LastIndexFunc(rest[:i], isClauseMark)), i + len(kindEnd), true
}

// clauseStart returns where the last clause of s starts: past its last
// clause mark, whose width it skips.
func clauseStart(s string) int {
	i := strings.LastIndexFunc(s, isClauseMark)
	if i < 0 {
		return 0
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return i + w
}

// conditionOf returns the step of the condition in alt: the clause after
// an English condition mark, or the one that ends in 的话.
func conditionOf(alt string, numEnd int) string {
	low := lower(alt)
	if i := strings.Index(low, "的话"); i >= 0 {
		return alt[clauseStart(alt[:i]):i]
	}
	for _, m := range append(qualifiedMarks[:len(qualifiedMarks):len(qualifiedMarks)], kindEnd) {
		if i := strings.Index(alt, m); i >= 0 {
			return alt[clauseStart(alt[:i]):i]
		}
	}
	for _, m := range ifMarks {
		if i := strings.Index(low, m); i >= 0 {
			cond := alt[i+len(m):]
			if j := strings.IndexFunc(cond, isClauseMark); j >= 0 {
				cond = cond[:j]
			}
			return cond
		}
	}
	return alt[numEnd:]
}

// ownAlternative returns clash k's lead time at the shorter length its
// own offer states, counted from when the work starts, when the requester
// offers the step it is conditional on by then.
func (c *collab) ownAlternative(k clash) (timeread.Found, bool) {
	n, o := c.alternativeStep(k)
	start := k.start()
	if o == nil || !c.deliveredBy(o, start) {
		return timeread.Found{}, false
	}
	return c.leadAt(k, n, start)
}

// alternativeStep returns the shorter length clash k's own lead item
// states and the requester's offer of the step it is conditional on, or
// nil when there is none.
func (c *collab) alternativeStep(k clash) (int, *entry) {
	n, cond, ok := alternative(k.lead)
	if !ok {
		return 0, nil
	}
	return n, c.offerFor(cond, c.offers[sideIndex(k.need.Side)])
}

// deliveredBy reports whether offer o is delivered by start: its own date is
// no later, or it names none and so is due at once.
func (c *collab) deliveredBy(o *entry, start time.Time) bool {
	if o.hasDeadline && ownDate(o) {
		return civilDay(o.deadline.Date) <= civilDay(start)
	}
	return !o.hasLead || o.spanLead
}
