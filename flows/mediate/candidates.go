package mediate

import "slices"

// A need and an offer that share a meaningful concept but not enough to be
// sure are not matched, nor is the need called open: the needing side is
// asked "Does ‹offer› cover ‹need›?" (see Proposal.Candidates), and its
// answer (a Decision) settles the pair in the next version.

// candidates returns, for each need that no offer meets, the offer of the
// other side that shares the most with it, when they share a concept of
// the lexicon or two meaningful words and their heads do not disagree.
// Pairs the needing side has ruled out are left out.
func (c *collab) candidates(ms []pairing, no map[[2]Item]bool) []pairing {
	met := map[*entry]bool{}
	for _, m := range ms {
		met[m.need] = true
	}
	var out []pairing
	for i := range sides {
		for _, n := range c.needs[i] {
			if met[n] {
				continue
			}
			if best, ok := c.bestGuess(n, c.offers[1-i], no); ok {
				out = append(out, best)
			}
		}
	}
	return out
}

// bestGuess returns the offer of offers most plausibly meeting n.
func (c *collab) bestGuess(n *entry, offers []*entry, no map[[2]Item]bool) (pairing, bool) {
	var best pairing
	bestW := 0.0
	for _, o := range offers {
		if no[[2]Item{n.Item, o.Item}] || headsDisagree(n, o) {
			continue
		}
		strong := c.strongShared(n, o)
		w := 0.0
		for _, k := range strong {
			w += c.ws.w[k]
		}
		concept := slices.ContainsFunc(strong, func(k string) bool { return k[0] == '#' && c.ws.w[k] >= minStrong })
		if (concept || len(strong) >= 2) && w > bestW {
			best, bestW = pairing{need: n, offer: o, shared: strong}, w
		}
	}
	return best, bestW > 0
}

// strongShared returns the keys n and o share that are neither generic
// nor numbers.
func (c *collab) strongShared(n, o *entry) []string {
	var out []string
	for i, j := 0, 0; i < len(n.keys) && j < len(o.keys); {
		switch a, b := n.keys[i], o.keys[j]; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			if !c.ws.weak[a] {
				out = append(out, a)
			}
			i, j = i+1, j+1
		}
	}
	return out
}
