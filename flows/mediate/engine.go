package mediate

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// Build reads both sides' answers and returns the joint proposal: how the
// goals meet, which offer meets which need, which pairs to ask the needing
// side about (with its earlier answers applied), the conflicts between a
// deadline and the other side's lead time with a middle ground built from
// the offers, what stays open, the balance of the exchange, and who
// commits to what by when.
//
// Build is a pure function of its input. Its vocabulary tables are built
// once when the package loads and only read afterwards, so Build needs no
// engine value and is safe for concurrent use.
func Build(in Input) Proposal {
	c := read(in)
	yes, no := decided(in.Decisions)
	matches := c.decide(c.matches(), yes, no)
	guesses := c.candidates(matches, no)
	late, met, stepped := c.conflicts(matches)
	conflicts := slices.DeleteFunc(c.fastTracked(late), func(k clash) bool { return k.need.statement })
	conflicts = c.planned(conflicts, matches)
	matches = c.inTimeMatches(c.clashMatches(matches, conflicts, no), met, no)
	guesses = slices.DeleteFunc(guesses, func(g pairing) bool { return matched(g.offer, g.need, matches) })
	p := Proposal{
		CollabID: in.CollabID, Version: in.Version, Lang: in.Lang, Topic: in.Topic,
		NameA: in.A.Name, NameB: in.B.Name,
		Goals:      c.goals(),
		Matches:    c.shown(matches),
		Candidates: c.shown(guesses),
		Balance:    c.balance(matches, guesses),
	}
	for i := range sides {
		p.Read[i] = Reading{Needs: itemsOf(c.needs[i]), Offers: itemsOf(c.offers[i]), Stated: itemsOf(statements(c.needs[i])), Declines: itemsOf(slices.DeleteFunc(slices.Clone(c.offers[i]), func(o *entry) bool { return !o.refusal }))}
	}
	for _, k := range conflicts {
		p.Conflicts = append(p.Conflicts, c.middle(k, matches))
	}
	p.Balance = p.Balance.withoutPlanned(p.Conflicts)
	p.Open = c.open(matches, guesses, conflicts)
	p.Refused = c.shown(c.refused(c.settled(matches, guesses, conflicts)))
	p.Commitments = c.commitments(matches, conflicts, met, stepped)
	p.Sprints = c.unsized()
	return p
}

// unsized returns the items that count time in sprints while the
// collaboration has no sprint length: their dates wait on one, which the
// proposal asks for.
func (c *collab) unsized() []Item {
	var out []Item
	for i := range sides {
		for _, e := range slices.Concat(c.needs[i], c.offers[i]) {
			if e.sprints != "" {
				out = append(out, e.Item)
			}
		}
	}
	return out
}

// shown turns pairings into the matches people read, with the shared
// words that justify each. Reading those words changes no item, so the
// two halves of the list are read at the same time (see bothSides).
func (c *collab) shown(ps []pairing) []Match {
	out := make([]Match, len(ps))
	bothSides(func(i int) {
		for j := i; j < len(ps); j += 2 {
			m := ps[j]
			out[j] = Match{Need: m.need.Item, Offer: m.offer.Item, Terms: displayTerms(m.need, m.offer, m.shared, c.ws), Confirmed: m.confirmed}
		}
	})
	return out
}

