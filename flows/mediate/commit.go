package mediate

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// due is a date, with the half of the day it names ("am", "pm" or "").
type due struct {
	date time.Time
	half string
}

func (d due) before(e due) bool {
	return !d.date.IsZero() && (e.date.IsZero() || civilDay(d.date) < civilDay(e.date))
}

// commitments says who delivers what by when: each conflict's
// prerequisite (the requester's own step), each matched offer (a faster
// path that makes a deadline, met, by when it ends), each other
// offer that sets its own time, what can be had by a conflict's deadline,
// and, for each conflict that no offer of the lead side meets, the need
// itself by the middle ground. An offer
// that repeats ("every Monday", "每月初") is recurring, from its first
// occurrence, never due once. Commitments that say the same thing for the
// same owner are merged, keeping the earliest date.
func (c *collab) commitments(ms []pairing, ks, met, stepped []clash) []Commitment {
	var out []Commitment
	for _, k := range ks {
		if k.prereq != nil {
			out = c.add(out, Commitment{Owner: k.prereq.Side, What: k.prereq.Text, Due: k.prereqDue, HalfDay: k.prereq.deadline.HalfDay}, k.prereq)
		}
	}
	met = slices.Clip(met)
	for _, k := range stepped {
		k = c.latestStart(k)
		out = c.add(out, Commitment{Owner: k.prereq.Side, What: k.prereq.Text, Due: k.prereqDue}, k.prereq)
		met = append(met, k) // the work is due when its lead time, counted from the step, ends
	}
	parted := c.partSources(ks)
	for _, m := range ms {
		if parted[m.offer] {
			continue // committed part by part (see addParts)
		}
		if slices.ContainsFunc(ks, func(k clash) bool { return k.need == m.need && k.lead != m.offer && c.slowerPath(m.offer, k) }) {
			continue // the standard path beside the one the clash takes is no second commitment
		}
		if k, ok := startsLead(m, ks); ok {
			out = c.addStartOfLead(out, m.offer, k)
			continue
		}
		d, ok := c.inTimeDue(m, met)
		if !ok {
			d = c.offerDue(m, ks)
		}
		cm := Commitment{Owner: m.offer.Side, What: m.offer.Text, Due: d.date, HalfDay: d.half}
		if slices.ContainsFunc(ks, func(k clash) bool { return k.lead == m.offer }) {
			w := withoutLength(m.offer) // the plan says "10月19日前会员中心完整改版", not "…要15个工作日"; What keeps the user's words
			if cm.Plain = cmp.Or(c.plain(Commitment{What: w, Due: d.date}, m.offer.at), w); cm.Plain == cm.What {
				cm.Plain = ""
			}
		}
		// What a clash's need waits for is first had at the middle ground,
		// however often it repeats after ("a dashboard, refreshed daily").
		once := !cm.Due.IsZero() && !(m.offer.hasDeadline && ownDate(m.offer)) && slices.ContainsFunc(ks, func(k clash) bool { return k.need == m.need })
		out = c.addAs(out, cm, m.offer, !once)
		if start, ok := c.startOfNeed(m.need); ok {
			out = c.startingFrom(out, m.offer, start)
		}
	}
	out = c.addParts(out, ks)
	for i := range sides {
		for _, o := range c.offers[i] {
			if !parted[o] {
				out = c.addOwnTime(out, o)
			}
		}
	}
	for _, k := range ks {
		for _, it := range c.byDeadline(k) {
			o := c.entryOf(it)
			if parted[o] {
				continue
			}
			d := due{o.deadline.Date, o.deadline.HalfDay}
			if !o.hasDeadline || !ownDate(o) {
				d = due{k.need.deadline.Date, k.need.deadline.HalfDay} // an undated way to buy time is decided by the deadline
			}
			if ready, ok := c.readyIn(o, k); ok && civilDay(ready) < civilDay(d.date) {
				d = due{date: ready} // "国庆前可以先上一版日报…3 个工作日能出": ready when its own time is up
			}
			out = c.add(out, Commitment{Owner: o.Side, What: o.Text, Due: d.date, HalfDay: d.half}, o)
		}
		if !parted[k.lead] && !slices.ContainsFunc(ms, func(m pairing) bool { return m.need == k.need && m.offer.Side == k.lead.Side }) {
			out = c.add(out, Commitment{Owner: k.lead.Side, What: c.delivered(k.need, k.lead.Side), Due: k.need.conflictDay(ks), HalfDay: k.need.deadline.HalfDay}, nil)
		}
	}
	for i, cm := range out {
		if !slices.ContainsFunc(ks, func(k clash) bool { return civilDay(k.end.Date) == civilDay(cm.Due) }) {
			out[i].Due = c.workdayBefore(cm) // a middle ground is the end of a lead time: no sooner
		}
	}
	return out
}

// recursBy reports whether recurrence phrase in text is a limit each time
// ("每月5号前", "by the 5th of each month"): a day off then moves it sooner.
func recursBy(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 {
		return false
	}
	after := strings.TrimLeft(text[i+len(phrase):], " ")
	return hasAnyPrefix(after, []string{"前", "之前", "以前"}) || hasAnyWordSuffix(lower(strings.TrimRight(text[:i], " ")), []string{"by"})
}

