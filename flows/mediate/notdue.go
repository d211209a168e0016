package mediate

import (
	"slices"
	"strings"
)

// A duration or date phrase can name something else than when work is due
// or how long it takes: the old length of a thing being shortened ("从两周
// 压到一周": the new length is how long it takes now), one period of a series ("每月
// 最后一周", "the first week"), or a period to keep clear ("培训别排在月底",
// "avoid the last week"). Such a phrase sets neither a deadline nor a lead
// time.

// ordinalMarks make a span one period of a series.
var ordinalMarks = []string{"最后", "第", "头", "the last", "the first", "the final", "last", "first"}

// avoidMarks open a clause that names a period to keep clear.
var avoidMarks = []string{"别", "不要", "避开", "避免", "不能排", "avoid", "not during", "don't schedule"}

// notDue reports whether phrase in text names a length, a period of a
// series or a period to avoid rather than a due date or a lead time.
func notDue(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return false
	}
	before := strings.ToLower(strings.TrimRight(text[max(0, i-12):i], " "))
	for _, m := range ordinalMarks {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	after := strings.ToLower(strings.TrimLeft(text[i+len(phrase):], " "))
	if (strings.HasSuffix(before, "从") || strings.HasSuffix(before, "from")) &&
		(strings.HasPrefix(after, "压") || strings.HasPrefix(after, "缩") || strings.HasPrefix(after, "减") || strings.HasPrefix(after, "to ")) {
		return true // "从两周压到一周", "from 10 days to 5": the old length
	}
	cl := strings.ToLower(clauseOf(text, phrase))
	head := cl[:max(0, strings.Index(cl, strings.ToLower(phrase)))]
	if strings.Contains(head, "晚于") || strings.Contains(head, "超过") || strings.Contains(head, "later than") {
		return false // "别晚于周五", "不要超过3天": a limit, still due
	}
	for _, m := range avoidMarks {
		if strings.Contains(head, m) {
			return true
		}
	}
	return false
}

// asapWords ask for work as soon as it can be done: a lead time answers
// such a request rather than clashing with it.
var asapWords = []string{"尽快", "越快越好", "尽早", "asap", "a.s.a.p", "as soon as possible"}

// asap reports whether a deadline phrase only asks for speed.
func asap(phrase string) bool {
	low := strings.ToLower(phrase)
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
		after := strings.ToLower(strings.TrimLeft(e.Text[t.end:], " "))
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

// countsFromEvent reports whether o's lead time counts from an event or a
// request, not from the moment o was written.
func countsFromEvent(o *entry) bool {
	cl := " " + strings.ToLower(clauseOf(o.Text, o.lead.Phrase)) + " "
	whole := strings.ToLower(o.Text)
	return slices.ContainsFunc(triggerMarks, func(m string) bool { return strings.Contains(cl, m) }) ||
		strings.Contains(whole, "sla") || strings.Contains(whole, "每期") || strings.Contains(whole, "每次")
}

// keepWords say how long something is kept or stays valid: "日志要留存180
// 天", "retain backups for a year", "报价有效期30天".
var keepWords = []string{"留存", "保留", "保存", "存档", "保管", "有效期", "保质期", "retain", "retention", "kept for",
	"keep for", "keep it for", "keep them for", "stored for", "store for", "valid for"}

// kept reports whether duration phrase in text counts how long something
// is kept or stays valid, after a word of its clause that says so
// ("日志要留存180天"): a fact about a process, not the time a piece of
// work takes. A word of keeping in another clause ("保留意见，审核要5个工
// 作日") says nothing of it.
func kept(text, phrase string) bool {
	cl := strings.ToLower(clauseOf(text, phrase))
	i := strings.Index(cl, strings.ToLower(phrase))
	if phrase == "" || i < 0 {
		return false
	}
	return slices.ContainsFunc(keepWords, func(w string) bool { return strings.Contains(cl[:i], w) })
}
