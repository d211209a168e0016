package mediate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese, like English, puts the thing a phrase names last: "面试官的档期"
// is about schedules, "新人入职当天电脑和代码权限" about access. Without
// spaces, the head of a Chinese item is read as the last concept of the
// lexicon in its first clause, passing over light words that name a kind
// of work or a container rather than its object ("退款流程" is about refunds,
// "设计规范文档" about the style guide). The concepts before the head only
// say which one: a need whose head an offer holds only as such a modifier
// ("用户投诉" in "复盘报告，含用户投诉数据") is met only when the offer covers
// most of it.

// lightHeads are concepts that stand last without being what is asked for.
var lightHeads = []string{"#process", "#plan", "#launch", "#list", "#update", "#document", "#feature", "#fast_track", "#develop", "#release", "#device", "#onsite", "#heads_up", "#draft", "#data_refresh"}

// opposites are concepts that exclude each other: a need for the one is
// not met by an offer of the other, whatever else they share ("海外达人的
// 坑位费" and "国内对公付款").
var opposites = [][2]string{{"#overseas", "#domestic"}, {"#onsite", "#remote"}, {"#internal", "#external"}, {"#new_one", "#old_one"}}

// opposed reports whether need and offer each hold one of two opposites,
// and neither holds both.
func opposed(need, offer *entry) bool {
	for _, p := range opposites {
		for _, ab := range [2][2]string{p, {p[1], p[0]}} {
			if slices.Contains(need.keys, ab[0]) && slices.Contains(offer.keys, ab[1]) &&
				!slices.Contains(need.keys, ab[1]) && !slices.Contains(offer.keys, ab[0]) {
				return true
			}
		}
	}
	return false
}

// conceptHead returns the concept keys of e's head, or nil when e holds
// no concept. "X后才能Y", "X之后再Y" ask for X: the head is read before it.
func conceptHead(e *entry) []string {
	limit := len(e.Text)
	for _, m := range []string{"之后才", "以后才", "后才", "之后再", "以后再"} {
		if i := strings.Index(e.Text, m); i > 0 {
			limit = min(limit, i)
		}
	}
	from := e.askAt
	head := personAfter(e, headFrom(e, from, askEnd(e.Text, from, limit)))
	if len(head) == 0 && from > 0 { // "JD还是去年的，得研发重写一版": the clause that asks names only who acts
		head = headFrom(e, 0, limit)
	}
	if len(head) == 0 && limit == len(e.Text) {
		return recipientHead(e, from)
	}
	return head
}

// askEnd returns where the clause that asks, starting at from, ends, or
// limit: when that clause names nothing ("7月17日前要给到我们"), what it
// asks for is named before it, not by a clause after it that says how
// long a third party takes ("Amazon 审核要 5-7 天").
func askEnd(text string, from, limit int) int {
	if from == 0 {
		return limit
	}
	if i := strings.IndexFunc(text[from:], endsClause); i >= 0 {
		return min(limit, from+i)
	}
	return limit
}

// personAfter returns #staff when head ends a clause that qualifies 人
// ("已经提了离职的人要单独标出来": the people who resigned), else head:
// the people are what the need is about, the resignation says which.
func personAfter(e *entry, head []string) []string {
	if len(head) == 0 {
		return head
	}
	last := -1
	for _, t := range e.terms {
		if slices.Contains(head, t.key) {
			last = t.end
		}
	}
	if last < 0 {
		return head
	}
	rest := strings.TrimPrefix(e.Text[last:], "的")
	if rest == e.Text[last:] || !strings.HasPrefix(rest, "人") {
		return head
	}
	if next := []rune(strings.TrimPrefix(rest, "人")); len(next) > 0 && strings.ContainsRune("员力数手群士才", next[0]) {
		return head // 人员, 人力, 人数: a word of its own
	}
	return []string{"#staff"}
}

// aNotA reports whether term t of text ends a question that puts a word
// and its negation side by side ("合不合规", "够不够用"): it asks for a
// verdict on the thing named before it, which is what the item is about.
func aNotA(text string, t term) bool {
	first, _ := utf8.DecodeRuneInString(text[t.start:])
	return strings.HasSuffix(text[:t.start], string(first)+"不")
}

