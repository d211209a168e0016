package mediate

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// clash is a need's deadline that the other side's lead time cannot meet.
type clash struct {
	need, lead *entry
	// end is the lead time as it binds: counted from the prerequisite's
	// date when the work waits for one ("5 business days once we have the
	// SSO metadata"), else from when it was stated.
	end timeread.Found
	// std is when all of it is ready on the standard path: the binding
	// lead time as stated, counted as end first is, before any offer
	// shortens it.
	std time.Time
	// prereq is the requester's offer the lead time waits for, or nil;
	// prereqDue is when the requester delivers it.
	prereq    *entry
	prereqDue time.Time
	// then are the lead items whose work follows l's, step after step
	// (see nextStep): all of it is ready when the last is done.
	then []*entry
	// cut and phases are how the offers shorten and split the work (see
	// planned).
	cut    *Shortening
	phases []Phase
}

// conflicts finds, for each need with a deadline of its own, the lead
// time of the other side that binds it, when that ends after the deadline.
// A lead time is about the deadline needs it shares the most with ("mango
// boxes take 5 days" is not about the kiwi crates; "跨境付款要5个工作日" is
// about the overseas payment, not the domestic one); one that shares
// nothing with any need of the requester ("需要2天做兼容性测试") is about
// each. Of the lead times about a need, the shortest that names its work
// binds: a side that states or offers a faster path (a fast track, only
// the models in use, a deposit that cuts the wait) has put it on the
// table. A lead time that names nothing of the need binds only when no
// other does, the longest first: the middle ground must honour it.
//
// A need whose deadline a faster path makes, one that asks nothing of the
// requester or only what the requester already offers, has no clash: it
// is returned in met, with its end at that path's. One whose deadline the
// stated lead time makes, once the requester takes a step no offer of
// its gives, is returned in stepped: the plan commits that step.
func (c *collab) conflicts(ms []pairing) (late, met, stepped []clash) {
	for i := range sides {
		var deadlines []*entry
		for _, n := range c.needs[i] {
			if n.hasDeadline && ownDate(n) && !asap(n.deadline.Phrase) {
				deadlines = append(deadlines, n)
			}
		}
		leads := c.leadsOf(1 - i)
		about := map[*entry][]*entry{} // lead -> the deadline needs it is about
		read := map[*entry]clash{}     // each lead time read once, whatever the need
		for _, l := range leads {
			about[l] = c.aboutWhich(l, deadlines, c.needs[i], ms)
			if len(about[l]) > 0 { // one about no deadline binds none (see binding)
				read[l] = c.clashOf(l, i, ms)
			}
		}
		for _, n := range deadlines {
			k, ok := c.binding(n, leads, about, read, ms)
			if !ok {
				continue
			}
			if o, f, fast := c.fastTrack(k); fast && (!conditional(o.Text) || c.offered(o)) && f.Date.Before(k.end.Date) {
				k.end = f // a faster path that asks nothing more of the requester: no clash when it is in time
				if civilDay(k.end.Date) <= civilDay(n.deadline.Date) {
					met = append(met, k)
				}
			}
			switch {
			case civilDay(k.end.Date) > civilDay(n.deadline.Date):
				late = append(late, k)
			case k.prereq != nil && k.prereq.Side != k.lead.Side && !c.isOffer(k.prereq) && !slices.ContainsFunc(met, func(m clash) bool { return m.need == n }):
				stepped = append(stepped, k)
			}
		}
	}
	return late, met, stepped
}

// inTimeMatches adds to ms, for each need of met whose deadline a faster
// path makes, the pair of the need and the offer of that path, when not
// yet there and not refused (no): that offer is what meets it in time.
func (c *collab) inTimeMatches(ms []pairing, met []clash, no map[[2]Item]bool) []pairing {
	for _, k := range met {
		o, _, _ := c.fastTrack(k)
		if o == nil || o.sequelOf == k.lead {
			o = k.lead
		}
		if c.isOffer(o) && !matched(o, k.need, ms) && !no[[2]Item{k.need.Item, o.Item}] {
			ms = append(ms, pairing{need: k.need, offer: o, shared: c.strongShared(k.need, o)})
		}
	}
	c.typedOrder(ms)
	return ms
}

// aboutWhich returns the deadline needs lead item l is about: of the
// requester's needs, the ones it shares the most with, when they have a
// deadline; all of them when it shares nothing with any need; none when
// a need without a deadline is closer ("门禁卡提前一天做好" is about the
// badge the second need asks for, not the desks of a dated first day),
// unless another offer meets that need: then l only shares its topic.
func (c *collab) aboutWhich(l *entry, deadlines, needs []*entry, ms []pairing) []*entry {
	if fed := c.feeds(l, deadlines, ms); len(fed) > 0 {
		return fed
	}
	if ends := c.endsIn(l, deadlines); len(ends) > 0 {
		return ends
	}
	about := c.aboutWork(l, c.workKeys(l), deadlines, needs, ms)
	if len(about) == 0 {
		if work := c.withoutStep(l); work != nil {
			return c.aboutWork(l, work, deadlines, needs, ms)
		}
	}
	return about
}