// dayOffWords name a day off: a commitment that says it is done then
// ("Two engineers on site Saturday and Sunday") keeps its day. They are
// read at the start of a word: "CSAT" names no Saturday.
var dayOffWords = []string{"sat", "sun", "weekend", "holiday", "周六", "周日", "周末", "星期六", "星期日", "星期天", "礼拜六", "礼拜天", "假期", "节日", "当天"}

// workdayBefore returns when commitment cm is due: a date that falls on
// a day off (the end of May on a Sunday, "12月20日前" on a Sunday) is met on
// the working day before it, unless cm says it is done on the day off.
func (c *collab) workdayBefore(cm Commitment) time.Time {
	low := lower(cm.What)
	if cm.Due.IsZero() || slices.ContainsFunc(dayOffWords, func(w string) bool { return wordAt(low, w) >= 0 }) {
		return cm.Due
	}
	if d, ok := c.toWorkingDay(cm.Due, -1); ok {
		return d
	}
	return cm.Due
}

// toWorkingDay returns d, or the first working day step days at a time
// from it, looking ten days at most; false when none is found.
func (c *collab) toWorkingDay(d time.Time, step int) (time.Time, bool) {
	for range 10 {
		if c.cal.IsWorkingDay(d) {
			return d, true
		}
		d = d.AddDate(0, 0, step)
	}
	return d, c.cal.IsWorkingDay(d)
}

// inTimeDue returns when matched offer m is due when its need's deadline
// is met by a faster path (met): the path's offer when it ends, the lead
// time it beats when that work would be done on the standard path.
func (c *collab) inTimeDue(m pairing, met []clash) (due, bool) {
	for _, k := range met {
		if k.need != m.need {
			continue
		}
		if o, _, _ := c.fastTrack(k); o == m.offer {
			return due{date: k.end.Date}, true
		}
		if k.lead == m.offer {
			return due{date: k.std}, true
		}
	}
	return due{}, false
}

// readyIn returns when offer o of clash k's lead side is done by its own
// lead time, counted from when the work can start; false when o states
// none, or counts it from an event.
func (c *collab) readyIn(o *entry, k clash) (time.Time, bool) {
	if !o.hasLead || o.spanLead || countsFromEvent(o) || inReason(o.Text, o.lead.Phrase) {
		return time.Time{}, false
	}
	f, ok := c.cal.Lead(o.lead.Phrase, k.start())
	return f.Date, ok
}

// addOwnTime commits an offer that nobody's need matched but that sets
// its own time: it recurs ("A deal update every Friday") or names its
// date. A side that offered it so has said when it will do it.
func (c *collab) addOwnTime(out []Commitment, o *entry) []Commitment {
	if o.refusal || onRequest(o.Text) {
		return out // "当天出报告我们保证不了", "…this quarter if you want one" commit to nothing yet
	}
	if _, recurs := c.recurrence(o); recurs || repliesWithin(o) {
		return c.add(out, Commitment{Owner: o.Side, What: o.Text}, o)
	}
	if o.hasDeadline && ownDate(o) && !o.spanLead {
		d := c.ownDue(o)
		return c.add(out, Commitment{Owner: o.Side, What: o.Text, Due: d.date, HalfDay: d.half}, o)
	}
	return out
}

// offerDue is when matched offer m is due: the date the offer names
// itself; else the middle ground of its need's conflict, or of the
// conflict whose lead time it states; else the end of
// the offer's own lead time ("samples in 10 days") unless it counts from
// an event, or the need's deadline; else, when the lead time's work waits
// for it (see feedsLead), the day that work starts; else no date.
func (c *collab) offerDue(m pairing, ks []clash) due {
	n, o := m.need, m.offer
	leadOf := func(k clash) bool { return k.lead == o }
	switch {
	case o.hasDeadline && ownDate(o) && !o.spanLead && !(o.hasLead && startsOn(o.Text, o.deadline.Phrase) && slices.ContainsFunc(ks, leadOf)):
		return c.ownDue(o) // a clash's lead time that starts on its date ends at the middle ground, below
	case slices.ContainsFunc(ks, func(k clash) bool { return k.need == n }):
		return due{n.conflictDay(ks), n.deadline.HalfDay}
	case slices.ContainsFunc(ks, leadOf):
		i := slices.IndexFunc(ks, leadOf)
		return due{date: ks[i].end.Date} // the lead time as it binds, whichever need it meets
	case o.hasLead && !inReason(o.Text, o.lead.Phrase) && !countsFromEvent(o):
		return due{date: c.onWorkingDay(o.lead)} // done when its own time is up, by the need's date or not
	}
	if day, ok := c.afterDatedStep(o); ok {
		return due{date: day} // "accounts created 3 business days after we get the name list", the list dated 8/31
	}
	if day := c.eventDayAhead(o); !day.IsZero() {
		return due{date: day} // "3 business days before the start date", the start dated in the goal
	}
	return c.dueByNeed(m, ks)
}

// dueByNeed is offerDue for an offer that gives no time of its own: the
// need's deadline, or the day the work it feeds starts.
func (c *collab) dueByNeed(m pairing, ks []clash) due {
	n, o := m.need, m.offer
	switch {
	case o.hasLead && countsFromEvent(o), o.hasDeadline && !ownDate(o):
		return due{} // how fast each time, from an event: no date of its own
	case n.hasDeadline && ownDate(n) && !asap(n.deadline.Phrase): // "尽快" names no day
		return due{n.deadline.Date, n.deadline.HalfDay}
	}
	for _, k := range ks {
		if c.feedsLead(k, m) {
			return due{date: dayOf(k.lead.at)}
		}
	}
	return due{} // nobody said when: to agree, rather than a made-up "today"
}

