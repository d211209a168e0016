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

// actionKinds groups the concepts and the words that name a kind of work
// done to a thing; those of one kind are the same job in other words. A
// concept may be of two kinds: an approval is a review, and it makes a
// draft final. The words are verbs read in the text, not concepts, so
// that they do not change what an item is read to be about.
var actionKinds = []struct{ keys, words []string }{
	{keys: []string{"#launch", "#release", "#deploy"}},
	{keys: []string{"#compat"}},
	{keys: []string{"#test"}},
	{keys: []string{"#fix"}},
	{keys: []string{"#approval", "#review", "#design_review"}, words: []string{"批一下", "批下来", "帮忙批", "给批", "批准", "批复"}},
	{keys: []string{"#localization"}},
	{keys: []string{"#optimize"}},
	{keys: []string{"#training"}},
	// paying money back is not explaining why it was taken
	{keys: []string{"#refund"}},
	{keys: []string{"#explainer"}},
	{keys: []string{"#approval"}, words: []string{"定稿", "定下来", "finalize", "finalise", "final"}},
	{words: []string{"销毁", "报废", "dispose", "destroy", "shred", "purge"}},
	{words: []string{"安装", "装好", "装机", "install"}},
	// telling others how a thing stands is not deciding on it: a budget
	// report does not approve a budget
	{words: []string{"通报", "汇报", "公示", "公布", "披露"}},
	{words: []string{"电子化", "数字化", "digitize", "digitise"}},
	// sending goods back is not delivering them: "剩货退回物流中心" is no
	// "配送到店"
	{words: []string{"退回", "退还", "退货", "返还", "撤回", "拉回", "逆向物流", "send back", "return to", "returned to", "reverse logistics"}},
	{words: []string{"配送", "送到", "送货", "发货", "deliver", "ship to", "shipped to"}},
}

// actionsOf returns the indexes of the kinds of work e names as its work,
// not as the moment something happens: "before launch", "for each test",
// "上线前", "测试期间" say when.
func actionsOf(e *entry) []int {
	if e.actsRead {
		return e.acts // read once: every pair asks again
	}
	e.acts, e.actsRead = readActions(e), true
	return e.acts
}

// readActions reads the kinds of work e names (see actionsOf).
func readActions(e *entry) []int {
	var out []int
	add := func(i int) {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	low := strings.ToLower(e.Text)
	for i, kind := range actionKinds {
		for _, t := range e.terms {
			if slices.Contains(kind.keys, t.key) && !marksTime(e.Text, t) {
				add(i)
			}
		}
		for _, w := range kind.words {
			if j := wordAt(low, w); j >= 0 && !marksTime(e.Text, term{start: j, end: j + len(w)}) {
				add(i)
			}
		}
	}
	return out
}

// wordAt returns where word w stands in low: anywhere for Chinese, at the
// start of an English word (its forms follow: "finalized"); -1 when not.
func wordAt(low, w string) int {
	for from := 0; from < len(low); {
		j := strings.Index(low[from:], w)
		if j < 0 {
			return -1
		}
		j += from
		if isHan(firstRune(w)) || j == 0 || !isLetter(lastRune(low[:j])) {
			return j
		}
		from = j + len(w)
	}
	return -1
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

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
