package mediate

import (
	"slices"
	"strings"

	"github.com/collabbot/collabbot/flows/timeread"
)

// pairing is a need, an offer of the other side that meets it, and the
// term keys they share.
type pairing struct {
	need, offer *entry
	shared      []string
	confirmed   bool // the needing side said yes to it
}

// matches pairs every need with each offer of the other side that meets
// it, side A's needs first, each in the order typed. The sides' needs are
// weighed at the same time (see bothSides): side A's needs and side B's
// offers share no item with side B's needs and side A's offers.
func (c *collab) matches() []pairing {
	var found [2][]pairing
	bothSides(func(i int) {
		for _, n := range c.needs[i] {
			for _, o := range c.offers[1-i] {
				shared, ok := c.meets(n, o)
				if p := (pairing{need: n, offer: o, shared: shared}); ok && !c.slotOnly(n, o) && c.evidenced(p) {
					found[i] = append(found[i], p)
				}
			}
		}
	})
	return headOnlyElsewhere(c.outranked(append(found[0], found[1]...), c.offers))
}

// meets reports whether offer o meets need n as a whole or in one of the
// clauses that ask for something, with the keys they share; or o says how
// long the work n asks for by a date will take ("Mold supplier quotes 6
// weeks for the housing mold" for "housing mold ready by April 9"): an
// offer of that work, whether or not it is in time.
func (c *collab) meets(n, o *entry) ([]string, bool) {
	if q := sharedQuote(n, o); q != "" {
		if keys := intersect(uniqueKeys(termsOf(q)), n.keys); len(keys) > 0 {
			return keys, true // "想写“0 利率”" ← "不能说成“0 利率”，可以写…": the very words asked about
		}
	}
	if sigsApart(n, o) || !c.shareStrong(n, o) || c.nameOnly(n, o) {
		return nil, false // no word of weight in common: no test below can pass (see meetsAsked)
	}
	if o.refusal && !grants(n, o) || partial(n, o) || c.declinesPart(n, o) || noticeUnsaid(n, o) || formatUnsaid(n, o) || c.breakdownUnsaid(n, o) || conformUnmet(n, o) || banUnmet(n, o) || c.recordsApart(n, o) || c.servesAsker(n, o) {
		return nil, false
	}
	asked := o
	if who := slices.Concat(c.partiesShared(n, o), c.actingTeams(n, o)); len(who) > 0 {
		cut := *o // the same offer, read without who it is for or by
		cut.keys = slices.DeleteFunc(slices.Clone(o.keys), func(k string) bool { return slices.Contains(who, k) })
		asked = &cut
	}
	shared, ok := c.meetsAsked(c.withoutOfferer(n, asked), asked)
	if ok && (c.stepOnly(n, o) || c.placedOnly(n, o) || c.agesApart(n, o) || c.frontedOnly(n, o) || c.offersRejected(n, o) || c.onlyWhereNot(n, o)) {
		return nil, false // what they share is only the step waited for, or where both happen
	}
	return shared, ok
}

// frontedOnly reports whether all that need n shares with offer o stands
// in the phrase of purpose or place n opens with ("For the big screen on
// the back wall we need a loop video" and "back wall can jump the queue"):
// where the thing goes is not the thing.
func (c *collab) frontedOnly(n, o *entry) bool {
	cut := frontedEnd(n.lowText())
	if cut == 0 {
		return false
	}
	strong := c.strongShared(n, o)
	return len(strong) > 0 && !slices.ContainsFunc(n.terms, func(t term) bool { return t.start >= cut && slices.Contains(strong, t.key) })
}

// turnDownMarks hold a clause that turns a thing down: "手工导出的不行",
// "a PDF won't do", "screenshots are not enough".
var turnDownMarks = []string{"的不行", "的不算", "won't do", "will not do", "doesn't work", "does not work", "not enough", "isn't enough", "is not enough", "no good"}