// afterDatedStep returns when offer o's lead time ends counted from the
// requester's offer of the step it waits for, when that offer names its
// date: the work is due then, not "to agree".
func (c *collab) afterDatedStep(o *entry) (time.Time, bool) {
	if !o.hasLead || o.spanLead || inReason(o.Text, o.lead.Phrase) || condition(o) == "" {
		return time.Time{}, false
	}
	p, start, ok := c.prerequisite(o, 1-sideIndex(o.Side))
	if !ok || !p.hasDeadline || !ownDate(p) || civilDay(start) <= civilDay(o.at) {
		return time.Time{}, false
	}
	f, ok := c.leadFrom(o, start.AddDate(0, 0, c.stepLag(o)))
	return f.Date, ok
}

// onWorkingDay returns the day lead time f ends on, moved to the next
// working day when it counts calendar days and ends on a day off: "ready
// in 2 days" said on a Thursday is had on Monday, not on Saturday.
func (c *collab) onWorkingDay(f timeread.Found) time.Time {
	if f.WorkingDays {
		return f.Date
	}
	d, _ := c.toWorkingDay(f.Date, 1)
	return d
}

// feedsLead reports whether matched offer m is an input the work behind
// conflict k's lead time waits for, so it is due when that work starts:
// it acts on that work ("2名测试人员" for "2天做兼容性测试"), or meets
// another need the side stated beside its lead time ("需要核心用户的设备
// 型号"). An offer that merely shares a word with the need in conflict is
// not due at once; nor is another offer of the requester when the lead
// side named the step its work waits for ("review doesn't start until
// all of it is in"): a training before the trip is no input to the review.
func (c *collab) feedsLead(k clash, m pairing) bool {
	return !m.offer.hasDeadline && !m.offer.hasLead && c.helps(k, m) && (k.prereq == nil || m.offer.Side == k.lead.Side)
}

// add appends cm, made recurring when the text of e repeats, or merges
// it into a commitment of the same owner that says the same thing.
func (c *collab) add(out []Commitment, cm Commitment, e *entry) []Commitment {
	return c.addAs(out, cm, e, true)
}

// addAs is add, with recurs false for a commitment that stays one-off
// whatever e's text says.
func (c *collab) addAs(out []Commitment, cm Commitment, e *entry, recurs bool) []Commitment {
	if e != nil && doneAlready(e.Text) && !restTakes(e) {
		return out // "定位轨迹数据已经接进数仓了": nothing left to do; "开发已完成，联调还要4个工作日" has the rest
	}
	if e != nil && !e.at.IsZero() && civilDay(cm.Due) > civilDay(e.deadline.Date) {
		if work, start, ok := startClause(e); ok {
			return c.addStartThen(out, cm, e, work, start)
		}
	}
	if e != nil && !e.at.IsZero() && recurs {
		if r, ok := c.recurrence(e); ok {
			if once, rest, ok := thenRecurs(e, r); ok {
				return c.addOnceThen(out, cm, e, once, rest, r)
			}
			cm.Recurring, cm.From, cm.Due, cm.HalfDay = r.Phrase, r.First, time.Time{}, ""
			if e.hasDeadline && civilDay(e.deadline.Date) > civilDay(r.First) && !r.First.IsZero() && opensWith(e.Text, e.deadline.Phrase, r.Phrase) {
				cm.From = c.firstFrom(e, e.deadline.Date) // "10月1日到7日每天": from the first day of the range
			}
			if !e.hasDeadline && StartsAfterEvent(e.Text) {
				cm.From = time.Time{} // "上线后头两周每天…": from an event no date is given for, not from today
			}
			if !cm.From.IsZero() && recursBy(e.Text, r.Phrase) {
				if d, ok := c.toWorkingDay(cm.From, -1); ok {
					cm.From = d // "每月5号前出报表": by a 5th that falls on a Sunday is the Friday before
				}
			}
		} else if repliesWithin(e) {
			cm.Recurring, cm.From, cm.Due, cm.HalfDay = e.deadline.Phrase, time.Time{}, time.Time{}, ""
		}
	}
	if e != nil && cm.Recurring == "" && (holdsStill(e) && !(e.hasDeadline && ownDate(e)) || isPractice(e) && (!e.hasDeadline || startsToday(e))) {
		cm.Due, cm.HalfDay, cm.Standing = time.Time{}, "", true // a promise to refrain is kept from now on, not done by a date
	}
	if e != nil && cm.Plain == "" {
		cm.Plain = c.plain(cm, e.at)
	}
	var keys []string // of cm, read once (after the first old one's, as keysOf fills its cache in that order)
	for i, old := range out {
		if old.Owner != cm.Owner {
			continue
		}
		kOld := c.keysOf(old.What)
		if keys == nil {
			keys = c.keysOf(cm.What)
		}
		if !sameWork(old.What, cm.What, kOld, keys) {
			continue
		}
		if (due{cm.Due, cm.HalfDay}).before(due{old.Due, old.HalfDay}) {
			out[i].Due, out[i].HalfDay = cm.Due, cm.HalfDay
		}
		return out
	}
	return append(out, cm)
}

