package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A needs answer written as prose tells how the side works as often as
// what it asks: "样品到了先做来料检验和尺寸，1 天", "10 万次开关寿命要 9 个
// 工作日", "换电机不是换个料号那么简单", "Our security review takes 10
// business days". Such a sentence asks the other side for nothing: its
// subject is the side's own work and its predicate a duration, an order
// of steps or a judgement. It is context — a lead time, a reason: it may
// still be met by an offer ("样品至少要 30 套" beside the test plan), but
// left unmet it is no open point, and a date in it is not the side's
// deadline. A sentence is a need as soon as it holds a
// request ("需要", "想要", "得有", "we need", "please"), whatever else it
// says; without one it is context only on positive evidence (a duration,
// a step order, a judgement), since a bare noun phrase ("5 台笔记本",
// "Laptops for the new hires") is the commonest way to ask.

// isStatement reports whether need e states the side's own work rather
// than asking for something.
func isStatement(e *entry) bool {
	low := e.lowText()
	if ownLead(e) {
		return true
	}
	takesTime := e.hasLead && !inReason(e.Text, e.lead.Phrase) && spent(e.Text, e.lead.Phrase)
	if requests(low, takesTime) || datedAsk(e) {
		return false
	}
	pairs := pairsOf(low)
	return takesTime ||
		pairs.said(low, judgeWords) || pairs.said(low, stepWords) || e.waits() || pairs.said(low, forecastWords) || pairs.said(low, clockWords) || owed(low) || background(low)
}

// clockWords say when the side's own count of days starts: "the clock
// doesn't start on partial packs", "缺一份不开始算". A rule of its process,
// stated as context for the lead time, asks for nothing.
var clockWords = []string{"the clock doesn't start", "the clock does not start", "the clock won't start", "the clock starts",
	"clock only starts", "不开始算", "不起算", "才开始算", "才起算", "才开始计时"}

// datedAsk reports whether e asks for something by a date of its own in
// a clause other than the one stating a duration: "海报6月12日前要定稿，印
// 厂要留一周" asks for the poster; the printer's week says why so early.
// The date's limit asks by itself: "Sign-off by Fri May 8. Printer needs
// 10 business days".
func datedAsk(e *entry) bool {
	if !e.hasDeadline || !ownDate(e) || !e.hasLead {
		return false
	}
	if isLimit(e.deadline.Phrase) && sentencesApart(e.Text, e.deadline.Phrase, e.lead.Phrase) {
		return true
	}
	cl := clauseOf(e.Text, e.deadline.Phrase)
	return cl != clauseOf(e.Text, e.lead.Phrase) && asks(withoutPhrase(cl, e.deadline.Phrase))
}

// sentencesApart reports whether phrases a and b of text stand in
// different sentences.
func sentencesApart(text, a, b string) bool {
	i, j := strings.Index(text, a), strings.Index(text, b)
	if i < 0 || j < 0 {
		return false
	}
	if j < i {
		i, j, a = j, i, b
	}
	return j > i+len(a) && strings.ContainsAny(text[i+len(a):j], "。！？!?；;\n") || strings.Contains(text[i+len(a):j], ". ")
}

// says reports whether low (lower case) holds any of words. Most texts
// hold none of a list, so each word is first looked up by its last two
// bytes among the pairs of bytes low holds, which passes most words over
// without searching low for them.
func says(low string, words []string) bool {
	pairs := pairsOf(low)
	return pairs.said(low, words)
}

// said is says for a caller that asks low about several lists: p are the
// pairs of low, read once for them all.
func (p *bytePairs) said(low string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return p.mayHold(w) && strings.Contains(low, w) })
}

// bytePairs is a set of pairs of adjacent bytes, hashed to 1024 bits: a
// text holds a word only if it holds each pair of the word's bytes.
type bytePairs [16]uint64

func pairsOf(s string) bytePairs {
	var p bytePairs
	for i := 0; i+1 < len(s); i++ {
		h := pairHash(s[i], s[i+1])
		p[h/64] |= 1 << (h % 64)
	}
	return p
}

// mayHold reports whether a text of pairs p may hold w: false when it
// lacks the pair of w's last two bytes.
func (p *bytePairs) mayHold(w string) bool {
	return len(w) < 2 || p.has(w[len(w)-2], w[len(w)-1])
}

func (p *bytePairs) has(a, b byte) bool {
	h := pairHash(a, b)
	return p[h/64]&(1<<(h%64)) != 0
}