// entry is one need or offer as the engine reads it.
type entry struct {
	Item
	low    string // Text in lower case (see lowText)
	terms  []term
	keys   []string  // distinct term keys, sorted
	weight float64   // the weight of keys
	at     time.Time // when the answer holding it was written
	phr    []phrase  // its English noun phrases (see head.go)
	head   []string  // its Chinese head's concepts (see zhhead.go)
	// inherited is set when it reads the terms of the item before it (see
	// context.go); spanLead when its lead time is a span it offers to
	// work within ("in 5 business days"), not a stated duration.
	inherited, spanLead bool
	waiting             int8 // 0 unread, 1 it waits for what it asks, 2 not (see waits)
	// sprints is the phrase counting sprints it could not date, the
	// collaboration having no sprint length ("in 2 sprints").
	sprints string
	from    *entry // the item it inherits from
	// sequelOf is the item before it in its sentence, when it only gives
	// that item's work another length ("…5 个工作日；用标准模板的，3 个工作日").
	sequelOf *entry
	// refusal is set on an offer that declines what it names (see
	// refusal.go); core holds the keys of what the item is about (core.go).
	refusal bool
	// statement is set on a need that states the side's own work (see
	// statement.go); declined holds the keys an offer declines after
	// offering something (see declinesPart).
	statement bool
	steps     [][2]int // where a statement names the step it waits for, read when first asked for (see stepOnly)
	stepsRead bool
	declined  []string
	core      []string
	record    []string // what the first record it names holds (see recordOf)
	recordQ   []string // and the words that qualify that
	teams     []string // the keys it names only as a team (see teamKeys)
	teamsRead bool
	place     string  // where it puts what it names (see placeOf)
	money     []money // the sums it names (see amount.go)

	rec timeread.Recurrence // see recurrence

	deadline, lead       timeread.Found
	hasDeadline, hasLead bool
	recurs, recRead      bool // whether it recurs, and whether that was read
	// dates are all the deadlines read in dateText, the head of Text, when
	// the item was made, those set aside included: a later step that asks
	// for them all gets them without reading the text again (see datesOf).
	dates    []timeread.Found
	dateText string

	// askAt is where the clause that asks starts (see askingClause);
	// kind the light word that ends the Chinese head's compound (see
	// kindAfterHead); anyHead the head of an English item read as Chinese
	// would be (see conceptsHead). Read once, used for every pair.
	askAt   int
	kind    string
	anyHead []string
	quals   map[string][]string // qualifiers by head, read when first asked for
	marks   *phaseMarks         // markers of a split, read when first asked for
	ban     int8                // 0 unread, 1 forbids changes, 2 does not
	saves   int8                // 0 unread, 1 offers to save time, 2 does not
	anyRead bool
	short   *shortening // the length it shortens a lead time to, read when first asked for (see shortenedOnce)

	quotes                              []string // the words it sets in quotation marks, lower case (see quoted)
	quoteKeys                           []string // their term keys (see quotedKeys)
	acts                                []int    // kinds of work it names, read when first asked for (see actionsOf)
	quotesRead, quoteKeysRead, actsRead bool     // whether each of the three was read

	// parts are the clauses of a need written as several ("我们最急的是退款
	// 流程，现在要走5步，…"), leaving out those that give a reason or the
	// background; nil when it is one clause. See clauses.go.
	parts []*entry
	// askKeys are the keys of the clauses of parts that ask, when some
	// clause of the need only explains it; nil otherwise (see askingKeys).
	askKeys []string

	// strongSig is the set of e's strong keys hashed to 64 bits, read with
	// the weights (sigRead): two items whose sets are apart share no strong
	// key, and are not compared key by key.
	strongSig uint64
	sigRead   bool
	// permission is set when it asks whether something is allowed (see
	// permission.go).
	permission bool
	// strong are the keys of strongOf, e's keys when the weights were
	// read, that are neither generic nor numbers (see strongKeys).
	strong, strongOf []string
}

// collab is the input read into entries, with the term weights of this
// collaboration. Index 0 is side A, 1 side B.
type collab struct {
	cal           timeread.Calendar
	names         [2]string   // the sides' names
	nameLows      [2]string   // the names in lower case, and their keys,
	nameKeys      [2][]string // read once for every pair (see nameOnly)
	nameForms     [2][]string // each name and its short forms, in lower case (see nameHeads)
	needs, offers [2][]*entry
	goal          [2]*entry
	topic         *entry
	ws            weights
	keyCache      map[string][]string               // see keysOf
	fast          map[fastKey]fastRead              // see fastTrack
	goalDated     map[time.Time][3][]timeread.Found // see goalDates
}

