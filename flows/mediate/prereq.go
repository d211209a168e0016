package mediate

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A lead time often counts from a step of the requester: "5 business days
// once we have the SSO metadata", "原型定稿后两周交付". When the requester
// offers that step with a date ("SSO metadata by tomorrow noon", "原型本周三
// 定稿"), the work starts then; when it offers the step without one, it is
// due at once, as the work waits for it.

// conditionMarks introduce, in English, the step a lead time waits for.
var conditionMarks = []string{"once ", "after ", "as soon as ", "when ", "from the ", "upon ", "from receipt of ", "counted from ", "counting from ", "starting from ", "from the day "}

// zhAfter end, in Chinese, the step a lead time waits for ("定稿后两周");
// zhWhen mark a clause that names it ("名单到了当天提交", "拿到定稿 PRD").
var (
	zhAfter = []string{"之后", "以后", "后"}
	zhWhen  = []string{"到了", "到手", "收到", "拿到", "一到", "到位后", "给到", "要等", "得等", "需等", "需要等", "等到"}
)

// condition returns the text of the step lead item l waits for, or "".
func condition(l *entry) string {
	clause := clauseOf(l.Text, l.lead.Phrase)
	low := lower(clause)
	for _, m := range conditionMarks {
		if i := strings.Index(low, m); i >= 0 {
			return clause[i+len(m):]
		}
	}
	if step, ok := stepAfterFrom(low, lower(l.lead.Phrase)); ok {
		return step
	}
	if step := stepBefore(l.Text, clause); step != "" {
		return step
	}
	if step := zhFromStep(clause, l.lead.Phrase); step != "" {
		return step
	}
	// A phrase of several steps ("5个工作日，之后…1个工作日") ends past its clause.
	if before, _, ok := strings.Cut(clause, l.lead.Phrase); ok {
		before = strings.TrimRight(before, " ")
		for _, m := range zhAfter {
			if strings.HasSuffix(before, m) {
				return strings.TrimSuffix(before, m)
			}
		}
		if step := zhStepIn(before); step != "" {
			return step
		}
	}
	if step := openingStep(l.Text, l.lead.Phrase); step != "" {
		return step
	}
	if step := openingCondition(l.Text, l.lead.Phrase); step != "" {
		return step
	}
	if step := zhFromStep(sentenceOf(l.Text, l.lead.Phrase), l.lead.Phrase); step != "" {
		return step // "从拿到需求到人员到岗，算上面试和体检要 15 个工作日": the span opens a clause before
	}
	for _, part := range strings.FieldsFunc(l.Text, isClauseMark) {
		for _, m := range zhWhen {
			if strings.Contains(part, m) {
				return part
			}
		}
	}
	return ""
}

// backSteps point a lead time's clause back to the step named before it:
// "starts once a frozen environment exists, and from that point it's 8
// business days", "样品到了以后开始算，从那天起 10 个工作日".
var backSteps = []string{"from that point", "from then", "from there", "from that day", "from that moment", "从那时起", "从那天起", "从那以后", "自那时起", "此后"}

// stepBefore returns the step named in the sentence before clause when
// clause points back to it, or "": in English after a condition mark, in
// Chinese the clause that names a handover or ends in 后.
func stepBefore(text, clause string) string {
	if !says(lower(clause), backSteps) {
		return ""
	}
	before, _, ok := strings.Cut(sentenceOf(text, clause), clause)
	if !ok {
		return ""
	}
	low := lower(before)
	for _, m := range conditionMarks {
		if j := strings.Index(low, m); j >= 0 {
			step := before[j+len(m):]
			if k := strings.IndexFunc(step, isClauseMark); k >= 0 {
				step = step[:k]
			}
			return strings.TrimSpace(step)
		}
	}
	for _, part := range strings.FieldsFunc(before, isClauseMark) {
		part = strings.TrimSpace(part)
		if says(part, zhWhen) || slices.ContainsFunc(zhAfter, func(m string) bool { return strings.HasSuffix(part, m) }) {
			return part
		}
	}
	return ""
}

