package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A duration or date phrase can name something else than when work is due
// or how long it takes: the old length of a thing being shortened ("从两周
// 压到一周": the new length is how long it takes now), one period of a series ("每月
// 最后一周", "the first week"), a period to keep clear ("培训别排在月底",
// "avoid the last week"), or how long a thing is kept ("日志留存180天"). Such a phrase sets neither a deadline nor a lead
// time.

// ordinalMarks make a span one period of a series.
var ordinalMarks = []string{"最后", "第", "头", "the last", "the first", "the final", "last", "first"}

// avoidMarks open a clause that names a period to keep clear.
var avoidMarks = []string{"别", "不要", "避开", "避免", "错开", "绕开", "躲开", "steer clear of", "不能排", "avoid", "not during", "don't schedule"}

// dateFields name a date that is a fact about a thing, not when work on
// it is due: a contract's end date, a person's start date.
var dateFields = []string{"end date", "start date", "expiry date", "expiration date", "birth date", "date of birth",
	"结束日期", "到期日", "到期日期", "入职日期", "离职日期", "生效日期", "出生日期"}

// rateBefore ends in a count of things, which "a day" after it makes a
// rate: "two stores a day", "10 units per week".
var rateBefore = regexp.MustCompile(`(?:^|\s)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+[a-z-]+s$`)

// hasAnyWordSuffix reports whether s ends in one of words, as a word of
// its own when the word is English.
func hasAnyWordSuffix(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool {
		return strings.HasSuffix(s, w) && (isHan(firstRune(w)) || len(s) == len(w) || s[len(s)-len(w)-1] == ' ')
	})
}

// notDue reports whether phrase in text names a length, a period of a
// series or a period to avoid rather than a due date or a lead time.
func notDue(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return false
	}
	if quoted(text, i, i+len(phrase)) {
		return true // "not a Thursday-night \"can you look at this by Friday\"": words cited, not asked
	}
	before := lower(strings.TrimRight(text[max(0, i-12):i], " "))
	for _, m := range ordinalMarks {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	if slices.ContainsFunc(dateFields, func(f string) bool { return strings.HasSuffix(strings.TrimRight(before, " (（:："), f) }) {
		return true // "with their end date (4/2)": the value of a field, due at no time
	}
	after := lower(strings.TrimLeft(text[i+len(phrase):], " "))
	if (bareQuarter.MatchString(phrase) || slices.Contains(festivalNames, phrase)) && qualifiesNoun(after) {
		return true // "Q2 marketing budget", "a forecast of Q4 packaging POs": which quarter's, not by when
	}
	if (strings.HasSuffix(before, "从") || strings.HasSuffix(before, "from")) &&
		(strings.HasPrefix(after, "压") || strings.HasPrefix(after, "缩") || strings.HasPrefix(after, "减") || strings.HasPrefix(after, "to ")) {
		return true // "从两周压到一周", "from 10 days to 5": the old length
	}
	if shortenedTo.MatchString(after) {
		return true // "7 个工作日能压到 4 个工作日", "10 days can come down to 6": the old length
	}
	if horizon(strings.TrimRight(text[max(0, i-20):i], " "), after) {
		return true // "未来三个月每月的用量", "usage for the next 3 months": the period covered, not a wait
	}
	if earnedAfter(before, lower(clauseOf(text, phrase))) {
		return true // "$300 stay bonus after 30 days": when a payment is earned, not how long work takes
	}
	if negatedPurpose(text, i) {
		return true // "so changes don't land on us Friday at 5pm": a time to avoid, not a due date
	}
	if hasAnyWordSuffix(before, []string{"until", "till", "'til", "直到", "一直到"}) || hasAnyPrefix(lower(phrase), []string{"until ", "till "}) {
		return true // "at the conference until Wednesday": how long a state lasts, not a due date
	}
	if rateBefore.MatchString(lower(strings.TrimRight(text[max(0, i-30):i], " "))) && hasAnyPrefix(lower(phrase), []string{"a ", "an ", "per "}) {
		return true // "two stores a day": how fast, not how long
	}
	if weekdayName(text[:i], phrase, text[i+len(phrase):]) {
		return true // "our Thursday design crit": which meeting, not when anything is due
	}
	if keptFor(lower(strings.TrimRight(text[lastClauseStart(text[:i]):i], " "))) {
		return true // "日志要留存180天", "keep the logs for 90 days": how long it is kept
	}
	cl := lower(clauseOf(text, phrase))
	head := cl[:max(0, strings.Index(cl, lower(phrase)))]
	if strings.Contains(head, "晚于") || strings.Contains(head, "超过") || strings.Contains(head, "later than") {
		return false // "别晚于周五", "不要超过3天": a limit, still due
	}
	for _, m := range avoidMarks {
		if strings.Contains(head, m) {
			return true
		}
	}
	return rejected(head)
}