var sides = [2]Side{SideA, SideB}

// read splits and analyses every answer of in. The sides' answers are
// read independently of each other, the other side's on a goroutine of
// its own (see bothSides); the weights then need them all.
func read(in Input) *collab {
	c := &collab{cal: in.Calendar, names: [2]string{in.A.Name, in.B.Name}}
	for i, name := range c.names {
		c.nameLows[i], c.nameKeys[i] = lower(strings.TrimSpace(name)), uniqueKeys(termsOf(name))
		c.nameForms[i] = append([]string{c.nameLows[i]}, nameHeads(c.nameLows[i])...)
	}
	parties := [2]Party{in.A, in.B}
	bothSides(func(i int) {
		c.readSide(i, parties[i])
		if i == 0 {
			c.topic = newEntry("", in.Topic, time.Time{}, in.Calendar)
		}
	})
	var docs [][]string
	for i := range sides {
		docs = append(docs, c.goal[i].keys)
		for _, e := range append(append([]*entry(nil), c.needs[i]...), c.offers[i]...) {
			docs = append(docs, e.keys)
		}
	}
	docs = append(docs, c.topic.keys)
	c.ws = newWeights(docs)
	for _, e := range []*entry{c.goal[0], c.goal[1], c.topic} {
		e.strong, e.strongOf = c.ws.strong(e.keys), e.keys // every offer is asked whether it serves a goal
	}
	bothSides(c.readRequests)
	return c
}

// readSide reads the goal, needs and offers of side i, written by p. It
// also reads what the later steps ask of every offer, while the other
// side is read: whether it recurs (every offer that declines nothing is
// committed to by its own time) and how it splits work (every offer is
// asked when a deadline clashes).
func (c *collab) readSide(i int, p Party) {
	c.goal[i] = newEntry(sides[i], p.Goal.Text, time.Time{}, c.cal)
	c.needs[i] = entries(sides[i], p.Needs, c.cal)
	c.offers[i] = entries(sides[i], p.Values, c.cal)
	for _, o := range c.offers[i] {
		o.durationLead()
		o.dropConditionalLead()
		o.refusal = refuses(o.Text)
		o.declined = declinedKeys(o)
		if !o.refusal {
			c.recurrence(o)
		}
		marksOf(o)
	}
}

// readRequests weighs the needs and offers of side i, and reads, for
// each need, the clauses that ask and whether it states the side's own
// work.
func (c *collab) readRequests(i int) {
	for _, e := range slices.Concat(c.needs[i], c.offers[i]) {
		e.weight = c.ws.need(e.keys)
		e.strongSig, e.sigRead = c.ws.strongSig(e.keys), true
		e.strong, e.strongOf = c.ws.strong(e.keys), e.keys
	}
	for j, n := range c.needs[i] {
		if n.from == nil { // an item that leans on the one before is read whole: its clauses alone lack their subject
			n.parts = requestClauses(n)
		}
		n.waiting = waitingOf(n)
		n.statement = isStatement(n) || j+1 < len(c.needs[i]) && reasonFor(n, c.needs[i][j+1])
		n.askKeys = askingKeys(n)
		for _, p := range n.parts {
			p.weight = c.ws.need(p.keys)
			p.strong, p.strongOf = c.ws.strong(p.keys), p.keys
		}
	}
}

// ReadNeeds reads a needs answer as Build does, before the other side
// has answered: the items that ask for something, and those that state
// the side's own work instead (a lead time, a step order), in order.
func ReadNeeds(a Answer, cal timeread.Calendar) (asks, stated []string) {
	for _, e := range entries(SideA, a, cal) {
		if isStatement(e) {
			stated = append(stated, e.Text)
		} else {
			asks = append(asks, e.Text)
		}
	}
	return asks, stated
}