// offersRejected reports whether offer o holds a strong key that need n
// names only in a clause turning that thing down ("需要客服系统的API权限，
// …，手工导出的不行" and "后台的导出权限可以开给数据组"): o gives what n
// refuses.
func (c *collab) offersRejected(n, o *entry) bool {
	if !says(n.lowText(), turnDownMarks) {
		return false
	}
	rejected, rest := clauseKeys(n, func(cl string) bool { return says(lower(cl), turnDownMarks) })
	return slices.ContainsFunc(c.strongShared(n, o), func(k string) bool { return rejected[k] && !rest[k] })
}

// onlyWhereNot reports whether all that need n and offer o share of weight
// stands where o declines it ("科目调整的事不在我们这，…我们可以帮你们准备材料"
// gives the materials, not the adjustment), unless n asks that something
// not be done, which a "we won't" keeps.
func (c *collab) onlyWhereNot(n, o *entry) bool {
	if !refusing(o.Text) {
		return false // most offers decline nothing
	}
	strong := c.strongShared(n, o)
	if forbidsSomething(n.Text) || bansChange(n) || slices.Contains(n.keys, "#freeze") {
		return false // "we won't request any other system changes" keeps "a freeze on other changes"
	}
	return len(strong) > 0 && keysOnlyIn(o, declining, strong)
}

// declining reports whether clause declines something, not on a condition
// ("If something can't be fixed in time there's an exception process": the
// can't says when the process applies).
func declining(clause string) bool {
	return refusing(clause) && !conditional(clause) && !says(lower(clause), []string{"万一", "unless ", "in case "})
}

// keysOnlyIn reports whether each of keys stands in e only in clauses for
// which in holds, and at least one such clause exists.
func keysOnlyIn(e *entry, in func(string) bool, keys []string) bool {
	inside, outside := clauseKeys(e, in)
	return len(inside) > 0 && !slices.ContainsFunc(keys, func(k string) bool { return !inside[k] || outside[k] })
}

// clauseKeys returns the keys of e's clauses for which in holds, and those
// of the others.
func clauseKeys(e *entry, in func(string) bool) (inside, outside map[string]bool) {
	inside, outside = map[string]bool{}, map[string]bool{}
	for _, cl := range strings.FieldsFunc(e.Text, isClauseMark) {
		set := outside
		if in(cl) {
			set = inside
		}
		for _, t := range termsOf(cl) {
			set[t.key] = true
		}
	}
	return inside, outside
}

// newMarks and oldMarks say which of two of a thing an item means: the
// new floor's network is not the old building's.
var (
	newMarks = []string{"新", "new ", "upcoming "}
	oldMarks = []string{"旧", "原来的", "原有", "老的", "old ", "former ", "previous "}
)

// agesApart reports whether every strong key need n shares with offer o
// is called new in the one and old in the other ("新楼层网络 5/8 前要通"
// and "旧楼的网络保留到 5/15").
func (c *collab) agesApart(n, o *entry) bool {
	if !aged(n) || !aged(o) {
		return false // most items call nothing new or old
	}
	strong := c.strongShared(n, o)
	return len(strong) > 0 && !slices.ContainsFunc(strong, func(k string) bool {
		a, b := ageOf(n, k), ageOf(o, k)
		return a == 0 || b == 0 || a == b
	})
}

// aged reports whether e holds a mark of new or old at all.
func aged(e *entry) bool {
	low := e.lowText()
	return says(low, newMarks) || says(low, oldMarks)
}

// ageOf returns 1 when e calls the thing of key k new, -1 when old, 0
// when neither: a mark in the few characters or words before it.
func ageOf(e *entry, k string) int {
	t, ok := firstTerm(e.terms, k)
	if !ok {
		return 0
	}
	before := lower(e.Text[max(0, t.start-20):t.start])
	for _, w := range []string{"更新", "重新", "创新", "最新"} { // renewed, not new
		before = strings.ReplaceAll(before, w, " ")
	}
	if i := strings.LastIndexFunc(before, isClauseMark); i >= 0 {
		before = before[i+1:]
	}
	switch {
	case says(before, oldMarks):
		return -1
	case says(before, newMarks):
		return 1
	}
	return 0
}