// sentenceOf returns the sentence of text that holds phrase, or text.
func sentenceOf(text, phrase string) string {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return text
	}
	start := strings.LastIndexAny(text[:i], "。！？!?\n") + 1
	for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
		start++
	}
	return text[start:]
}

// zhFromEnds close the step a Chinese span is counted from: "从确认设计稿
// 到进场完工要8个工作日", "从拿到数据开始算3天".
var zhFromEnds = []string{"到", "开始", "起", "算"}

// zhReceive open a step with a verb holding 到 ("收到", "拿到").
var zhReceive = []string{"收到", "拿到", "接到", "得到", "等到"}

// zhFromStep returns the step a Chinese clause counts its duration from
// ("从X到…要N天": X), or "" when there is none or it is a time ("从今天起"),
// which starts nothing the requester must do.
func zhFromStep(clause, phrase string) string {
	rest, from, ok := zhFrom(clause, phrase)
	if !ok {
		return ""
	}
	end := len(rest)
	for _, m := range zhFromEnds {
		if j := strings.Index(rest[from:], m); j >= 0 && from+j < end {
			end = from + j
		}
	}
	step := strings.TrimSpace(rest[:end])
	if step == "" || end == len(rest) || hasDigit(step) || strings.ContainsAny(step, "今明昨现周月日号天") {
		return ""
	}
	return step
}

// zhFrom returns the text between 从 and phrase in clause, and where the
// step starts in it: past a receiving verb, whose 到 ends nothing ("从收到
// 定稿到…"); ok false when no 从 comes before phrase.
func zhFrom(clause, phrase string) (rest string, from int, ok bool) {
	before, _, ok := strings.Cut(clause, phrase)
	i := strings.Index(before, "从")
	if !ok || i < 0 {
		return "", 0, false
	}
	rest = before[i+len("从"):]
	for _, v := range zhReceive {
		if strings.HasPrefix(rest, v) {
			from = len(v)
		}
	}
	return rest, from, true
}

// zhSpanEnd returns what a Chinese span counted from a step ends in: "从
// 拿到需求到人员到岗，算上面试…要 15 个工作日": "人员到岗"; "" when the
// sentence holds no "从X到Y" before the span.
func zhSpanEnd(sentence, phrase string) string {
	rest, from, ok := zhFrom(sentence, phrase)
	if !ok {
		return ""
	}
	_, end, ok := strings.Cut(rest[from:], "到")
	if !ok {
		return ""
	}
	if j := strings.IndexFunc(end, isClauseMark); j >= 0 {
		end = end[:j]
	}
	end = strings.TrimSpace(end)
	for _, w := range []string{"需要", "要", "得", "大概", "一般"} {
		end = strings.TrimSuffix(end, w)
	}
	return strings.TrimSpace(end)
}

// notAfter hold 后 without meaning "after a step": "后台", "最后", "前后".
var notAfter = []string{"后台", "后端", "后续", "后面", "后期", "前后", "最后", "然后", "随后", "落后"}

// zhStepIn returns the step a Chinese clause opens with before the work
// and its span, ended by 后 ("定稿后印刷要", "印好后灌装、组装、入仓再要"):
// the work waits for it. A time ("3天后") is no step.
func zhStepIn(before string) string {
	i := strings.Index(before, "后")
	if i <= 0 || says(before, notAfter) {
		return ""
	}
	step := before[:i]
	for _, m := range []string{"之", "以"} {
		step = strings.TrimSuffix(step, m)
	}
	if step == "" || hasDigit(step) || strings.ContainsAny(step, "今明昨天周月日号") {
		return ""
	}
	return step
}

// openingStep returns the step a Chinese sentence opens with when its
// first clause ends in 后 ("年终奖名单定稿后，我们核对金额…前后按5个工作日
// 算"): every duration after it waits for that step. A clause with a
// duration of its own ("3天后") is a time, not a step.
func openingStep(text, phrase string) string {
	first, _, ok := strings.Cut(text, "，")
	if !ok || !strings.Contains(text[len(first):], phrase) || hasDigit(first) {
		return ""
	}
	for _, m := range zhAfter {
		if step, ok := strings.CutSuffix(first, m); ok && step != "" {
			return step
		}
	}
	return ""
}

