package mediate

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A lead time is often written as the steps of the work, each with its
// duration, or counted from a step named after it: "核算5个工作日，之后银行
// 代发还要1个工作日", "3 business days from final screens", "7 business
// days after we raise the PO, and we raise it once HR confirms headcount".

// thenMarks join a further step, with a duration of its own, to the one
// before: "核算5个工作日，之后银行代发还要1个工作日", "2 days to build, then
// 3 more to test".
var thenMarks = []string{"之后", "然后", "随后", "接着", "再", "then ", "after that", "followed by"}

// chainedLead reads in text a lead time followed, in the same sentence,
// by further steps each with a duration: the work is done when the last
// step is, each counted from the end of the one before. Its phrase spans
// the steps as written.
func chainedLead(text string, at time.Time, cal timeread.Calendar) (timeread.Found, bool) {
	f, ok := cal.Lead(text, at)
	return chainedFrom(text, f, ok, at, cal)
}

// chainedFrom is chainedLead for a caller that has read text's first lead
// time already: f, and ok as Lead gives it.
func chainedFrom(text string, f timeread.Found, ok bool, at time.Time, cal timeread.Calendar) (timeread.Found, bool) {
	start := strings.Index(text, f.Phrase)
	if !ok || f.Phrase == "" || start < 0 {
		return timeread.Found{}, false
	}
	end, stop := f, start+len(f.Phrase)
	for {
		rest := text[stop:]
		if j := strings.IndexAny(rest, "。！？；;.\n"); j >= 0 {
			rest = rest[:j]
		}
		m := thenAt(rest)
		if n := nextTakes(rest); n >= 0 && (m < 0 || n < m) {
			m = n // a step in the next clause comes before a mark further on
		}
		if m < 0 {
			break
		}
		g, ok := cal.Lead(rest[m:], end.Date)
		j := strings.Index(rest[m:], g.Phrase)
		if !ok || g.Phrase == "" || j < 0 {
			break
		}
		end.Date, end.WorkingDays = g.Date, end.WorkingDays || g.WorkingDays
		stop += m + j + len(g.Phrase)
	}
	if stop == start+len(f.Phrase) {
		return timeread.Found{}, false
	}
	end.Phrase, end.Days = text[start:stop], int(dayOf(end.Date).Sub(dayOf(at)).Hours()/24+0.5)
	return end, true
}

// thenAt returns where the text after the first of thenMarks in s starts,
// or -1.
func thenAt(s string) int {
	low, best := lower(s), -1
	for _, m := range thenMarks {
		if i := strings.Index(low, m); i >= 0 && (best < 0 || i+len(m) < best) {
			best = i + len(m)
		}
	}
	return best
}

// stepTakes say, in a clause of its own, how long a further step takes:
// "…2 business days once the events ship, the test itself needs 10
// business days…, and analysis takes 3 business days after it stops".
var stepTakes = []string{" takes ", " take ", " needs ", " requires ", " lasts ", "需要", "要花", "得花"}

// nextTakes returns where the clause after the first clause mark of s
// starts when that clause says how long a step takes, or -1.
func nextTakes(s string) int {
	i := strings.IndexFunc(s, isClauseMark)
	if i < 0 {
		return -1
	}
	start := i + utf8.RuneLen(firstRune(s[i:]))
	clause := s[start:]
	if j := strings.IndexFunc(clause, isClauseMark); j >= 0 {
		clause = clause[:j]
	}
	if !says(" "+lower(clause)+" ", stepTakes) {
		return -1
	}
	return start
}

// timeWords open a time rather than a step after "from": "from today",
// "from Monday", "from Sept 3".
var timeWords = set("today", "tomorrow", "now", "this", "next", "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed",
	"thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "january", "jan", "february", "feb",
	"march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug", "september", "sep", "sept",
	"october", "oct", "november", "nov", "december", "dec", "eod", "cob")

// stepAfterFrom returns the step a duration is counted from when "from"
// follows it ("3 business days from final screens"), or "".
func stepAfterFrom(low, phrase string) (string, bool) {
	i := strings.Index(low, phrase)
	if phrase == "" || i < 0 {
		return "", false
	}
	rest := strings.TrimLeft(low[i+len(phrase):], " ")
	step, ok := strings.CutPrefix(rest, "from ")
	if !ok && (strings.HasPrefix(phrase, "within ") || strings.HasPrefix(phrase, "in ")) {
		step, ok = strings.CutPrefix(rest, "of ") // "within 2 weeks of the signed PO"
	}
	if _, named := firstStepWord(step); !ok || !named {
		return "", false
	}
	return step, true
}

// firstStepWord returns the first word of English step, lower case, and
// whether it can open a step: not a number or a time ("from today").
func firstStepWord(step string) (string, bool) {
	first, _, _ := strings.Cut(step, " ")
	first = strings.TrimRight(first, ".,;:")
	return first, first != "" && !(first[0] >= '0' && first[0] <= '9') && !timeWords[first]
}

// conditionsIn returns every step that text says some work waits for,
// marker anywhere in its clause: a side's own step often waits for one of
// the requester's in turn ("7 business days after we raise the PO, and we
// raise it once HR confirms headcount"), which then starts the work.
func conditionsIn(text string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(text, isClauseMark) {
		low := lower(part)
		for _, m := range conditionMarks {
			if i := strings.Index(low, m); i >= 0 {
				out = append(out, low[i+len(m):])
			}
		}
	}
	return out
}

// withoutStep returns the steps of lead phrase without a later step of n
// units ("5 business days review, then 3 business days" less a step of 3:
// "5 business days review"): an offer that skips that step ("skips the
// 3-day build") takes it out of the chain. ok is false when no later step
// has that length.
func withoutStep(phrase string, n int) (string, bool) {
	for at := 0; ; {
		m := thenAt(phrase[at:])
		if m < 0 {
			return "", false
		}
		sep := at + strings.LastIndexAny(phrase[at:at+m], ",，;；") // the step's clause starts at the mark before it
		if sep < at {
			sep = at + m
		}
		end := len(phrase)
		if next := thenAt(phrase[at+m:]); next >= 0 {
			end = at + m + strings.LastIndexAny(phrase[at+m:at+m+next], ",，;；")
		}
		if k, ok := firstNumber(phrase[at+m:]); ok && k == n && end > at+m {
			return strings.TrimRight(phrase[:sep]+phrase[end:], " ,，"), true
		}
		at += m
	}
}

// leadOfSteps reads the lead time phrase gives counted from at, all of
// its steps.
func leadOfSteps(phrase string, at time.Time, cal timeread.Calendar) (timeread.Found, bool) {
	if f, ok := chainedLead(phrase, at, cal); ok {
		return f, true
	}
	return cal.Lead(phrase, at)
}
