package mediate

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Who a Chinese item names is not always what it asks for: the one told
// to act ("得研发重写"), the one a thing is sent to ("同步给产线"), the side
// that speaks ("研发这边"). And a clause may only set the condition or
// forbid what would undo the request. These helpers keep such words out
// of the head (see conceptHead).

// agentAt reports whether term t of e names a person who is to act, after a
// word that has someone do something ("得研发重写一版", "请法务审一下"): who
// does the work, not what is asked for.
func agentAt(e *entry, t term) bool {
	before := e.Text[:t.start]
	return slices.Contains(persons, t.key) && slices.ContainsFunc([]string{"得", "让", "请", "麻烦"}, func(w string) bool { return strings.HasSuffix(before, w) }) &&
		wordGoesOn(e.Text[t.end:]) || pivotAgent(e.Text, t)
}

// pivotAsks and pivotGives frame who is to give: "需要 QA 给一个清单",
// "希望财务出一版", "请 IT 提供账号". Whatever stands between them is the
// one asked to act, the thing asked comes after.
var (
	pivotAsks  = []string{"需要", "希望", "请", "让", "麻烦", "得"}
	pivotGives = []string{"给", "出", "提供", "帮", "先给", "来"}
)

// pivotAgent reports whether term t of text stands right between a
// word of pivotAsks and one of pivotGives, spaces aside.
func pivotAgent(text string, t term) bool {
	before := strings.TrimRight(text[:t.start], " ")
	after := strings.TrimLeft(text[t.end:], " ")
	return slices.ContainsFunc(pivotAsks, func(w string) bool { return strings.HasSuffix(before, w) }) &&
		slices.ContainsFunc(pivotGives, func(w string) bool { return strings.HasPrefix(after, w) }) &&
		!strings.HasPrefix(after, "出来") && !strings.HasPrefix(after, "来了") // "希望报告出来": the report comes out, no one gives it
}

// wordGoesOn reports whether s opens with a Chinese character: a verb
// follows the agent.
func wordGoesOn(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isHan(r)
}

// recipientHead is the head of an item that names nothing but who
// receives it ("欢迎礼包下周一前发给新同事"): the recipient is all it says
// of what it is about.
func recipientHead(e *entry, from int) []string {
	for _, t := range e.terms {
		if t.start >= from && t.key[0] == '#' && !t.weak && !slices.Contains(lightHeads, t.key) && recipientAt(e.Text, t.start) {
			return []string{t.key}
		}
	}
	return nil
}

// recipientAt reports whether the word at i follows a verb with 给
// ("同步给产线", "交给财务", "发给到") or a verb of sending with 到 ("追溯到
// 供应商", "上传到共享盘"): it names who or where receives the thing, not
// the thing. A clause opening with 给 names what it is for ("给设计规范
// 留出两周"); 拿到, 收到 take the thing itself.
func recipientAt(text string, i int) bool {
	before := strings.TrimSuffix(withoutModifier(text[:i]), "到")
	if j := strings.LastIndex(text[:i], "让"); j >= 0 && utf8.RuneCountInString(text[j:i]) <= 6 && !containsClauseMark(text[j:i]) {
		return true // "投屏设备要能让访客的电脑投": the laptops are who it lets, the screen is what is asked
	}
	if b := strings.TrimSuffix(before, "给"); b != before {
		r, _ := utf8.DecodeLastRuneInString(b)
		return isHan(r) && !strings.ContainsRune(stopChars, r)
	}
	return before != text[:i] && slices.ContainsFunc(sendVerbs, func(v string) bool { return strings.HasSuffix(before, v) })
}

// giverOrReceiver reports whether term t of a Chinese e names who gives a
// thing ("研发定期给一线客服做分享": 研发 gives) or who receives it (客服).
func giverOrReceiver(e *entry, t term) bool {
	if !isHan(firstRune(e.Text[t.start:])) {
		return false
	}
	if before := e.Text[:t.start]; recipientAt(e.Text, t.start) || shortModifier(before) != before {
		return true
	}
	g := strings.Index(e.Text[t.end:], "给")
	return slices.Contains(persons, t.key) && g >= 0 && utf8.RuneCountInString(e.Text[t.end:t.end+g]) <= 4 && (g == 0 || isHanWord(e.Text[t.end:t.end+g]))
}

// withoutModifier returns before without a short modifier with 的 that
// ends it right after 给 ("交给合作的外包": the vendor is still who
// receives), else before as it is. A modifier that names someone itself
// is who receives, and what follows 的 is the thing sent ("能直接发给企业
// 客户的报价单" is a price sheet).
func withoutModifier(before string) string {
	if mod, ok := strings.CutSuffix(before, "的"); ok {
		if i, ok := afterGive(mod, 4); ok && !namesConcept(mod[i:]) {
			return mod[:i]
		}
	}
	return before
}

// namesConcept reports whether s holds a concept of the lexicon.
func namesConcept(s string) bool {
	return slices.ContainsFunc(termsOf(s), func(t term) bool { return t.key[0] == '#' && !t.weak })
}

// shortModifier returns before without up to two characters that follow
// 给 and qualify the receiver ("给一线客服": support is who receives).
func shortModifier(before string) string {
	if i, ok := afterGive(before, 2); ok {
		return before[:i]
	}
	return before
}