// openingCondition returns the step an English item opens with, in a
// clause of its own before its lead time ("once we have the final FAQ,
// macros are written… in 5 business days"), or "".
func openingCondition(text, phrase string) string {
	first, rest, ok := strings.Cut(text, ",")
	if !ok || !strings.Contains(rest, phrase) {
		return ""
	}
	low := lower(strings.TrimSpace(first))
	for _, m := range conditionMarks {
		if strings.HasPrefix(low, m) {
			return strings.TrimSpace(first)[len(m):]
		}
	}
	return ""
}

// prerequisite returns the requester's offer that the lead time of l
// waits for, and when it is due: its own date, else when l was stated.
func (c *collab) prerequisite(l *entry, requester int) (*entry, time.Time, bool) {
	cond := condition(l)
	if cond == "" {
		cond = c.chainCondition(l)
	}
	if cond == "" {
		cond = c.awaited(l)
	}
	if cond == "" && advance(l) && slices.Contains(c.needs[sideIndex(l.Side)], l) {
		cond, _, _ = strings.Cut(l.Text, l.lead.Phrase) // "HR data … at least 5 business days before": the work starts from the data
	}
	if cond == "" {
		return c.statedStep(l)
	}
	best := c.offerFor(cond, c.offers[requester])
	for _, step := range conditionsIn(l.Text) {
		if best == nil && step != cond {
			best, cond = c.offerFor(step, c.offers[requester]), step
		}
	}
	if best == nil {
		best = c.datedFor(cond, c.offers[requester])
	}
	if best == nil && ordering(cond) {
		best = specFor(c.offers[requester])
	}
	if best == nil {
		return nil, time.Time{}, false
	}
	due := dayOf(l.at)
	if best.hasDeadline && ownDate(best) {
		due = c.lastPart(best, cond)
	}
	if best.hasLead && !best.spanLead && !advance(best) && !inReason(best.Text, best.lead.Phrase) && best.lead.Date.After(due) {
		due = best.lead.Date // "今天下单，3 个工作日到": the step is met when it arrives
	}
	return best, due, true
}

// lastPart returns when offer o delivers the step cond names: the latest
// date of o's clauses that name it, when o comes in dated parts ("the
// first three screens this Wednesday, the refund and invoice screens on
// Tue 1/19 once they're final"), else o's own date. The step is met when
// all of it is in. A date that describes a thing ("下一周入职的名单") dates
// no part.
func (c *collab) lastPart(o *entry, cond string) time.Time {
	due := o.deadline.Date
	keys := uniqueKeys(termsOf(cond))
	text := prefix(o.Text, maxDateText)
	own := clauseOf(text, o.deadline.Phrase)
	for _, d := range c.cal.Deadlines(text, o.at) {
		cl := clauseOf(text, d.Phrase) // a part of its own, not "1月回款数据明天锁定"
		if cl != own && d.Date.After(due) && !notDue(text, d.Phrase) && !describes(text, d.Phrase) && (c.sharesStrong(keys, uniqueKeys(termsOf(cl))) || restOf(text, own, d.Phrase)) {
			due = d.Date
		}
	}
	return due
}

// restOf reports whether, between clause own and date phrase, text names
// the rest of what own delivers (see restWords): "30个人的身份证信息今天就
// 能给你们，剩下10个…最晚周三（7/8）给" is all in on 7/8.
func restOf(text, own, phrase string) bool {
	i, j := strings.Index(text, own), strings.Index(text, phrase)
	if i < 0 || j < i+len(own) {
		return false
	}
	return says(lower(text[i+len(own):j]), restWords)
}

// chainCondition returns the step that the chain of statements ending at
// lead item l waits for, or "": a side describing its work step by step
// ("样品到了先做来料检验，1 天；然后…5 个工作日；…一共 15 个工作日") names
// the step the whole chain waits for in its first statement only, maybe
// in a clause of its own ("Once we have the docs, the review takes…").
func (c *collab) chainCondition(l *entry) string {
	if !l.statement && !slices.Contains(c.needs[sideIndex(l.Side)], l) {
		return ""
	}
	list := c.needs[sideIndex(l.Side)]
	i := slices.Index(list, l)
	j := i
	for ; j >= 0 && (j == i || list[j].statement); j-- {
		if cond := stepIn(list[j].Text); cond != "" {
			return cond
		}
	}
	if j >= 0 && j < i {
		return firstAsked(list[j].Text) // "堆头商品要门店先报各店陈列量，…。供应商备货…要 5 个工作日"
	}
	return ""
}