// opensWith reports whether the date phrase stands before the recurrence
// in text, opening the range it runs over ("From Sept 1, every Monday"),
// rather than naming what the work is about ("every Thursday, a forecast
// of Q4").
func opensWith(text, date, rec string) bool {
	i, j := strings.Index(text, date), strings.Index(text, rec)
	return i >= 0 && j >= 0 && i < j
}

// firstFrom is e's first occurrence on or after start: a weekly one falls
// on its weekday, not on the range's first day.
func (c *collab) firstFrom(e *entry, start time.Time) time.Time {
	if r, ok := c.cal.Recurring(prefix(e.Text, maxDateText), start); ok && !r.First.IsZero() && civilDay(r.First) >= civilDay(start) {
		return r.First
	}
	return start
}

// startOfNeed returns the day need n says its work starts on ("两个病区
// 4/1 起试点", "starting Mon 4/6 we run the pilot"), if it names one.
func (c *collab) startOfNeed(n *entry) (time.Time, bool) {
	if n.at.IsZero() {
		return time.Time{}, false
	}
	for _, d := range c.datesOf(n) {
		i := strings.Index(n.Text, d.Phrase)
		after := skipAside(strings.TrimLeft(n.Text[i+len(d.Phrase):], " "))
		ahead := withoutWeekday(lower(n.Text[:i]))
		if startsOn(n.Text, d.Phrase) || hasAnyPrefix(after, zhStarts) || slices.ContainsFunc(needStarts, func(w string) bool { return strings.HasSuffix(ahead, w) }) {
			return d.Date, true
		}
	}
	return time.Time{}, false
}

// datesOf returns every deadline in the head of e's text, read against
// e.at: those read when e was made, unless e is a copy given other words.
func (c *collab) datesOf(e *entry) []timeread.Found {
	head := prefix(e.Text, maxDateText)
	if e.dateText != "" && e.dateText == head {
		return e.dates
	}
	return c.cal.Deadlines(head, e.at)
}

// needStarts precede the day a need's work starts: "starting Mon 4/6",
// "from 4/6".
var needStarts = append(slices.Clone(enStarts), "from")

// withoutWeekday is low, trimmed, without a last word that names a day
// ("… starting wed"): the date after it is that day.
func withoutWeekday(low string) string {
	low = strings.TrimRight(low, " ,")
	if i := strings.LastIndex(low, " "); i >= 0 && timeWords[low[i+1:]] {
		return strings.TrimRight(low[:i], " ")
	}
	return low
}

// startingFrom moves the first occurrence of offer o's recurring
// commitment in out to the day the need it meets starts: a daily delivery
// for a pilot that starts on 4/1 starts then, not on the day it was
// offered.
func (c *collab) startingFrom(out []Commitment, o *entry, start time.Time) []Commitment {
	for i, cm := range out {
		if cm.What == o.Text && cm.Recurring != "" && !cm.From.IsZero() && civilDay(cm.From) < civilDay(start) {
			out[i].From = c.firstFrom(o, start)
		}
	}
	return out
}

// eventStarts say that what follows begins once an event has happened.
var eventStarts = []string{"after launch", "after the launch", "after go-live", "after we launch", "after we go live", "once live",
	"once it's live", "once it is live", "once we're live", "once launched", "post-launch", "post launch",
	"上线后", "开播后", "发布后", "开始后", "启动后", "开业后", "开售后", "开学后", "投产后", "开通后", "上市后"}

// StartsAfterEvent reports whether text starts its work once an event has
// happened ("weekly usage report after launch", "上线后头两周每天发日报"):
// a recurrence in it begins then, not on the day it was written.
func StartsAfterEvent(text string) bool {
	return says(lower(text), eventStarts)
}

// requestMarks make an offer one the other side may take up or not.
var requestMarks = []string{"if you want", "if you'd like", "if you would like", "if needed", "if you need", "on request",
	"upon request", "if useful", "如果需要", "需要的话", "如有需要", "有需要的话", "要的话", "想要的话"}

// onRequest reports whether an offer stands only if the other side asks
// for it ("walkthroughs this quarter if you want one"): until a need
// takes it up, its date commits nobody.
func onRequest(text string) bool {
	low := lower(text)
	return says(low, requestMarks)
}

// replyVerbs say that a side answers what the other side sends it.
var replyVerbs = []string{"回复", "答复", "响应", "回应", "reply", "replies", "respond", "get back to", "turnaround", "turn around", "turn it around", "turn them around", "turn those around"}

// repliesWithin reports whether offer e promises to answer within a time
// ("活动价报备我们24小时内回复", "we reply within one business day"): it is
// kept each time the other side asks, not once by a date.
func repliesWithin(e *entry) bool {
	return e.hasDeadline && isSpan(e.deadline.Phrase) && says(lower(clauseOf(e.Text, e.deadline.Phrase)), replyVerbs)
}

// restTakes reports whether e states how long a step of its work still
// takes ("开发已完成，联调加回归测试还要4个工作日", "设计稿已经做好了，…IP方审
// 稿要10个工作日"), not how long a thing lasts ("也能撑 2 小时").
func restTakes(e *entry) bool {
	cl := lower(clauseOf(e.Text, e.lead.Phrase))
	return e.hasLead && !saysDone(cl) && says(cl, []string{"要", "需", "得", "take", "need", "still", "remaining", "the rest"})
}

