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

// readActions reads the kinds of work e names (see actionsOf), in the
// order of actionKinds. A term finds its kinds through actionKeyKinds, and
// a word that e cannot hold is passed over without a search.
func readActions(e *entry) []int {
	var named uint64 // the kinds found, by index
	for _, t := range e.terms {
		for _, i := range actionKeyKinds[t.key] {
			if named&(1<<i) == 0 && !marksTime(e.Text, t) {
				named |= 1 << i
			}
		}
	}
	low := lower(e.Text)
	pairs := pairsOf(low)
	for i, kind := range actionKinds {
		if named&(1<<i) == 0 && slices.ContainsFunc(kind.words, func(w string) bool {
			j := -1
			if pairs.mayHold(w) {
				j = wordAt(low, w)
			}
			return j >= 0 && !marksTime(e.Text, term{start: j, end: j + len(w)})
		}) {
			named |= 1 << i
		}
	}
	var out []int
	for i := range actionKinds {
		if named&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// actionKeyKinds maps each concept of actionKinds to the indexes of the
// kinds it is of. Built once, read only.
var actionKeyKinds = kindsByKey()

func kindsByKey() map[string][]int {
	if len(actionKinds) > 64 {
		panic("mediate: readActions keeps the kinds of work in 64 bits")
	}
	out := map[string][]int{}
	for i, kind := range actionKinds {
		for _, k := range kind.keys {
			out[k] = append(out[k], i)
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
	if hasAnyPrefix(after, zhWhenWords) {
		return true
	}
	before := lower(strings.TrimRight(text[:t.start], " "))
	if slices.ContainsFunc(enWhenWords, func(w string) bool { return endsInWhen(before, w) }) {
		return true
	}
	clause := before[strings.LastIndexFunc(before, isClauseMark)+1:]
	return slices.ContainsFunc(enWhenClauses, func(w string) bool { return holdsSpaced(clause, w) }) ||
		hasHan(clause) && hasAnyPrefix(clause, zhWhenClauses)
}

// endsInWhen reports whether before is when word w, or ends in it, maybe
// with "the" or "new" after ("before launch", "before the new build").
// The words are compared in place: marksTime runs for many terms.
func endsInWhen(before, w string) bool {
	if before == w || endsInSpaced(before, w) {
		return true
	}
	for _, next := range []string{" the", " new"} {
		if rest, ok := strings.CutSuffix(before, next); ok && endsInSpaced(rest, w) {
			return true
		}
	}
	return false
}

// endsInSpaced reports whether s ends in a space and w.
func endsInSpaced(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && strings.HasSuffix(s, w)
}

// holdsSpaced reports whether s holds w with a space or an end of s on
// either side: whether " "+s+" " holds " "+w+" ".
func holdsSpaced(s, w string) bool {
	return holdsApart(s, w, func(b byte) bool { return b != ' ' })
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