// firstAsked returns the clause of need text that asks the other side to
// do something first ("要门店先报各店陈列量", "we need the store counts
// first"), or "": the statements of the work that follow it wait for
// that step.
func firstAsked(text string) string {
	for _, part := range strings.FieldsFunc(text, isClauseMark) {
		low := lower(part)
		if strings.Contains(part, "先") && says(part, []string{"要", "得", "需要", "请"}) || strings.HasSuffix(strings.TrimSpace(low), " first") {
			return part
		}
	}
	return ""
}

// waitMarks say that a side's work does not start before what it asks
// for is in: "review doesn't start until all of it is in", "资料到齐才能开始".
var waitMarks = []string{"doesn't start until", "does not start until", "won't start until", "will not start until",
	"can't start until", "cannot start until", "only starts once", "only starts when", "才能开始", "才开始", "才能启动", "到齐才", "齐了才",
	"没法审", "没法开始", "无法开始", "没法启动", "can't review without", "cannot review without", "can't start without", "cannot start without"}

// waitsFor reports whether low (lower case) says the side's work cannot
// start without what it asks: a wait mark, the work denied when a part is
// missing ("缺一样没法评估"), or a start denied until or without something
// ("we can't start the request without all of it").
func waitsFor(low string) bool {
	pairs := pairsOf(low)
	if pairs.said(low, waitMarks) {
		return true
	}
	if pairs.said(low, []string{"缺一样", "缺了", "少一样", "缺任何", "缺哪", "缺一份", "少一份", "缺一个", "少一个", "不齐"}) && pairs.said(low, []string{"没法", "无法", "不能", "开不了", "不开始", "不启动"}) {
		return true // "缺一样没法评估"
	}
	return pairs.said(low, []string{"can't start", "cannot start", "won't start", "can not start", "don't start", "doesn't start", "does not start"}) &&
		pairs.said(low, []string{" without ", " until ", " before ", " on partial", " on incomplete"}) // "the clock doesn't start on partial packs"
}

// waitingOf is e.waiting read from its text (see waits).
func waitingOf(e *entry) int8 {
	if waitsFor(e.lowText()) {
		return 1
	}
	return 2
}

// waits is waitsFor of need e's text: read with the needs (see
// readRequests), since every lead time of the other side asks it of every
// need; read here for any other item.
func (e *entry) waits() bool {
	if e.waiting != 0 {
		return e.waiting == 1
	}
	return waitsFor(e.lowText())
}

// awaited returns the text of a need of l's side that says l's work waits
// for what it asks ("full legal name… review doesn't start until all of it
// is in" for "…= 5 business days review"), or "". A need that points
// back ("all of it", "这些") waits for what the need before it asks.
func (c *collab) awaited(l *entry) string {
	needs := c.needs[sideIndex(l.Side)]
	waits := slices.DeleteFunc(slices.Clone(needs), func(n *entry) bool { return n == l || !n.waits() })
	for i, n := range needs {
		if !slices.Contains(waits, n) || !c.related(n, l) && (len(waits) > 1 || !slices.Contains(needs, l)) {
			continue // a side's one such need holds for all the work its needs describe
		}
		low := n.lowText()
		if i > 0 && says(low, pointers) {
			return needs[i-1].Text + "; " + n.Text
		}
		return n.Text
	}
	return ""
}

// pointers refer to what an earlier sentence named.
var pointers = []string{"all of it", "all of them", " it is in", " they are in", "这些", "以上", "上面", "都到"}