// meetsAsked is meets for any offer, refusals included: whether o names
// what n asks for.
func (c *collab) meetsAsked(n, o *entry) ([]string, bool) {
	if !c.shareStrong(n, o) || opposed(n, o) {
		return nil, false // a clause shares no more than the whole need
	}
	whole := !c.headless(n, o) || personFrom(n, o)
	if shared, ok := c.ws.meets(n, o); whole && ok && !c.leansOnReasons(n, o) {
		return shared, true
	}
	for i, p := range n.parts {
		if !asks(p.Text) && (i > 0 || n.askAt > 0) || i > 0 && takesOnly(n, p) {
			continue // a clause that asks nothing, after or before one that asks, explains the need
		}
		// a head the whole need qualifies apart from the offer's ("销售反馈
		// 线索质量，无效线索要标原因" and the leads marketing hands over) is
		// not met through one clause that names it bare
		if shared, ok := c.ws.meets(p, o); ok && !c.headless(p, o) && !offTopic(n, i, o) && !sameHeadApart(n, o) && !deniesNothing(p, o) {
			return shared, true
		}
	}
	if about, ok := c.learnsFrom(n, o); ok {
		return about, true
	}
	if (whole || c.workOf(n, o) || holdsAnyKey(n.core, c.strongShared(n, o))) && n.hasDeadline && o.hasLead && !o.spanLead && !inReason(o.Text, o.lead.Phrase) && !headsDisagree(n, o) {
		strong := c.strongShared(n, o)
		if slices.ContainsFunc(strong, func(k string) bool { return k[0] == '#' && c.ws.w[k] >= minHead }) {
			return strong, true
		}
	}
	return nil, false
}

// takesOnly reports whether clause p of need n only says how long
// something takes ("Amazon 审核要 5-7 天"): it holds n's lead time and not
// its deadline, and its 要 is a length, not an ask.
func takesOnly(n, p *entry) bool {
	holds := func(f timeread.Found) bool { return f.Phrase != "" && strings.Contains(p.Text, f.Phrase) }
	if !n.hasLead || !holds(n.lead) || n.hasDeadline && holds(n.deadline) || advance(n) || says(lower(p.Text), strongAsks) {
		return false
	}
	before, _, _ := strings.Cut(p.Text, n.lead.Phrase)
	return !says(lower(before), fromMarks) // "拿到标注样本后…要 10 个工作日" names what it waits for: that is asked
}

// fromMarks say that a length counts from a step: what the step hands over is asked for.
var fromMarks = []string{"后", "之后", "以后", "after ", "once ", "from "}

// strongAsks ask whatever follows them; 要 alone may say a length.
var strongAsks = []string{"需要", "希望", "请", "麻烦", "need", "want", "please"}

// noticeUnsaid reports whether need asks for a thing a stated time ahead
// of something ("flagged at least 5 business days before signature",
// "提前三天发") and offer gives the thing with no time at all: whether it
// comes early enough is for the needing side to say, so it is asked.
func noticeUnsaid(n, o *entry) bool {
	return advance(n) && !o.hasLead && !o.hasDeadline
}

// formats name the form a file is handed over in.
var formats = []string{"#editable", "#scan"}

// formatUnsaid reports whether need asks for a thing in a stated form
// ("customer paper in editable Word, not PDF") and offer gives the thing
// without saying in which: whether it comes in that form is for the
// needing side to say, so it is asked. A need for the form itself (a scan
// of the contracts) is about the form, not qualified by it; a form named
// in another clause than the one that asks is not the form asked for.
func formatUnsaid(n, o *entry) bool {
	unsaid := func(f string) bool {
		return slices.Contains(n.keys, f) && !slices.Contains(n.core, f) && !slices.Contains(n.head, f) && !slices.Contains(o.keys, f)
	}
	if !slices.ContainsFunc(formats, unsaid) {
		return false
	}
	ask := askingPart(n) // "…should live in the CLM, people keep sending PDFs by email": the PDFs are the complaint
	return slices.ContainsFunc(formats, func(f string) bool { return unsaid(f) && slices.Contains(ask.keys, f) })
}

