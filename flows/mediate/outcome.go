package mediate

import (
	"slices"
	"strings"
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
				if shared, ok := c.meets(n, o); ok {
					out = append(out, pairing{need: n, offer: o, shared: shared})
				}
			}
		}
	}
	return out
}

// meets reports whether offer o meets need n as a whole or in one of the
// clauses that ask for something, with the keys they share.
func (c *collab) meets(n, o *entry) ([]string, bool) {
	if shared, ok := c.ws.meets(n, o); ok {
		return shared, true
	}
	for _, p := range n.parts {
		if shared, ok := c.ws.meets(p, o); ok {
			return shared, true
		}
	}
	return nil, false
}

// balance lists the offers of each side that meet a need of the other,
// and those that meet none. Only the first count: an offer nobody asked
// for cannot even out an exchange, however welcome it may be.
func (c *collab) balance(ms []pairing) Balance {
	used := map[*entry]bool{}
	for _, m := range ms {
		used[m.offer] = true
	}
	var given, also [2][]Item
	for i := range sides {
		for _, o := range c.offers[i] {
			if used[o] {
				given[i] = append(given[i], o.Item)
			} else {
				also[i] = append(also[i], o.Item)
			}
		}
	}
	b := Balance{AGivesB: given[0], BGivesA: given[1], AlsoA: also[0], AlsoB: also[1]}
	switch a, bb := len(given[0]), len(given[1]); {
	case lopsided(a, bb):
		b.Lopsided = SideA
	case lopsided(bb, a):
		b.Lopsided = SideB
	}
	return b
}

// lopsided reports whether a side that gives n offers gives much more than
// it receives in m: something for nothing, or twice as many and 2 more.
func lopsided(n, m int) bool {
	return n >= 1 && m == 0 || n >= 2*m && n >= m+2
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

// goals shows the company goal, each side's goal, the terms that the two
// goals share, and those that each goal shares with the topic.
func (c *collab) goals() Goals {
	return Goals{
		Company: c.topic.Text, A: c.goal[0].Text, B: c.goal[1].Text,
		Shared: c.common(c.goal[0], c.goal[1]),
		ATopic: c.common(c.goal[0], c.topic),
		BTopic: c.common(c.goal[1], c.topic),
	}
}

// common lists the terms, neither generic nor numbers, that a and b share,
// in a's wording.
func (c *collab) common(a, b *entry) []string {
	var strong, out []string
	for _, k := range intersect(a.keys, b.keys) {
		if !c.ws.weak[k] {
			strong = append(strong, k)
		}
	}
	for _, t := range displayTerms(a, b, strong, c.ws) {
		out = addTerm(out, t)
	}
	return out
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
