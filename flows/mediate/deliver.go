package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// When no offer meets a need whose deadline the other side cannot make,
// that side commits to the need itself by the middle ground. The
// commitment says what it delivers, not the requester's sentence: "所以
// 最晚 11/18（周三）要研发给个结论：新供应商的电机能不能用" is 研发's promise
// to "给个结论（新供应商的电机能不能用）". So the clause holding the date is
// kept, with the object a colon introduces after it; the date, the reason
// after it, the connective and the "at the latest" before it, and the
// asking with its addressee ("要研发", "we need Engineering to") go.

// delivered returns what side to delivers of need n.
func (c *collab) delivered(n *entry, to Side) string {
	phrase := n.deadline.Phrase
	clause := clauseOf(n.Text, phrase)
	if i := reasonInside(clause); i > 0 && i > strings.Index(clause, phrase) {
		clause = clause[:i] // "…by Thursday because the kit ships Friday": the reason is no work
	}
	if at := strings.Index(clause, phrase); at >= 0 {
		if j := strings.Index(clause[at:], ". "); j >= 0 {
			clause = clause[:at+j] // "bug FIXED by fri 11/13. 11/16 is the renewal batch": the next sentence is no work
		}
	}
	if at := strings.Index(clause, phrase); at > 0 {
		if j := strings.LastIndex(clause[:at], " and "); j > 0 && !asks(clause[:j]) && asks(clause[j:at]) {
			clause = clause[j+len(" and "):] // "Northwind sent their own MSA (…) and I need Legal's redlines back by 9/25": what is asked
		}
	}
	what := withoutEmptyBrackets(c.undated(withoutOpenAside(withoutPhrase(clause, phrase)), n.at))
	what = trimOpeners(what, connectives)
	what = c.withoutSubject(trimOpeners(what, latestWords), to)
	what = withoutAsk(trimOpeners(what, slices.Concat(latestWords, zhFromThen)))
	what = asDelivered(c.withoutAddressee(what, to))
	if bareState(what) {
		what = strings.TrimSpace(firstOf(n.Text, clause) + " " + what) // "locked holding area…, min 20 pallet positions, in place by Fri 5/8": the area in place
	}
	if verb, ok := bareVerb(what); ok {
		what = withTopic(verb, n.Text, clause) // "达人合同…发给法务，法务最晚 6/15 要审完": 审完达人合同
	} else if verb == "" {
		what = clauseBefore(n.Text, clause) // "complaint log 全量导出，4/3 前要": the export is what is due
	}
	switch obj := colonObject(n.Text, clause); {
	case obj == "":
	case isHan(lastRune(what)) || isHan(firstRune(obj)):
		what += "（" + obj + "）"
	default:
		what += " (" + obj + ")"
	}
	what = mustResult.ReplaceAllString(what, "$1") // "样品要到手": what is delivered is the samples in hand
	what = withoutLatest(what)
	return strings.TrimRight(strings.TrimSpace(what), "!！?？")
}

// withoutLatest drops "at the latest" that a date taken out left behind
// ("back by Friday at the latest"): the date is said beside the work.
func withoutLatest(s string) string {
	for _, w := range []string{" at the very latest", " at the latest", " latest"} {
		s = strings.TrimSuffix(s, w)
	}
	return s
}

// mustResult is 要 before the result a need asks for ("要到手", "要上线").
var mustResult = regexp.MustCompile(`要(到手|到货|到账|到位|到岗|上线|完成|审完|发出|交付|就位|做完|搞定|打通)`)

// withoutOpenAside drops an aside the clause cut off inside its brackets
// ("contract signed (vendor's Q-end discount" of "…, 18%)"): half an aside
// reads as a typo.
func withoutOpenAside(s string) string {
	for _, b := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if i := strings.LastIndex(s, b[0]); i >= 0 && !strings.Contains(s[i:], b[1]) {
			s = strings.TrimRight(s[:i], " ")
		}
	}
	return s
}

// connectives and latestWords open a clause without being part of the work.
var (
	connectives = []string{"所以", "因此", "因而", "那么", "那", "so ", "therefore ", "hence ", "and "}
	latestWords = []string{"最晚", "最迟", "至迟", "at the latest ", "at the very latest "}
	// zhAskVerbs ask a named side to do something: "要研发给个结论".
	zhAskVerbs = []string{"需要", "要", "请", "希望", "麻烦"}
)