// withoutStep returns the keys of lead item l without those of the step
// it waits for ("takes 20 business days once it has the data"), or nil
// when it names none: the input the requester hands in is not the work
// ("the bureau data vendor's API" is no need for the validation), so a
// lead time about no dated need by its step's words is about the need
// its work is for.
func (c *collab) withoutStep(l *entry) []string {
	step := condition(l)
	if step == "" {
		return nil
	}
	if j := strings.IndexFunc(step, isClauseMark); j >= 0 {
		step = step[:j]
	}
	i := strings.Index(l.Text, step)
	if i < 0 || strings.TrimSpace(step) == "" {
		return nil
	}
	return c.keysOf(l.Text[:i] + " " + l.Text[i+len(step):])
}

// aboutWork is aboutWhich with the keys of l's work given.
func (c *collab) aboutWork(l *entry, work []string, deadlines, needs []*entry, ms []pairing) []*entry {
	own := c.nameKeys[sideIndex(l.Side)]
	if !slices.ContainsFunc(needs, func(n *entry) bool { return c.sharedOn(n, work) > 0 }) {
		return deadlines
	}
	var best []*entry
	most := 0.0
	for _, n := range needs {
		w := c.sharedBy(n, work, own)
		if w <= 0 || !slices.Contains(deadlines, n) && (metByOther(n, l, ms) || turnaround(n)) {
			continue
		}
		if w > most+1e-9 {
			best, most = nil, w
		}
		if w >= most-1e-9 {
			best = append(best, n)
		}
	}
	for _, n := range best {
		for _, d := range deadlines {
			if !slices.Contains(best, d) && datesNeed(d, n) {
				best = append(best, d)
			}
		}
	}
	for _, d := range deadlines {
		if matched(l, d, ms) && !slices.Contains(best, d) {
			best = append(best, d) // an offer's lead time is about the dated need it meets, whatever else it names
		}
	}
	return slices.DeleteFunc(best, func(n *entry) bool { return !slices.Contains(deadlines, n) })
}

// endsIn returns the deadline needs that ask for what lead item l's span
// ends in ("从拿到需求到人员到岗…要 15 个工作日": staff on the job), the ones
// that share the most with it: the span is the time to that result,
// whatever else its words share with other needs.
func (c *collab) endsIn(l *entry, deadlines []*entry) []*entry {
	end := zhSpanEnd(sentenceOf(l.Text, l.lead.Phrase), l.lead.Phrase)
	if end == "" {
		return nil
	}
	keys := c.keysOf(end)
	var best []*entry
	most := 0.0
	for _, n := range deadlines {
		switch w := c.sharedOn(n, keys); {
		case w <= 0 || w < most-1e-9:
		case w > most+1e-9:
			best, most = []*entry{n}, w
		default:
			best = append(best, n)
		}
	}
	return best
}

// turnaround reports whether need n asks for a span counted from an event
// of its own ("退回来的货 3 天内质检完"): a lead time counted from a day
// cannot be weighed against it, so it is not what the lead time is about.
func turnaround(n *entry) bool {
	return n.hasDeadline && !ownDate(n) && isSpan(n.deadline.Phrase)
}

// datesNeed reports whether deadline need d only dates what need n asks
// for, in a sentence of its own: "They need laptops that can get into the
// CRM" and "We need the laptops by Thursday 3/12" are one request, so a
// lead time about the first binds the second.
func datesNeed(d, n *entry) bool {
	return d != n && !n.hasDeadline && len(d.core) > 0 && d.Side == n.Side &&
		!slices.ContainsFunc(d.core, func(k string) bool { return !slices.Contains(n.keys, k) })
}

// sharedWeight is the weight of the strong keys need n (in its request
// clauses, when it has several) shares with l, leaving out the
// collaboration's theme, and a place where the work happens ("门店之间
// 互相调货" is about transfers, not stores): neither tells work apart.
func (c *collab) sharedWeight(n, l *entry) float64 { return c.sharedOn(n, l.keys) }

// sharedOn is sharedWeight with l's keys given.
func (c *collab) sharedOn(n *entry, keys []string) float64 { return c.sharedBy(n, keys, nil) }

// sharedBy is sharedOn with the keys of half given at half their weight:
// the name of the lead time's side, which a need names as often to say
// who is to act ("a contract we can send out w/o legal touching it") as
// for the work ("Security sign-off on the integration").
func (c *collab) sharedBy(n *entry, keys, half []string) float64 {
	parts := n.parts
	if len(parts) == 0 {
		parts = []*entry{n}
	}
	best := 0.0
	for _, p := range parts {
		w := 0.0
		for _, k := range intersect(p.keys, keys) {
			if c.ws.weak[k] || c.ws.w[k] < minHead || placeOnly(p, k) {
				continue
			}
			kw := c.ws.w[k]
			if slices.Contains(half, k) {
				kw /= 2
			}
			w += kw
		}
		best = max(best, w)
	}
	return best
}

