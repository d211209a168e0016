package mediate

import (
	"regexp"
	"slices"
	"strings"
)

// A side often states its own lead time as a bare duration and the work
// it is for: "2 sprints to build, validate and shadow-test", "需要2天做兼
// 容性测试", "putaway takes 8 working days from today". Such an item asks
// the other side for nothing; it is the lead time a deadline is weighed
// against, never a need to list as uncovered.

// workMarks open the work a duration is spent on, right after it.
var (
	zhWorkMarks = []string{"做", "来做", "用来", "进行", "跑", "完成", "测", "审", "准备", "处理", "验证", "开发", "排查", "走"}
	enWorkMarks = []string{"to ", "for the ", "for our ", "for testing", "for review"}
)

// enTakes is an English predicate of duration: "takes 8 working days",
// "requires 3 sprints" ("we need 1 day of testing" asks for the day).
var enTakes = regexp.MustCompile(`\b(takes?|took|will take|lasts?|requires?)\s+(about |around |roughly |at least |up to )?(\d+|a|an|one|two|three|four|five|six|ten)\s*(business |working |calendar |full )?(days?|weeks?|months?|sprints?|hours?)\b`)

// takeHints are what every match of enTakes holds: a text without them is
// not run through it.
var takeHints = []string{"take", "took", "last", "require"}

// takesIn returns where enTakes matches low, or nil.
func takesIn(low string) []int {
	if !says(low, takeHints) {
		return nil
	}
	return enTakes.FindStringIndex(low)
}

// ownLead reports whether need e states how long its own side's work
// takes and asks nothing more: the duration opens the item (after at
// most a verb of needing) and the work follows it, or the item says its
// work takes a duration, with no request anywhere else.
func ownLead(e *entry) bool {
	low := e.lowText()
	if m := takesIn(low); m != nil && strings.TrimSpace(low[:m[0]]) != "" {
		// "Faster sign-off, right now it takes a week": how things stand, the reason to ask
		return !requests(low[:m[0]]+low[m[1]:], true) && !inReason(low, low[m[0]:m[1]])
	}
	p := lower(e.lead.Phrase)
	i := strings.Index(low, p)
	if p == "" || i < 0 || !leadOpens(low[:i]) {
		return false
	}
	after := strings.TrimLeft(low[i+len(p):], " ")
	for _, w := range append(zhWorkMarks, enWorkMarks...) {
		if strings.HasPrefix(after, w) {
			return !requests(after[len(w):], true)
		}
	}
	return false
}

// leadOpens reports whether what stands before a duration is nothing or
// only a verb of needing or taking ("需要", "要", "we need", "it takes").
func leadOpens(before string) bool {
	b := strings.TrimSpace(before)
	for _, w := range []string{"", "需要", "要", "得", "大概要", "至少要", "we need", "need", "it takes", "takes", "about", "we'll need"} {
		if b == w {
			return true
		}
	}
	return false
}

// takesFromNow reports whether deadline phrase is a duration the work of
// text takes, counted from now ("putaway takes 8 working days from
// today"): a lead time, not a date the writer asks for.
func takesFromNow(text, phrase string) bool {
	low, p := lower(text), lower(phrase)
	if !strings.HasSuffix(p, "from today") && !strings.HasSuffix(p, "from now") {
		return false
	}
	m := takesIn(low)
	return m != nil && strings.Contains(low[m[0]:], p)
}

// spanFromStep reports whether deadline phrase, a span, counts from a step
// named after it or before it ("within 2 weeks of the signed PO", "收到采购
// 单后两周内") rather than from now: the work's lead time, which starts when
// that step is done. A step that recurs ("within 2 days of each
// interview") makes a promise kept each time instead.
func spanFromStep(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 || !isSpan(phrase) {
		return false
	}
	low := lower(phrase)
	if strings.HasPrefix(low, "within ") || strings.HasPrefix(low, "in ") {
		rest := strings.TrimLeft(lower(text[i+len(phrase):]), " ")
		for _, m := range []string{"of ", "after ", "following "} {
			if step, ok := strings.CutPrefix(rest, m); ok {
				return stepNamed(step) && handsOver(step)
			}
		}
		return false
	}
	before := strings.TrimRight(text[:i], " ")
	for _, m := range zhAfter {
		if ev, ok := strings.CutSuffix(before, m); ok && strings.Contains(low, "内") {
			return !strings.Contains(ev, "每") && says(ev[lastClauseStart(ev):], zhInputSteps)
		}
	}
	return false
}

// enInputSteps and zhInputSteps name a step in which one side hands the
// other what the work needs, which the requester can date: an event both
// attend ("活动后一周内", "within a week of the event") is no such step.
var (
	enInputSteps = []string{"receiv", "receipt", "getting", "sign", "purchase", "order", "approv", "brief", "file", "spec",
		"confirm", "request", "payment", "contract", "handover", "hand-off", "handoff", "kickoff", "kick-off"}
	zhInputSteps = []string{"收到", "拿到", "到了", "给到", "下单", "签", "确认", "定稿", "提交", "付款", "审批", "批复", "立项", "到位", "到货"}
)

// handsOver reports whether one of the first words of English step starts
// with a hand-over ("the signed PO", "receiving the files"); "PO" only as
// a word of its own.
func handsOver(step string) bool {
	return slices.ContainsFunc(strings.Fields(prefix(step, 40)), func(w string) bool {
		w = strings.Trim(w, ".,;:'\"()")
		return w == "po" || w == "pos" || slices.ContainsFunc(enInputSteps, func(h string) bool { return strings.HasPrefix(w, h) })
	})
}

// stepNamed reports whether English text opens with a step, not a time
// ("of today") or one that recurs ("of each interview").
func stepNamed(step string) bool {
	first, named := firstStepWord(step)
	return named && first != "each" && first != "every"
}
