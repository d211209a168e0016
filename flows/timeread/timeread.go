package timeread

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Found is one deadline or lead time read from a text.
type Found struct {
	// Date is midnight, in at's location, of the deadline or of the day the
	// work can be done.
	Date time.Time
	// Days is the number of calendar days from at's day to Date.
	Days int
	// WorkingDays is true when the text counted working days.
	WorkingDays bool
	// HalfDay is "am" or "pm" when the text named a half of the day, else "".
	HalfDay string
	// Phrase is the matched text as the user wrote it ("两周", "by EOD
	// Friday"), for quoting the writer's own words.
	Phrase string
	// NeedsSprintDays is set, with ok false and Phrase, when the text counts
	// sprints ("in 2 sprints", "两个迭代") on a Calendar whose SprintDays is 0:
	// the date depends on a sprint length that has to be asked for.
	NeedsSprintDays bool
}

// Deadline finds the first deadline in text, read against at, on the
// calendar without public holidays. See Calendar.Deadline.
func Deadline(text string, at time.Time) (Found, bool) {
	return Calendar{}.Deadline(text, at)
}

// Lead finds the first lead time in text, read against at, on the calendar
// without public holidays. See Calendar.Lead.
func Lead(text string, at time.Time) (Found, bool) {
	return Calendar{}.Lead(text, at)
}

// kind is what a rule's phrase is.
type kind int

const (
	deadline kind = iota
	lead
	// recurring is a cadence ("every Monday", "每月初", "after each interview").
	recurring
	// neither marks phrases that name no deadline or lead time ("2 days ago",
	// "every week", "上周五"): they only keep other rules off their words.
	neither
)

// rule reads one shape of phrase.
type rule struct {
	kind kind
	re   *regexp.Regexp
	// read turns a match into a reading against at; Days and Phrase are
	// filled in by the caller. ok false drops the match (an impossible
	// date, a number that is not one); ok with a zero Date takes the words
	// as naming no date ("Monday to Friday"). A "neither" rule may have one
	// to check that its words are what it keeps the other rules off.
	read func(m match, at time.Time, cal Calendar) (Found, bool)
	// recur reads a recurring rule's match instead of read.
	recur func(m match, at time.Time, cal Calendar) (Recurrence, bool)
	// qualifies marks a deadline that, right before another, only says
	// more about it: "by EOD Friday" is Friday, "Friday March 20" March 20.
	qualifies qualifier
	// date marks a rule that names a calendar date, which a weekday before
	// it qualifies.
	date bool
	// needs lists words (lowercase) of which the text must hold at least
	// one for the rule to match at all: a cheap test that spares most rules
	// their regular expression on most texts.
	needs []string
	// also lists words of which the text must hold one as well, for an
	// expression whose every match holds one of needs and one of these.
	also []string
}

// qualifier is what a qualifying deadline qualifies (see rule.qualifies).
type qualifier int

const (
	qualifiesNone qualifier = iota
	// qualifiesDay: "EOD", "COB", "下班前" before any deadline.
	qualifiesDay
	// qualifiesDate: a weekday before a calendar date.
	qualifiesDate
)

// words splits a space-separated list of a rule's needs.
func words(s string) []string { return strings.Fields(s) }

// match is a rule's match in a text, with its named groups.
type match struct {
	re  *regexp.Regexp
	sub []string
}

// group returns the text of the named group, "" when it did not take part.
// A name used in several alternatives is the text of the one that took part.
func (m match) group(name string) string {
	for i, n := range m.re.SubexpNames() {
		if n == name && m.sub[i] != "" {
			return m.sub[i]
		}
	}
	return ""
}

// rx compiles a rule's expression. Rules match text whose ASCII letters
// are lowercased (see asciiLower), so they need no (?i): case folding
// would make every letter a costly set of runes, and would keep RE2 from
// skipping ahead to a leading literal ("明", "后天").
func rx(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }

// rules is every rule: cadences first (they win ties with "neither"
// rules), English, Chinese, then months, quarters, sprints, weeks of a
// month, halves of a year and festivals in both. All
// run on any text, as people mix languages ("by 11月1日").
var rules = slices.Concat(recurRules, enRules, zhRules, periodRules, partRules, festivalRules())

// Readers shared by both languages' tables.

// onDay reads a phrase that always means the same day relative to at's day.
func onDay(n int, half string) func(match, time.Time, Calendar) (Found, bool) {
	return func(_ match, at time.Time, _ Calendar) (Found, bool) {
		return Found{Date: addDays(at, n), HalfDay: half}, true
	}
}

// onDate reads a phrase through a function of at alone.
func onDate(date func(at time.Time) time.Time) func(match, time.Time, Calendar) (Found, bool) {
	return func(_ match, at time.Time, _ Calendar) (Found, bool) {
		return Found{Date: date(at)}, true
	}
}

// leadOf reads a duration of work with spanOf.
func leadOf(spanOf func(match) (span, bool)) func(match, time.Time, Calendar) (Found, bool) {
	return func(m match, at time.Time, cal Calendar) (Found, bool) {
		s, ok := spanOf(m)
		return Found{Date: s.after(at, cal), WorkingDays: s.unit == workingDays}, ok
	}
}

// withinOf reads a duration that sets a deadline ("within 2 weeks", "3天内").
func withinOf(spanOf func(match) (span, bool)) func(match, time.Time, Calendar) (Found, bool) {
	return func(m match, at time.Time, cal Calendar) (Found, bool) {
		s, ok := spanOf(m)
		return Found{Date: s.by(at, cal), WorkingDays: s.unit == workingDays}, ok
	}
}