// shortenedTo opens what a length is brought down to.
var shortenedTo = regexp.MustCompile(`^(?:能|可以|可)?(?:压|缩|减)(?:短)?(?:到|至|成)|^(?:can )?(?:come|go|be cut|be brought|drop) down to `)

// festivalNames are holidays named alone: before a noun they say which
// one's ("春节值班排班表", "中秋礼盒"), not by when.
var festivalNames = []string{"春节", "国庆", "中秋", "端午", "清明", "五一", "元旦", "双十一", "双11", "618", "七夕", "元宵"}

// bareQuarter is a quarter named alone ("Q4").
var bareQuarter = regexp.MustCompile(`(?i)^q[1-4]$`)

// timeTies are words that may follow a time named alone without making it
// a modifier: "Q3 end", "by Q3 we need", "Q3 at the latest".
var timeTies = []string{"end", "and", "or", "to", "we", "i", "you", "they", "it", "is", "are", "will", "would", "so", "the",
	"a", "at", "for", "please", "latest", "if", "then", "but", "when", "as", "with", "be", "our", "your", "this", "that",
	"close", "closing", "deadline", "earliest"}

// qualifiesNoun reports whether after, the lower-case text right after a time
// named alone, opens with a word it qualifies ("Q2 marketing budget").
func qualifiesNoun(after string) bool {
	if r := firstRune(after); isHan(r) {
		return !hasAnyPrefix(after, zhQuarterTies) // "Q3复盘会" is which quarter's review; "Q3前", "Q3结束" are by when
	}
	w := after
	if i := strings.IndexFunc(after, func(r rune) bool { return !('a' <= r && r <= 'z' || r == '-') }); i >= 0 {
		w = after[:i]
	}
	return w != "" && !slices.Contains(timeTies, w)
}

// zhQuarterTies after a quarter make it a time: "Q3前", "Q3末", "Q3结束前".
var zhQuarterTies = []string{"前", "之前", "以前", "底", "末", "结束", "内", "之内", "以内", "中", "初", "上线", "完成", "交付", "落地", "要", "就",
	"后", "之后", "以后", "期间", "当天", "假期", "放假", "节", "长假", "那天", "这天", "左右", "开始", "到来"}

// moneyMarks name a payment a length of service earns.
var moneyMarks = []string{"$", "¥", "€", "£", "bonus", "refund", "payment", "stipend", "元", "奖金", "奖励", "补贴", "返现", "津贴"}

// earnedAfter reports whether a length after "after" or 满 is when a
// payment in its clause is earned ("stay bonus after 30 days", "满 30 天
// 发 300 元"), not how long some work takes.
func earnedAfter(before, clause string) bool {
	after := strings.HasSuffix(before, "after") || strings.HasSuffix(before, "满")
	return after && says(clause, moneyMarks)
}

// negatedPurpose reports whether the phrase at i stands in a purpose
// clause that says what must not happen ("so changes don't land on us
// Friday at 5pm", "免得周五下午才说"): the time is one to avoid.
func negatedPurpose(text string, i int) bool {
	p := purposeStart(text)
	if p <= 0 || p > i {
		return false
	}
	purpose := lower(text[p:i])
	return says(purpose, []string{"don't", "don’t", "do not", "won't", "not ", "never", "免得", "以免", "不会", "不要", "别"})
}