// workKeys returns the keys of lead item l outside the clauses that set a
// condition on what the requester does: "if you send the paperwork today"
// names the requester's step, not the work the lead time is for.
func (c *collab) workKeys(l *entry) []string {
	parts := strings.FieldsFunc(l.Text, isClauseMark)
	kept := slices.DeleteFunc(slices.Clone(parts), func(p string) bool { return conditional(p) && addressed(p) })
	if len(kept) == len(parts) || len(kept) == 0 {
		return l.keys
	}
	return c.keysOf(strings.Join(kept, ", "))
}

// leadsOf lists the items of a side that state a lead time for work of
// their own, leaving out a duration in a clause that only gives the
// background ("right now it arrives a week after the interview").
func (c *collab) leadsOf(side int) []*entry {
	var out []*entry
	for _, l := range slices.Concat(c.needs[side], c.offers[side]) {
		if l.hasLead && !inReason(l.Text, l.lead.Phrase) && !threshold(l.Text, l.lead.Phrase) && !(c.isNeed(l) && (nowState(l) || leadsToDeadline(l))) && !(c.isOffer(l) && aheadOnly(l)) {
			out = append(out, l)
		}
	}
	return out
}

// nowWords say that a clause tells how things stand now.
var nowWords = []string{"现在", "目前", "眼下", "right now", "currently", "at the moment", "these days"}

// nowState reports whether lead item l's duration stands in a clause
// that tells how long things take now ("出差报销现在要一个月才到账"): in a
// need, that is the complaint behind it, not a time the side's work takes.
func nowState(l *entry) bool {
	before, _, ok := strings.Cut(lower(clauseOf(l.Text, l.lead.Phrase)), lower(l.lead.Phrase))
	return ok && says(before, nowWords)
}

// noticeWords name what is asked ahead of time: notice, a request, a booking.
var noticeWords = []string{"通知", "告知", "说一声", "打招呼", "申请", "预约", "提需求", "提单", "报给", "报上", "报名", "登记", "提交", "约", "notice", "sign up", "sign-up", "register", "submit", "request", "book", "ask", "tell", "let us know", "heads-up", "heads up"}

// aheadOnly reports whether offer l's time ahead is how far ahead it
// delivers ("daily forecast per shift，提前 14 天", "rosters two weeks
// ahead"), not notice it asks for ("提前 10 个工作日通知"): that is no time
// its work takes.
func aheadOnly(l *entry) bool {
	return advance(l) && !says(lower(clauseOf(l.Text, l.lead.Phrase)), noticeWords)
}

// thereforeWords open a consequence: what a side must have by when,
// because of what came before.
var thereforeWords = []string{" so ", "so,", "所以", "因此", "因而", "那就", "hence", "which means", "that's why", "that’s why"}

// leadsToDeadline reports whether need l's lead time is the reason for its
// own deadline ("agency 要 15 working days notice, so 我们最晚 10/21 要拿到
// forecast"): that time is what someone asks of the side, already counted
// in the date it names, not a time its work takes for the other side.
func leadsToDeadline(l *entry) bool {
	if !l.hasDeadline {
		return false
	}
	i, j := strings.Index(l.Text, l.lead.Phrase), strings.Index(l.Text, l.deadline.Phrase)
	return i >= 0 && j > i && says(lower(l.Text[i:j]), thereforeWords)
}

func (c *collab) isNeed(e *entry) bool {
	return slices.Contains(c.needs[sideIndex(e.Side)], e)
}

