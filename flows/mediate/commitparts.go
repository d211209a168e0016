package mediate

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// An offer may hold two commitments: a start and the work it starts
// ("15 working days from PO to imaged delivery, and we can raise the PO
// today"), or a first time and a cadence after it ("名单今天就发给行政，之
// 后每周四发下一周的"). Each is kept to its own date.

// ownDue is the date offer o names for itself, or, when that date is
// when its work starts ("takes 15 business days, we can kick off today",
// "下周一开始做，要3天"), the day its lead time, counted from then, is up.
func (c *collab) ownDue(o *entry) due {
	if o.hasLead && startsOn(o.Text, o.deadline.Phrase) {
		from := o.deadline.Date
		if civilDay(from) > civilDay(o.at) {
			from = from.AddDate(0, 0, -1) // a later start day is the first day of work
		}
		if f, ok := c.cal.Lead(o.lead.Phrase, from); ok {
			return due{date: f.Date}
		}
	}
	return due{o.deadline.Date, o.deadline.HalfDay}
}

// startsOn reports whether date phrase in text is when work starts: a
// verb of starting, of placing the order a supplier's lead time counts
// from or of handing the work over, comes right before it ("we can kick
// off today", "we can order today") or, in Chinese, right after it ("今天
// 就能开始", "今天就能下单", "今天就送IP方审").
func startsOn(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return false
	}
	before := lower(strings.TrimRight(text[:i], " "))
	after := trimOpeners(text[i+len(phrase):], zhReady)
	return slices.ContainsFunc(startVerbs, func(w string) bool { return strings.HasSuffix(before, w) }) ||
		hasAnyPrefix(after, zhStarts) || hasAnyPrefix(after, zhHandOver)
}

// zhHandOver follow a date on which the side orders, or hands the work to
// whoever does it: the lead time counts from then ("今天就下单", "今天就送IP
// 方审", "今天提交").
var zhHandOver = []string{"下单", "下订单", "订货", "送", "提交", "报给", "报过去", "交给"}

// beginVerbs say in English that work starts at the date after them;
// startVerbs add placing the order.
var (
	beginVerbs = []string{"start", "starts", "start on", "starting", "start it", "kick off", "kicks off", "kick it off", "begin", "begins", "get started", "get going"}
	startVerbs = slices.Concat(beginVerbs, []string{"order", "place the order", "place an order", "raise the po", "issue the po", "submit", "submit it", "send it over", "send them over"})
)

// onwardMarks open a clause that goes on from a first time: "之后每周四
// 发", "then every Monday", "from then on".
var onwardMarks = slices.Concat(thenMarks, []string{"此后", "以后", "往后", "from then on", "thereafter"})

// zhReady stand between a day and the step done on it ("今天就能下单")
// and say no more than that it is ready.
var zhReady = []string{"就", "能", "可以", "马上"}

// joiners join a clause to the one before without saying more.
var joiners = []string{"and ", "并且", "而且", "并"}

// thenRecurs splits offer e when it does something once by its own date
// and then again on cadence r ("名单今天就发给行政，之后每周四发下一周的",
// "the list by Friday, and after that every Friday"): once is the text up to the clause
// a then-mark opens, rest that clause on, which holds the cadence.
func thenRecurs(e *entry, r timeread.Recurrence) (once, rest string, ok bool) {
	if !e.hasDeadline || !ownDate(e) {
		return "", "", false
	}
	for i, ch := range e.Text {
		if !isClauseMark(ch) {
			continue
		}
		once, rest = e.Text[:i], strings.TrimLeft(e.Text[i+utf8.RuneLen(ch):], " ")
		if hasAnyPrefix(trimOpeners(lower(rest), joiners), onwardMarks) && strings.Contains(once, e.deadline.Phrase) && strings.Contains(rest, r.Phrase) {
			return once, rest, true
		}
	}
	return "", "", false
}

// addOnceThen adds offer e, split by thenRecurs, as two commitments of
// cm's owner: once, due on e's date, and rest, recurring from r's first
// occurrence, which a plan says without its onward mark.
func (c *collab) addOnceThen(out []Commitment, cm Commitment, e *entry, once, rest string, r timeread.Recurrence) []Commitment {
	first := Commitment{Owner: cm.Owner, What: once, Due: e.deadline.Date, HalfDay: e.deadline.HalfDay}
	first.Plain = c.plain(first, e.at)
	out = c.add(out, first, nil)
	then := Commitment{Owner: cm.Owner, What: rest, Plain: trimOpeners(rest, slices.Concat(joiners, onwardMarks)), Recurring: r.Phrase, From: r.First}
	if !r.First.IsZero() && civilDay(r.First) <= civilDay(first.Due) {
		then.From = c.firstFrom(e, first.Due.AddDate(0, 0, 1)) // "by Friday, and after that every Friday": from the Friday after
	}
	return c.add(out, then, nil)
}