// trimOpeners drops any of words at the start of s, repeatedly.
func trimOpeners(s string, words []string) string {
	for {
		t := strings.TrimLeft(s, " ，,")
		low := lower(t)
		trimmed := false
		for _, w := range words {
			if strings.HasPrefix(low, w) && len(t) > len(w) {
				t, trimmed = t[len(w):], true
				break
			}
		}
		if !trimmed {
			return t
		}
		s = t
	}
}

// withoutAddressee drops an asking word and the side it names at the
// start of s: "要研发给个结论" → "给个结论" when side to is 硬件研发, "你们"
// or "贵方" standing for any side.
func (c *collab) withoutAddressee(s string, to Side) string {
	for _, you := range []string{"你们", "贵方"} { // the asking already dropped (see withoutAsk)
		if after, ok := strings.CutPrefix(s, you); ok && after != "" {
			return after
		}
	}
	for _, v := range zhAskVerbs {
		rest, ok := strings.CutPrefix(s, v)
		if !ok {
			continue
		}
		for _, who := range append([]string{"你们", "贵方", "对方"}, nameTails(c.names[sideIndex(to)])...) {
			if after, ok := strings.CutPrefix(rest, who); ok && after != "" {
				return strings.TrimLeft(after, " ")
			}
		}
	}
	name := c.names[sideIndex(to)]
	for _, v := range zhAskVerbs { // "抽奖活动规则要法务审完": the rules reviewed
		for _, who := range slices.Concat([]string{"你们", "贵方", "对方"}, nameTails(name), nameHeads(name)) {
			if i := strings.Index(s, v+who); i > 0 && isHan(firstRune(s[i+len(v+who):])) {
				return s[:i] + s[i+len(v+who):]
			}
		}
	}
	return s
}

// withoutSubject drops the name of side to, as who acts, at the start of
// Chinese s: "法务最晚要审完" → "最晚要审完".
func (c *collab) withoutSubject(s string, to Side) string {
	name := c.names[sideIndex(to)]
	for _, who := range append(nameTails(name), nameHeads(name)...) {
		if after, ok := strings.CutPrefix(s, who); ok && isHan(firstRune(after)) {
			for _, here := range []string{"这边的", "那边的", "这边", "那边", "的"} {
				if rest, ok := strings.CutPrefix(after, here); ok && isHan(firstRune(rest)) {
					return rest // "客服这边的知识库…": the knowledge base
				}
			}
			return after
		}
	}
	return s
}

// nameHeads are the short forms of a side's name: without a qualifier
// in brackets ("Legal" of "Legal (Commercial)", "销售部" of "销售部（KA渠道）")
// and without the word for a unit (people say 法务 for 法务部).
func nameHeads(name string) []string {
	var out []string
	if i := strings.IndexAny(name, "(（"); i > 0 {
		name = strings.TrimSpace(name[:i])
		out = append(out, name)
	}
	for _, unit := range []string{"部门", "部", "组", "中心", "团队", "处", "科"} {
		if head, ok := strings.CutSuffix(name, unit); ok && utf8.RuneCountInString(head) >= 2 {
			return append(out, head)
		}
	}
	return out
}

// bareVerb returns Chinese work s without the asking 要 before it, when
// it is a verb and no more ("要审完", "定下来"): what it is done to was
// named in a clause before.
func bareVerb(s string) (string, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "需"), "要")
	n := utf8.RuneCountInString(s)
	return s, n > 0 && n <= 3 && isHanWord(s)
}

// stateOpeners open an English clause that says only what state a thing
// named before must be in: "in place by Fri 5/8", "live by Nov 1".
var stateOpeners = []string{"in place", "ready", "live", "done", "installed", "up and running", "signed", "delivered", "finished", "on site"}

// bareState reports whether English work s opens with a state and names
// no thing before it.
func bareState(s string) bool {
	return hasAnyPrefix(lower(s), stateOpeners)
}

// firstOf returns the first clause of text when clause is a later one,
// else "".
func firstOf(text, clause string) string {
	parts := strings.FieldsFunc(text, isClauseMark)
	if len(parts) == 0 {
		return ""
	}
	first := strings.TrimSpace(parts[0])
	if strings.HasPrefix(strings.TrimSpace(clause), first) {
		return ""
	}
	return first
}

// withoutEmptyBrackets drops the brackets a date left empty: "五一前（4/30
// 前）要补齐" without its dates is "要补齐", not "（）要补齐".
func withoutEmptyBrackets(s string) string {
	for _, b := range []string{"（）", "()", "( )", "（ ）"} {
		s = strings.ReplaceAll(s, b, "")
	}
	return strings.TrimSpace(s)
}