// binding returns the lead time that binds need n, as conflicts says. A
// need that asks for a turnaround ("调货希望48小时内走完") is bound only by
// a lead time that names its work: how long other work takes says
// nothing of it.
func (c *collab) binding(n *entry, leads []*entry, about map[*entry][]*entry, read map[*entry]clash, ms []pairing) (clash, bool) {
	var named, other []clash
	for _, l := range leads {
		if !slices.Contains(about[l], n) || metElsewhere(l, n, ms) || l.spanLead && !matched(l, n, ms) {
			continue // a span offered ("within 2 days") is about the need it meets
		}
		k := c.inputFor(read[l], n)
		switch {
		case c.sharedWeight(n, l) > 0:
			named = append(named, k)
		case !isSpan(n.deadline.Phrase) && !ownCase(l) && !c.inTimeOffer(n, l.Side) && !callOnly(n, l):
			other = append(other, k)
		}
	}
	tracks := c.fastTracks(slices.Concat(named, other)) // read once for both lists
	named, other = withoutFastTracks(named, tracks), withoutFastTracks(other, tracks)
	byEnd := func(a, b clash) int { return civilDay(a.end.Date) - civilDay(b.end.Date) }
	// Neither a part that comes first ("hero + social tiles can go first,
	// 5 business days") nor a minimum asked for is a faster path to all of
	// the work, so neither wins over a lead time that is one.
	part := func(k clash) bool { return firstPart(k.lead) || sharePart(k.lead) || restLater(k.lead) }
	named = unlessAll(named, part)
	if len(other) > 0 && len(named) > 0 && !slices.ContainsFunc(named, func(k clash) bool { return !part(k) }) {
		named = nil // "back wall can jump the queue: 5 business days" beside "full booth package = 8 business days": the whole takes the longer
	}
	named = unlessAll(named, func(k clash) bool { return floor(k.lead) })
	named = unlessAll(named, func(k clash) bool { return !k.fits(k.lead) }) // "现货 800 台，2 个工作日" moves 800 of the 2000 asked
	// a path on a condition the requester has not met ("If you're OK reusing
	// the 6 counters…, that's 8 business days") is the requester's to take:
	// the clash stands on the path that asks nothing
	named = unlessAll(named, func(k clash) bool { return conditional(k.lead.Text) && !c.offered(k.lead) })
	// a lead time whose work is other than the need's ("a refund-check script
	// that flags double charges, 2 business days to build" beside "the fix
	// itself is ~5 business days" for "dup-charge bug FIXED by fri") is not a
	// faster path to it
	named = unlessAll(named, func(k clash) bool {
		return len(k.lead.core) > 0 && !holdsAny(n, k.lead.core) && !holdsAny(k.lead, n.core)
	})
	if len(other) > 0 && !slices.ContainsFunc(named, func(k clash) bool { return !phasedFirst(k.lead) }) {
		named = nil // "phase it: … 10% of users one sprint after specs, then ramp to 100%": the whole takes the other lead time
	}
	switch {
	case len(named) > 0:
		return slices.MinFunc(named, byEnd), true
	case len(other) > 0:
		return slices.MaxFunc(other, byEnd), true
	}
	return clash{}, false
}

// callOnly reports whether need n asks for someone at a meeting and lead
// item l names none: a call on 3/24 waits for no build.
func callOnly(n, l *entry) bool {
	return slices.Contains(n.keys, "#meeting") && !slices.Contains(l.keys, "#meeting")
}

// inputFor returns clash k on need n, counted from the requester's dated
// offer of the very thing n asks to be worked on, when k's side says its
// work waits for what the requester hands in ("材料要一次给齐，缺一份不开始
// 算") and no offer was read as that step: the review of the scripts starts
// when the scripts are in ("12 场脚本和详情页 9/23 全部定稿给到法务"). Of
// several such offers none is taken.
func (c *collab) inputFor(k clash, n *entry) clash {
	k.need = n
	if k.prereq == nil && (arrives(condition(k.lead)) || c.handsTo(n, k.lead.Side)) {
		if ev, ok := c.needEvent(n, k.lead); ok {
			return ev
		}
	}
	if k.prereq != nil || !waitsFor(k.lead.lowText()) && c.awaited(k.lead) == "" && !waitsForInput(k.lead) {
		return k
	}
	var ins []*entry
	for _, o := range c.offers[sideIndex(n.Side)] {
		if _, recurs := c.recurrence(o); recurs || !o.hasDeadline || !ownDate(o) || !c.sharesStrong(o.keys, n.keys) {
			continue
		}
		ins = append(ins, o)
	}
	if len(ins) > 1 { // of several, the one that shares clearly most with n ("12 条脚本…定稿" for "12 条 KOL 脚本要法务审完")
		ins = c.closest(n, ins)
	}
	if len(ins) != 1 {
		return k
	}
	in := ins[0]
	if civilDay(in.deadline.Date) <= civilDay(k.lead.at) {
		return k
	}
	k.prereq, k.prereqDue = in, c.lastDate(in)
	if f, ok := c.leadFrom(k.lead, k.prereqDue); ok && f.Date.After(k.end.Date) {
		k.end = f
	}
	return k
}

// closest returns the one of es that shares the most with need n, by at
// least half again as much as any other; all of es when none does.
func (c *collab) closest(n *entry, es []*entry) []*entry {
	best, second := -1, 0.0
	ws := make([]float64, len(es))
	for i, e := range es {
		ws[i] = c.sharedOn(n, e.keys)
		if best < 0 || ws[i] > ws[best] {
			best = i
		}
	}
	for i, w := range ws {
		if i != best {
			second = max(second, w)
		}
	}
	if ws[best] >= 1.5*second && ws[best] > 0 {
		return es[best : best+1]
	}
	return es
}

// inputWords name, in a lead time's step, the input handed in as a whole
// ("材料齐了以后 5 个工作日", "单据齐全后 8 个工作日", "10 business days from a
// complete submission", "5 business days once the materials are
// complete"): what the requester hands in for the need's work.
var inputWords = []string{"材料", "资料", "素材", "文件", "单据", "票据", "materials", "documents", "docs", "paperwork", "submission", "提交的", "送审稿", "终稿", "定稿", "签字稿", "final version", "final draft", "final copy", "final files"}