// offerModals say that a side can or will still do something.
var offerModals = []string{"可以", "会", "随时", "负责", "安排", "提供", "能给", "能发", "能派", "能出", "可给"}

// doneAlready reports whether a Chinese offer states a thing already done
// ("数据已经接进数仓了") and promises nothing more: it meets a need, but
// nobody has to do it by a date.
func doneAlready(text string) bool {
	return saysDone(text) && !says(text, offerModals)
}

// doneRe finds a Chinese verb marked done: "已经…了", "刚换完", "已完成",
// "已上线".
var doneRe = regexp.MustCompile(`已经\p{Han}{0,12}了|刚\p{Han}{0,3}[完好过]|已(?:完成|上线|开通|就绪|到位|换好|装好|签好|续好)`)

// saysDone reports whether doneRe finds a verb marked done in text. Each
// of its forms holds 已 or 刚, which most texts lack: those are not run
// through the expression.
func saysDone(text string) bool {
	return strings.ContainsAny(text, "已刚") && doneRe.MatchString(text)
}

// holdWords promise to refrain: "we won't request any other changes",
// "不再加需求", beside the bans and prohibitions read elsewhere.
var holdWords = []string{"不再", "won't", "will not", "no longer"}

// holdsStill reports whether offer e promises to hold still or refrain
// rather than to deliver. One that also names its own date ("4月15日前定
// 稿，之后不再改") delivers by then.
func holdsStill(e *entry) bool {
	low := lower(e.Text)
	return bansChange(e) || prohibits(e.Text) || says(low, holdWords)
}

// practiceMarks say that what follows is how things are done from now on,
// and practiceRe that each one of a kind is handled so ("every mis-pick
// gets a reason code", "all files we send are anonymised").
var (
	practiceMarks = []string{"from now on", "going forward", "from today on", "from today,", "from today ", "starting today",
		"从今天起", "从今天开始", "从现在起", "从现在开始", "今后", "以后都", "一律", "都按", "每次都"}
	practiceRe = regexp.MustCompile(`(?i)\b(?:every|each|all)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:gets?|is|are|goes|go|will\s+(?:be|get))\b`)
	// practiceWords are the words practiceRe opens with: a text without
	// one is not run through it.
	practiceWords = []string{"every", "each", "all"}
)

// startMarks open a practice with when it starts, which a standing plan
// line says itself.
var startMarks = []string{"from now on", "going forward", "from today on", "from today", "starting today", "从今天起", "从今天开始", "从现在起", "今后"}

// isPractice reports whether offer e states a way of working kept from
// now on, not a thing delivered once: its plan line says "from now on".
func isPractice(e *entry) bool {
	low := lower(e.Text)
	pairs := pairsOf(low)
	return pairs.said(low, practiceMarks) || pairs.said(low, practiceWords) && practiceRe.MatchString(e.Text)
}

// startsToday reports whether e's only date is the day it starts ("from
// today every …"), which a practice keeps from then on.
func startsToday(e *entry) bool {
	low := lower(e.deadline.Phrase)
	return low == "today" || low == "今天" || low == "from today"
}

// canOpeners open an offer by saying that a side can or will do it: the
// plan names the side and the date, so they go.
var canOpeners = []string{"we can ", "we could ", "we'll ", "we will ", "we're happy to ", "happy to ", "i can ", "i'll ",
	"我们可以", "我们能", "我们会", "我方可以", "可以"}

// Plainly is an offer's text as a plan says it after the side's name:
// without the opener that only says the side can ("We can do a first-pass
// review" → "do a first-pass review", "我们可以先出初稿" → "先出初稿").
func Plainly(text string) string {
	if s := trimOpeners(text, canOpeners); utf8.RuneCountInString(strings.TrimSpace(s)) >= 3 {
		return s
	}
	return text
}

// plain returns cm's text as a plan says it (see Commitment.Plain), its
// dates read against at; "" when nothing changes.
func (c *collab) plain(cm Commitment, at time.Time) string {
	s := Plainly(cm.What)
	if !cm.Due.IsZero() && cm.Recurring == "" {
		for _, d := range c.cal.Deadlines(prefix(s, maxDateText), at) {
			if civilDay(d.Date) == civilDay(cm.Due) && detachable(s, d.Phrase) {
				s = withoutPhrase(s, d.Phrase)
				break
			}
		}
	}
	if cm.Standing {
		s = trimOpeners(s, startMarks) // "from today every …": the line says "from now on"
	}
	if s == cm.What || utf8.RuneCountInString(strings.TrimSpace(s)) < 3 {
		return ""
	}
	return s
}

// detachable reports whether date phrase can leave text without taking
// words with it: it is a limit in the clause that names the work ("rules
// by Wed Apr 22", "分配方案12月20日前给财务"), not a clause of its own
// ("，下周发"), a start ("12月14日起"), how fast ("within one business
// day") or a date that names a thing ("4月第二个迭代", "赶9月29日的版本").
func detachable(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 || isSpan(phrase) || isClauseMark(lastRune(strings.TrimRight(text[:i], " "))) {
		return false
	}
	after := strings.TrimLeft(text[i+len(phrase):], " ")
	if !hasHan(phrase) && !isHan(firstRune(dropWeekday(after))) { // "脚本初稿 6/11 给到", "9/9（周三）前按 SKU 给" read as Chinese
		before := " " + lower(strings.TrimRight(text[:i], " "))
		limit := slices.ContainsFunc(deadlineWords, func(w string) bool { return strings.HasSuffix(before, w) }) ||
			slices.ContainsFunc([]string{"by ", "before "}, func(w string) bool { return strings.HasPrefix(lower(phrase), w) })
		return limit && (after == "" || isClauseMark(firstRune(after)) || strings.ContainsRune(".!?", firstRune(after)))
	}
	limit := strings.HasSuffix(phrase, "前") || strings.HasPrefix(dropWeekday(after), "前")
	return (limit || dayBeforeVerb(phrase, after)) && !strings.HasPrefix(dropDateTail(after), "的")
}

