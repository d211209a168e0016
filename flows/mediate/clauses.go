package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A need written as prose carries its request in one clause and the
// reasons around it: "我们最急的是退款流程，现在用户申请退款要走5步，客服每天
// 光解释这个就得花两个小时". Measured as a whole, an offer that meets the
// request covers too little of it to be matched; so each clause that is
// not a reason or background is also measured on its own (see meets).

// reasonOpeners open a clause that explains a need rather than asks:
// a cause, a consequence, the current state, what happened before.
var reasonOpeners = []string{
	"because", "since", "otherwise", "so that", "as ", "right now", "currently", "today ", "last year",
	"last time", "or else", "which", "that's why", "the current",
	"不然", "否则", "因为", "现在", "目前", "去年", "上次", "之前", "以免", "免得", "省得", "毕竟", "不然的话",
	"这个", "这样", "导致", "每次都", "经常", "一直", "每年", "往年", "every year", "usually",
	"光靠", // "only relying on": a complaint about how things go now
	// what the side will do with it: "给到 CS，我们要准备 training"
	"我们要准备", "我们得准备", "我们好准备", "好让我们", "方便我们", "便于我们",
}

// askWords mark a clause that asks for something.
var askWords = []string{"need", "want", "would like", "we'd love", "please", "require", "ask", "looking for",
	"must", "have to", "should", "hope", "would be great", "'d be great",
	"希望", "需要", "要", "想", "请", "能不能", "能否", "得", "帮", "麻烦", "必须", "务必", "最好", "一定",
	// asking to be told is asking: "动之前打声招呼"
	"打声招呼", "打个招呼", "说一声", "知会",
	// "give us a" is asking: "不能用的话给个替换说法"
	"给个", "给一个",
	// a complaint that something is too slow or too little asks for more of it
	"太慢", "太久", "太晚", "不够", "too slow", "takes too long", "too late", "not enough",
	// what a side lacks most is what it asks
	"最缺", "最急", "最需要",
	// a pressing question asks for its answer: "到底哪些能用"
	"到底哪些", "到底哪个", "到底怎么", "到底能不能",
	// what a side says it lacks is what it asks: "我们手上没有能直接发的报价单"
	"手上没有", "手里没有", "手头没有", "我们没有", "缺少", "缺一份", "缺一个", "缺个", "we don't have", "we don’t have", "we have no"}

// questionWords put a question of how much, how many or who, which asks
// for its answer ("每个部门最多能分多少钱", "运费谁出"), unless the question
// is one others put, reported after 问 ("客户都来问批量买怎么算").
var questionWords = []string{"多少", "怎么算", "谁来", "谁出", "谁负责"}

// howManyRe is 几 asking how many ("撑几天", "几款", "跑几轮"), not in a
// few days past or to come ("过几天", "前几天", "这几周").
var howManyRe = regexp.MustCompile(`(?:^|[^过这前那好头近后])几[天个款次家周件台轮组名位人]`)

// asks reports whether clause asks for something. "Asked" reports an
// ask made before, often by others ("partners asked for the letter"): it
// gives the reason, it is not the side's request.
func asks(clause string) bool {
	low := strings.ReplaceAll(lower(clause), "asked", "")
	own := low[:reportedAt(low)]
	return says(low, askWords) || says(own, questionWords) || strings.Contains(own, "几") && howManyRe.MatchString(own)
}

// reportedAt returns where low reports a question others put: its first
// 问 that is a verb, not in 问题 or 问卷; len(low) when none.
func reportedAt(low string) int {
	for i := 0; i < len(low); {
		j := strings.Index(low[i:], "问")
		if j < 0 {
			break
		}
		at := i + j
		rest := low[at+len("问"):]
		if !strings.HasPrefix(rest, "题") && !strings.HasPrefix(rest, "卷") {
			return at
		}
		i = at + len("问")
	}
	return len(low)
}

// reasonInside returns where a reason starts inside a clause with no comma
// before it ("a clean taxonomy so our funnels stop double counting"), or 0.
func reasonInside(text string) int {
	low := lower(text)
	best := 0
	for _, w := range []string{" so ", " so that ", " because ", " since ", " otherwise ", " while ", "不然", "否则", "因为", "以免"} {
		if i := strings.Index(low, w); i > 0 && (best == 0 || i < best) {
			best = i
		}
	}
	return best
}