// waitsForInput reports whether lead item l counts from a step that only
// names the input as a whole: "常规审核是材料齐了以后 5 个工作日" waits for
// the posters and the rules the need asks to have reviewed, whatever the
// requester calls them.
func waitsForInput(l *entry) bool {
	cond := lower(condition(l))
	return cond != "" && says(cond, inputWords)
}

// lastDate returns the latest date offer o names for its parts ("海报和短信
// 9/16 给，活动规则…9/18 给"): the input is in when all of it is.
func (c *collab) lastDate(o *entry) time.Time {
	due := o.deadline.Date
	text := prefix(o.Text, maxDateText)
	for _, d := range c.cal.Deadlines(text, o.at) {
		if d.Date.After(due) && !notDue(text, d.Phrase) {
			due = d.Date
		}
	}
	return due
}

// arrives reports whether step names the arrival or handover of things
// ("from arrival", "到货后", "after handover"): an event a need dates as
// such ("11/3 到 EU 仓"), unlike a step the requester does.
func arrives(step string) bool {
	keys := uniqueKeys(termsOf(step))
	return slices.Contains(keys, "#arrival") || slices.Contains(keys, "#handover")
}

// needEvent returns lead item l's clash on need n counted from the one
// event n dates before its deadline, when l counts from a step no offer
// dates: "11/3 到 EU 仓，需要 11/6 前全部上架" and "6 business days from
// arrival" — the work starts when what the need names arrives, not when
// the lead time was stated. Only a date in figures counts: a weekday
// beside it ("9/24（周四）") names its day.
func (c *collab) needEvent(n, l *entry) (clash, bool) {
	text := prefix(n.Text, maxDateText)
	var ev *timeread.Found
	for _, d := range c.cal.Deadlines(text, n.at) {
		if d.Phrase == n.deadline.Phrase || !hasDigit(d.Phrase) || !eventOnly(text, d.Phrase) || civilDay(d.Date) >= civilDay(n.deadline.Date) || civilDay(d.Date) <= civilDay(l.at) {
			continue
		}
		if ev != nil {
			return clash{}, false // two events: which one the work waits for is not said
		}
		ev = &d
	}
	if ev == nil {
		return clash{}, false
	}
	f, ok := c.leadFrom(l, ev.Date)
	if !ok {
		return clash{}, false
	}
	cl := clauseOf(text, ev.Phrase)
	step := &entry{Item: Item{Side: n.Side, Text: strings.TrimSpace(cl)}, at: n.at, low: lower(cl), deadline: *ev, hasDeadline: true}
	k := c.clashOf(l, sideIndex(n.Side), nil)
	k.need, k.prereq, k.prereqDue, k.end, k.std = n, step, ev.Date, f, f.Date
	return k, true
}

// fastTracks maps each offer that is the faster path of a lead time of all
// to the leads it is the fast track of (see fastTrack).
func (c *collab) fastTracks(all []clash) map[*entry][]*entry {
	tracks := map[*entry][]*entry{}
	for _, j := range all {
		if o, _, ok := c.fastTrack(j); ok {
			tracks[o] = append(tracks[o], j.lead)
		}
	}
	return tracks
}

// withoutFastTracks drops the clashes of ks whose lead time is the faster
// path of another lead time ("常规 7 个工作日" and "加急…能压到 5 个工作日"), by
// the tracks of fastTracks: it binds as that lead time's fast track,
// counted from when that work can start (see fastTrack), not as a lead
// time of its own.
func withoutFastTracks(ks []clash, tracks map[*entry][]*entry) []clash {
	return slices.DeleteFunc(slices.Clone(ks), func(k clash) bool {
		return slices.ContainsFunc(tracks[k.lead], func(l *entry) bool { return l != k.lead })
	})
}

// phasedFirst reports whether lead item l splits its work in phases ("phase
// it:", "分两期") and its lead time ends the first: a later step follows it
// ("then ramp to 100% at the end of sprint 2"). "MVP in 3 weeks, then
// polish" splits nothing.
func phasedFirst(l *entry) bool {
	i := strings.Index(l.Text, l.lead.Phrase)
	return i >= 0 && l.lead.Phrase != "" && marksOf(l).split && thenAt(l.Text[i+len(l.lead.Phrase):]) >= 0
}

// firstPart reports whether lead item l times a part that comes first:
// the text up to its lead time's clause opens one ("hero + social tiles
// can go first, 5 business days"), not only a later clause ("完整版要 4
// 周，先给一版…").
func firstPart(l *entry) bool {
	i := strings.Index(l.Text, l.lead.Phrase)
	if i < 0 {
		return false
	}
	end := i + len(l.lead.Phrase)
	if j := strings.IndexFunc(l.Text[end:], isClauseMark); j >= 0 {
		end += j
	} else {
		end = len(l.Text)
	}
	return opensFirst(l.Text[:end])
}