// headFrom reads the head of e in the first clause from from that names
// something, before limit.
func headFrom(e *entry, from, limit int) []string {
	var head []string
	start := -1
	conj := 0      // where the keys of the last of coordinated heads start in head
	received := -1 // where the words naming a recipient end
	// an aside stands in a bracket: most items have none to look behind
	bracket := strings.ContainsAny(e.Text, "(（")
	quote := strings.ContainsAny(e.Text, "\"“「")
	for _, t := range e.terms {
		if t.start < from {
			continue
		}
		if t.start >= limit || start >= 0 && (containsClauseMark(e.Text[start:t.start]) || topicEnds(e.Text[start:t.start])) {
			break // the head is in the first clause that names something
		}
		if bracket && (dateAside(e.Text[:t.start]) || formAside(e.Text, t.start) || heldAside(e.Text, t.start)) {
			continue // "节前最后一天（2/14调休上班）": an aside on the date, never the head
		}
		if t.start == received && verbEnds(e.Text[t.start:t.end]) {
			received = -1 // "给研发岗加签约奖金": 加 ends who receives, what is added follows
			continue
		}
		if t.start == received || recipientAt(e.Text, t.start) {
			received = t.end // "前置到订单详情页": the whole place is where it goes
			continue
		}
		if len(t.key) == 0 || t.key[0] != '#' || t.weak || slices.Contains(lightHeads, t.key) || measuredBefore(e, t) || partyAt(e.Text, t.end) || agentAt(e, t) || aNotA(e.Text, t) || lateEvent(e, t) {
			continue
		}
		if start >= 0 && quote && quoted(e.Text, t.start, t.end) {
			continue // "签约奖金走“招聘费用”科目": a quoted name labels the thing, it is not the thing
		}
		if start >= 0 && t.start != start && enPrepositionIn(e.Text[start:t.start]) {
			break // "rosters 2024-2026 from Kronos export": an English phrase ends its head at a preposition
		}
		if start >= 0 && beforeOrAfter(e.Text[t.end:]) {
			continue // "门卡搬迁前一天做好": the move says when, the cards are the thing
		}
		if start >= 0 && t.start != start && companion(e.Text[start:t.start], e.Text[t.end:]) {
			continue // "易拉宝跟主视觉一起延展": the key visual is what the banners go with
		}
		if t.start != start {
			switch {
			case start >= 0 && coordinated(e.Text[start:t.start]):
				conj = len(head) // "A和B" names two heads
			default:
				head = head[:conj] // else the later word is the head: "ROI、转化数据" is ROI and data
			}
			start = t.start
		}
		head = append(head, t.key)
	}
	return head
}

// enPrepositions open what qualifies an English noun phrase.
var enPrepositions = []string{" from ", " for ", " of ", " with ", " per ", " by ", " via ", " in ", " on ", " at ", " to "}

// enPrepositionIn reports whether gap, the text from a head word to the
// next word that names something, holds an English preposition.
func enPrepositionIn(gap string) bool {
	return strings.Contains(gap, " ") && says(lower(gap), enPrepositions)
}

// giveVerbs are verbs that follow who receives a thing and come before the
// thing ("给研发岗加签约奖金", "给门店配导购").
const giveVerbs = "加配补发开建留买订派"

// verbEnds reports whether a character pair ends in such a verb.
func verbEnds(pair string) bool {
	r, _ := utf8.DecodeLastRuneInString(pair)
	return utf8.RuneCountInString(pair) == 2 && strings.ContainsRune(giveVerbs, r)
}

// measuredBefore reports whether term t of e is a measure right after
// the concept it measures ("计提余额", "服务器容量"): that concept is the head.
func measuredBefore(e *entry, t term) bool {
	return slices.Contains(measures, t.key) && slices.ContainsFunc(e.terms, func(u term) bool { return u.end == t.start && len(u.key) > 0 && u.key[0] == '#' })
}