// describes reports whether date phrase in text is part of a description
// of a thing: a short verb and 的 before a noun follow it ("节前离职的老员
// 工", "去年签的合同", "下周入职的8个新人"). A verb that asks or delivers ("要交的", "完成的")
// leaves the date a due date; so does an item with no other date ("明天
// 开会的材料要准备好" is due tomorrow), which newEntry checks.
func describes(text, phrase string) bool {
	i := strings.Index(text, phrase)
	return phrase != "" && i >= 0 && attribute(text[i+len(phrase):])
}

// attribute reports whether after, the text right after a Chinese date,
// opens a description of a thing (see describes).
func attribute(after string) bool {
	verb, noun, ok := strings.Cut(after, "的")
	n := utf8.RuneCountInString(verb)
	if !ok || n == 0 || n > 4 || !isHan(firstRune(noun)) && !unicode.IsDigit(firstRune(noun)) || strings.IndexFunc(verb, func(r rune) bool { return !isHan(r) }) >= 0 {
		return false
	}
	return !says(verb, []string{"要", "得", "需", "完", "交", "给", "前", "内", "到位", "上线"})
}

// weekdays and their short forms; determiners open a noun phrase a
// weekday can stand in as its name ("our Thursday design crit");
// meetingWords name a meeting held on that weekday, every week.
var (
	weekdays     = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
	determiners  = set("our", "your", "their", "the", "my", "his", "her", "its")
	meetingWords = set("crit", "crits", "meeting", "meetings", "call", "calls", "sync", "syncs", "standup", "standups", "stand-up",
		"huddle", "check-in", "retro", "office", "session", "sessions", "catch-up", "1:1", "1:1s", "one-on-one", "one-on-ones", "review", "reviews", "class")
)

// weekdayName reports whether a weekday names the meeting after it rather
// than a day ("an engineer in our Thursday design crit", "the Monday
// standup"): a determiner comes before it, a meeting word within the next
// three words, and no word of a limit ("by our Friday review") before the
// determiner. "The Friday deadline" still names a day.
func weekdayName(before, phrase, after string) bool {
	if !weekdays[lower(phrase)] {
		return false
	}
	words := strings.Fields(lower(before))
	if len(words) == 0 || !determiners[words[len(words)-1]] {
		return false
	}
	if len(words) > 1 && slices.Contains([]string{"by", "before", "until", "till", "on", "for", "due", "than"}, words[len(words)-2]) {
		return false
	}
	next := strings.Fields(lower(after))
	return slices.ContainsFunc(next[:min(3, len(next))], func(w string) bool { return meetingWords[strings.Trim(w, ",.;:!?")] })
}

// rejectMarks open a clause naming what a side does not want ("…, not a
// Thursday-night ask", "而不是周五晚上才说"): a date in it is part of the
// thing rejected, not when the work is due.
var rejectMarks = []string{"not a ", "not an ", "not another ", "not the ", "instead of ", "rather than ", "而不是", "不要再"}

// rejected reports whether head, the lower-case clause before a date,
// opens with a reject mark.
func rejected(head string) bool {
	head = strings.TrimLeft(head, " ")
	return slices.ContainsFunc(rejectMarks, func(m string) bool { return strings.HasPrefix(head, m) })
}

// keepWords say how long a thing is kept or stays valid: the span after
// them is no time the work takes nor a date it is due.
var keepWords = []string{"留存", "保留", "保存", "存档", "存储", "保持", "保管", "有效期", "保质期", "有效",
	"keep", "kept", "retain", "retained", "retention", "store", "stored", "archive", "archived", "valid"}

// keptFor reports whether head, the lower-case clause before a span, says
// how long a thing is kept: a word of keeping ends it ("日志要留存"), or, in
// English, is one of its words ("we keep the logs for").
func keptFor(head string) bool {
	words := strings.Fields(head)
	return slices.ContainsFunc(keepWords, func(w string) bool {
		if isHan(firstRune(w)) {
			return strings.HasSuffix(strings.TrimSuffix(head, "至少"), w)
		}
		return slices.Contains(words, w)
	})
}