// breakdowns name the period figures are broken down by: "按渠道、按天",
// "spend per day". Finest first.
var breakdowns = []struct {
	unit  timeread.Unit
	words []string
}{
	{timeread.Daily, []string{"按天", "按日", "分天", "逐日", "by day", "per day", "daily breakdown", "day by day"}},
	{timeread.Weekly, []string{"按周", "分周", "逐周", "by week", "per week", "weekly breakdown", "week by week"}},
}

// breakdownOf returns the period low (lower case) breaks figures down by.
func breakdownOf(low string) (timeread.Unit, bool) {
	for _, b := range breakdowns {
		if says(low, b.words) {
			return b.unit, true
		}
	}
	return "", false
}

// breakdownUnsaid reports whether need asks for figures by a period
// ("投放花费数据，按渠道、按天") and offer comes on a coarser cadence without
// saying by which ("花费表每月初更新一次"): whether a monthly sheet holds
// daily figures is for the needing side to say, so it is asked.
func (c *collab) breakdownUnsaid(n, o *entry) bool {
	unit, ok := breakdownOf(n.lowText())
	if !ok {
		return false
	}
	if _, said := breakdownOf(o.lowText()); said {
		return false
	}
	r, recurs := c.recurrence(o)
	return recurs && coarser(r.Every, unit)
}

// coarser reports whether cadence a spans more time than b.
func coarser(a, b timeread.Unit) bool {
	return cadenceRank(a) > cadenceRank(b) && cadenceRank(b) > 0
}

// cadenceRank ranks the cadences by the time they span, 0 for another unit.
func cadenceRank(u timeread.Unit) int {
	switch u {
	case timeread.Daily:
		return 1
	case timeread.Weekly:
		return 2
	case timeread.Monthly:
		return 3
	}
	return 0
}

// advance reports whether e's lead time is notice given ahead of an event
// ("5 business days before the start date", "10 business days' notice").
func advance(e *entry) bool {
	if !e.hasLead || e.lead.Phrase == "" {
		return false
	}
	i := strings.Index(e.Text, e.lead.Phrase)
	if i < 0 {
		return false
	}
	after := lower(strings.TrimLeft(e.Text[i+len(e.lead.Phrase):], " "))
	before := strings.TrimRight(e.Text[:i], " ")
	return strings.HasSuffix(before, "提前") || hasAnyPrefix(after, []string{"before", "ahead", "prior", "' notice", "’ notice", "'s notice", "’s notice", "notice", "of notice", "advance notice"})
}

// eventBefore reports whether Chinese text ends in an event and 前, which
// a duration right after counts back from: "上播前48小时", "上线之前3天".
// A date before 前 ("9月30日前") is a limit, not an event.
func eventBefore(before string) bool {
	for _, m := range []string{"之前", "以前", "前"} {
		if ev, ok := strings.CutSuffix(before, m); ok {
			r := lastRune(ev)
			return isHan(r) && !strings.ContainsRune("日号月年天周底初中内后", r)
		}
	}
	return false
}

// balance lists the offers of each side that meet a need of the other,
// those that meet none but serve the other side's goal (credited: they
// were not asked for, but they help), and the rest. A side that gives
// several things and receives nothing is lopsided, unless it asked for nothing
// itself (an exchange where one side only asks is a service, not an
// unfair trade) or the proposal asks whether an offer covers one of its
// needs (that answer is still to come).
func (c *collab) balance(ms, guesses []pairing) Balance {
	used := map[*entry]bool{}
	for _, m := range ms {
		used[m.offer] = true
	}
	var given, forGoal, also [2][]Item
	for i := range sides {
		for _, o := range c.offers[i] {
			switch {
			case o.refusal && !used[o]: // a "no" is no value offered
			case used[o]:
				given[i] = append(given[i], o.Item)
			case c.servesGoal(o, c.goal[1-i]):
				forGoal[i] = append(forGoal[i], o.Item)
			default:
				also[i] = append(also[i], o.Item)
			}
		}
	}
	b := Balance{AGivesB: given[0], BGivesA: given[1], AlsoA: also[0], AlsoB: also[1], ForGoalA: forGoal[0], ForGoalB: forGoal[1]}
	a, bb := len(given[0])+len(forGoal[0]), len(given[1])+len(forGoal[1])
	switch {
	case lopsided(a, bb) && c.waitsForNothing(0, guesses):
		b.Lopsided = SideA
	case lopsided(bb, a) && c.waitsForNothing(1, guesses):
		b.Lopsided = SideB
	}
	return b
}