// lateEvent reports whether term t of e is the event "才" says comes only
// late, after some other word has named the thing: "出差报销要一个月才到账"
// complains about the claims, the money's arrival is what is late.
func lateEvent(e *entry, t term) bool {
	return strings.HasSuffix(e.Text[:t.start], "才") && slices.ContainsFunc(e.terms, func(u term) bool {
		return u.end <= t.start && len(u.key) > 0 && u.key[0] == '#' && !u.weak
	})
}

// dateAside reports whether the text after before stands inside an
// opened bracket that starts with a date ("（2/14调休上班）"): it says
// more about when, not what. A bracket of other words ("（按渠道）") may
// qualify the thing.
func dateAside(before string) bool {
	i := max(strings.LastIndex(before, "（"), strings.LastIndex(before, "("))
	if i < 0 || strings.ContainsAny(before[i:], ")）") {
		return false
	}
	inside := strings.TrimLeft(before[i:], "（(")
	n := strings.IndexFunc(inside, func(r rune) bool { return !unicode.IsDigit(r) })
	return n > 0 && strings.ContainsAny(inside[n:min(n+3, len(inside))], "/月.-")
}

// holdsOpeners open a bracket that says what the thing before it holds
// ("价目表（含阶梯折扣）", "周转表（包括可用天数）").
var holdsOpeners = []string{"含", "包含", "包括", "附", "带", "incl", "including", "with "}

// heldAside reports whether the word at in text stands inside a bracket
// that says what the thing before it holds: opening with a word of
// holding ("（含阶梯折扣）"), or listing its kinds ("人员异动表（入职、调岗、
// 离职）"). What it holds is part of it; the thing is the head.
func heldAside(text string, at int) bool {
	open := max(strings.LastIndex(text[:at], "（"), strings.LastIndex(text[:at], "("))
	if open < 0 || strings.ContainsAny(text[open:at], ")）") {
		return false
	}
	inside := lower(strings.TrimLeft(text[open:at], "（( "))
	if slices.ContainsFunc(holdsOpeners, func(w string) bool { return strings.HasPrefix(inside, w) }) {
		return true
	}
	end := strings.IndexAny(text[at:], ")）")
	return end >= 0 && open > 0 && isHan(lastRune(text[:open])) && strings.Contains(text[open:at+end], "、")
}

// formAside reports whether the word at in text stands inside a bracket
// that names the version a thing comes in ("清单（中英文版）", "(English
// version)"): it says in which form, not what is handed over.
func formAside(text string, at int) bool {
	open := max(strings.LastIndex(text[:at], "（"), strings.LastIndex(text[:at], "("))
	if open < 0 || strings.ContainsAny(text[open:at], ")）") {
		return false
	}
	end := strings.IndexAny(text[at:], ")）")
	if end < 0 {
		return false
	}
	inside := strings.TrimSpace(lower(text[at : at+end]))
	return slices.ContainsFunc([]string{"版", "版本", "version", "edition"}, func(w string) bool { return strings.HasSuffix(inside, w) })
}

// companion reports whether the word after gap is only what the head
// goes with: "X跟Y一起做", "X随Y同步出" name X as the thing, Y as its
// companion. Without 一起 or the like, "X跟Y" may be a plain "X and Y".
func companion(gap, after string) bool {
	with := slices.ContainsFunc([]string{"跟", "随", "连同", "同"}, func(w string) bool { return strings.HasSuffix(gap, w) })
	return with && slices.ContainsFunc([]string{"一起", "一并", "一块", "同步", "配套"}, func(w string) bool { return strings.HasPrefix(after, w) })
}

// beforeOrAfter reports whether s opens by making the word before it a
// point in time: "搬迁前", "上线之后".
func beforeOrAfter(s string) bool {
	return slices.ContainsFunc([]string{"前", "后", "之前", "之后", "以前", "以后"}, func(w string) bool { return strings.HasPrefix(s, w) })
}