// lastClauseStart returns where the last clause of s starts.
func lastClauseStart(s string) int {
	if j := strings.LastIndexFunc(s, isClauseMark); j >= 0 {
		return j + utf8.RuneLen(firstRune(s[j:]))
	}
	return 0
}

// asapWords ask for work as soon as it can be done: a lead time answers
// such a request rather than clashing with it.
var asapWords = []string{"尽快", "越快越好", "尽早", "asap", "a.s.a.p", "as soon as possible"}

// asap reports whether a deadline phrase only asks for speed.
func asap(phrase string) bool {
	low := lower(phrase)
	for _, w := range asapWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// placeMarks follow a noun to make it where something happens.
var placeMarks = []string{"之间", "之内", "内部", "里面", "附近", "当中", "between", "among"}

// placeOnly reports whether every use of key in e names a place: the
// noun before a place mark.
func placeOnly(e *entry, key string) bool {
	found := false
	for _, t := range e.terms {
		if t.key != key {
			continue
		}
		after := lower(strings.TrimLeft(e.Text[t.end:], " "))
		if !slices.ContainsFunc(placeMarks, func(m string) bool { return strings.HasPrefix(after, m) }) {
			return false
		}
		found = true
	}
	return found
}

// triggerMarks tie a duration to an event or to each request rather than
// to the answer: "credit checks in 2 business days once we have the
// entity name", "试产结束后2个工作日内给", "approvals within 1 business day"
// under an SLA, "每期培训讲半天". Such a lead time is how fast, each time;
// it sets no date.
var triggerMarks = []string{"once ", " after ", "following", "upon ", " when ", "whenever", " each ", "every", "per ",
	"sla", "turnaround", "of receiving", "of receipt", "后", "收到", "每", "当天申请"}

// aheadOfEvent reports whether o's lead time is counted back from an
// event: "上播前48小时发品牌审核", "48 hours before go-live".
func aheadOfEvent(o *entry) bool {
	before, _, _ := strings.Cut(o.Text, o.lead.Phrase)
	return advance(o) || eventBefore(strings.TrimRight(before, " "))
}

// countsFromEvent reports whether o's lead time counts from an event or a
// request, not from the moment o was written.
func countsFromEvent(o *entry) bool {
	cl := " " + lower(clauseOf(o.Text, o.lead.Phrase)) + " "
	whole := o.lowText()
	return says(cl, triggerMarks) || aheadOfEvent(o) ||
		strings.Contains(whole, "sla") || strings.Contains(whole, "每期") || strings.Contains(whole, "每次")
}

// An event named beside a need ("我们3月20日开发布会。需要法务看一下新闻稿",
// "the conference is on March 24, plus a booth banner") dates the event,
// not the need: the need did not say it is due then. A bare date in a
// clause that asks nothing, in an item whose need is asked in another
// clause, is such an event date; a date said as a limit ("by", "前"), in
// the clause that asks, or one the need points back to ("签约之前", "当天",
// "之后不要再提新需求") stays the need's.

// limitMarks make a date a limit: "by Friday", "3月18日前", "截止周五".
var (
	limitBefore = []string{"by", "before", "until", "till", "due", "no later than", "at the latest", "截止", "截至", "最晚", "最迟", "不晚于", "赶"}
	limitAfter  = []string{"前", "之前", "以前", "截止", "为止", "到位", "到齐", "给", "交", "完成", "定稿", "上线", "之内", "以内", "内"}
)

// isLimit reports whether a date phrase says it as a limit: "by Friday",
// "3月18日前".
func isLimit(phrase string) bool {
	low := lower(phrase)
	return slices.ContainsFunc(limitBefore, func(w string) bool {
		return strings.HasPrefix(low, w+" ") || strings.HasPrefix(low, w) && isHan(firstRune(w))
	}) || slices.ContainsFunc(limitAfter, func(w string) bool { return strings.HasSuffix(low, w) })
}

// relativeDays name a day by an event: the day before, that day.
var relativeDays = []string{"前一天", "前两天", "前三天", "前一晚", "后一天", "后第一天", "当天", "那天", "the day before", "the day after", "that day"}

// namesRelativeDay reports whether before, the lower-case text before a
// date, ends in such a day and the bracket that opens the date.
func namesRelativeDay(before string) bool {
	b, ok := strings.CutSuffix(before, "（")
	if !ok {
		b, ok = strings.CutSuffix(before, "(")
	}
	return ok && slices.ContainsFunc(relativeDays, func(w string) bool { return strings.HasSuffix(strings.TrimRight(b, " "), w) })
}

// eventOnly reports whether phrase in text dates an event beside the need
// rather than the need (see above).
func eventOnly(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 || !asks(withoutNegatedAsks(text)) {
		return false
	}
	if isLimit(phrase) {
		return false
	}
	before := lower(strings.TrimRight(text[:i], " "))
	after := skipAside(strings.TrimLeft(text[i+len(phrase):], " "))
	if namesRelativeDay(before) {
		return false // "搬家前一天（2/6）开个交底会": the date of that day, when the thing is done
	}
	if slices.ContainsFunc(limitBefore, func(w string) bool { return strings.HasSuffix(before, w) }) ||
		slices.ContainsFunc(limitAfter, func(w string) bool { return strings.HasPrefix(after, w) }) {
		return false
	}
	cl := sentenceClause(text, i, i+len(phrase))
	if promises(cl) || hasAnyPrefix(after, []string{"就", "马上"}) {
		return false // "…and we can raise the PO today", "今天就送IP方审": the side's own step
	}
	if beforeEvent(cl) {
		return false // "6/22（周一）信息流投放开始前，要拿到…": due before the event that day
	}
	if hasAnyPrefix(lower(cl), []string{"so realistically", "so probably", "so likely", "so more like", "so that's", "realistically", "所以最快", "所以最早", "也就是"}) {
		return false // "they'll need a week…, so realistically next Wednesday 5/6": what follows, the date
	}
	if k := strings.Index(text, cl); k >= 0 && refersBack(undated(text[:k]+" "+text[k+len(cl):])) {
		return false // "9月29日封版，之后不要再提新需求": the need counts from that date
	}
	return cl != strings.TrimSpace(text) && !asks(cl)
}

// promises reports whether clause cl opens with the side saying it can
// or will do something ("and we can raise the PO today", "我们会…"); in
// Chinese, 就 after the date says the same ("今天就送IP方审").
func promises(cl string) bool {
	return hasAnyPrefix(trimOpeners(lower(strings.TrimSpace(cl)), joiners), canOpeners)
}

// beforeEvent reports whether clause cl, which holds a date, ends in a
// limit, or in English opens the event with one: "6/22（周一）信息流投放开始
// 前", "in time for the QBR on Oct 16" date an event and ask for what
// comes before it, so the date is the need's.
func beforeEvent(cl string) bool {
	cl = strings.TrimRightFunc(cl, func(r rune) bool { return isPad(r) || isClauseMark(r) })
	return slices.ContainsFunc([]string{"前", "之前", "以前"}, func(w string) bool { return strings.HasSuffix(cl, w) }) ||
		says(lower(cl), eventLimits)
}

// eventLimits put what is asked ahead of an event, named by a noun ("in
// time for the QBR") or by a clause whose subject opens it ("before we go
// public on Fri 6/19", "before they fly out").
var eventLimits = []string{"in time for", "ahead of", "in advance of", "prior to", "before the",
	"before we ", "before they ", "before you ", "before our ", "before their ", "before your "}

// negatedAsk reads a need said not to be one: "no PO needed", "not
// required", "无需审批", "不需要 PO".
var negatedAsk = regexp.MustCompile(`(?i)\bno\s+(?:[\w-]+\s+){0,3}(?:needed|required)\b|\bnot\s+(?:needed|required)\b|\bno need\b|不需要|无需|不用`)

// withoutNegatedAsks returns text without the needs it says are none: a
// clause that says what is not needed asks nothing.
func withoutNegatedAsks(text string) string { return negatedAsk.ReplaceAllString(text, " ") }

// skipAside returns s past a short aside in brackets that opens it: the
// weekday of a date ("4/28（周二）上线") says nothing of what the date is for.
func skipAside(s string) string {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if rest, ok := strings.CutPrefix(s, p[0]); ok {
			if j := strings.Index(rest, p[1]); j >= 0 && utf8.RuneCountInString(rest[:j]) <= 6 {
				return strings.TrimLeft(rest[j+len(p[1]):], " ")
			}
		}
	}
	return s
}