// startClause splits lead item e when a clause of its own, before or
// after its length, says when the work starts ("…15 working days from PO
// to imaged delivery, and we can raise the PO today", "今天就送IP方审，IP方
// 审稿要10个工作日"): start is that clause, work the rest of the text.
func startClause(e *entry) (work, start string, ok bool) {
	if !e.hasLead || !e.hasDeadline || !ownDate(e) || !startsOn(e.Text, e.deadline.Phrase) {
		return "", "", false // "名单和照片到了我们当天就报过去": a day counted from another step
	}
	i := strings.Index(e.Text, e.deadline.Phrase)
	if i < 0 {
		return "", "", false
	}
	from := strings.LastIndexFunc(e.Text[:i], isClauseMark) // -1: the text opens with it
	to := strings.IndexFunc(e.Text[i:], isClauseMark)
	if to < 0 {
		to = len(e.Text)
	} else {
		to += i
	}
	if from < 0 && to == len(e.Text) {
		return "", "", false
	}
	mark := 0
	if from >= 0 {
		mark = utf8.RuneLen(firstRune(e.Text[from:]))
	}
	start = strings.TrimSpace(e.Text[max(from, 0)+mark : to])
	if strings.Contains(start, e.lead.Phrase) {
		return "", "", false
	}
	if from < 0 {
		work = strings.TrimLeftFunc(e.Text[to:], func(r rune) bool { return r == ' ' || isClauseMark(r) })
	} else {
		work = strings.TrimRight(e.Text[:from], " ") + e.Text[to:]
	}
	return work, start, utf8.RuneCountInString(work) >= 3
}

// bareStart reports whether clause start says nothing but that the work
// starts on its date ("we'll start today", "今天就能开始"): the start of
// the work before it, no step of its own to commit to.
func bareStart(start, phrase string) bool {
	s := lower(withoutPhrase(start, phrase))
	s = strings.TrimRight(trimOpeners(trimOpeners(s, joiners), canOpeners), " .。!！")
	s = trimOpeners(s, zhReady)
	return slices.Contains(beginVerbs, s) || slices.Contains(zhStarts, s)
}

// addStartThen adds lead item e, split by startClause, as two commitments
// of cm's owner: the start, due on its date, and the work, due on cm's. A
// bare start ("we'll start today") is no step of its own: the plan says
// the work alone.
func (c *collab) addStartThen(out []Commitment, cm Commitment, e *entry, work, start string) []Commitment {
	part := *e
	part.Text = work
	if bareStart(start, e.deadline.Phrase) {
		cm.Plain = withoutLength(&part)
		return c.add(out, cm, nil)
	}
	first := Commitment{Owner: cm.Owner, What: start, Due: e.deadline.Date, HalfDay: e.deadline.HalfDay}
	s := trimOpeners(start, joiners)
	first.Plain = trimOpeners(cmp.Or(c.plain(Commitment{What: s, Due: first.Due}, e.at), s), zhReady)
	out = c.add(out, first, nil)
	cm.What, cm.Plain = work, withoutLength(&part)
	if cm.Plain == work {
		cm.Plain = ""
	}
	return c.add(out, cm, nil)
}

// startsLead returns the clash whose need matched offer m meets and whose
// lead time goes on from m's offer, which dates the step that starts it
// ("We'll request the audit response letters from outside counsel today;
// they typically need 3 weeks").
func startsLead(m pairing, ks []clash) (clash, bool) {
	o := m.offer
	for _, k := range ks {
		starts := k.lead.from == o || k.lead == o && stepBeforeLead(o) != ""
		if k.need == m.need && starts && o.hasDeadline && ownDate(o) && civilDay(k.end.Date) > civilDay(o.deadline.Date) {
			return k, true
		}
	}
	return clash{}, false
}

// addStartOfLead commits offer o, which starts clash k's lead time, as
// two steps: o by its own date, and what k's need asks when the lead time
// is up, in the words of o and of the lead item.
func (c *collab) addStartOfLead(out []Commitment, o *entry, k clash) []Commitment {
	step, whole := o.Text, o.Text+"; "+k.lead.Text
	if k.lead == o { // one item says both: the step, then how long the wait is
		step, whole = stepBeforeLead(o), o.Text
	}
	out = c.add(out, Commitment{Owner: o.Side, What: step, Due: o.deadline.Date, HalfDay: o.deadline.HalfDay}, o)
	work := Commitment{Owner: o.Side, What: whole, Plain: c.delivered(k.need, o.Side), Due: k.end.Date}
	if slices.ContainsFunc(out, func(cm Commitment) bool { return cm.Owner == work.Owner && cm.What == work.What }) {
		return out
	}
	return append(out, work) // not merged into o's own step, whose text it holds
}

// stepBeforeLead returns the clause of o before the one stating its lead
// time, when a clause mark sets them apart ("We'll request the letters
// today; they typically need 3 weeks"), else "".
func stepBeforeLead(o *entry) string {
	i := strings.Index(o.Text, o.lead.Phrase)
	if !o.hasLead || o.lead.Phrase == "" || i <= 0 {
		return ""
	}
	j := strings.LastIndexAny(o.Text[:i], ";；,，")
	if j <= 0 {
		return ""
	}
	return strings.TrimSpace(o.Text[:j])
}