// pairHash keeps the low bits of both bytes: those that tell apart the
// letters of English and the characters of Chinese.
func pairHash(a, b byte) uint {
	return (uint(a)<<6 ^ uint(b)) & 1023
}

// takeVerbs say in English that work lasts a duration.
var takeVerbs = []string{"take", "takes", "took", "will take", "'ll take", "lasts", "runs for", "we need", "needs", "will need", "requires", "ships", "delivers", "quotes"}

// spent reports whether duration phrase is what the work of text takes:
// the predicate of its clause ("…和尺寸，1 天", "寿命要 9 个工作日", "Our
// review takes 10 business days"), not a time the item asks for
// ("上线前一周做一次设计走查", "the plan 4 weeks before launch").
func spent(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 || phrase == "" {
		return false
	}
	if strings.IndexFunc(phrase, isHan) >= 0 {
		after := strings.TrimLeft(text[i+len(phrase):], " ")
		return after == "" || isClauseMark(firstRune(after)) || strings.ContainsRune("。！？；（(", firstRune(after)) || resultAfter(after)
	}
	before := lower(suffix(text[:i], 24))
	if hasAnyWordSuffix(strings.TrimRight(before, " ~"), []string{"so", "that's", "which is", "so about", "so roughly", "is", "it's", "=", "is about", "is around", "is roughly", "is usually", "is typically"}) {
		return true // "two stores a day, so six business days for the twelve": what the work adds up to
	}
	if strings.HasSuffix(strings.TrimRight(before, " "), "要") {
		return true // "prototype 要 10 working days from PRD sign-off"
	}
	return slices.ContainsFunc(takeVerbs, func(w string) bool { return strings.Contains(before, " "+w+" ") || strings.HasPrefix(before, w+" ") })
}

// resultWords, right after a duration, say what the work has yielded by
// then: "5 个工作日出意见", "3 个工作日出数", "10 个工作日完成".
var resultWords = []string{"出", "完成", "做完", "交付", "搞定", "能好", "给结论", "给意见", "给结果", "到货", "到账", "上线", "送电"}

// resultAfter reports whether after, the text right after a duration,
// opens with what the work yields and ends its clause soon after.
func resultAfter(after string) bool {
	if !hasAnyPrefix(after, resultWords) {
		return false
	}
	end := strings.IndexFunc(after, func(r rune) bool { return isClauseMark(r) || strings.ContainsRune("。！？；（(", r) })
	return end < 0 || utf8.RuneCountInString(after[:end]) <= 6
}

// zhAsks mark a Chinese request of the other side. "要" alone is one too,
// unless it means "takes" (要 9 个工作日) or a third party's demand on us
// (他们要我们…: our obligation, the background of a deadline).
var zhAsks = []string{"需要", "想要", "希望", "请", "麻烦", "得有", "要有", "需", "提供", "给我们", "给个", "帮",
	"能否", "能不能", "可否", "最好", "尽快", "配合", "支持", "要求", "拿到", "留出", "留够", "留足"}

// enAsks mark an English request.
var enAsks = []string{"need", "want", "would like", "'d like", "please", "could you", "can you", "can we", "ask",
	"require", "request", "looking for", "send us", "give us", "provide", "share", "help", "hoping", "expect",
	"must have", "should", "we'd love", "from you", "from your"}

// afterStep returns where, in a Chinese clause, the step a length counts
// from ends ("copy 定稿后 10 个工作日": after 后), when a length follows it;
// else 0.
func afterStep(part string) int {
	for _, w := range zhAfter {
		if i := strings.Index(part, w); i > 0 && takes(part[i+len(w):]) {
			return i + len(w)
		}
	}
	return 0
}

// countsFrom reports whether Chinese clause low names where a count of
// days starts: "从设计定稿算", "从签合同起", "从收到那天开始算".
func countsFrom(low string) bool {
	return strings.HasPrefix(low, "从") && says(low, []string{"算", "起", "开始"})
}

// requests reports whether low (lower case) holds a request of the other
// side. "需要7个工作日", "the review needs 5 days" say how long the work takes, and
// in a sentence that ends on such a duration a bare 要 is a step of the
// work ("定面试官要跟各组长对排期，需要5个工作日"), not a request.
func requests(low string, takesTime bool) bool {
	if takesTime {
		low = withoutSteps(withoutAsides(low)) // "（要逐条对广告法）" says how the work is done; "拿到名单以后" is its step
	}
	low = strings.ReplaceAll(withoutDurations(low), "requirement", "") // "that's a regulatory requirement" names a rule, asks nothing
	low = strings.ReplaceAll(low, "required by", "")                   // "required by law": whose rule it is
	if says(low, zhAsks) || says(low, enAsks) {
		return true
	}
	if takesTime { // a bare 要 before the duration is a step of the work
		low = afterDuration(low)
	}
	return anyAt(low, "要", func(before, after string) bool {
		return !takes(after) && !theirDemand(before, after) && !foreseen(before)
	})
}