// dayWords name a day relative to today or by its weekday.
var dayWords = []string{"今天", "明天", "后天", "大后天", "今晚", "明早", "周", "下周", "本周", "这周", "星期", "下星期", "礼拜", "下礼拜"}

// dayBeforeVerb reports whether a Chinese day word stands right before
// what is done then ("名单明天（11/3）发过去", "初稿周五给"): a time adverb
// the plan's own date replaces, not a date that names a thing ("4月第二个
// 迭代", "周五的会") or starts a span ("12月14日起").
func dayBeforeVerb(phrase, after string) bool {
	rest := dropWeekday(after)
	r := firstRune(rest)
	return (slices.ContainsFunc(dayWords, func(w string) bool { return strings.HasPrefix(phrase, w) }) || calendarDate(phrase)) &&
		rest != "" && isHan(r) && !strings.ContainsRune("的前起后以之内第每到至", r)
}

// dropWeekday drops a weekday in brackets that follows a date: "（周五）".
func dropWeekday(s string) string {
	for _, open := range []string{"（", "("} {
		if strings.HasPrefix(s, open) {
			if j := strings.IndexAny(s, "）)"); j > 0 && j < 18 { // "（周五）", "（11月18日）"
				return strings.TrimLeft(s[j+len(string(firstRune(s[j:]))):], " ")
			}
		}
	}
	return s
}

// cadenceCues are words without which nothing repeats: the calendar is
// read only for texts that hold one.
var cadenceCues = []string{"every", "each", "weekly", "daily", "nightly", "monthly", "quarterly", "biweekly", "per ", "每", "隔周", "双周",
	"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", // "on Wednesdays"
	"mon/", "tue/", "tues/", "wed/", "thu/", "thur/", "thurs/", "fri/", "sat/", "sun/", "day/"} // "Tue/Thu"

// recurrence reads, once, whether e repeats ("every Monday", "每月初").
func (c *collab) recurrence(e *entry) (timeread.Recurrence, bool) {
	if !e.recRead && !says(e.lowText(), cadenceCues) {
		e.recRead = true
	}
	if !e.recRead {
		e.rec, e.recurs = c.cal.Recurring(prefix(e.Text, maxDateText), e.at)
		e.recRead = true
	}
	return e.rec, e.recurs
}

// sameWork reports whether two commitments, a with keys ka and b with
// keys kb, say the same thing: one text holds the other, or their terms
// nearly coincide.
func sameWork(a, b string, ka, kb []string) bool {
	both := len(intersect(ka, kb))
	switch {
	case both == 0 && len(ka) > 0 && len(kb) > 0:
		return false
	case float64(both) >= 0.8*float64(max(len(ka), len(kb))):
		return true
	case both < min(len(ka), len(kb)):
		return false // neither text holds the other's terms, so neither holds the other
	}
	la, lb := lower(a), lower(b)
	return strings.Contains(la, lb) || strings.Contains(lb, la)
}

// keysOf returns the term keys of text, read once per collaboration.
func (c *collab) keysOf(text string) []string {
	if k, ok := c.keyCache[text]; ok {
		return k
	}
	if c.keyCache == nil {
		all := c.all()
		c.keyCache = make(map[string][]string, 2*len(all)) // the items, and as many commitments
		for _, e := range all {
			c.keyCache[e.Text] = e.keys
		}
	}
	k := uniqueKeys(termsOf(text))
	c.keyCache[text] = k
	return k
}

// entryOf returns the entry of item it. It walks the lists in the order
// of all without building it: commitments ask for their entries often.
func (c *collab) entryOf(it Item) *entry {
	for i := range sides {
		for _, list := range [...][]*entry{c.needs[i], c.offers[i]} {
			if j := slices.IndexFunc(list, func(e *entry) bool { return e.Item == it }); j >= 0 {
				return list[j]
			}
		}
	}
	return nil
}

// conflictDay is the latest middle ground of the conflicts on need n.
func (n *entry) conflictDay(ks []clash) time.Time {
	var d time.Time
	for _, k := range ks {
		if k.need == n && civilDay(k.end.Date) > civilDay(d) {
			d = k.end.Date
		}
	}
	return d
}

// helps reports whether matched offer m helps close conflict k's gap: it
// acts on the work behind the lead time (shares its terms: "2名测试人员"
// and "2天做兼容性测试"), says it speeds something up ("加急", "fast
// track", "省2天"), or meets another need the side stated beside its lead
// time, an input that work waits for ("需要核心用户的设备型号"). Sharing a
// word with the need in conflict is not enough: an offer about the launch
// page does not shorten its testing.
func (c *collab) helps(k clash, m pairing) bool {
	if k.lead.at.IsZero() || m.offer.hasDeadline && !m.offer.savesTime() {
		return false // an offer with a date of its own is its own work, not the lead time's
	}
	leadIsNeed := slices.Contains(c.needs[sideIndex(k.lead.Side)], k.lead)
	return c.actsOn(m.offer, k.lead) || m.offer.savesTime() || leadIsNeed && m.need.Side == k.lead.Side && m.need != k.need
}