// zhBeforeWord follow 前 in words that say no "before": 前端, 前台, 前期,
// 前提, 前面, 前置, and a count back in time (前一天, 前两周, 前年, 前后).
const zhBeforeWord = "端台期提面置一天几两三后年月"

// backRefs point from the need to the event named beside it: the need is
// due by it ("签约之前SSO要能用", "当天就要有工位", "by then"), or counts from
// it ("之后不要再提新需求").
var (
	backRefs = []string{"之后", "以后", "此后", "之前", "以前", "当天", "当日", "那天", "届时", "到时", "第一天", "提前", "事先", "预先", "in advance", "beforehand", "ahead of it", "ahead of time",
		"after that", "after which", "from then", "from that", "by then", "before then", "by that", "that day", "on the day", "in time for", "on day one", "on the first day"}
	// zhBefore is a 前 that ends a time ("签约前，", "签约前要"), not 前端.
	// A few words may stand between it and the ask ("灰度前埋点要验收完"), but
	// not one of zhBeforeWord, which makes 前 part of another word.
	zhBefore = regexp.MustCompile(`\p{Han}前(?:[，,；;]|要|得|必须|就|把|需要|能|完成|搞定|到位|[^` + zhBeforeWord + `\P{Han}]\p{Han}{0,5}?(?:要|得|必须|需要))`)
)

