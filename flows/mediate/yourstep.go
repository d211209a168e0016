package mediate

import (
	"strings"
	"time"
)

// A lead time may wait for a step of the requester's that the requester
// never offered: "Approved claims list, 5 business days after you send
// the product dossier", "收到你们的预算单后两周内". A mediator names that step
// as the requester's first commitment, due the day the lead time was
// stated, since the work cannot start before it.

// yourMarks name the requester as the one who takes the step.
var yourMarks = []string{" you ", " your ", " you've ", " you’ve ", "你们", "你方", "贵方", "贵部门"}

// haveYour open an English step the lead side receives ("we have your
// signed PO"): what the requester does is send it.
var haveYour = []string{"we have your ", "we get your ", "we receive your ", "we've got your ", "we’ve got your ", "we got your ", "we have the ", "we get the ", "we receive the "}

// requesterStep returns the step lead item l waits for as the
// requester's commitment, when l's condition names the requester as the
// one who takes it.
func (c *collab) requesterStep(l *entry, requester int) (*entry, time.Time, bool) {
	cond := strings.TrimSpace(strings.TrimRight(condition(l), " .,;:!?。，；！？"))
	low := " " + lower(cond) + " "
	named := c.nameLows[requester] != "" && strings.Contains(low, c.nameLows[requester])
	if cond == "" || !says(low, yourMarks) && !named {
		return nil, time.Time{}, false
	}
	what := yourStep(cond)
	if what == "" {
		return nil, time.Time{}, false
	}
	step := &entry{Item: Item{Side: sides[requester], Text: what}, at: l.at, low: lower(what)}
	return step, dayOf(l.at), true
}

// yourStep words cond as the requester's own step: "you send the product
// dossier" → "send the product dossier", "we have your signed PO" →
// "send the signed PO", "收到你们的预算单" → "提供预算单".
func yourStep(cond string) string {
	low := lower(cond)
	for _, m := range haveYour {
		if strings.HasPrefix(low, m) {
			return "send the " + cond[len(m):]
		}
	}
	if strings.HasPrefix(low, "you ") {
		return strings.ReplaceAll(cond[len("you "):], "your ", "the ")
	}
	received := false
	for _, v := range zhReceive {
		if s, ok := strings.CutPrefix(cond, v); ok {
			cond, received = s, true
		}
	}
	for _, p := range []string{"你们的", "你方的", "贵方的", "你们", "你方", "贵方"} {
		cond = strings.TrimPrefix(cond, p)
	}
	if !isHan(firstRune(cond)) {
		return "" // an English step in other words: said as written, by the lead side
	}
	if received {
		return "提供" + cond
	}
	return cond
}

// maxStepSearch bounds, in days, how far past the day it was stated a
// step's latest day is looked for: a deadline months away leaves the
// step due within two months rather than on the eve of the deadline.
const maxStepSearch = 60

// handOverWords say that the requester hands a thing to the other side.
var handOverWords = []string{"发给", "交给", "给到", "提交给", "送到", "送给", "转给", "发到", "send it to", "send them to", "sent to", "submit it to", "hand it to", "hand them to", "goes to", "go to"}

// handsTo reports whether need n says, in a clause of its own, that the
// requester hands its input to side s ("达人合同周五（6/12）发给法务，法务最晚
// 6/15 要审完"): s's work on it starts on that clause's date.
func (c *collab) handsTo(n *entry, s Side) bool {
	keys := c.nameKeys[sideIndex(s)]
	for _, cl := range strings.FieldsFunc(n.Text, isClauseMark) {
		low := lower(cl)
		if !says(low, handOverWords) {
			continue
		}
		if says(low, []string{"你们", "you"}) || len(keys) > 0 && len(intersect(c.keysOf(cl), keys)) > 0 {
			return true
		}
	}
	return false
}

// latestStart returns clash k with its requester's step due on the last
// day it can be taken for the work to end by the need's deadline, no
// earlier than the day the lead time was stated, and the work due when
// it ends from there.
func (c *collab) latestStart(k clash) clash {
	first, end := dayOf(k.lead.at), civilDay(k.need.deadline.Date)
	last := dayOf(k.need.deadline.Date)
	if limit := first.AddDate(0, 0, maxStepSearch); last.After(limit) {
		last = limit
	}
	for d := last; d.After(first); d = d.AddDate(0, 0, -1) {
		if !c.cal.IsWorkingDay(d) {
			continue
		}
		if f, ok := c.leadFrom(k.lead, d.AddDate(0, 0, c.stepLag(k.lead))); ok && civilDay(f.Date) <= end {
			k.prereqDue, k.std = d, f.Date
			return k
		}
	}
	k.prereqDue = first
	return k
}