// stepIn returns the clause of text that names a step to wait for, after
// its marker ("once we have the docs": "we have the docs"), or "".
func stepIn(text string) string {
	for _, part := range strings.FieldsFunc(text, isClauseMark) {
		low := lower(strings.TrimLeft(part, " "))
		for _, m := range conditionMarks {
			if strings.HasPrefix(low, m) {
				return low[len(m):]
			}
		}
		for _, m := range zhWhen {
			if strings.Contains(part, m) {
				return part
			}
		}
	}
	return ""
}

// afterMarks split "X后才能Y", "Y only after X": the work Y waits for X.
var afterMarks = []string{"之后才", "以后才", "后才", "only after ", "not before "}

// statedStep finds, for lead item l, a need of its side that says the
// work waits for a step ("金样双方签字确认后才能开试产" for "试产200台加质检
// 要15个工作日"), and the offer of either side that dates that step ("金样
// 2月6日寄到你们办公室签字"): the work starts then.
func (c *collab) statedStep(l *entry) (*entry, time.Time, bool) {
	for _, n := range c.needs[sideIndex(l.Side)] {
		step, work, ok := splitAt(n.Text, n.lowText())
		if !ok || !c.sharesStrong(uniqueKeys(termsOf(work)), l.keys) {
			continue
		}
		var offers []*entry
		for i := range sides {
			offers = append(offers, c.offers[i]...)
		}
		if o := c.offerFor(step, slices.DeleteFunc(offers, func(o *entry) bool { return !o.hasDeadline || !ownDate(o) })); o != nil {
			return o, o.deadline.Date, true
		}
	}
	return nil, time.Time{}, false
}

// splitAt splits text, low in lower case, at an afterMarks word into the
// step and the work that waits for it.
func splitAt(text, low string) (step, work string, ok bool) {
	for _, m := range afterMarks {
		if i := strings.Index(low, m); i > 0 {
			if strings.HasPrefix(m, "only") || strings.HasPrefix(m, "not") {
				return text[i+len(m):], text[:i], true
			}
			return text[:i], text[i+len(m):], true
		}
	}
	return "", "", false
}

func (c *collab) sharesStrong(a, b []string) bool {
	return slices.ContainsFunc(intersect(a, b), func(k string) bool { return !c.ws.weak[k] })
}

// offerFor returns the offer of offers that names the step in text the
// most, or nil.
func (c *collab) offerFor(text string, offers []*entry) *entry {
	keys := uniqueKeys(termsOf(text))
	var best *entry
	bestW := 0.0
	for _, o := range offers {
		w := 0.0
		for _, k := range intersect(keys, o.keys) {
			switch {
			case c.ws.weak[k]:
			case isHanWord(k) && lexicon[k].concepts == nil: // a pair of characters is weaker evidence
				w += c.ws.w[k] / 2
			default:
				w += c.ws.w[k]
			}
		}
		if w >= minStrong && w > bestW {
			best, bestW = o, w
		}
	}
	return best
}

// datedFor returns the one offer of offers with a date of its own that
// shares a strong term with the step in text, or nil: a step the work
// waits for is one the requester dated ("发票明天转给财务" for "要等发票验
// 真后"), even when the term is common in the collaboration.
func (c *collab) datedFor(text string, offers []*entry) *entry {
	keys := uniqueKeys(termsOf(text))
	var found *entry
	for _, o := range offers {
		if !o.hasDeadline || !ownDate(o) || !c.sharesStrong(keys, o.keys) {
			continue
		}
		if found != nil {
			return nil
		}
		found = o
	}
	return found
}

// ordering reports whether step names placing an order ("下单后 5 个工作日",
// "10 days from the purchase order").
func ordering(step string) bool {
	keys := uniqueKeys(termsOf(step))
	return slices.Contains(keys, "#order") || slices.Contains(keys, "#purchase_order")
}

// specWords name what fixes an order: its size, model or quantity.
var specWords = []string{"尺寸", "规格", "型号", "数量", "size", "spec", "dimensions", "quantit", " count", "how many"}

// specFor returns the one dated offer of offers that fixes a
// specification ("屏幕尺寸和搭建方案 9/24 定下来"), or nil: nothing can be
// ordered before the requester has said what, so an order waits for it.
func specFor(offers []*entry) *entry {
	var found *entry
	for _, o := range offers {
		if !o.hasDeadline || !ownDate(o) || !says(o.lowText(), specWords) {
			continue
		}
		if found != nil {
			return nil
		}
		found = o
	}
	return found
}