// actsOn reports whether offer o names the work of lead time l by a term
// beyond the collaboration's theme: "vendor" in a vendor review is the
// topic, not the review; a word in a quoted label ("a \"return your
// laptop\" step") names the label, not the laptops.
func (c *collab) actsOn(o, l *entry) bool {
	for _, k := range intersect(o.keys, l.keys) {
		if !c.ws.weak[k] && !slices.Contains(c.topic.keys, k) && !slices.Contains(o.quotedKeys(), k) {
			return true
		}
	}
	return false
}

func sideIndex(s Side) int {
	if s == SideB {
		return 1
	}
	return 0
}

// eventWords follow a duration that counts from an event rather than from
// the answer: "within a week after launch", "3 days of go-live".
var eventWords = []string{"after", "of", "from", "following", "before", "prior"}

// ownDate reports whether o's deadline phrase is a date counted from the
// moment o was written. It is not when it counts from an event o names
// ("上线后一周内" is a week after the launch, "活动结束后一周内" a week after
// the campaign, "入职当天" the day of joining), nor when it repeats ("every
// Friday", "each Monday"): such a phrase sets no date of its own.
func ownDate(o *entry) bool {
	text, phrase := o.Text, o.deadline.Phrase
	i := strings.Index(text, phrase)
	if !o.hasDeadline || phrase == "" || i < 0 {
		return false
	}
	before := strings.TrimRight(text[:i], " ")
	last, _ := utf8.DecodeLastRuneInString(before)
	if (last == '后' || last == '前') && !calendarDate(phrase) || last == '每' {
		return false // "3天后", "每周五"; a numbered day ("节后 2/24 开工", "飞检前 10/14") no event before it shifts
	}
	// "双十一后退货会很多，希望退回来的货 3 天内质检完": a span after an
	// event named earlier counts from that event.
	if isSpan(phrase) && (strings.Contains(before, "后") || strings.Contains(lower(before), " after ")) {
		return false
	}
	if (strings.HasPrefix(phrase, "当天") || strings.HasPrefix(phrase, "当日")) && unicode.Is(unicode.Han, last) {
		return false
	}
	if f := strings.Fields(before); len(f) > 0 && (strings.EqualFold(f[len(f)-1], "every") || strings.EqualFold(f[len(f)-1], "each")) {
		return false
	}
	// "样品 11/9 前到的话": a date in a condition is not a promise.
	if cl := lower(clauseOf(text, phrase)); strings.Contains(cl, "的话") || inReason(text, phrase) {
		return false
	}
	// "Someone who answers the line within a day": a relative clause
	// states how fast, each time, not by when.
	lowBefore := " " + lower(before) + " "
	if strings.Contains(lowBefore, " who ") {
		return false
	}
	next, _, _ := strings.Cut(strings.TrimLeft(text[i+len(phrase):], " "), " ")
	for _, w := range eventWords {
		if strings.EqualFold(next, w) {
			return false
		}
	}
	return true
}

// deadlineWords lead into a deadline phrase ("live by Nov 1").
var deadlineWords = []string{" by", " before", " until", " on", " no later than"}

// zhDatePreps stand before a Chinese date and go with it: "要在", "于".
var zhDatePreps = []string{"要在", "需在", "得在", "必须在", "最晚在", "最迟在", "最晚", "最迟", "在", "于"}

// askOpeners open a need with the asking, not the thing asked for.
var askOpeners = []string{"we need ", "we want ", "we'd like ", "we would like ", "i need ", "please ", "我们需要", "我们希望", "需要", "希望"}

// withoutAsk drops the asking from the start of a need turned into the
// other side's commitment: "We need the laptops" becomes "the laptops".
func withoutAsk(text string) string {
	low := lower(text)
	for _, w := range askOpeners {
		if strings.HasPrefix(low, w) && len(text) > len(w) {
			return text[len(w):]
		}
	}
	if m := someoneWants.FindStringIndex(low); m != nil && len(text) > m[1] {
		return text[m[1]:] // "the auditors want the legal letters": what is asked is the letters
	}
	return text
}

// someoneWants opens an English need with who wants it: "the auditors
// want ", "the customer wants ".
var someoneWants = regexp.MustCompile(`^(?:the\s+|our\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:wants?|needs?)\s+`)

// dropDateTail drops what still belongs to a date after its phrase: a
// weekday in brackets and the word for "before" ("（周五）前").
func dropDateTail(s string) string {
	s = dropWeekday(s)
	if m := bareWeekday.FindString(s); m != "" {
		s = strings.TrimLeft(s[len(m):], " ") // "1/23 周五前给 IT": the weekday names the date's day
	}
	for _, w := range []string{"之前", "以前", "前"} {
		if strings.HasPrefix(s, w) {
			s = s[len(w):]
			break
		}
	}
	if rest, ok := strings.CutPrefix(s, "就"); ok && isHan(firstRune(rest)) {
		return rest // "今天就发给行政": 就 leans on the day, which goes
	}
	return s
}