// askingClause returns where the clause that asks starts, when the first
// clause only sets the scene ("新同事下周一报到，周五前要把电脑装好": the
// need is the computers), else 0.
func askingClause(text string) int {
	first := strings.IndexFunc(text, isClauseMark)
	if first < 0 || asks(text[:first]) || namesThing(text[:first]) || says(lower(text[:first]), priorityWords) {
		return 0
	}
	opening := lower(strings.TrimLeft(text, " "))
	condition := slices.ContainsFunc(conditionOpeners, func(w string) bool { return strings.HasPrefix(opening, w) })
	for i := first; i >= 0 && i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		next := strings.IndexFunc(text[i+n:], isClauseMark)
		end := len(text)
		if next >= 0 {
			end = i + n + next
		}
		if clause := text[i+n : end]; (asks(clause) || condition || says(lower(clause), priorityWords)) && !explains(clause) && !forbids(clause) {
			return i + n
		}
		if next < 0 {
			break
		}
		i = end
	}
	return 0
}

// priorityWords say that what follows is what a side needs most: the
// clause names the need without an ask word ("我们最急的是退款流程").
var priorityWords = []string{"最急", "最需要", "最要紧", "最重要", "最缺", "biggest", "most urgent", "main thing", "top priority"}

// explains reports whether clause opens with a reason ("现在要走5步") or
// says what follows if something happens (see forcedBy).
func explains(clause string) bool {
	low := lower(strings.TrimLeft(clause, " "))
	return slices.ContainsFunc(reasonOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) || forcedBy(clause)
}