// numericDate reads a date written in figures: "11/10", "3月18日".
var numericDate = regexp.MustCompile(`\d{1,2}/\d{1,2}|\d{1,2}月\d{1,2}[日号]`)

// undated returns rest without its clauses that carry a date of their own:
// "11/10 Amazon early deals 开始前库存要可售" points to its own event, not
// back to the one dated earlier ("11/3 到 EU 仓").
func undated(rest string) string {
	parts := strings.FieldsFunc(rest, isClauseMark)
	return strings.Join(slices.DeleteFunc(parts, numericDate.MatchString), "，")
}

// refersBack reports whether the rest of a need, outside the event's
// clause, points back to the event (see backRefs).
func refersBack(rest string) bool {
	low := lower(rest)
	return says(low, backRefs) || zhBefore.MatchString(rest)
}

// sentenceClause returns the clause of text holding bytes [i, j): bounded
// by clause and sentence marks, and by "and"/"but" joining two English
// clauses.
func sentenceClause(text string, i, j int) string {
	isEnd := func(r rune) bool { return isClauseMark(r) || strings.ContainsRune("。！？!?\n", r) }
	start := strings.LastIndexFunc(text[:i], isEnd) + 1
	if start > 0 {
		start += utf8.RuneLen(lastRune(text[:start])) - 1
	}
	end := len(text)
	if k := strings.IndexFunc(text[j:], isEnd); k >= 0 {
		end = j + k
	}
	low := lower(text)
	for _, w := range []string{" and ", " but ", " while "} {
		if k := strings.LastIndex(low[start:i], w); k >= 0 && !(w == " and " && nounJoined(low[start+k+len(w):i])) {
			start += k + len(w)
		}
		if k := strings.Index(low[j:end], w); k >= 0 {
			end = j + k
		}
	}
	return strings.TrimSpace(text[start:end])
}

// nounDeterminers open a noun phrase after "and".
var nounDeterminers = []string{"the", "their", "our", "your", "a", "an", "its", "his", "her", "all", "any"}