// asDelivered words a need to know something, or a Chinese ask 要 left
// before the work, as what is delivered: "need to know X is safe" →
// "whether X is safe", "要补齐 N95 口罩" → "补齐 N95 口罩".
func asDelivered(s string) string {
	low := lower(s)
	for _, w := range []string{"need to know if ", "need to know whether ", "need to know ", "to know if ", "to know whether ", "to know "} {
		if strings.HasPrefix(low, w) {
			return "whether " + s[len(w):]
		}
	}
	if rest, ok := strings.CutPrefix(s, "要"); ok && utf8.RuneCountInString(rest) >= 3 && !strings.ContainsRune("求是有", firstRune(rest)) {
		return rest
	}
	return s
}

// clauseBefore returns the clause of text right before clause, trimmed,
// or "".
func clauseBefore(text, clause string) string {
	i := strings.Index(text, clause)
	if i <= 0 {
		return ""
	}
	prev := strings.FieldsFunc(text[:i], isClauseMark)
	if len(prev) == 0 {
		return ""
	}
	return strings.TrimSpace(prev[len(prev)-1])
}

// zhFromThen open what is due from a date on: "5/1 开始就要到岗".
var zhFromThen = []string{"开始就", "开始", "起就", "起"}

// zhArrivals are verbs a thing does itself, said after it: "3 名护士到岗",
// where a verb done to a thing comes before it: "审完达人合同".
var zhArrivals = []string{"到岗", "到位", "上线", "入职", "到货", "就位", "进场", "开工"}

// countedRe finds a counted thing in Chinese: "3 名护士", "两台服务器".
var countedRe = regexp.MustCompile(`(?:\d+|[一二两三四五六七八九十]+)\s*[名个位台套份本张批]\s*\p{Han}{1,6}`)

// withTopic says bare verb with what it is about, named in the clause
// before clause in text: the counted thing when there is one ("五一期间急诊要
// 加 3 名护士，5/1 开始就要到岗": 3 名护士到岗), else the words that open it.
func withTopic(verb, text, clause string) string {
	topic := topicBefore(text, clause)
	if i := strings.Index(text, clause); i > 0 {
		if m := countedRe.FindString(text[:i]); m != "" {
			topic = m
		}
	}
	switch {
	case topic == "":
		return verb
	case slices.Contains(zhArrivals, verb):
		return topic + verb
	}
	return verb + topic
}

// topicBefore returns the words that open the clause before clause in
// text, up to its first date, space or verb of handing over ("达人合同周五
// （6/12）发给法务": 达人合同), or "".
func topicBefore(text, clause string) string {
	var topic []rune
	for _, r := range clauseBefore(text, clause) {
		if !isHan(r) || len(topic) > 0 && strings.ContainsRune(topicStops, r) {
			break
		}
		topic = append(topic, r)
	}
	if n := len(topic); n >= 2 && n <= 8 {
		return string(topic)
	}
	return ""
}

// topicStops end the words that name a topic: a weekday opens a date, the
// others a verb ("周五发给法务", "今天交给财务", "已经寄出").
const topicStops = "周今明下本发交给送寄在要已"

// nameTails returns a side's name and its tails of two Chinese
// characters or more, longest first: people shorten "硬件研发" to "研发".
func nameTails(name string) []string {
	var out []string
	for i := 0; i < len(name); {
		if tail := name[i:]; utf8.RuneCountInString(tail) >= 2 {
			out = append(out, tail)
		}
		_, n := utf8.DecodeRuneInString(name[i:])
		i += n
	}
	return out
}

// colonObject returns what a colon right after clause introduces in text
// ("给个结论：新供应商的电机能不能用"), up to the next clause mark, or "".
func colonObject(text, clause string) string {
	i := strings.Index(text, clause)
	if i < 0 {
		return ""
	}
	rest := text[i+len(clause):]
	after, ok := strings.CutPrefix(rest, "：")
	if !ok {
		if after, ok = strings.CutPrefix(rest, ": "); !ok {
			return ""
		}
	}
	if j := strings.IndexFunc(after, func(r rune) bool { return isClauseMark(r) || strings.ContainsRune("。！？", r) }); j >= 0 {
		after = after[:j]
	}
	return strings.TrimSpace(after)
}