// bareWeekday is a weekday without brackets that opens a text.
var bareWeekday = regexp.MustCompile(`^(?:周|星期|礼拜)[一二三四五六日天]`)

// withoutPhrase drops the deadline phrase from a need, so a commitment
// moved to the middle ground does not still say "tomorrow": "活动页面明天上线"
// becomes "活动页面上线", "checkout live by Nov 1" becomes "checkout live".
func withoutPhrase(text, phrase string) string {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return text
	}
	before, after := strings.TrimRight(text[:i], " "), strings.TrimLeft(text[i+len(phrase):], " ")
	after = dropDateTail(after)
	for _, w := range deadlineWords {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) {
			before = before[:n]
			break
		}
	}
	for _, w := range zhDatePreps { // "年终奖要在2月11日前到账": "年终奖到账"
		if b, ok := strings.CutSuffix(before, w); ok && b != "" {
			before = b
			break
		}
	}
	sep := " "
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	opens := first == '(' || first == '[' // "signed by 3/31 (vendor's Q-end discount)" keeps its space
	if before == "" || after == "" || unicode.IsPunct(first) && !opens || (cjk(last) && cjk(first)) {
		sep = "" // Chinese runs on without spaces
	}
	if out := strings.Trim(before+sep+after, " ,，;；"); out != "" {
		return out
	}
	return text
}

// addParts commits each part of a split to its own date: the requester
// to each part of its input it dated ("剩下 25 个要等品牌方周三（10/14）回库
// 存才能定"), from which the lead side's date for the part counts; the lead
// side to each part it delivers, by the part's date (see Phase.Due).
func (c *collab) addParts(out []Commitment, ks []clash) []Commitment {
	for _, k := range ks {
		for _, p := range k.phases {
			e := c.entryOf(p.From)
			switch {
			case p.From.Side == k.need.Side && !p.Ready.IsZero():
				out = c.add(out, Commitment{Owner: p.From.Side, What: p.From.Text, Due: p.Ready}, e)
			case p.From.Side == k.lead.Side:
				out = c.add(out, Commitment{Owner: p.From.Side, What: cmp.Or(p.Work, p.Text), Due: p.Due}, nil)
			}
		}
	}
	return out
}

// partSources returns the lead side's offers that split a clash's work
// into parts, and the lead time of that work: each part is committed on
// its own, not the offer or the work as a whole.
func (c *collab) partSources(ks []clash) map[*entry]bool {
	out := map[*entry]bool{}
	for _, k := range ks {
		for _, p := range k.phases {
			if p.From.Side == k.lead.Side {
				out[c.entryOf(p.From)], out[k.lead] = true, true
			}
		}
	}
	return out
}

// partWork is what a part delivers: its text, without a date that ends
// it ("the payment step by May 8"), as the commitment says the date; a
// date inside it ("赶9月29日的版本") stays, as the words around it need it.
func (c *collab) partWork(text string, at time.Time) string {
	t := strings.TrimRight(text, " .。")
	for _, d := range c.cal.Deadlines(t, at) {
		if strings.HasSuffix(t, d.Phrase) && detachable(t, d.Phrase) {
			if w := withoutPhrase(t, d.Phrase); w != "" && w != t {
				return w
			}
		}
	}
	return text
}

// lengthVerbs state how long work takes, before the length: "改版要15个工作
// 日", "imaging takes 10 business days", "原材料的 lead time 是 18 个工作日".
var lengthVerbs = []string{"的 lead time 是", " lead time 是", "'s lead time is", " lead time is", "的交期是", "交期是", "的周期是", "周期是", "需要", "要", "得", " takes", " take", " needs", " need", " is", " are"}

// withoutLength is what lead item l delivers: its text without the length
// it states and the verb that states it; l's text when nothing is left.
func withoutLength(l *entry) string {
	i := strings.Index(l.Text, l.lead.Phrase)
	if l.lead.Phrase == "" || i < 0 {
		return l.Text
	}
	before := strings.TrimRight(l.Text[:i], " ")
	for _, h := range []string{" about", " roughly", " approximately", "大概", "大约", "约"} {
		before = strings.TrimRight(strings.TrimSuffix(before, h), " ") // "takes about 12 working days"
	}
	for _, v := range lengthVerbs {
		if b, ok := strings.CutSuffix(before, v); ok {
			before = strings.TrimRight(strings.TrimSuffix(b, "还"), " ") // "还要4个工作日": the rest takes
			break
		}
	}
	if j := strings.LastIndexFunc(before, isClauseMark); j >= 0 && saysDone(before[:j]) {
		before = strings.TrimSpace(before[j+utf8.RuneLen(firstRune(before[j:])):]) // "开发已完成，联调…": what is left
	}
	if utf8.RuneCountInString(strings.TrimSpace(before)) < 3 {
		return l.Text
	}
	after := l.Text[i+len(l.lead.Phrase):]
	for _, w := range []string{" of work", " of effort", "的工作量", "的活"} {
		if a, ok := strings.CutPrefix(after, w); ok {
			after = a
			break
		}
	}
	return withoutPhrase(before+" "+l.lead.Phrase+after, l.lead.Phrase)
}

// cjk reports whether r is Han or full-width punctuation ("）", "、"):
// Chinese runs on without spaces across it.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