// statements are the needs of ns that state their side's own work.
func statements(ns []*entry) []*entry {
	var out []*entry
	for _, n := range ns {
		if n.statement {
			out = append(out, n)
		}
	}
	return out
}

// bothSides runs read(0) here and read(1) on a goroutine it waits for:
// what one side wrote is read without anything of the other's, so the
// two take one side's time on two cores. A panic on the goroutine is
// raised again here, where the caller can see it.
func bothSides(read func(i int)) {
	var wg sync.WaitGroup
	var failed any
	wg.Go(func() {
		defer func() { failed = recover() }()
		read(1)
	})
	read(0)
	wg.Wait()
	if failed != nil {
		panic(failed)
	}
}

// all lists every need and offer entry.
func (c *collab) all() []*entry {
	n := 0
	for i := range sides {
		n += len(c.needs[i]) + len(c.offers[i])
	}
	out := make([]*entry, 0, n)
	for i := range sides {
		out = append(append(out, c.needs[i]...), c.offers[i]...)
	}
	return out
}

// itemsOf returns the items of es.
func itemsOf(es []*entry) []Item {
	out := make([]Item, len(es))
	for i, e := range es {
		out[i] = e.Item
	}
	return out
}

// entries reads the items of one answer.
func entries(side Side, a Answer, cal timeread.Calendar) []*entry {
	items := Items(a.Text)
	out := make([]*entry, len(items))
	pos := 0 // where the previous item ends in the answer
	for i, text := range items {
		out[i] = newEntry(side, text, a.At, cal)
		at := strings.Index(a.Text[pos:], text)
		if i > 0 && at >= 0 && continues(out[i], a.Text[pos:pos+at]) {
			out[i].inherit(out[i-1])
		}
		if i > 0 && at >= 0 && !strings.ContainsAny(a.Text[pos:pos+at], sentenceEnds) && elliptic(out[i]) {
			out[i].sequelOf = out[i-1]
		}
		if at >= 0 {
			pos += at + len(text)
		}
	}
	return out
}

// maxDateText bounds the text of an item searched for dates: a deadline
// comes with the need it qualifies, not after pages of text, and reading
// dates is the costliest step on a pasted document.
const maxDateText = 2000