// shareMarks say that an item speaks of a share of the things, not all:
// "堆头里大约六成是仓里常备的货", "about 60% of the SKUs".
var shareMarks = regexp.MustCompile(`[一二两三四五六七八九]成|一半|大部分|大多数|\d+\s*%|(?i)\b(?:half|most|some|part) of\b`)

// sharePart reports whether lead item l times only a share of the work,
// named before its lead time ("六成是常备的货，报量后 2 个工作日就能配送"):
// it is a part that can go first, not a faster path to all of it.
func sharePart(l *entry) bool {
	before, _, ok := strings.Cut(l.Text, l.lead.Phrase)
	return ok && l.lead.Phrase != "" && shareMarks.MatchString(before)
}

// restLater reports whether lead item l names the rest of the work after
// its lead time ("English + Spanish can go live after 2 business days, the
// other 4 languages 3 business days later"): its lead time times the part
// that comes first.
func restLater(l *entry) bool {
	_, after, ok := strings.Cut(l.Text, l.lead.Phrase)
	return ok && l.lead.Phrase != "" && says(lower(after), restWords)
}

// overWords open a span that is a bar to cross, when a relative or
// conditional word follows it: "用工期超过1个月的必须签三方协议" says which
// hires need the contract, not how long any work takes.
var (
	overWords  = []string{"超过", "多于", "大于", "满", "不止"}
	overAfters = []string{"的", "就", "则", "时", "后", "以上的"}
)

// threshold reports whether span phrase in text is such a bar.
func threshold(text, phrase string) bool {
	before, after, ok := strings.Cut(text, phrase)
	if !ok {
		return false
	}
	before = strings.TrimRightFunc(before, isPad)
	after = strings.TrimLeftFunc(after, isPad)
	return slices.ContainsFunc(overWords, func(w string) bool { return strings.HasSuffix(before, w) }) &&
		slices.ContainsFunc(overAfters, func(w string) bool { return strings.HasPrefix(after, w) })
}

// inTimeOffer reports whether side offers what need n names, with a date
// of its own by n's deadline, n being the need it names the most ("现货礼
// 盒的样品 200 盒，8/17 能给" for "200 盒样品…8/20 前要"): a lead time that
// names nothing of n is for other work, and does not hold up what comes in
// time.
func (c *collab) inTimeOffer(n *entry, side Side) bool {
	return slices.ContainsFunc(c.offers[sideIndex(side)], func(o *entry) bool {
		if !o.hasDeadline || !ownDate(o) || o.spanLead || civilDay(o.deadline.Date) > civilDay(n.deadline.Date) {
			return false
		}
		w := c.sharedWeight(n, o)
		return w > 0 && !slices.ContainsFunc(c.needs[sideIndex(n.Side)], func(m *entry) bool { return m != n && c.sharedWeight(m, o) >= w })
	})
}

// unlessAll drops the clashes of ks that match, unless all of them do.
func unlessAll(ks []clash, match func(clash) bool) []clash {
	if !slices.ContainsFunc(ks, func(k clash) bool { return !match(k) }) {
		return ks
	}
	return slices.DeleteFunc(ks, match)
}

// floorWords put a minimum on a span: "UAT 至少半天", "at least two days
// of testing".
var floorWords = []string{"至少", "最少", "起码", "不少于", "at least", "minimum of", "no less than"}

// floor reports whether lead item l's time is a minimum asked for: it
// says how long some work must be given, so it never shortens another
// lead time for the same work the way a faster path does.
func floor(l *entry) bool {
	i := strings.Index(l.Text, l.lead.Phrase)
	if i < 0 {
		return false
	}
	before := lower(strings.TrimRightFunc(l.Text[:i], isPad))
	return slices.ContainsFunc(floorWords, func(w string) bool {
		return strings.HasSuffix(before, w) || strings.HasPrefix(lower(l.lead.Phrase), w)
	})
}

// metElsewhere reports whether lead item l is an offer matched to a need
// other than n: its duration is about that need.
func metElsewhere(l, n *entry, ms []pairing) bool {
	return slices.ContainsFunc(ms, func(m pairing) bool { return m.offer == l && m.need != n }) &&
		!slices.ContainsFunc(ms, func(m pairing) bool { return m.offer == l && m.need == n })
}

// clashMatches adds to ms, for each clash whose lead time is an offer
// that names the need's work, the pair of the two when not yet there:
// the offer is of that work, in time or not ("Laptops come from our
// vendor, 7 business days after…" for "入职当天电脑要到位"), unless the
// needing side said it is not (no). The pairs stay in the order typed,
// side A's needs first.
func (c *collab) clashMatches(ms []pairing, ks []clash, no map[[2]Item]bool) []pairing {
	added := false
	for _, k := range ks {
		if c.isOffer(k.lead) && !c.slotOnly(k.need, k.lead) && !matched(k.lead, k.need, ms) && !no[[2]Item{k.need.Item, k.lead.Item}] && c.sharedWeight(k.need, k.lead) > 0 {
			ms, added = append(ms, pairing{need: k.need, offer: k.lead, shared: c.strongShared(k.need, k.lead)}), true
		}
		if o := c.speedUp(k); o != nil && !c.sequel(o, k) && !matched(o, k.need, ms) && !no[[2]Item{k.need.Item, o.Item}] {
			ms, added = append(ms, pairing{need: k.need, offer: o, shared: c.strongShared(k.need, o)}), true
		}
	}
	if added {
		c.typedOrder(ms)
	}
	return ms
}