// waitsForNothing reports whether side i asked for something (a need
// that is no statement of its own work) and no candidate offer for one
// of its needs is being asked about.
func (c *collab) waitsForNothing(i int, guesses []pairing) bool {
	asked := slices.ContainsFunc(c.needs[i], func(n *entry) bool { return !n.statement })
	pending := slices.ContainsFunc(guesses, func(g pairing) bool { return g.need.Side == sides[i] })
	return asked && !pending
}

// withoutPlanned drops from the offers shown as "also offered" those the
// middle ground already uses: a clash's lead time, the parts it is split
// into, what can be had by its deadline, what helps close it. Listing
// them again as unused would say the bot did not read them.
func (b Balance) withoutPlanned(cs []Conflict) Balance {
	used := map[Item]bool{}
	for _, cf := range cs {
		used[cf.Lead] = true
		for _, it := range slices.Concat(cf.ByDeadline, cf.Helps) {
			used[it] = true
		}
		for _, p := range cf.Phases {
			used[p.From] = true
		}
	}
	drop := func(is []Item) []Item { return slices.DeleteFunc(is, func(it Item) bool { return used[it] }) }
	b.AlsoA, b.AlsoB = drop(b.AlsoA), drop(b.AlsoB)
	return b
}

// servesGoal reports whether offer o serves goal g: they share a concept
// of the lexicon or two meaningful words, beyond the words of the topic
// (the theme everything in the collaboration shares).
func (c *collab) servesGoal(o, g *entry) bool {
	strong := slices.DeleteFunc(c.strongShared(o, g), func(k string) bool { return slices.Contains(c.topic.keys, k) })
	return len(strong) >= 2 || slices.ContainsFunc(strong, func(k string) bool { return k[0] == '#' })
}

// lopsided reports whether a side that gives n offers the other asked for
// while receiving m is clearly short-changed: several things for nothing.
// Anything less is a judgement the sides make themselves; a warning on a
// near balance reads as blame on a side that gave what it could.
func lopsided(n, m int) bool {
	return n >= 2 && m == 0
}

// open lists the needs that no offer meets and no candidate may meet,
// except those a conflict already deals with: a need with a deadline in
// conflict, and a need that states the lead time of a conflict (a
// constraint, not a request).
func (c *collab) open(ms, guesses []pairing, ks []clash) []Item {
	settled := c.settled(ms, guesses, ks)
	var out []Item
	for i := range sides {
		for _, n := range c.needs[i] {
			if !settled[n] && !n.statement { // a statement left unmet is context, not a gap
				out = append(out, n.Item)
			}
		}
	}
	return out
}

// settled marks the needs (and lead times) a match, a candidate or a
// conflict accounts for.
func (c *collab) settled(ms, guesses []pairing, ks []clash) map[*entry]bool {
	settled := map[*entry]bool{}
	for _, m := range slices.Concat(ms, guesses) {
		settled[m.need] = true
	}
	for _, k := range ks {
		settled[k.need], settled[k.lead] = true, true
	}
	return settled
}

// goals shows the company goal, each side's goal, and the clause of each
// goal that says what it serves ("支撑明年三条新产品线的人手", "to protect
// user trust"), when the goal says so.
func (c *collab) goals() Goals {
	return Goals{
		Company: c.topic.Text, A: c.goal[0].Text, B: c.goal[1].Text,
		AServes: serves(c.goal[0].Text), BServes: serves(c.goal[1].Text),
	}
}