// newEntry reads one item: its deadline and lead time against at (when
// at is set), and its terms, leaving out the date phrases. Of several
// deadlines ("双十一之前付清，对方要求11月6日前到账") the earliest of its
// own binds.
func newEntry(side Side, text string, at time.Time, cal timeread.Calendar) *entry {
	e := &entry{Item: Item{Side: side, Text: text}, at: at, low: lower(text)}
	masked := mask{text: text}
	if !at.IsZero() {
		head := prefix(text, maxDateText)
		r := cal.Read(head, at)
		e.dates, e.dateText = r.Deadlines, head
		for _, d := range r.Deadlines {
			masked.blank(d.Phrase)
			if notDue(head, d.Phrase) || eventOnly(head, d.Phrase) || len(r.Deadlines) > 1 && (describes(head, d.Phrase) || conditionDate(head, d.Phrase, r.Deadlines)) || backFromEvent(head, d.Phrase) || covers(head, d.Phrase) || inAside(head, d.Phrase) {
				continue // "节前离职的老员工…2/24 当天就能到岗": the other date is the due one
			}
			first := !e.hasDeadline
			old := e.deadline
			e.deadline, e.hasDeadline = d, true
			if !first && (!ownDate(e) || !hasDigit(d.Phrase) || civilDay(d.Date) >= civilDay(old.Date)) && !namesDayOf(head, old.Phrase, d.Phrase) {
				e.deadline = old // a weekday after a date ("11/20（周五）") only names its day
			}
		}
		e.lead, e.hasLead = r.Lead, r.HasLead
		e.sprints = r.Sprints
		if !e.hasLead && e.hasDeadline && (takesFromNow(head, e.deadline.Phrase) || spanFromStep(head, e.deadline.Phrase)) {
			e.lead, e.hasLead, e.deadline, e.hasDeadline = e.deadline, true, timeread.Found{}, false
		}
		if e.hasLead && kept(head, e.lead.Phrase) { // and what follows it is too: "留存180天，现在只有30天"
			masked.blank(e.lead.Phrase)
			e.lead, e.hasLead = timeread.Found{}, false
		}
		if e.hasLead && (saved(head, e.lead.Phrase) || failed(head, e.lead.Phrase) || notDue(head, e.lead.Phrase) || spanAdjective(head, e.lead.Phrase)) {
			masked.blank(e.lead.Phrase)
			e.lead, e.hasLead = laterLead(head, e.lead, at, cal)
		}
		if f, ok := totalLead(head, at, cal); ok {
			e.lead, e.hasLead = f, true
		} else if e.hasLead {
			if f, ok := chainedFrom(head, r.Lead, r.HasLead, at, cal); ok && strings.HasPrefix(f.Phrase, e.lead.Phrase) {
				masked.blank(e.lead.Phrase) // the steps between the durations keep their words
				e.lead = f
			}
		}
		masked.blank(e.lead.Phrase)
	}
	masked.blank(interjection(text))
	plain := masked.String()
	e.terms = goneOverWith(plain, expertPersons(plain, sentPersons(plain, termsOf(plain))))
	e.keys = uniqueKeys(e.terms)
	e.phr = phrases(e)
	e.readHeads()
	e.core = coreOf(e)
	e.permission = asksPermission(e)
	e.record, e.recordQ = recordOf(e)
	e.place = placeOf(text)
	e.money = amounts(text)
	return e
}

// conditionDate reports whether phrase dates the condition an item sets
// ("如果这周拿到 token JSON，全量迁移 2 个迭代能做完", "if the list is in by
// Friday, the badges take 3 days") while another of its dates, ds, stands
// outside every condition: that one dates the item's own work.
func conditionDate(text, phrase string, ds []timeread.Found) bool {
	return inIfClause(text, phrase) && slices.ContainsFunc(ds, func(d timeread.Found) bool { return !inIfClause(text, d.Phrase) })
}

// inIfClause reports whether phrase stands in a clause of text that
// sets a condition: after an if-mark of its clause, or before 的话.
func inIfClause(text, phrase string) bool {
	cl := clauseOf(text, phrase)
	before, after, ok := strings.Cut(lower(cl), lower(phrase))
	return ok && (says(before, ifMarks) || strings.Contains(after, "的话"))
}

// interjections open an answer to flag what follows ("Heads up, we run a
// skeleton crew"): they announce, they offer no notice themselves.
var interjections = []string{"heads up", "heads-up", "fyi", "btw", "just so you know", "just a heads up", "提醒一下", "先说一下", "顺便说一下"}

// interjection returns the interjection text opens with, followed by a
// comma or colon, or "".
func interjection(text string) string {
	t := strings.TrimLeft(text, " -•*")
	low := lower(t)
	for _, w := range interjections {
		if rest, ok := strings.CutPrefix(low, w); ok && strings.IndexAny(rest, ",，:：!！") == 0 {
			return t[:len(w)]
		}
	}
	return ""
}

// backFromEvent reports whether limit phrase counts back from an event
// named right before it ("出货前 5 天内订单不能再改"), not on from today.
func backFromEvent(text, phrase string) bool {
	i := strings.Index(text, phrase)
	return i > 0 && isSpan(phrase) && eventBefore(strings.TrimRight(text[:i], " "))
}

