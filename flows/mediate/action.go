package mediate

import (
	"slices"
	"strings"
)

// Two items about the same thing may ask and offer different work on it:
// "活动页4月20日前上线" asks for the page to go live, "活动页按机型清单做适配"
// offers to adapt it to the device list; "the checkout live by May 8" and
// "checkout load testing" name one checkout and two jobs. When each names
// what is done to the thing and the two jobs are of different kinds, the
// shared thing does not make the offer meet the need: adapting a page does
// not launch it. An item that names no job (most offers of a thing or a
// person) is not judged by this.

// actionKinds groups the concepts that name a kind of work done to a
// thing; concepts of one group are the same job in other words.
var actionKinds = [][]string{
	{"#launch", "#release", "#deploy"},
	{"#compat"},
	{"#test"},
	{"#fix"},
	{"#approval", "#review", "#design_review"},
	{"#localization"},
	{"#optimize"},
	{"#training"},
}

// actionsOf returns the indexes of the kinds of work e names as its work,
// not as the moment something happens: "before launch", "for each test",
// "上线前", "测试期间" say when.
func actionsOf(e *entry) []int {
	var out []int
	for _, t := range e.terms {
		if marksTime(e.Text, t) {
			continue
		}
		for i, kind := range actionKinds {
			if slices.Contains(kind, t.key) && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

// Words that make the work next to them a moment: before it in English,
// after it in Chinese; and words that open a clause of time ("when the
// billing page launches", "等页面上线").
var (
	enWhenWords   = []string{"before", "after", "until", "till", "since", "during", "each", "every", "any", "per", "prior to", "ahead of", "at"}
	zhWhenWords   = []string{"前", "后", "之前", "之后", "以前", "以后", "时", "期间", "当天", "那天"}
	enWhenClauses = []string{"when", "once", "after", "before", "until", "as soon as", "by the time", "whenever"}
	zhWhenClauses = []string{"等", "一旦", "赶在", "在"}
)

// marksTime reports whether term t of text names a moment (see actionsOf).
func marksTime(text string, t term) bool {
	after := strings.TrimLeft(text[t.end:], " ")
	if slices.ContainsFunc(zhWhenWords, func(w string) bool { return strings.HasPrefix(after, w) }) {
		return true
	}
	before := strings.ToLower(strings.TrimRight(text[:t.start], " "))
	for _, w := range enWhenWords {
		if strings.HasSuffix(before, " "+w) || before == w || strings.HasSuffix(before, " "+w+" the") || strings.HasSuffix(before, " "+w+" new") {
			return true
		}
	}
	clause := before[strings.LastIndexFunc(before, isClauseMark)+1:]
	words := " " + clause + " "
	return slices.ContainsFunc(enWhenClauses, func(w string) bool { return strings.Contains(words, " "+w+" ") }) ||
		hasHan(clause) && slices.ContainsFunc(zhWhenClauses, func(w string) bool { return strings.HasPrefix(clause, w) })
}

// actionsDisagree reports whether need and offer each name work done to
// what they are about and no kind of it is the same.
func actionsDisagree(need, offer *entry) bool {
	nk, ok := actionsOf(need), actionsOf(offer)
	if len(nk) == 0 || len(ok) == 0 {
		return false
	}
	return !slices.ContainsFunc(nk, func(i int) bool { return slices.Contains(ok, i) })
}
