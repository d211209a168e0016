package mediate

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A lead time counts from when its work can start. Besides the step it
// waits for (see prereq.go), a side may say the day it starts ("下周一开始
// 排，做完要3个工作日"), or ask for its input a set time ahead ("HR data at
// least 5 business days before the start date"): that notice is the time
// the work fed by the input takes.

// zhStarts follow, and enStarts precede, the date work starts on: "下周一
// 开始排", "starting Monday".
var (
	zhStarts = []string{"开始", "起", "开工", "启动", "动手"}
	enStarts = []string{"starting", "start on", "start", "starts", "begin on", "beginning", "kick off on"}
)

// startDate returns the day the work of lead item l starts, when l states
// it before its duration ("进线量预测下周一开始排，做完要3个工作日") or in
// the item right before, which has no length of its own: the duration
// counts from then, not from when it was written.
func (c *collab) startDate(l *entry) (time.Time, bool) {
	before, _, ok := strings.Cut(l.Text, l.lead.Phrase)
	if !ok || l.lead.Phrase == "" {
		return time.Time{}, false
	}
	if d, ok := c.startIn(before, l.at); ok {
		return d, true
	}
	for _, list := range [][]*entry{c.needs[sideIndex(l.Side)], c.offers[sideIndex(l.Side)]} {
		if i := slices.Index(list, l); i > 0 && !list[i-1].hasLead {
			return c.startIn(list[i-1].Text, l.at) // "We can start on Monday 6/8; the build takes 4 business days"
		}
	}
	return time.Time{}, false
}

// stepEvents name a step the work follows on the day it is dated, an
// arrival, a hand-over or a signature: "检测机构 1/26 到场检验，报告要 5 个工作日",
// "采购合同周一（4/27）签，供应商到货要 5 个工作日", "the
// site survey is Wed 11/11, then 3 business days to map circuits", "files
// 9/21 release 给 printer，printer 要 15 个 business days".
var stepEvents = []string{"到场", "进场", "到货", "到厂", "送检", "勘察", "勘测", "上门", "交给", "送到", "发给", "签", "sign", "release", "goes to", "go to", "sent to",
	"handed to", "hand off to", "survey", "site visit", "inspection", "arrive", "on site", "on-site"}

// startIn returns the date text says work starts on: a date right before
// a start word, or in the clause of a step the work follows.
func (c *collab) startIn(before string, at time.Time) (time.Time, bool) {
	low := lower(before)
	step := says(low, stepEvents)
	if !says(before, zhStarts) && !says(low, enStarts) && !step {
		return time.Time{}, false // no start word: no date is read
	}
	for _, d := range c.cal.Deadlines(before, at) {
		i := strings.Index(before, d.Phrase)
		after, ahead := skipAside(strings.TrimLeft(before[i+len(d.Phrase):], " ")), lower(strings.TrimRight(before[:i], " "))
		if hasAnyPrefix(after, zhStarts) || slices.ContainsFunc(enStarts, func(w string) bool { return strings.HasSuffix(ahead, w) }) {
			return d.Date, true
		}
		if step && says(lower(clauseOf(before, d.Phrase)), stepEvents) {
			return d.Date.AddDate(0, 0, 1), true // the work follows the step: its first day is the next
		}
	}
	return time.Time{}, false
}

// feeds returns the deadline needs met by an offer of l's side that waits
// for what lead item l asks ahead of time: "HR data … at least 5 business
// days before the start date" is the time the accounts "created in one go
// once the data is in" take, so it binds the need for the accounts.
func (c *collab) feeds(l *entry, deadlines []*entry, ms []pairing) []*entry {
	if !advance(l) {
		return nil
	}
	var out []*entry
	for _, m := range ms {
		if m.offer.Side != l.Side || !slices.Contains(deadlines, m.need) || slices.Contains(out, m.need) {
			continue
		}
		if step := waitsOn(m.offer.Text); step != "" && c.sharesStrong(uniqueKeys(termsOf(step)), l.keys) {
			out = append(out, m.need)
		}
	}
	return out
}

// waitsOn returns the step text says its work waits for, after a
// condition mark anywhere in it ("created in one go once the data is
// in": "the data is in"), or "".
func waitsOn(text string) string {
	low := lower(text)
	for _, m := range []string{"once ", "as soon as ", "after we get ", "after we receive "} {
		if i := strings.Index(low, m); i >= 0 {
			return text[i+len(m):]
		}
	}
	return stepIn(text)
}

// handWords say that the input of a piece of work goes in on a day: "首批
// 6/16 下线当天送检", "samples submitted on 3/4". A lead time stated beside
// such a day counts from it: the lab's 7 working days start when the
// samples reach it, not when the side wrote.
var handWords = []string{"送检", "送样", "送测", "寄样", "交样", "送到实验室", "submitted to the lab", "sent to the lab", "go to the lab", "goes to the lab",
	"the lab has them", "the lab has it", "reach the lab", "reaches the lab", "at the lab by", "实验室收到"}