// typedOrder puts the pairs of ms in the order typed, side A's needs first.
func (c *collab) typedOrder(ms []pairing) {
	all := c.all()
	slices.SortStableFunc(ms, func(a, b pairing) int {
		return cmp.Or(slices.Index(all, a.need)-slices.Index(all, b.need), slices.Index(all, a.offer)-slices.Index(all, b.offer))
	})
}

// sequel reports whether offer o continues clash k's lead item in its
// sentence with another length ("…5 个工作日；用标准模板的，3 个工作日"): it
// is the same offer, said in two, which meets the need already.
func (c *collab) sequel(o *entry, k clash) bool {
	return o.sequelOf == k.lead && c.isOffer(k.lead)
}

// speedUp returns the offer that says by how much it shortens clash k's
// lead time ("走班车…能省 2 个工作日", "15 个工作日能压到 10 个"), or nil:
// it is offered for the work the need waits for, so it meets the need.
func (c *collab) speedUp(k clash) *entry {
	if k.cut == nil || k.cut.Phrase == "" {
		return nil
	}
	offers := c.offers[sideIndex(k.cut.By.Side)]
	i := slices.IndexFunc(offers, func(o *entry) bool { return o.Item == k.cut.By })
	if i < 0 {
		return nil
	}
	return offers[i]
}

// metByOther reports whether need n is met by an offer other than l.
func metByOther(n, l *entry, ms []pairing) bool {
	return slices.ContainsFunc(ms, func(m pairing) bool { return m.need == n && m.offer != l })
}

func matched(o, n *entry, ms []pairing) bool {
	return slices.ContainsFunc(ms, func(m pairing) bool { return m.offer == o && m.need == n })
}

// clashOf reads lead item l for the needs of side requester: from the
// date of the requester's prerequisite when l waits for one, or from the
// day l says its work starts when that is later, else as stated; then on
// through the steps its side says follow it (see nextStep).
func (c *collab) clashOf(l *entry, requester int, ms []pairing) clash {
	k := c.ownClash(l, requester, ms)
	for next := c.nextStep(l); next != nil; next = c.nextStep(next) {
		if f, ok := c.leadFrom(next, k.end.Date); ok {
			k.end.Date, k.end.Days = f.Date, k.end.Days+f.Days
			k.then = append(k.then, next)
		}
	}
	k.std = k.end.Date
	return k
}

// ownClash is clashOf up to the end of l's own work.
func (c *collab) ownClash(l *entry, requester int, ms []pairing) clash {
	k := clash{lead: l, end: l.lead}
	from := l.at
	p, due, ok := c.prerequisite(l, requester)
	if !ok {
		p, due, ok = c.askedStep(l, requester, ms)
	}
	if !ok {
		p, due, ok = c.handedIn(l)
	}
	if !ok {
		p, due, ok = c.handedInBy(l, requester)
	}
	if !ok {
		p, due, ok = c.requesterStep(l, requester)
	}
	if ok {
		k.prereq, k.prereqDue = p, due
		if !c.limitMet(l, due) {
			from = due.AddDate(0, 0, c.stepLag(l))
		}
	} else if prev := c.stepBefore(l); prev != nil {
		from = c.ownClash(prev, requester, ms).end.Date // "印好后…再要 5 个工作日": once the printing is done
	}
	if start, ok := c.startDate(l); ok && civilDay(start) > civilDay(from) {
		from = start.AddDate(0, 0, -1) // the start day is the first day of work
	}
	if civilDay(from) > civilDay(l.at) {
		if f, ok := c.leadFrom(l, from); ok {
			k.end = f
		}
	}
	return k
}

// stepsPhrase returns clash k's lead time as written, with the lengths of
// the steps that follow it ("15 个工作日，之后再要 5 个工作日", "10 business days,
// then 2 business days").
func (k clash) stepsPhrase() string {
	out := k.lead.lead.Phrase
	for _, l := range k.then {
		if isHan(firstRune(lower(l.Text))) {
			out += "，之后再要 " + l.lead.Phrase
		} else {
			out += ", then " + l.lead.Phrase
		}
	}
	return out
}

// doneMarks end, in Chinese, a step that is the work just stated, done:
// "印好后", "装完以后", "审核完成后".
var doneMarks = []string{"好", "完", "完成", "完毕", "结束"}