// covers reports whether period phrase names what the noun after it
// covers, not when it is due: a month, quarter or year before 的 or 's
// ("9-10月的活动排期表", "this year's numbers").
func covers(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 || strings.ContainsAny(phrase, "日号底末初中旬前内") || !slices.ContainsFunc([]string{"月", "月份", "季度", "年", "year", "quarter", "month"}, func(w string) bool { return strings.HasSuffix(lower(phrase), w) }) && !bareQuarter.MatchString(phrase) {
		return false
	}
	after := text[i+len(phrase):]
	return strings.HasPrefix(after, "的") && isHan(firstRune(after[len("的"):])) || hasAnyPrefix(after, []string{"'s ", "’s "})
}

// inAside reports whether phrase stands inside brackets after words of
// their own that set no limit ("Account scoring (propensity to buy in the
// next 90 days)"): the aside describes the thing; "(by Friday)", "(due
// 3/4)", "(ready 12/7)" and "（周五）" still date it.
func inAside(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 {
		return false
	}
	open := strings.LastIndexAny(text[:i], "(（")
	if open < 0 || strings.ContainsAny(text[open:i], ")）") {
		return false
	}
	inside, low := lower(strings.TrimSpace(text[open+utf8.RuneLen(firstRune(text[open:])):i])), lower(phrase)
	limit := func(w string) bool { return strings.HasSuffix(inside, w) || strings.HasPrefix(low, w+" ") }
	return inside != "" && !slices.ContainsFunc(slices.Concat(limitBefore, readyWords), limit) && !slices.ContainsFunc(limitAfter, func(w string) bool { return strings.HasSuffix(low, w) })
}

// readyWords, before a date in brackets, say when the thing is had:
// "comp calculator spreadsheet (ready 12/7)" is due on 12/7.
var readyWords = []string{"ready", "ready on", "ready by", "available", "available on", "eta", "ships", "lands", "live", "done", "交付", "到货", "可用", "上线"}

// namesDayOf reports whether weekday phrase day stands right before date
// phrase date in text, a part of the day at most between them: "rewired
// Tuesday night Oct 13" is done on Oct 13, which the weekday only names.
func namesDayOf(text, day, date string) bool {
	i := strings.Index(text, day)
	if i < 0 || !weekdays[lower(day)] || !hasDigit(date) {
		return false
	}
	between, _, ok := strings.Cut(text[i+len(day):], date)
	words := strings.Fields(lower(between))
	if !ok || len(words) > 1 {
		return false
	}
	part := ""
	if len(words) == 1 {
		part = strings.Trim(words[0], ",")
	}
	return slices.Contains([]string{"", "morning", "afternoon", "evening", "night"}, part)
}