// clauseOf returns the clause of text that holds phrase, or text.
func clauseOf(text, phrase string) string {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return text
	}
	start := outOfAside(text, markedStart(text, i), i)
	end := strings.IndexFunc(text[i:], isClauseMark)
	if end < 0 {
		end = len(text) - i
	}
	// A clause is a few words around its phrase: text without marks is not
	// one clause, and reading it whole for each phrase grows as its square.
	start = max(start, runeStart(text, i-maxClause))
	return text[start:runeStart(text, min(i+end, i+len(phrase)+maxClause))]
}

// markedStart returns where the clause holding byte i starts: after the
// last clause mark before i, or 0.
func markedStart(text string, i int) int {
	if j := strings.LastIndexFunc(text[:i], isClauseMark); j >= 0 {
		return j + utf8.RuneLen(firstRune(text[j:]))
	}
	return 0
}

// outOfAside moves start, a clause's start before i, back out of an
// aside it falls in: "Northwind sent their own MSA (their paper, not ours,
// they wouldn't budge on that) and I need Legal's redlines by 9/25" is one
// clause, whatever commas the aside holds.
func outOfAside(text string, start, i int) int {
	for range 3 {
		seg := text[start:i]
		if strings.Count(seg, ")")+strings.Count(seg, "）") <= strings.Count(seg, "(")+strings.Count(seg, "（") {
			return start
		}
		open := max(strings.LastIndex(text[:start], "("), strings.LastIndex(text[:start], "（"))
		if open < 0 {
			return start
		}
		start = markedStart(text, open)
	}
	return start
}

// maxClause bounds, in bytes, how far a clause reaches from its phrase.
const maxClause = 300

// runeStart returns i, or the start of the rune i falls in, within text.
func runeStart(text string, i int) int {
	i = max(0, min(i, len(text)))
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// inReason reports whether phrase stands in a clause of text that gives
// a reason or the background rather than a request or a promise.
func inReason(text, phrase string) bool {
	low := lower(strings.TrimLeft(clauseOf(text, phrase), " "))
	if strings.HasPrefix(low, "which ") && takesIn(low) != nil {
		return false // "sign-off, which takes 10 business days": how long it takes
	}
	for _, w := range reasonOpeners {
		if strings.HasPrefix(low, w) {
			return true
		}
	}
	return false
}

// dayOf returns midnight of t's day in t's location.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// askedStep returns, for a lead time that waits for a step ("about 1 day
// once we can repro"), the requester's offer matched to the need in which
// the lead side asks for that step ("repro steps + device/OS build"), and
// when it is due: the step comes with what meets that need ("a screen
// share with you tomorrow").
func (c *collab) askedStep(l *entry, requester int, ms []pairing) (*entry, time.Time, bool) {
	cond := condition(l)
	if cond == "" {
		return nil, time.Time{}, false
	}
	word := strings.TrimSpace(cond)
	for _, v := range zhReceive {
		word = strings.TrimPrefix(word, v) // what is received, not the receiving
	}
	keys := slices.DeleteFunc(uniqueKeys(termsOf(word)), func(k string) bool { return c.ws.weak[k] })
	names := func(n *entry) bool {
		if len(keys) == 0 { // a plain word ("从拿到需求到…") names the need that spells it out ("招工需求…要先定下来")
			return utf8.RuneCountInString(word) >= 2 && strings.Contains(n.Text, word)
		}
		return len(intersect(keys, n.keys)) == len(keys)
	}
	for _, n := range c.needs[sideIndex(l.Side)] {
		if n == l || !names(n) {
			continue // the need asks for all the step names, not for part of the work ("the PO to cable both floors")
		}
		for _, m := range ms {
			if m.need == n && m.offer.Side == sides[requester] {
				due := dayOf(l.at)
				if m.offer.hasDeadline && ownDate(m.offer) {
					due = m.offer.deadline.Date
				}
				return m.offer, due, true
			}
		}
	}
	return nil, time.Time{}, false
}