// onTopWords say that a length comes on top of the one stated before:
// "six business days for the twelve on top of that".
var onTopWords = []string{"on top of that", "on top of this", "after that", "afterwards", "in addition to that", "在此基础上", "再加上", "另外还要"}

// stepBefore returns the lead item stated last before lead item l on its
// side when l counts from that item's work being done ("印刷要 15 个工作日" then
// "印好后灌装、组装、入仓再要 5 个工作日", "…on top of that"), or nil: l starts
// when it ends.
func (c *collab) stepBefore(l *entry) *entry {
	step := strings.TrimSpace(condition(l))
	done := step != "" && slices.ContainsFunc(doneMarks, func(m string) bool { return strings.HasSuffix(step, m) })
	if !done && !says(l.lowText(), onTopWords) {
		return nil
	}
	for _, list := range [][]*entry{c.offers[sideIndex(l.Side)], c.needs[sideIndex(l.Side)]} {
		for j := slices.Index(list, l) - 1; j >= 0; j-- {
			if list[j].hasLead { // the work last timed; an aside without a time of its own is skipped
				return list[j]
			}
		}
	}
	return nil
}

// nextStep returns the lead item that counts from lead item l's work
// being done (see stepBefore), or nil.
func (c *collab) nextStep(l *entry) *entry {
	for _, list := range [][]*entry{c.offers[sideIndex(l.Side)], c.needs[sideIndex(l.Side)]} {
		if i := slices.Index(list, l); i >= 0 {
			j := slices.IndexFunc(list[i+1:], func(e *entry) bool { return e.hasLead })
			if j >= 0 && c.stepBefore(list[i+1+j]) == l {
				return list[i+1+j]
			}
		}
	}
	return nil
}

// limitMet reports whether lead item l sets its step a date as a condition
// ("如果这周拿到 token JSON，全量迁移 2 个迭代") and the step, due on due,
// meets it: the date is a limit on the step, not when the work starts, so
// the lead time counts from when it was stated.
func (c *collab) limitMet(l *entry, due time.Time) bool {
	step := condition(l)
	if !conditional(step) {
		return false
	}
	ds := c.cal.Deadlines(step, l.at)
	return len(ds) > 0 && civilDay(due) <= civilDay(ds[0].Date)
}

// leadFrom reads l's lead time counted from the day at.
func (c *collab) leadFrom(l *entry, at time.Time) (timeread.Found, bool) {
	text := prefix(l.Text, maxDateText)
	if f, ok := c.cal.Lead(text, at); ok && f.Phrase == l.lead.Phrase {
		return f, true
	}
	if f, ok := totalLead(text, at, c.cal); ok && f.Phrase == l.lead.Phrase {
		return f, true // "…1 天；然后…，一共 8 个工作日": the sum
	}
	if f, ok := chainedLead(text, at, c.cal); ok && f.Phrase == l.lead.Phrase {
		return f, true // "核算5个工作日，之后银行代发还要1个工作日": step after step
	}
	for _, d := range c.cal.Deadlines(text, at) {
		if d.Phrase == l.lead.Phrase {
			return d, true
		}
	}
	if i := strings.Index(text, l.lead.Phrase); i > 0 && l.lead.Phrase != "" {
		if f, ok := c.cal.Lead(text[i:], at); ok && f.Phrase == l.lead.Phrase {
			return f, true // a length read earlier in the text is no lead time ("The 12-month forecast")
		}
	}
	return timeread.Found{}, false
}

func (c *collab) isOffer(e *entry) bool {
	return slices.Contains(c.offers[sideIndex(e.Side)], e)
}

// related reports whether a and b share a term that is not generic.
func (c *collab) related(a, b *entry) bool {
	for _, k := range intersect(a.keys, b.keys) {
		if !c.ws.weak[k] {
			return true
		}
	}
	return false
}

// civilDay numbers t's calendar day, in t's own location, so that dates
// read in the two writers' time zones compare as the writers meant them.
func civilDay(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// youWords address the other side.
var youWords = []string{"you ", "you'", "your ", "你们", "贵方", "您"}

// addressed reports whether clause p speaks to the other side.
func addressed(p string) bool { return says(lower(p), youWords) }

// underWay say that work is already going on: "退货仓扩容在推进", "the
// migration is in progress".
var underWay = []string{"在推进", "推进中", "进行中", "正在", "在做", "in progress", "underway", "under way", "already started"}

// supposeMarks suppose a case: "有新产品的话", "if there are new products".
var supposeMarks = regexp.MustCompile(`(如果|要是|假如)有|有[^，,。；;]{1,12}的话|\bif (there is|there are|there's|you have)\b|\bin case of\b`)

// ownCase reports whether lead item l times work of a case the item names
// itself: one it supposes ("新模具开模要45天，有新产品的话尽早说") or its own
// work already under way ("扩容在推进，改造要3周"). Such a time says nothing
// of a need it shares no words with.
func ownCase(l *entry) bool {
	low := l.lowText()
	return supposeMarks.MatchString(low) || says(low, underWay)
}