// afterGive returns where the last 给 of s ends, when what follows it to
// the end of s is one to limit Chinese characters that glue nothing.
func afterGive(s string, limit int) (int, bool) {
	g := strings.LastIndex(s, "给")
	if g < 0 {
		return 0, false
	}
	end := g + len("给")
	between := s[end:]
	n := utf8.RuneCountInString(between)
	return end, n > 0 && n <= limit && isHanWord(between) && !strings.ContainsAny(between, stopChars)
}

// partyAt reports whether the word ending at end names a side ("研发这边由
// 张伟做招聘负责人") or a company by its trade ("搬家公司的车" is the movers'
// truck, not the move): who speaks or acts, not what is offered.
func partyAt(text string, end int) bool {
	after := text[end:]
	return slices.ContainsFunc([]string{"这边", "那边", "这块", "方面", "公司"}, func(w string) bool { return strings.HasPrefix(after, w) }) || teamAt(after)
}

// teamAt reports whether after opens with a word that makes the word
// before it a team ("品牌部", "测试组", "运营团队"), not a word that only
// starts with the same character ("部分", "组件").
func teamAt(after string) bool {
	for _, w := range []string{"部门", "团队", "部", "组"} {
		if rest, ok := strings.CutPrefix(after, w); ok {
			next, _ := utf8.DecodeRuneInString(rest)
			return !strings.ContainsRune("分署件位织合装长员", next)
		}
	}
	return false
}

// sendVerbs move a thing to a place or party named after 到.
var sendVerbs = []string{"发", "送", "寄", "搬", "转", "交", "提交", "上传", "追溯", "同步", "派", "放", "推", "前置", "移", "挪", "加", "挂"}

// subjects are the pronouns that start a comment on a topic named before
// them: "会议室投屏设备我们统一采购" is about the projectors, not the buying;
// 由 names who does it to the topic ("工装由工艺统一设计").
var subjects = []string{"我们", "我方", "咱们", "你们", "他们", "对方", "由"}

// topicEnds reports whether gap, the text between a word already read
// and the next one, holds a subject pronoun or a verb marked done (see
// aspectDone): the head was the topic.
func topicEnds(gap string) bool {
	if aspectDone(gap) {
		return true
	}
	if !strings.ContainsAny(gap, "我咱你他对由") {
		return false // no subject starts in it
	}
	gap = strings.ReplaceAll(gap, "由于", "")
	if strings.ContainsAny(gap, "要让请给") {
		return false // "新人都要我们主管手把手教": 我们 is who is made to act, not a new subject
	}
	return says(gap, subjects)
}

// aspectDone reports whether gap holds a verb marked done by 了: "月度海报排了
// 固定档期" comments on the posters; the slots are how, not what.
func aspectDone(gap string) bool { return aspectAt(gap) >= 0 }

// aspectAt returns where s holds 了 as the mark of a verb done, not as part
// of a word (为了, 了解); -1 when it does not.
func aspectAt(s string) int {
	for from := 0; from < len(s); {
		j := strings.Index(s[from:], "了")
		if j < 0 {
			return -1
		}
		j += from
		word := slices.ContainsFunc([]string{"为了", "除了", "不了", "得了"}, func(w string) bool { return strings.HasSuffix(s[:j+len("了")], w) }) ||
			slices.ContainsFunc([]string{"了解", "了结"}, func(w string) bool { return strings.HasPrefix(s[j:], w) })
		if !word {
			return j
		}
		from = j + len("了")
	}
	return -1
}

// namesThing reports whether a Chinese clause ends in a thing handed
// over (a deliverable, a container, a scan): "所有供应商的合同扫描件，审计要
// 抽查" asks for the scans, the audit is why.
func namesThing(clause string) bool {
	ts := termsOf(clause)
	if len(ts) == 0 || !hasHan(clause) {
		return false
	}
	last := ts[len(ts)-1]
	return last.end == len(strings.TrimRight(clause, " ")) &&
		(slices.Contains(deliverables, last.key) || slices.Contains(containers, last.key) || last.key == "#scan" ||
			last.key[0] == '#' && hasAnyPrefix(strings.TrimLeft(clause, " "), countedOpeners))
}

// countedOpeners count the thing a clause names ("一个固定的 FTE 口径"):
// the clause is a noun phrase, the thing asked for.
var countedOpeners = []string{"一个", "一份", "一套", "一张", "一版", "一位", "一名"}

// breakdownWords say that the word after them is how a thing is broken
// down, not which thing it is: "各型号的交期表" is the lead-time table, per
// model.
var breakdownWords = []string{"各", "每个", "每", "分", "per ", "each ", "every "}

// breakdown reports whether the text before a word ends in a breakdown word.
func breakdown(before string) bool {
	low := lower(before[max(0, len(before)-8):]) // the longest word's length: a long text is not read whole for each word

	return slices.ContainsFunc(breakdownWords, func(w string) bool { return strings.HasSuffix(low, w) })
}

// conditionOpeners open a clause that says when the need applies ("发现批量
// 不良，质量员可以直接叫停产线"): what is asked follows it.
var conditionOpeners = []string{"发现", "一旦", "如果", "万一", "遇到", "if ", "once ", "in case ", "whenever "}

// forbidOpeners open a clause that forbids what would undo the request
// before it ("BOM冻结版本，不要边试产边改"): it restates the request, and
// names no new thing.
var forbidOpeners = []string{"不要", "别", "不能", "不许", "don't ", "do not ", "never "}

func forbids(clause string) bool {
	low := lower(strings.TrimLeft(clause, " "))
	return slices.ContainsFunc(forbidOpeners, func(w string) bool { return strings.HasPrefix(low, w) })
}