// handedIn returns, for lead item l, its own clause, or the item right
// after it, that names the day its work's input goes in, as a step of l's
// side dated that day, when that day is after l was written and before
// the lead time, counted from then, would end.
func (c *collab) handedIn(l *entry) (*entry, time.Time, bool) {
	own := clauseOf(l.Text, l.lead.Phrase)
	clauses := strings.FieldsFunc(l.Text, isClauseMark)
	for _, list := range [][]*entry{c.needs[sideIndex(l.Side)], c.offers[sideIndex(l.Side)]} {
		if i := slices.Index(list, l); i >= 0 && i+1 < len(list) && !list[i+1].hasLead {
			clauses = append(clauses, list[i+1].Text) // "…7 business days for a report; samples go to the lab on Tue 6/16"
		}
	}
	step := ownStep(l)
	for _, cl := range clauses {
		if cl == own || !says(lower(cl), handWords) && (step == "" || !strings.Contains(cl, step)) {
			continue
		}
		for _, d := range c.cal.Deadlines(cl, l.at) {
			if civilDay(d.Date) > civilDay(l.at) && civilDay(d.Date) < civilDay(l.lead.Date) {
				step := &entry{Item: Item{Side: l.Side, Text: strings.TrimSpace(cl)}, at: l.at, low: lower(cl), deadline: d, hasDeadline: true}
				return step, d.Date, true
			}
		}
	}
	return nil, time.Time{}, false
}

// ownStep returns the Chinese step lead item l's clause waits for, when
// it is one short verb phrase ("到货后验收…要 8 个工作日": "到货"): a clause
// of l's that dates that very step ("最快 2/13 到货") says when the work can
// start, as a third party's date passed on by l's side.
func ownStep(l *entry) string {
	before, _, ok := strings.Cut(clauseOf(l.Text, l.lead.Phrase), l.lead.Phrase)
	if !ok {
		return ""
	}
	for _, m := range zhAfter {
		if i := strings.Index(before, m); i > 0 {
			step := strings.TrimSpace(before[:i])
			if n := utf8.RuneCountInString(step); n >= 2 && n <= 4 && !hasDigit(step) {
				return step
			}
		}
	}
	return ""
}

// handedInBy returns, for lead item l whose work waits for its input to
// be received ("7 business days from sample receipt"), the one offer of
// side requester that names the day the input reaches the lab ("units go
// out by courier the same day so the lab has them Tue 9/15"), and that
// day: what the requester calls the input, the lab's clock starts then.
func (c *collab) handedInBy(l *entry, requester int) (*entry, time.Time, bool) {
	if !says(lower(condition(l)), []string{"receipt", "receive", "收到"}) {
		return nil, time.Time{}, false
	}
	var found *entry
	var due time.Time
	for _, o := range c.offers[requester] {
		d, ok := c.handDay(o, l.at)
		if !ok {
			continue
		}
		if found != nil {
			return nil, time.Time{}, false // two offers: which one the work waits for is not said
		}
		found, due = o, d
	}
	return found, due, found != nil
}

// handDay returns the latest day after at that offer o names in a clause
// saying the input reaches the lab.
func (c *collab) handDay(o *entry, at time.Time) (time.Time, bool) {
	var day time.Time
	for _, cl := range strings.FieldsFunc(o.Text, isClauseMark) {
		if !says(lower(cl), handWords) {
			continue
		}
		for _, d := range c.cal.Deadlines(cl, o.at) {
			if civilDay(d.Date) > civilDay(at) && d.Date.After(day) {
				day = d.Date
			}
		}
	}
	return day, !day.IsZero()
}

// nextDayWords say that a step comes the day after what it waits for:
// "supply chain cuts the PO the day after they get it", "收到后第二天下单".
var nextDayWords = []string{"the day after", "the next day", "next day", "the following day", "第二天", "次日", "隔天", "转天"}

// stepLag returns the days between the requester's step and the step
// lead item l counts from, when a need of l's side names that step and
// says it comes the day after ("the PO the day after they get it"): 1,
// else 0.
func (c *collab) stepLag(l *entry) int {
	keys := slices.DeleteFunc(uniqueKeys(termsOf(condition(l))), func(k string) bool { return c.ws.weak[k] })
	if len(keys) == 0 {
		return 0
	}
	for _, n := range c.needs[sideIndex(l.Side)] {
		if n != l && len(intersect(keys, n.keys)) == len(keys) && says(n.lowText(), nextDayWords) {
			return 1
		}
	}
	return 0
}
