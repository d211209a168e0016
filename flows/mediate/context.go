package mediate

import (
	"slices"
	"strings"
	"unicode"
)

// An item can lean on the one before it for what it is about: "…takes 5
// working days; on just the models you use, 2 working days" (the second
// part leaves out what it tests), "可以分两期：首页…" after the lead time of
// a redesign (the phases are of that redesign). Such an item reads the
// terms of the one before as its own too, so that it meets, or is bound
// by, what the one before is about.

// sentenceEnds end a sentence or a line.
const sentenceEnds = "\n\r.!?。！？"

// continues reports whether item, after the text between it and the item
// before it in the answer (gap), leans on that item: it offers to split
// the work into phases, or it continues the same line in lower case with
// another lead time for the same work. A new sentence is no continuation,
// even when the joining word that opened it was trimmed ("… budget. And
// we'll book the retest").
func continues(item *entry, gap string) bool {
	if opensPhase(item.Text) || datesUse(item) {
		return true
	}
	first := firstRune(item.Text)
	return item.hasLead && !strings.ContainsAny(gap, sentenceEnds) && first < unicode.MaxASCII && unicode.IsLower(first)
}

// useWords say a thing is wanted for a date without naming it: "3月13日
// 季度复盘会要用" wants what the item before asks for by then.
var useWords = []string{"要用", "要看", "就要用", "得用上", "need it by", "need it for", "need them by", "need them for", "needed by"}

// datesUse reports whether item only dates the use of what the item before
// it asks for: its first clause holds its date and the use.
func datesUse(item *entry) bool {
	first := item.lowText()
	if i := strings.IndexFunc(first, isClauseMark); i > 0 {
		first = first[:i] // "调薪总盘子…，老板要看" names its thing; the boss's use is a reason
	}
	return item.hasDeadline && says(first, useWords) && strings.Contains(first, lower(item.deadline.Phrase))
}

// opensPhase reports whether text opens by offering phases: "可以分两期",
// "We can phase it", "Phase 1: …".
func opensPhase(text string) bool {
	low := lower(prefix(text, 40))
	for _, w := range []string{"可以分", "分两期", "分两批", "分期", "分批", "phase", "we can phase", "we can split", "split it", "in two phases", "in phases"} {
		if strings.HasPrefix(low, w) || strings.HasPrefix(strings.TrimPrefix(low, "we can "), w) {
			return true
		}
	}
	return false
}

// inherit adds the keys of prev to e's, for matching and relatedness;
// e's head and what it is about are prev's subject, not words of its own.
func (e *entry) inherit(prev *entry) {
	e.keys = slices.Compact(slices.Sorted(slices.Values(slices.Concat(e.keys, prev.keys))))
	e.head = nil
	e.core = prev.core
	e.inherited = true
	e.from = prev
}