// nounJoined reports whether rest, the words after "and" up to a date,
// continue a noun phrase rather than open a clause: "a working machine
// and their accounts on the morning of the 8th" asks for both by the 8th,
// while "and the kickoff is on 3/9" dates an event of its own.
func nounJoined(rest string) bool {
	f := strings.Fields(rest)
	if len(f) == 0 || !slices.Contains(nounDeterminers, f[0]) {
		return false
	}
	return !slices.ContainsFunc(f, func(w string) bool {
		return slices.Contains(stateVerbs, w) || slices.Contains(modals, w) || strings.HasSuffix(w, "s") && slices.Contains(eventVerbs, w)
	})
}

// eventVerbs say that an event takes place ("the kickoff starts on 3/9").
var eventVerbs = []string{"starts", "begins", "opens", "closes", "ships", "lands", "arrives", "happens", "kicks", "launches", "ends"}

// kept reports whether duration phrase in text counts how long something
// is kept or stays valid, after a word of its clause that says so
// ("日志要留存180天"): a fact about a process, not the time a piece of
// work takes. A word of keeping in another clause ("保留意见，审核要5个工
// 作日") says nothing of it.
func kept(text, phrase string) bool {
	cl := lower(clauseOf(text, phrase))
	i := strings.Index(cl, lower(phrase))
	return phrase != "" && i >= 0 && (keptFor(strings.TrimRight(cl[:i], " ")) || keptOption(text, phrase))
}

// optionMarks join a span to another offered as a choice: "90 天和 1 年",
// "90 days or a year".
var optionMarks = []string{"和", "或", "还是", "跟", "or ", "vs", "versus", "and "}

// keptOption reports whether phrase is one of spans weighed as a choice
// in a sentence that names a period of keeping ("审计日志的保留期限要客户确
// 认，90 天和 1 年存储成本差很多"): the choices are values of that period.
func keptOption(text, phrase string) bool {
	i := strings.Index(text, phrase)
	after := lower(strings.TrimLeft(text[i+len(phrase):], " "))
	return slices.ContainsFunc(optionMarks, func(m string) bool {
		rest, ok := strings.CutPrefix(after, m)
		return ok && hasDigit(prefix(rest, 12)) || ok && strings.HasPrefix(strings.TrimLeft(rest, " "), "a ")
	}) && says(lower(text[:i]), keepWords)
}

// quotePairs open and close a quotation.
var quotePairs = [][2]string{{"\"", "\""}, {"“", "”"}, {"「", "」"}, {"『", "』"}}

// quoted reports whether bytes [i, j) of text stand inside a quotation:
// a date in words cited ("not another \"can you look at this by
// Friday\"") is what someone said, not when the work is due.
func quoted(text string, i, j int) bool {
	for _, q := range quotePairs {
		open := strings.LastIndex(text[:i], q[0])
		if open < 0 || q[0] == q[1] && strings.Count(text[:i], q[0])%2 == 0 {
			continue
		}
		if q[0] != q[1] && strings.LastIndex(text[:i], q[1]) > open {
			continue
		}
		if strings.Contains(text[j:], q[1]) {
			return true
		}
	}
	return false
}

// horizonMarks open the period ahead a plan or figure covers; withinMarks
// after the span make it a time to finish in instead ("接下来两周内").
var (
	horizonMarks = []string{"未来", "今后", "往后", "接下来", "for the next", "over the next", "for the coming", "over the coming", "for the following"}
	withinMarks  = []string{"内", "之内", "以内"}
)

// horizon reports whether a span, with before and after the text around
// it (after in lower case), names the period ahead that a thing covers ("未来三个月
// 每月的用量", "a forecast for the next 3 months"), not a time to wait.
func horizon(before, after string) bool {
	if slices.ContainsFunc(withinMarks, func(w string) bool { return strings.HasPrefix(after, w) }) {
		return false
	}
	return slices.ContainsFunc(horizonMarks, func(w string) bool { return endsFold(before, w) })
}