// withoutAsides returns low without its bracketed remarks.
func withoutAsides(low string) string {
	var b strings.Builder
	depth := 0
	for _, r := range low {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// withoutSteps blanks "拿到"/"收到" where it names the step a count of days
// starts from ("拿到完整的录用名单以后"): a when, not a request.
func withoutSteps(low string) string {
	for _, w := range []string{"拿到", "收到"} {
		for i := strings.Index(low, w); i >= 0; i = strings.Index(low, w) {
			rest := low[i+len(w):]
			end := strings.IndexFunc(rest, isClauseMark)
			if end < 0 {
				end = len(rest)
			}
			if !says(rest[:end], []string{"后", "以后", "之后"}) {
				break
			}
			low = low[:i] + "  " + rest
		}
	}
	return low
}

// afterDuration returns the text after the last clause of low that ends
// on a duration.
func afterDuration(low string) string {
	out := low
	for i, r := range low {
		if isClauseMark(r) || strings.ContainsRune("。！？；", r) {
			if endsInDuration(strings.TrimRight(low[:i], " ")) {
				out = low[i:]
			}
		}
	}
	if endsInDuration(strings.TrimRight(low, " 。")) {
		return ""
	}
	return out
}

// endsInDuration reports whether s ends in a span of time ("需要5个工作日").
func endsInDuration(s string) bool {
	for _, n := range []int{24, 18, 12, 9, 6} {
		if t := suffix(s, n); isSpan(t) && takes(t) {
			return true
		}
	}
	return false
}

// withoutDurations blanks each word of need followed by a duration. The
// text is copied once, on the first word blanked, and each part of it is
// read once per word of need: a pasted page holds hundreds of them.
func withoutDurations(low string) string {
	var b []byte // low with the words blanked so far; nil until one is
	text := func(from, to int) string {
		if b == nil {
			return low[from:to]
		}
		return string(b[from:to])
	}
	for _, w := range []string{"需要", "needs"} { // "we need 1 day of testing" asks for the day
		named, read := false, 0 // whether the text before read names anything
		for from := 0; ; {
			i := strings.Index(low[from:], w) // blanking one word makes or unmakes none of the other
			if i < 0 {
				break
			}
			i += from
			named = named || strings.TrimSpace(text(read, i)) != ""
			j := i + len(w)
			for j < len(low) && (b == nil && low[j] == ' ' || b != nil && b[j] == ' ') {
				j++
			}
			// takes reads a few characters past the spaces, no more
			if named && takes(text(j, min(len(low), j+32))) { // the work it takes is named before
				if b == nil {
					b = []byte(low)
				}
				fillSpaces(b[i : i+len(w)])
			} else {
				named = true // the word itself, before the next
			}
			from, read = i+len(w), i+len(w)
		}
	}
	if b == nil {
		return low
	}
	return string(b)
}

// takes reports whether the text after "要" is a duration: "要 9 个工作日",
// "要两周".
func takes(after string) bool {
	t := strings.TrimLeft(after, " ")
	f := []rune(prefix(t, 12))
	if len(f) == 0 {
		return false
	}
	return (f[0] >= '0' && f[0] <= '9' || strings.ContainsRune("一二两三四五六七八九十半几", f[0])) && isSpan(prefix(t, 24))
}

// theirDemand reports whether "要" is a third party's demand on the
// writer's side: "他们要我们 11/20 前回续签量".
func theirDemand(before, after string) bool {
	b := strings.TrimRight(before, " ")
	return (strings.HasSuffix(b, "他们") || strings.HasSuffix(b, "对方") || strings.HasSuffix(b, "客户")) &&
		strings.HasPrefix(strings.TrimLeft(after, " "), "我们")
}

// owedWords say that a third party asks the writer's side for something:
// the background of the side's own deadline, not a request of the other
// side ("他们要我们 11/20 前回续签量", "the bank wants us to confirm").
var owedWords = []string{"他们要我们", "对方要我们", "客户要我们", "他们要求我们", "对方要求我们", "they want us to",
	"they need us to", "they asked us to", "they've asked us to", "they require us to"}

// A demand that names the other side ("they want us to get your sign-off")
// is a request passed on, not background.
func owed(low string) bool {
	low = strings.ReplaceAll(low, " ", "")
	if strings.Contains(low, "you") || strings.Contains(low, "你们") {
		return false
	}
	return says(low, owedKeys)
}

// owedKeys are owedWords without their spaces, as owed reads the text.
var owedKeys = withoutSpaces(owedWords)

func withoutSpaces(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ReplaceAll(w, " ", "")
	}
	return out
}

// forecastWords say what the writer expects to happen: "11/1-11/3 每天出库
// 估计要到 6 万单", "traffic is projected to triple". A forecast is the
// background of a need, not one. In English "forecast" is as often the
// thing asked for ("a headcount forecast", "the regions use for
// forecasting"): only its verb, or a forecast said to be or show
// something, forecasts.
var forecastWords = []string{"估计", "预计", "预估", "预测", "we forecast", "we're forecasting", "we are forecasting", "is forecast to", "are forecast to",
	"forecast is", "forecast shows", "forecasts show", "forecast says", "forecasted", "projected to", "we estimate", "expected to reach"}

// foreseen reports whether "要" after before means "will" in a forecast:
// "估计要到 6 万单".
func foreseen(before string) bool {
	b := strings.TrimRight(before, " ")
	return slices.ContainsFunc([]string{"估计", "预计", "预估", "可能", "大概", "应该"}, func(w string) bool { return strings.HasSuffix(b, w) })
}

// background reports whether text opens as a reason or the state of
// things ("Last year leads went into a spreadsheet", "目前每单要人工核对"):
// with no request in it, it only explains the needs around it.
func background(low string) bool {
	low = strings.TrimLeft(low, " ")
	if strings.HasPrefix(low, "the current") && !statesSomething(low) {
		return false // "The current handbook as an editable Word file": a thing asked for
	}
	return slices.ContainsFunc(reasonOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) ||
		slices.ContainsFunc(cannotOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) ||
		slices.ContainsFunc(ownDoOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) && !says(low, obliged) ||
		pastOccasion.MatchString(low)
}

// pastOccasion opens with an earlier occasion of the same kind and what
// happened then ("last migration we had 140 truck rolls", "上一轮大促仓库爆
// 了"): an anecdote behind the needs, not one of them.
var pastOccasion = regexp.MustCompile(`^(?:last\s+[a-z-]+(?:\s+[a-z-]+)?(?:,|\s+(?:we|there|it|they|our|the|people|everyone|nobody)\s)|in the past\b|previously\b|historically\b|上一轮|上一次|上回|上个月|上季度|上一期|过去几年|以往)`)

// conclusionOpeners open a sentence drawn from the one before: "所以海报
// 9/18 前一定要送到", "So we need the badges by Friday".
var conclusionOpeners = []string{"所以", "因此", "因而", "于是", "so ", "so,", "that's why", "that’s why", "which is why", "hence", "therefore"}

// plainAsks ask in so many words; a sentence without them asks nothing
// of its own when the next one draws its request from it.
var plainAsks = []string{"需要", "希望", "想要", "请", "要求", "麻烦", "帮忙", "need", "want", "please", "would like", "could you", "can you"}

// reasonFor reports whether need n is the reason for the next one, next:
// next opens by drawing its conclusion ("所以…", "so…") and n asks for
// nothing in so many words ("今年最怕的就是物料晚到，去年海报周二才到"). It
// is the background of that request, not one of its own.
func reasonFor(n, next *entry) bool {
	low := strings.TrimLeft(next.lowText(), " ")
	return slices.ContainsFunc(conclusionOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) && !says(n.lowText(), plainAsks)
}

// cannotOpeners open what the writer's own side cannot do without what it
// asks ("we can't create accounts for TBD"): in a needs answer, the reason
// for a request, not one. (An offer's "we can't … in under 2 weeks" still
// states its lead time.)
var cannotOpeners = []string{"we can't", "we can’t", "we cannot", "我们没法", "我们无法"}

// ownDoOpeners open what the writer's own side will do ("we can instruct
// them today", "我们今天就可以提单"): in a needs answer, a step the side
// takes itself, which asks the other side for nothing.
var ownDoOpeners = []string{"we can ", "we could ", "we'll ", "we’ll ", "we will ", "i can ", "i'll ", "i’ll ", "我们可以", "我们能", "我们会", "我们这边可以"}

// obliged words say the side must do or have something ("we'll have to
// get Legal's sign-off by Friday"): what it must have may be the ask.
var obliged = []string{"have to", "has to", "got to", "得有", "必须"}

// stateVerbs say how things stand in English: "the current process takes 5
// days", "the current handbook is out of date".
var stateVerbs = []string{"is", "are", "was", "were", "has", "have", "had", "takes", "took", "goes", "runs", "gets",
	"keeps", "lives", "sits", "doesn't", "isn't", "aren't", "wasn't", "can't", "won't", "only", "still"}

// statesSomething reports whether the first clause of low holds a verb
// of state: without one it is a noun phrase, the commonest way to ask.
func statesSomething(low string) bool {
	if i := strings.IndexFunc(low, isClauseMark); i >= 0 {
		low = low[:i]
	}
	return slices.ContainsFunc(strings.Fields(low), func(w string) bool { return slices.Contains(stateVerbs, w) })
}

// judgeWords say how hard the work is, or what it depends on, not what
// is asked.
var judgeWords = []string{"那么简单", "这么简单", "没那么容易", "不是小事", "not as simple as", "isn't as simple as",
	"not that simple", "isn't that simple", "not just a matter of", "more than just", "only as good as",
	// a rule the side holds to, or what keeps happening to it: "Not negotiable for billing code",
	// "customers keep finding out on twitter before we tell them"
	"not negotiable", "non-negotiable", "没得商量", "没商量", "keep finding out", "keeps finding out", "kept finding out",
	"here's where we are", "here is where we are", "where we're at", "说一下现状", "先说下背景"}

// stepWords order the writer's own steps: "验证过了还得试产一次才能切量产",
// "then we run", "before we can ship".
var stepWords = []string{"才能", "还得", "先做", "然后", "before we can", "then we ", "first we ", "after that we "}

// stepOnly reports whether statement n shares with o only words of the
// step its work waits for: in "样品到了先做来料检验和尺寸，1 天" the samples
// are when the inspection starts, not something it asks for, so an offer
// of samples does not meet it.
func (c *collab) stepOnly(n, o *entry) bool {
	if !n.statement {
		return false
	}
	if !n.stepsRead {
		n.steps, n.stepsRead = append(stepSpans(n.Text), leadStep(n)...), true
	}
	if len(n.steps) == 0 {
		return false
	}
	shared := c.strongShared(n, o)
	return !slices.ContainsFunc(n.terms, func(t term) bool {
		return slices.Contains(shared, t.key) && !slices.ContainsFunc(n.steps, func(s [2]int) bool { return t.start >= s[0] && t.end <= s[1] })
	})
}

// countedFrom open the step a lead time counts from, besides conditionMarks.
var countedFrom = []string{"from "}

// leadStep returns where n names, right after its lead time, the step the
// time counts from ("takes 10 business days from a complete pack"), up to
// the end of the clause, or nil.
func leadStep(n *entry) [][2]int {
	if !n.hasLead || n.lead.Phrase == "" || hasHan(n.Text) {
		return nil
	}
	i := strings.Index(n.Text, n.lead.Phrase)
	if i < 0 {
		return nil
	}
	at := i + len(n.lead.Phrase)
	rest := strings.TrimLeft(lower(n.Text[at:]), " ")
	if !slices.ContainsFunc(slices.Concat(conditionMarks, countedFrom), func(m string) bool { return strings.HasPrefix(rest, m) }) {
		return nil
	}
	end := len(n.Text)
	if j := strings.IndexFunc(n.Text[at:], isClauseMark); j >= 0 {
		end = at + j
	}
	return [][2]int{{at, end}}
}

// stepSpans returns where text names a step to wait for: a Chinese clause
// up to its marker ("样品到了"), an English clause opening with one ("once
// the specs land").
func stepSpans(text string) [][2]int {
	var out [][2]int
	start := 0
	for _, part := range strings.FieldsFunc(text, isClauseMark) {
		at := start + strings.Index(text[start:], part)
		start = at + len(part)
		low := lower(strings.TrimLeft(part, " "))
		if slices.ContainsFunc(conditionMarks, func(m string) bool { return strings.HasPrefix(low, m) }) || countsFrom(low) {
			out = append(out, [2]int{at, start})
			continue
		}
		if j := afterStep(part); j > 0 {
			out = append(out, [2]int{at, at + j}) // "标准排期是 copy 定稿后 10 个工作日": the copy is the step
			continue
		}
		for _, m := range zhWhen {
			if i := strings.Index(part, m); i >= 0 {
				out = append(out, [2]int{at, at + i + len(m)})
				break
			}
		}
	}
	return out
}
