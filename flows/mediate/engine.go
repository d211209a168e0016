package mediate

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// Build reads both sides' answers and returns the joint proposal: how the
// goals meet, which offer meets which need, the conflicts between a
// deadline and the other side's lead time, what stays open, the balance of
// the exchange, and who commits to what by when.
//
// Build is a pure function of its input. Its vocabulary tables are built
// once when the package loads and only read afterwards, so Build needs no
// engine value and is safe for concurrent use.
func Build(in Input) Proposal {
	c := read(in)
	yes, no := decided(in.Decisions)
	matches := c.decide(c.matches(), yes, no)
	guesses := c.candidates(matches, no)
	conflicts := c.conflicts(matches)
	p := Proposal{
		CollabID: in.CollabID, Version: in.Version, Lang: in.Lang, Topic: in.Topic,
		NameA: in.A.Name, NameB: in.B.Name,
		Goals:      c.goals(),
		Matches:    c.shown(matches),
		Candidates: c.shown(guesses),
		Balance:    c.balance(matches),
	}
	for i := range sides {
		p.Read[i] = Reading{Needs: itemsOf(c.needs[i]), Offers: itemsOf(c.offers[i])}
	}
	for _, k := range conflicts {
		p.Conflicts = append(p.Conflicts, c.middle(k, matches))
	}
	p.Open = c.open(matches, guesses, conflicts)
	p.Commitments = c.commitments(matches, conflicts)
	return p
}

// shown turns pairings into the matches people read, with the shared
// words that justify each.
func (c *collab) shown(ps []pairing) []Match {
	out := make([]Match, 0, len(ps))
	for _, m := range ps {
		out = append(out, Match{Need: m.need.Item, Offer: m.offer.Item, Terms: displayTerms(m.need, m.offer, m.shared, c.ws), Confirmed: m.confirmed})
	}
	return out
}

// entry is one need or offer as the engine reads it.
type entry struct {
	Item
	terms  []term
	keys   []string  // distinct term keys, sorted
	weight float64   // the weight of keys
	at     time.Time // when the answer holding it was written
	phr    []phrase  // its English noun phrases (see head.go)
	head   []string  // its Chinese head's concepts (see zhhead.go)

	deadline, lead       timeread.Found
	hasDeadline, hasLead bool

	// parts are the clauses of a need written as several ("我们最急的是退款
	// 流程，现在要走5步，…"), leaving out those that give a reason or the
	// background; nil when it is one clause. See clauses.go.
	parts []*entry
}

// collab is the input read into entries, with the term weights of this
// collaboration. Index 0 is side A, 1 side B.
type collab struct {
	cal           timeread.Calendar
	needs, offers [2][]*entry
	goal          [2]*entry
	topic         *entry
	ws            weights
	keyCache      map[string][]string // see keysOf
}

var sides = [2]Side{SideA, SideB}

// read splits and analyses every answer of in.
func read(in Input) *collab {
	c := &collab{cal: in.Calendar, topic: newEntry("", in.Topic, time.Time{}, in.Calendar)}
	var docs [][]string
	for i, p := range [2]Party{in.A, in.B} {
		c.goal[i] = newEntry(sides[i], p.Goal.Text, time.Time{}, in.Calendar)
		c.needs[i] = entries(sides[i], p.Needs, in.Calendar)
		c.offers[i] = entries(sides[i], p.Values, in.Calendar)
		docs = append(docs, c.goal[i].keys)
		for _, e := range append(append([]*entry(nil), c.needs[i]...), c.offers[i]...) {
			docs = append(docs, e.keys)
		}
	}
	docs = append(docs, c.topic.keys)
	c.ws = newWeights(docs)
	for _, e := range c.all() {
		e.weight = c.ws.need(e.keys)
	}
	for i := range sides {
		for _, n := range c.needs[i] {
			n.parts = requestClauses(n)
			for _, p := range n.parts {
				p.weight = c.ws.need(p.keys)
			}
		}
	}
	return c
}

// all lists every need and offer entry.
func (c *collab) all() []*entry {
	var out []*entry
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
	for i, text := range items {
		out[i] = newEntry(side, text, a.At, cal)
	}
	return out
}

// maxDateText bounds the text of an item searched for dates: a deadline
// comes with the need it qualifies, not after pages of text, and reading
// dates is the costliest step on a pasted document.
const maxDateText = 2000

// newEntry reads one item: its deadline and lead time against at (when
// at is set), and its terms, leaving out the date phrases.
func newEntry(side Side, text string, at time.Time, cal timeread.Calendar) *entry {
	e := &entry{Item: Item{Side: side, Text: text}, at: at}
	masked := text
	if !at.IsZero() {
		head := prefix(text, maxDateText)
		e.deadline, e.hasDeadline = cal.Deadline(head, at)
		e.lead, e.hasLead = cal.Lead(head, at)
		masked = blank(blank(masked, e.deadline.Phrase), e.lead.Phrase)
	}
	e.terms = termsOf(masked)
	e.keys = uniqueKeys(e.terms)
	e.phr = phrases(e)
	e.head = zhHead(e)
	return e
}

// blank replaces the first occurrence of phrase in s by spaces of the same
// byte length, so that term positions still point into the original text.
func blank(s, phrase string) string {
	i := strings.Index(s, phrase)
	if phrase == "" || i < 0 {
		return s
	}
	return s[:i] + strings.Repeat(" ", len(phrase)) + s[i+len(phrase):]
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
