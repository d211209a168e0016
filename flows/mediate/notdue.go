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
	before := lower(strings.TrimRight(text[max(0, i-12):i], " "))
	for _, m := range ordinalMarks {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	after := lower(strings.TrimLeft(text[i+len(phrase):], " "))
	if (strings.HasSuffix(before, "从") || strings.HasSuffix(before, "from")) &&
		(strings.HasPrefix(after, "压") || strings.HasPrefix(after, "缩") || strings.HasPrefix(after, "减") || strings.HasPrefix(after, "to ")) {
		return true // "从两周压到一周", "from 10 days to 5": the old length
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
	return false
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

// countsFromEvent reports whether o's lead time counts from an event or a
// request, not from the moment o was written.
func countsFromEvent(o *entry) bool {
	cl := " " + lower(clauseOf(o.Text, o.lead.Phrase)) + " "
	whole := o.lowText()
	return slices.ContainsFunc(triggerMarks, func(m string) bool { return strings.Contains(cl, m) }) ||
		strings.Contains(whole, "sla") || strings.Contains(whole, "每期") || strings.Contains(whole, "每次")
}