// requestClauses returns the clauses of n that ask for something, as
// entries of their own, or nil when n is a single clause.
func requestClauses(n *entry) []*entry {
	if partEnd(n.Text) < 0 && reasonInside(n.Text) == 0 {
		return nil // one clause, read whole: the need itself
	}
	var out []*entry
	start := 0
	for start < len(n.Text) {
		end := partEnd(n.Text[start:])
		if end < 0 {
			end = len(n.Text)
		} else {
			end += start
		}
		if p := clauseEntry(n, start, end); p != nil {
			out = append(out, p)
		}
		if end == len(n.Text) {
			break
		}
		start = end + utf8.RuneLen(firstRune(n.Text[end:]))
	}
	if len(out) == 1 && out[0].Text == n.Text {
		return nil
	}
	return out
}

func isClauseMark(r rune) bool {
	switch r {
	case ',', '，', ';', '；', ':', '：':
		return true
	}
	return false
}

// soAsks reports whether s is " so " and a subject that asks: after a
// statement of fact, "so they need …" is the request, not its reason.
func soAsks(s string) bool {
	low := lower(s)
	for _, who := range []string{"we", "they", "i", "you"} {
		for _, w := range []string{"need", "want", "require", "must"} {
			if strings.HasPrefix(low, " so "+who+" "+w+" ") {
				return true
			}
		}
	}
	return false
}

// partEnd returns where the first clause or sentence of s ends, or -1:
// an item may hold a lead-in sentence and the request (see continued).
func partEnd(s string) int {
	for i, r := range s {
		if isClauseMark(r) || strings.ContainsRune("。!?！？", r) || r == '.' && spaceFollows(s, i+1) {
			return i
		}
	}
	return -1
}

// clauseEntry reads the clause n.Text[start:end], or nil when it gives a
// reason or holds no term.
func clauseEntry(n *entry, start, end int) *entry {
	if start >= end || end > len(n.Text) {
		return nil
	}
	text := n.Text[start:end]
	if i := reasonInside(text); i > 0 && !asks(text[:i]) && soAsks(text[i:]) {
		text, start = text[i+len(" so "):], start+i+len(" so ") // "in Germany so they need a DPA": the DPA is asked
	} else if i > 0 {
		text, end = text[:i], start+i
	}
	low := lower(strings.TrimLeft(text, " "))
	for _, w := range reasonOpeners {
		if strings.HasPrefix(low, w) && !(isHan(firstRune(w)) && hasAnyPrefix(low[len(w):], zhAsks)) {
			return nil // "这个得有…的人直接配合" asks, of the thing just named
		}
	}
	p := &entry{Item: Item{Side: n.Side, Text: text}, at: n.at, low: lower(text)}
	for _, t := range n.terms { // the need's own terms, so the clause is not read twice
		if t.start >= start && t.end <= end {
			t.start, t.end = t.start-start, t.end-start
			p.terms = append(p.terms, t)
		}
	}
	p.keys = uniqueKeys(p.terms)
	if len(p.keys) == 0 {
		return nil
	}
	p.phr = phrases(p)
	p.readHeads()
	p.core = coreOf(p)
	return p
}

// bearWords say that a side cannot bear how things stand: a clause of
// them, after the one that asks, gives the reason for the request ("找国产替代，
// 进口的交期和价格都扛不住"), not a second request.
var bearWords = []string{"扛不住", "吃不消", "受不了", "顶不住", "承受不了", "撑不住", "can't afford", "cannot afford", "can't bear", "can't sustain", "is killing us", "are killing us"}

// askingKeys returns the keys of n without those of the clauses that say
// what it cannot bear after one that asks (see bearWords), or nil when it
// has no such clause.
func askingKeys(n *entry) []string {
	var keys []string
	bearing := false
	for i, p := range n.parts {
		if i > 0 && says(p.low, bearWords) {
			bearing = true
			continue
		}
		keys = append(keys, p.keys...)
	}
	if !bearing {
		return nil
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// leansOnReasons reports whether the strong keys need n shares with
// offer o lie partly in the clauses that only explain n, and the asking
// ones share at most one: the words of a reason ("进口的交期和价格都扛不
// 住") do not say what is asked ("找国产替代").
func (c *collab) leansOnReasons(n, o *entry) bool {
	if n.askKeys == nil {
		return false
	}
	strong := c.strongShared(n, o)
	in := intersect(strong, n.askKeys)
	return len(in) < len(strong) && len(in) <= 1
}

// anyAt reports whether f holds at some place where word stands in text,
// given the text before and after it there.
func anyAt(text, word string, f func(before, after string) bool) bool {
	for i := strings.Index(text, word); i >= 0; {
		if f(text[:i], text[i+len(word):]) {
			return true
		}
		j := strings.Index(text[i+len(word):], word)
		if j < 0 {
			return false
		}
		i += len(word) + j
	}
	return false
}
