package mediate

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// pairing is a need, an offer of the other side that meets it, and the
// term keys they share.
type pairing struct {
	need, offer *entry
	shared      []string
}

// matches pairs every need with each offer of the other side that meets
// it, side A's needs first, each in the order typed.
func (c *collab) matches() []pairing {
	var out []pairing
	for i := range sides {
		for _, n := range c.needs[i] {
			for _, o := range c.offers[1-i] {
				if shared, ok := c.ws.meets(n, o); ok {
					out = append(out, pairing{need: n, offer: o, shared: shared})
				}
			}
		}
	}
	return out
}

// balance lists the offers of each side that meet a need of the other.
func (c *collab) balance(ms []pairing) Balance {
	used := map[*entry]bool{}
	for _, m := range ms {
		used[m.offer] = true
	}
	var given [2][]Item
	for i := range sides {
		for _, o := range c.offers[i] {
			if used[o] {
				given[i] = append(given[i], o.Item)
			}
		}
	}
	b := Balance{AGivesB: given[0], BGivesA: given[1]}
	switch a, bb := len(given[0]), len(given[1]); {
	case a >= 2*bb && a >= bb+2:
		b.Lopsided = SideA
	case bb >= 2*a && bb >= a+2:
		b.Lopsided = SideB
	}
	return b
}

// open lists the needs that no offer meets, except those a conflict
// already deals with: a need with a deadline in conflict, and a need that
// states the lead time of a conflict (a constraint, not a request).
func (c *collab) open(ms []pairing, ks []clash) []Item {
	settled := map[*entry]bool{}
	for _, m := range ms {
		settled[m.need] = true
	}
	for _, k := range ks {
		settled[k.need], settled[k.lead] = true, true
	}
	var out []Item
	for i := range sides {
		for _, n := range c.needs[i] {
			if !settled[n] {
				out = append(out, n.Item)
			}
		}
	}
	return out
}

// commitments says who delivers what by when: each matched offer by its
// need's due date, and for each conflict the lead side delivers the need
// by the middle ground. An offer that meets several needs is committed
// once, by the earliest of their dates.
func commitments(ms []pairing, ks []clash) []Commitment {
	due := map[*entry]time.Time{}
	for _, k := range ks {
		if d := k.lead.lead.Date; civilDay(d) > civilDay(due[k.need]) {
			due[k.need] = d
		}
	}
	dueOf := func(n *entry) time.Time {
		if d, ok := due[n]; ok {
			return d
		}
		if n.hasDeadline {
			return n.deadline.Date
		}
		return time.Time{}
	}
	var out []Commitment
	at := map[Commitment]int{} // by Owner and What, Due zero
	add := func(c Commitment) {
		key := Commitment{Owner: c.Owner, What: c.What}
		i, seen := at[key]
		switch {
		case !seen:
			at[key] = len(out)
			out = append(out, c)
		case !c.Due.IsZero() && (out[i].Due.IsZero() || c.Due.Before(out[i].Due)):
			out[i].Due = c.Due
		}
	}
	for _, m := range ms {
		add(Commitment{Owner: m.offer.Side, What: m.offer.Text, Due: dueOf(m.need)})
	}
	for _, k := range ks {
		what := withoutPhrase(k.need.Text, k.need.deadline.Phrase)
		add(Commitment{Owner: k.lead.Side, What: what, Due: dueOf(k.need)})
	}
	return out
}

// deadlineWords lead into a deadline phrase ("live by Nov 1").
var deadlineWords = []string{" by", " before", " until", " on", " no later than"}

// withoutPhrase drops the deadline phrase from a need, so a commitment
// moved to the middle ground does not still say "tomorrow": "活动页面明天上线"
// becomes "活动页面上线", "checkout live by Nov 1" becomes "checkout live".
func withoutPhrase(text, phrase string) string {
	i := strings.Index(text, phrase)
	if phrase == "" || i < 0 {
		return text
	}
	before, after := strings.TrimRight(text[:i], " "), strings.TrimLeft(text[i+len(phrase):], " ")
	for _, w := range deadlineWords {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) {
			before = before[:n]
			break
		}
	}
	sep := " "
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	if before == "" || after == "" || unicode.IsPunct(first) || (unicode.Is(unicode.Han, last) && unicode.Is(unicode.Han, first)) {
		sep = "" // Chinese runs on without spaces
	}
	if out := strings.Trim(before+sep+after, " ,，;；"); out != "" {
		return out
	}
	return text
}

// goals shows the company goal, each side's goal, and the terms that the
// two goals share or that each shares with the topic.
func (c *collab) goals() Goals {
	g := Goals{Company: c.topic.Text, A: c.goal[0].Text, B: c.goal[1].Text}
	for _, pair := range [][2]*entry{{c.goal[0], c.goal[1]}, {c.goal[0], c.topic}, {c.goal[1], c.topic}} {
		var strong []string
		for _, k := range intersect(pair[0].keys, pair[1].keys) {
			if !c.ws.weak[k] {
				strong = append(strong, k)
			}
		}
		for _, t := range displayTerms(pair[0], pair[1], strong, c.ws) {
			g.Shared = addTerm(g.Shared, t)
		}
	}
	return g
}

// addTerm adds t to terms unless a term already holds it; terms that t
// holds give way to it ("大促 GMV" replaces "大促").
func addTerm(terms []string, t string) []string {
	low := strings.ToLower(t)
	if slices.ContainsFunc(terms, func(s string) bool { return strings.Contains(strings.ToLower(s), low) }) {
		return terms
	}
	terms = slices.DeleteFunc(terms, func(s string) bool { return strings.Contains(low, strings.ToLower(s)) })
	return append(terms, t)
}
