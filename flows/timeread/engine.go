package timeread

import (
	"iter"
	"slices"
	"strings"
	"time"
)

// This file finds the phrases: it runs the rules of en.go and zh.go over a
// text, chooses among overlapping matches, and reads the one asked for.

// hit is a phrase read from a text: a deadline or lead time, or a recurrence.
type hit struct {
	Found
	rec  Recurrence
	kind kind
	// none marks words a deadline rule read as no date ("Monday to Friday").
	none bool
}

// find returns the first reading of the wanted kind in text.
func find(text string, at time.Time, cal Calendar, want kind) (hit, bool) {
	for h := range hits(text, at, cal, want) {
		return h, true
	}
	return hit{}, false
}

// hits yields the readings of the wanted kind in text, in its order. The
// text is read clause by clause (no phrase spans a line break or a sentence
// end), so a caller that stops at the first reads no further clause.
func hits(text string, at time.Time, cal Calendar, want kind) iter.Seq[hit] {
	return hitsOf(text, at, cal, func(k kind) bool { return k == want })
}

// hitsOf is hits for every kind wanted reports true of: the clauses are
// read once for deadlines and lead times together.
func hitsOf(text string, at time.Time, cal Calendar, wanted func(kind) bool) iter.Seq[hit] {
	return func(yield func(hit) bool) {
		for clause := range strings.FieldsFuncSeq(text, isClauseEnd) {
			if !findIn(clause, at, cal, wanted, yield) {
				return
			}
		}
	}
}

// isClauseEnd reports whether r ends a clause. "." and "," are not among
// them: they occur inside dates ("Nov. 1, 2026", "2026.11.01").
func isClauseEnd(r rune) bool {
	switch r {
	case '\n', '\r', ';', '!', '?', '；', '。', '！', '？', '，':
		return true
	}
	return false
}

// candidate is a match not yet read.
type candidate struct {
	start, end, order int
	rule              *rule
	sub               []int
}

// findIn reads one clause: it collects the matches of the rules, takes them
// from left to right (the longer first where two start together), skips any
// that overlaps one already taken, and yields those of the wanted kind; it
// returns false when yield asked to stop. The other kinds' rules run only
// when the wanted kind has a match to block.
func findIn(clause string, at time.Time, cal Calendar, wanted func(kind) bool, yield func(hit) bool) bool {
	lower := asciiLower(clause)
	words := newClauseWords(lower, &gates)
	if words.present == (wordSet{}) {
		return true // no rule's word: no rule runs
	}
	cs := candidates(&words, wanted, nil)
	if len(cs) == 0 {
		return true
	}
	cs = candidates(&words, func(k kind) bool { return !wanted(k) }, cs)
	sortCandidates(cs)
	taken, from := 0, -1
	for i, c := range cs {
		if c.start < taken || !freeStart(lower, c.start) {
			continue
		}
		if c.rule.qualifies != qualifiesNone && dayFollows(lower, c, cs[i+1:]) {
			if from < 0 {
				from = leadInBefore(lower, c.start, taken) // "by EOD Friday" is Friday
			}
			continue
		}
		h, start, end, ok := readCandidate(c, lower, at, cal, taken)
		if !ok {
			continue
		}
		if from >= 0 && c.rule.kind == deadline {
			start = min(start, from)
		}
		taken, from = end, -1
		if h.none || c.rule.kind == deadline && isAfter(lower, start, end) {
			continue // "after the 20th", "11月1日之后" start a wait, not a deadline
		}
		h.kind = c.rule.kind
		if wanted(h.kind) && !yield(finish(h, strings.TrimSpace(clause[start:end]), at)) {
			return false
		}
	}
	return true
}

// finish fills in what every reading carries: the phrase, the day at
// midnight and the days to it.
func finish(h hit, phrase string, at time.Time) hit {
	h.Phrase, h.rec.Phrase = phrase, phrase
	if !h.Date.IsZero() {
		h.Date = day(h.Date)
		h.Days = daysBetween(at, h.Date)
	}
	if !h.rec.First.IsZero() {
		h.rec.First = day(h.rec.First)
		h.rec.Days = daysBetween(at, h.rec.First)
	}
	return h
}

// dayFollows reports whether the qualifier c is right before the deadline
// it qualifies, past spaces, a comma, "on" or "of": any deadline after
// "EOD", a calendar date after a weekday ("Friday March 20").
func dayFollows(s string, c candidate, cs []candidate) bool {
	for _, next := range cs {
		if next.start < c.end || next.rule.kind != deadline || next.rule.qualifies == qualifiesDay {
			continue
		}
		if c.rule.qualifies == qualifiesDate && !next.rule.date {
			return false
		}
		return qualified.MatchString(s[c.end:next.start])
	}
	return false
}

// qualified is what may stand between a qualifier and the day it
// qualifies, a part of the day included ("Tuesday night Oct 13").
var qualified = rx(`^[\s,]*(?:(?:in\s+the\s+)?(?:morning|noon|midday|afternoon|evening|night|am|pm)\b[\s,]*)?(?:(?:on|of)\s+)?$`)

// afterWords before a date, or after it, make it the start of a wait,
// unless a negation makes it a limit: "no changes after March 9",
// "3月9日之后不再改" are deadlines.
var (
	afterBefore = rx(`\b(?:after|since)\s+$`)
	afterAfter  = rx(`^\s*(?:之后|以后|以来|后(?:[^天]|$))`)
	limitBefore = rx(`\b(?:no|not|never|nothing|none)\s+(?:[a-z']+\s+){0,3}after\s+$`)
	limitAfter  = rx(`^\s*(?:之后|以后|后)\s*(?:就)?(?:不|别|没|禁止)`)
)