// laterLead reads the lead time stated after phrase f, the first one
// read, which is not one ("从两周压到一周": the new length is).
func laterLead(text string, f timeread.Found, at time.Time, cal timeread.Calendar) (timeread.Found, bool) {
	i := strings.Index(text, f.Phrase)
	if i < 0 || f.Phrase == "" {
		return timeread.Found{}, false
	}
	rest := text[i+len(f.Phrase):]
	if g, ok := cal.Lead(rest, at); ok && !notDue(rest, g.Phrase) {
		return g, true
	}
	return timeread.Found{}, false
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// spanAdjective reports whether phrase is a hyphenated length that
// qualifies the noun after it ("The 12-month usage forecast"), a length
// after "for" (see spanFor), or the length of one event (see
// eventLength): how far a thing reaches or how long it lasts, not how
// long work on it takes.
func spanAdjective(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i >= 0 && (eventLength(strings.TrimRight(text[:i], " "), strings.TrimLeft(text[i+len(phrase):], " ")) || spanFor(lower(text[:i]))) {
		return true
	}
	if i < 0 || !strings.Contains(phrase, "-") || strings.IndexFunc(phrase, isHan) >= 0 {
		return false
	}
	after := text[i+len(phrase):]
	if !strings.HasPrefix(after, " ") || len(after) < 2 || !unicode.IsLetter(rune(after[1])) || spent(text, phrase) {
		return false
	}
	noun, _, _ := strings.Cut(lower(after[1:]), " ")
	return !timeNouns[strings.TrimRight(noun, ".,;:)")]
}

// eventLength reports whether a Chinese length between before and after
// is how long one event lasts: "做一次2小时的培训", "一场半天的工作坊".
func eventLength(before, after string) bool {
	return strings.HasPrefix(after, "的") && slices.ContainsFunc([]string{"一次", "一场", "一节", "一堂", "一期"}, func(w string) bool { return strings.HasSuffix(before, w) })
}

// waitWords before "for" make the length after it a wait: "blocked for 3
// days".
var waitWords = set("wait", "waits", "waiting", "waited", "blocked", "closed", "out", "away", "offline", "down", "paused", "on hold", "delayed")

// spanFor reports whether before, the lower-case text before an English
// length, ends in "for" after a thing: "the usage forecast for 12 months",
// "the room for 2 weeks" say how far the thing reaches or how long it is
// used, not how long work on it takes.
func spanFor(before string) bool {
	rest, ok := strings.CutSuffix(strings.TrimRight(before, " "), " for")
	if !ok {
		return false
	}
	f := strings.Fields(rest)
	return len(f) > 0 && !waitWords[f[len(f)-1]]
}

// timeNouns are themselves a time a length can qualify: a "24-hour
// turnaround" is how long the work takes.
var timeNouns = set("turnaround", "turnarounds", "response", "sla", "window", "delay", "wait", "notice", "lead", "cycle", "build", "review", "process")

// savedWords say that the duration after them is saved, not spent:
// "skips the 3-day build", "能省2个工作日", "调试能少 2 天", "3 business days
// instead of 5".
var savedWords = []string{"skip", "skips", "skipping", "save", "saves", "saving", "instead of", "省", "省掉", "省下", "跳过", "少用", "能少", "可以少", "可少"}

// saved reports whether phrase in text is a duration saved.
func saved(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 {
		return false
	}
	before := lower(strings.TrimRight(text[max(0, i-16):i], " "))
	before = strings.TrimSuffix(strings.TrimSuffix(before, " the"), " a")
	return slices.ContainsFunc(savedWords, func(w string) bool { return strings.HasSuffix(before, w) })
}

// totalMarks introduce the sum of the steps listed before: "订车要 2 个工作
// 日，…再 5 个工作日，前后按 7 个工作日算", "3 days to build, 2 to test, 5
// days in total". The sum is the lead time.
var totalMarks = []string{"前后按", "前后", "一共", "总共", "合计", "加起来", "in total", "altogether", "all told", "total of"}

// totalLead reads the lead time a total marker introduces in text.
func totalLead(text string, at time.Time, cal timeread.Calendar) (timeread.Found, bool) {
	low := lower(text)
	for _, m := range totalMarks {
		i := strings.Index(low, m)
		if i < 0 {
			continue
		}
		if f, ok := cal.Lead(text[i:], at); ok {
			return f, true
		}
		if !isHanWord(m) { // "5 days in total": the sum stands before the marker
			if f, ok := cal.Lead(suffix(text[:i], 24), at); ok {
				return f, true
			}
		}
	}
	return timeread.Found{}, false
}

// failed reports whether phrase in text is how long something went
// without result ("来回一周都问不清楚", "两周也没回"): a complaint, not the
// time a piece of work takes.
func failed(text, phrase string) bool {
	i := strings.Index(text, phrase)
	if i < 0 {
		return false
	}
	after := prefix(text[i+len(phrase):], 18)
	return (strings.HasPrefix(after, "都") || strings.HasPrefix(after, "也")) && strings.ContainsAny(after, "不没")
}

// durationLead makes an offer's deadline that is a span of work ("stood
// up in 5 business days", "3个工作日内审完") its lead time too, when it
// states none: what a side offers to do within a span takes that span.
func (e *entry) durationLead() {
	if e.hasLead || !e.hasDeadline || !isSpan(e.deadline.Phrase) {
		return
	}
	switch {
	case ownDate(e) && !awaitsInput(e):
		e.lead, e.hasLead, e.spanLead = e.deadline, true, true
	case fromInput(e) || awaitsInput(e): // no promise of a date: how long the work takes, for any need it is about
		e.lead, e.hasLead = e.deadline, true
	}
}

// receiveWords say, in a condition, that the side gets what it works on:
// "如果这周拿到 token JSON", "if we get the floor plan".
var receiveWords = []string{"收到", "拿到", "接到", "if we get", "if we have", "if we receive", "once we get", "once we have"}

// awaitsInput reports whether e's span is offered on the condition that
// the side receives its input ("如果这周拿到 token JSON，全量迁移 we can do
// in 2 sprints"): like a span from the input's receipt, it is how long the
// work takes once the input is in.
func awaitsInput(e *entry) bool {
	return slices.ContainsFunc(conditionClauses(e), func(cl string) bool { return says(lower(cl), receiveWords) })
}

// fromInput reports whether e's deadline, a span, counts from the input
// its work receives ("turns tests around in 7 business days from sample
// receipt"): it is not by when, but still how long the work takes once
// the input is in, a lead time that waits for that step.
func fromInput(e *entry) bool {
	_, after, ok := strings.Cut(e.low, lower(e.deadline.Phrase))
	after = strings.TrimSpace(after)
	return ok && strings.HasPrefix(after, "from ") && !strings.HasPrefix(after, "from today") && !strings.HasPrefix(after, "from now")
}

// spanWords say that a phrase counts a span of time.
var spanWords = []string{"day", "week", "month", "hour", "sprint", "天", "周", "星期", "工作日", "个月", "小时", "迭代", "冲刺"}

// dayNames hold "day" without counting days: "by Friday Jan 22" names a
// date, not a span.
var dayNames = strings.NewReplacer("monday", "", "tuesday", "", "wednesday", "", "thursday", "", "friday", "",
	"saturday", "", "sunday", "", "today", "", "yesterday", "", "holiday", "", "birthday", "",
	"星期一", "", "星期二", "", "星期三", "", "星期四", "", "星期五", "", "星期六", "", "星期日", "", "星期天", "",
	"周一", "", "周二", "", "周三", "", "周四", "", "周五", "", "周六", "", "周日", "", "周天", "") // "周三" names a day, not a span of weeks

func isSpan(phrase string) bool {
	low := dayNames.Replace(lower(phrase))
	return strings.IndexFunc(low, func(r rune) bool {
		return r >= '0' && r <= '9' || strings.ContainsRune("一二两三四五六七八九十半", r)
	}) >= 0 &&
		says(low, spanWords)
}

// mask is a text with phrases blanked out, copied once, on the first
// phrase blanked: a long item with many dates is not copied for each.
type mask struct {
	text    string
	blanked []byte // text with the phrases blanked; nil until one is
}

// blank replaces the first occurrence of phrase by spaces of the same
// byte length, so that term positions still point into the original text.
func (m *mask) blank(phrase string) {
	if phrase == "" {
		return
	}
	if m.blanked == nil {
		i := strings.Index(m.text, phrase)
		if i < 0 {
			return
		}
		m.blanked = []byte(m.text)
		fillSpaces(m.blanked[i : i+len(phrase)])
		return
	}
	if i := bytes.Index(m.blanked, []byte(phrase)); i >= 0 {
		fillSpaces(m.blanked[i : i+len(phrase)])
	}
}

func fillSpaces(b []byte) {
	for i := range b {
		b[i] = ' '
	}
}

// String returns the text with the phrases blanked.
func (m *mask) String() string {
	if m.blanked == nil {
		return m.text
	}
	return string(m.blanked)
}

// suffix returns at most the last n bytes of s, cut at a character
// boundary.
func suffix(s string, n int) string {
	i := max(0, len(s)-n)
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// prefix returns at most n bytes of s, cut at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