// forcedBy reports whether clause says what must follow if something
// happens ("打样后再改就得重新排印刷", "一旦延期就要重新报批"): its 得 or 要
// after 就 is what the condition forces, not what the side asks.
func forcedBy(clause string) bool {
	at := -1
	for _, m := range []string{"就得", "就要", "就会", "就只能"} {
		if i := strings.Index(clause, m); i > 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at > 0 && slices.ContainsFunc([]string{"再", "如果", "要是", "一旦", "万一", "的话"}, func(w string) bool { return strings.Contains(clause[:at], w) })
}

// coordinated reports whether the text between two words joins them as
// equals: "日志和网络拓扑", "logs and network maps".
func coordinated(gap string) bool {
	return strings.ContainsAny(gap, "和与及、&/+加") || strings.Contains(gap, " and ") || strings.Contains(gap, " AND ")
}

// containsClauseMark reports whether s ends a clause: a comma or a
// sentence's end, or 并 joining two verb phrases ("升级埋点SDK并验证数据").
func containsClauseMark(s string) bool {
	return strings.ContainsFunc(s, endsClause)
}

func endsClause(r rune) bool {
	switch r {
	case '。', '.', '!', '?', '！', '？', '并':
		return true
	}
	return isClauseMark(r)
}

// readHeads reads where e asks and its head: the Chinese head for an item
// that holds Chinese, none otherwise (English items have their own phrase
// heads, see head.go).
func (e *entry) readHeads() {
	e.askAt = askingClause(e.Text)
	if hasHan(e.Text) {
		e.head = conceptHead(e)
		e.kind, _ = kindAfterHead(e)
	}
}

// conceptsHead is conceptHead of e however e is written, read once when
// first asked for: an English item's is wanted only beside a Chinese one.
func (e *entry) conceptsHead() []string {
	if hasHan(e.Text) {
		return e.head
	}
	if !e.anyRead {
		e.anyHead, e.anyRead = conceptHead(e), true
	}
	return e.anyHead
}

// headsDisagree reports whether need and offer, both Chinese, each name a
// head the other holds nowhere: "新人入职当天电脑和代码权限" (access) and
// "新人入职第一周的培训" (training) share their modifiers only. What an
// offer's container holds counts as its head ("发放规则说明" is the rules).
func headsDisagree(need, offer *entry) bool {
	nh, oh := need.head, offer.head
	return len(nh) > 0 && len(oh) > 0 && !holdsAny(offer, nh) && !holdsAny(need, slices.Concat(oh, containedBy(offer, oh))) && !bareContainers(need, offer)
}

// bareContainers reports whether need and offer are each headed by a
// container that names nothing it holds ("数据最好每天自动更新", "看板
// T+1 自动刷新"): the figures of the one are those of the other, and
// what they share besides (a refresh, a cadence) says whether they meet.
func bareContainers(need, offer *entry) bool {
	bare := func(e *entry) bool {
		return len(e.head) == 1 && slices.Contains(containers, e.head[0]) && len(containedBy(e, e.head)) == 0
	}
	return bare(need) && bare(offer)
}

// modifierOnly reports whether offer holds need's head only before a head
// of its own, as "用户投诉" in "复盘报告，含用户投诉数据". A person asked
// for by "要有人" is not qualifying what follows: "一人值班" offers the one
// person, on call.
func modifierOnly(need, offer *entry) bool {
	nh, oh := need.head, offer.head
	return len(nh) > 0 && len(oh) > 0 && holdsAny(offer, nh) && !holdsAny(need, oh) && !contains(offer, need) && !heldApart(offer, nh) && !slices.Contains(nh, "#owner")
}

// askedOfTopic reports whether need names a topic in its first clause
// and, in a later headless clause, what it asks about it, and offer holds
// both: "活动规则…怎么写，改之前跟我们说一声" asks to be told of changes to
// the campaign, which "大促作战会…活动节奏有变第一时间知道" gives, whatever
// each one's head.
func askedOfTopic(need, offer *entry) bool {
	if len(need.parts) < 2 || !holdsAny(offer, topicOf(need)) {
		return false
	}
	return slices.ContainsFunc(need.parts[1:], func(p *entry) bool {
		concepts := 0
		for _, k := range p.keys {
			if k[0] == '#' && !slices.Contains(offer.keys, k) {
				return false
			}
			if k[0] == '#' {
				concepts++
			}
		}
		return len(p.head) == 0 && concepts > 0
	})
}

// crossedHeads reports whether need and offer, both Chinese, name two
// words the other way round: "培训预算" asks for a budget, "预算系统培训"
// offers training. Each head only qualifies a word in the other item.
func crossedHeads(need, offer *entry) bool {
	nh, oh := need.head, offer.head
	return len(nh) > 0 && len(oh) > 0 && !holdsAnyKey(nh, oh) && compounds(offer, nh) && compounds(need, oh) &&
		!holdsAnyKey(slices.Concat(nh, oh), verbalHeads)
}

// verbalHeads name an act on what they go with, either way round: "销量预测"
// and "预估销量" are one forecast, "数据分析" and "分析数据" one analysis.
var verbalHeads = []string{"#forecast", "#analytics"}

// groupKinds name a group of people: one before a head narrows it to that
// group ("离职员工年终奖" is the leavers' bonus).
var groupKinds = []string{"#offboard", "#newhire", "#intern", "#contractor"}

// groupNarrowed reports whether offer, Chinese, holds need's head only
// right after a group need names nowhere: the leavers' bonus is not the
// bonus "年终奖最晚2/12要到员工卡上" asks to be paid to everyone, nor the
// interns' laptops those of the new hires.
func groupNarrowed(need, offer *entry) bool {
	if len(need.head) == 0 || !hasHan(offer.Text) {
		return false
	}
	found := false
	for i, t := range offer.terms {
		if !slices.Contains(need.head, t.key) {
			continue
		}
		narrowed, start := false, t.start
		for j := i - 1; j >= 0 && offer.terms[j].end >= start; j-- { // the words right before, with no gap
			start = min(start, offer.terms[j].start)
			k := offer.terms[j].key
			narrowed = narrowed || slices.Contains(groupKinds, k) && !slices.Contains(need.keys, k)
		}
		if !narrowed {
			return false
		}
		found = true
	}
	return found
}

// compounds reports whether e holds keys, and only in the compound that
// ends in its head, with no gap between the words.
func compounds(e *entry, keys []string) bool {
	found := false
	for i, t := range e.terms {
		if !slices.Contains(keys, t.key) {
			continue
		}
		end, ok := t.end, false
		for _, u := range e.terms[i+1:] {
			if u.start > end || ok {
				break
			}
			ok, end = slices.Contains(e.head, u.key), max(end, u.end)
		}
		if !ok {
			return false
		}
		found = true
	}
	return found
}

// heldApart reports whether e names one of keys in a clause other than
// the one holding its head, where it qualifies nothing: "PDF 版本" in
// "供应商合同统一归档到共享盘，PDF 版本" is a scan offered as such.
func heldApart(e *entry, keys []string) bool {
	at := -1
	for _, t := range e.terms {
		if slices.Contains(e.head, t.key) {
			at = t.start
			break
		}
	}
	if at < 0 {
		return false
	}
	return slices.ContainsFunc(e.terms, func(t term) bool {
		if !slices.Contains(keys, t.key) {
			return false
		}
		lo, hi := min(at, t.start), max(at, t.start)
		return containsClauseMark(e.Text[lo:hi])
	})
}

func holdsAll(e *entry, keys []string) bool {
	return !slices.ContainsFunc(keys, func(k string) bool { return !slices.Contains(e.keys, k) })
}

// containers hold what their modifier names: "人力成本报表" gives the
// labour cost figures, "离职相关的数据宽表" the attrition data.
var containers = []string{"#report", "#data", "#data_warehouse", "#dashboard", "#list", "#document", "#template", "#guide", "#explainer", "#comparison"}

// contains reports whether offer's head is a container of need's head
// keys, named in the same clause, with every concept that qualifies them
// in the need: not "复盘报告，含用户投诉数据", where the complaints are a
// part of a review, nor "用户数据看板，按渠道" for "渠道归因数据". A
// container holds what is known about a person, never the person: "查勘员
// App 的定位轨迹数据" does not staff the surveyors asked for.
func contains(offer *entry, need *entry) bool {
	keys := need.head
	if holdsAnyKey(keys, persons) || !slices.ContainsFunc(offer.head, func(k string) bool { return slices.Contains(containers, k) }) {
		return false
	}
	for _, k := range keys {
		if q := qualifiers(need, k); len(q) > 0 && !holdsAll(offer, q) {
			return false
		}
	}
	if holdsOther(offer, need) {
		return false // "用户画像数据" holds personas, whatever else the offer names
	}
	end := partEnd(offer.Text)
	return slices.ContainsFunc(offer.terms, func(t term) bool {
		return slices.Contains(keys, t.key) && (end < 0 || t.start < end)
	})
}

// headsAgree reports whether need's head is also the offer's head, when
// either is Chinese: "黄金周期间技术要有人值班" and "10月1日到7日每天两人值班"
// both ask for on-call duty; "一个 engineering 的 owner" and "Priya (EM) as
// our owner" both name an owner.
func headsAgree(need, offer *entry) (string, bool) {
	nh, oh := need.head, offer.head
	if len(nh) == 0 && len(oh) == 0 {
		return "", false
	}
	if len(nh) == 0 {
		nh = slices.Concat(englishHead(need), need.conceptsHead())
	}
	if len(oh) == 0 {
		oh = slices.Concat(englishHead(offer), offer.conceptsHead())
	}
	for _, k := range nh {
		if slices.Contains(oh, k) && !qualifiedApartBy(need, offer, k) {
			return k, true
		}
	}
	return "", false
}

// qualifiedApartBy reports whether need and offer both qualify their
// shared head with concepts and share none of them: "首单用户的流失分析报告"
// and "渠道归因报表" are different reports. An offer that does not
// qualify the head, or shares a qualifier, names the same thing.
func qualifiedApartBy(need, offer *entry, head string) bool {
	nq, oq := besideOnly(need, qualifiers(need, head), head), besideOnly(offer, qualifiers(offer, head), head)
	return len(nq) > 0 && len(oq) > 0 && len(intersect(nq, oq)) == 0
}

// besideOnly drops from qs the keys e names only beside head, joined to it
// as an equal ("PRD + 埋点 list", "合同和发票"): a thing handed over with
// another does not say which one the other is.
func besideOnly(e *entry, qs []string, head string) []string {
	h, ok := firstTerm(e.terms, head)
	if !ok {
		return qs
	}
	return slices.DeleteFunc(slices.Clone(qs), func(k string) bool {
		q, ok := firstTerm(e.terms, k)
		gap := strings.TrimSpace(e.Text[min(q.end, h.start):h.start])
		return ok && q.end <= h.start && gap != "" && utf8.RuneCountInString(gap) <= 2 && coordinated(gap) && !containsClauseMark(gap)
	})
}

// objectMarks end the subject of a Chinese request or offer: what follows
// is the thing asked for or given ("一线销售想要录播课" asks for recorded
// courses, the sales team is who asks; "客服可以帮忙收集反馈" gives
// feedback, support is who collects it).
var objectMarks = []string{"想要", "需要", "希望", "要", "想", "可以", "负责", "会"}

// qualifierSpan returns the part of text that can qualify the head that
// starts at one of heads: the clause holding it, past the subject of a
// Chinese request. A word in another clause says why or when, not which
// one.
func qualifierSpan(text string, heads []int) (int, int) {
	at := earliest(heads)
	if at < 0 {
		return 0, len(text)
	}
	lo, hi := 0, len(text)
	if j := strings.LastIndexFunc(text[:at], isClauseMark); j >= 0 {
		lo = j + 1
	}
	if j := strings.IndexFunc(text[at:], isClauseMark); j >= 0 {
		hi = at + j
	}
	for _, m := range objectMarks {
		if j := strings.LastIndex(text[lo:at], m); j >= 0 {
			lo += j + len(m)
			break
		}
	}
	return topicStart(text, lo), hi
}

// topicStart returns where the clause before the one starting at lo
// starts, when that clause opens with a verb of asking and so has no
// subject of its own: in "明年的领导力培训，想要20万预算" the training is
// what the budget is for, as in "领导力培训想要20万预算". Else lo.
func topicStart(text string, lo int) int {
	before := text[:lo]
	for _, m := range objectMarks {
		before = strings.TrimSuffix(before, m)
	}
	before = strings.TrimRight(before, " ")
	if len(before) == len(text[:lo]) || !hasHan(text[lo:]) {
		return lo // the clause has a subject, or opens with no verb of asking
	}
	r, size := utf8.DecodeLastRuneInString(before)
	if r != '，' && r != ',' {
		return lo // only a comma joins a topic to its comment
	}
	return strings.LastIndexFunc(before[:len(before)-size], isClauseMark) + 1
}

// phraseStart returns where the English noun phrase holding the first of
// heads starts. When a copula comes before it, the words before are the
// subject ("Lena from accounts payable is your point of contact"), not
// which one it is; complements after it still qualify it.
func phraseStart(e *entry, heads []int) int {
	for i, t := range e.terms {
		if !slices.Contains(heads, t.start) {
			continue
		}
		for i > 0 && (e.terms[i-1].end >= e.terms[i].start || strings.Trim(e.Text[e.terms[i-1].end:e.terms[i].start], " -+&/") == "") {
			i--
		}
		return e.terms[i].start
	}
	return 0
}

// afterCopula reports whether text ends with a copula, then at most a
// determiner ("is your", "will be the").
func afterCopula(text string) bool {
	f := strings.Fields(lower(text))
	for len(f) > 0 && slices.Contains([]string{"your", "our", "the", "a", "an", "their", "be"}, f[len(f)-1]) {
		f = f[:len(f)-1]
	}
	return len(f) > 0 && slices.Contains(copulas, f[len(f)-1])
}

// qualifiers returns the concepts of e besides head, light words, what
// carries a thing ("billing data" and "the billing export" are billing), and
// the other concepts of the word that names head ("断货" is stock and a
// stock-out).
func qualifiers(e *entry, head string) []string {
	if q, ok := e.quals[head]; ok {
		return q
	}
	if e.quals == nil {
		e.quals = map[string][]string{}
	}
	q := readQualifiers(e, head)
	e.quals[head] = q
	return q
}

// joinMarks join a thing to the next one named: "ROI、转化数据".
var joinMarks = []string{"、", "和", "与", "及"}

// readQualifiers is qualifiers, read from e's text. The form a thing is
// asked in (an editable copy, a scan), how often it comes, who gives it
// and who receives it say how it comes, not which thing it is.
func readQualifiers(e *entry, head string) []string {
	var same []int // where head's terms start, each once
	for _, t := range e.terms {
		if t.key == head && !slices.Contains(same, t.start) {
			same = append(same, t.start)
		}
	}
	lo, hi := qualifierSpan(e.Text, same)
	if p := phraseStart(e, same); !hasHan(e.Text) && afterCopula(e.Text[:p]) {
		lo = max(lo, p)
	}
	lo = max(lo, verdictEnd(e)) // "A straight answer on whether": the question is what is asked
	if at := earliest(same); hasHan(e.Text) && at >= 0 {
		// "工装由工艺统一设计": what 由 says is who does it, not which
		// fixtures; "ROI、转化数据": what follows 、 is another thing
		for _, list := range [...][]string{subjects, joinMarks} {
			for _, m := range list {
				if j := strings.Index(e.Text[at:hi], m); j > 0 {
					hi = at + j
				}
			}
		}
		if j := aspectAt(e.Text[at:hi]); j > 0 { // "月度海报排了固定档期": the slots say how, not which posters
			hi = at + j
		}
	}
	if !hasHan(e.Text) {
		hi = relativeStart(e.Text, same, hi)
	}
	var out []string
	for _, t := range e.terms {
		k := t.key
		if t.start < lo || t.start >= hi {
			continue
		}
		if k[0] == '#' && k != head && !slices.Contains(same, t.start) && !slices.Contains(lightHeads, k) && !slices.Contains(formats, k) && !slices.Contains(cadences, k) &&
			!lexicon[k].generic && !slices.Contains(carriers, k) && !breakdown(e.Text[:t.start]) && !giverOrReceiver(e, t) &&
			!strings.HasPrefix(e.Text[t.end:], "期间") { // "活动期间安排on-call": when, not which
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// englishHead returns the keys of the heads of e's phrases, the first
// phrase's first: "Someone at the factory who reads English email" is
// about someone; "Priya (EM) as our owner" names an owner too.
func englishHead(e *entry) []string {
	var out []string
	for _, p := range e.phr {
		if w, ok := p.head(); ok {
			out = append(out, w.keys...)
		}
	}
	return out
}

// deliverables are things handed over. A need for one ("A QC report for
// the pilot run") is not met by an offer of the work it reports on ("试产
// 加质检要15个工作日"), unless the offer covers nearly all of the need.
var deliverables = []string{"#report", "#template", "#dashboard", "#guide", "#faq", "#release_notes",
	"#style_guide", "#mockup", "#prototype", "#floor_plan", "#questionnaire", "#contract", "#dpa", "#nda"}

// deliverableMissing reports whether need's head is a deliverable that
// offer names nowhere.
func deliverableMissing(need, offer *entry) bool {
	d := slices.DeleteFunc(slices.Clone(needHead(need)), func(k string) bool { return !slices.Contains(deliverables, k) })
	return len(d) > 0 && !holdsAny(offer, d)
}

func holdsAny(e *entry, keys []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { _, ok := slices.BinarySearch(e.keys, k); return ok }) // e.keys are sorted
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// relatives open a clause that says what an English head must do or be
// for ("laptops that can get into the CRM"), not which kind it is: two
// such clauses name one thing used two ways, not two things.
var relatives = []string{" that ", " which ", " so that "}

// relativeStart returns where the first relative clause after the
// earliest of heads starts, if before hi, else hi.
func relativeStart(text string, heads []int, hi int) int {
	at := earliest(heads)
	if at < 0 || at >= hi {
		return hi
	}
	lower := lower(text[:hi])
	for _, r := range relatives {
		if j := strings.Index(lower[at:], r); j >= 0 {
			hi = at + j
		}
	}
	return hi
}

// earliest returns the smallest offset of heads, or -1 when it is empty.
func earliest(heads []int) int {
	at := -1
	for _, i := range heads {
		if at < 0 || i < at {
			at = i
		}
	}
	return at
}