// isAfter reports whether the deadline phrase from start to end is the
// start of a wait: "ask again after the 20th", "4月底以后再说".
func isAfter(s string, start, end int) bool {
	before, after := s[max(0, start-48):start], s[end:min(len(s), end+16)]
	return afterBefore.MatchString(before) && !limitBefore.MatchString(before) ||
		afterAfter.MatchString(after) && !limitAfter.MatchString(after)
}

// readCandidate reads c and returns where its phrase starts and ends. A
// deadline takes in the word before it that introduces it ("by Friday"),
// unless that word is in a phrase already taken, and a half of the day
// right after it ("Friday afternoon", "后天上午").
func readCandidate(c candidate, lower string, at time.Time, cal Calendar, taken int) (h hit, start, end int, ok bool) {
	m := match{re: c.rule.re, sub: submatches(lower, c.sub)}
	start, end = c.start, c.end
	switch c.rule.kind {
	case neither:
		if c.rule.read != nil { // a "neither" that may turn out to be no such phrase
			_, ok = c.rule.read(m, at, cal)
		}
		return hit{}, start, end, ok || c.rule.read == nil
	case recurring:
		h.rec, ok = c.rule.recur(m, at, cal)
		return h, start, end, ok
	}
	h.Found, ok = c.rule.read(m, at, cal)
	if h.none = ok && h.Date.IsZero() && !h.NeedsSprintDays; h.none {
		return h, start, end, true
	}
	if ok && c.rule.kind == deadline {
		start = leadInBefore(lower, start, taken)
		if h.HalfDay == "" {
			h.HalfDay, end = halfDayAfter(lower, end)
		}
	}
	return h, start, end, ok
}

// candidates appends to cs the matches in a lowercased clause of the
// rules whose kind is kept.
func candidates(words *clauseWords, keep func(kind) bool, cs []candidate) []candidate {
	for i := range rules {
		r := &rules[i]
		if !keep(r.kind) || !words.admits(i) {
			continue
		}
		for _, idx := range r.re.FindAllStringSubmatchIndex(words.lower, -1) {
			cs = append(cs, candidate{start: idx[0], end: idx[1], order: i, rule: r, sub: idx})
		}
	}
	return cs
}

// sortCandidates orders matches by start, then longest first, then by the
// rules' order.
func sortCandidates(cs []candidate) {
	slices.SortFunc(cs, func(a, b candidate) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return a.order - b.order
	})
}

// leadIn is a word that may introduce a deadline ("by Friday", "before Nov
// 1"): it joins the phrase but does not change the date. Looking for it
// behind a match, rather than in every rule, keeps the rules small.
var leadIn = rx(`(?:no\s+later\s+than|by|before|until|till|due|on)\s+$`)

// leadInBefore returns where a deadline phrase starting at start begins
// once a lead-in word right before it, and after taken, is included.
func leadInBefore(s string, start, taken int) int {
	from := max(taken, start-24)
	idx := leadIn.FindStringIndex(s[from:start])
	if idx == nil {
		return start
	}
	if p := from + idx[0]; p == 0 || !isWordByte(s[p-1]) {
		return p
	}
	return start
}

func isWordByte(b byte) bool {
	return isDigit(b) || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_'
}

// freeStart reports whether a match at start begins a number of its own:
// "345天" inside "12345天" or "5 days" inside "1.5 days" does not.
func freeStart(s string, start int) bool {
	if start == 0 || !isDigit(s[start]) {
		return true
	}
	return !isDigit(s[start-1]) && s[start-1] != '.'
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// asciiLower lowercases the ASCII letters of s and leaves every other byte
// as it is, so that offsets in the result are offsets in s.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // nothing to lower: no copy
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// submatches turns a match's index pairs into strings.
func submatches(s string, idx []int) []string {
	sub := make([]string, len(idx)/2)
	for i := range sub {
		if idx[2*i] >= 0 {
			sub[i] = s[idx[2*i]:idx[2*i+1]]
		}
	}
	return sub
}

// halfDayWords follow a day to name a half of it: "tomorrow morning",
// "Friday pm", "后天上午", "周五下午".
// The end of the working day joins the phrase without naming a half:
// "Friday EOD", "周五下班前".
var halfDayWords = rx(`^(?:\s+(?:in\s+the\s+)?(morning|noon|midday|afternoon|evening|am|pm)\b|\s*(上午|早上|早晨|一早|中午|下午|晚上|傍晚)|\s+(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business)\b|\s*(?:下班|收工)(?:之|以)?前)`)

// halfDayAfter looks in the lowercased clause s right after a deadline
// phrase ending at end for a half of the day; it returns "am", "pm" or "", and where the phrase now ends.
func halfDayAfter(s string, end int) (string, int) {
	rest := s[end:]
	if len(rest) > 32 { // the words are short; never scan a long tail
		rest = rest[:32]
	}
	idx := halfDayWords.FindStringSubmatchIndex(rest)
	if idx == nil {
		return "", end
	}
	sub := submatches(rest, idx)
	return halfOf[sub[1]+sub[2]], end + idx[1]
}

// halfOf maps the words for a part of the day to "am" or "pm".
var halfOf = map[string]string{
	"morning": "am", "am": "am", "上午": "am", "早上": "am", "早晨": "am", "一早": "am",
	"noon": "am", "midday": "am", "中午": "am", // by noon, the work is done in the morning
	"afternoon": "pm", "evening": "pm", "pm": "pm", "下午": "pm", "晚上": "pm", "傍晚": "pm",
}
