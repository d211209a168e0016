package mediate

import "slices"

// decided splits decisions into the pairs the needing side confirmed and
// those it ruled out; a later decision on a pair overrides an earlier one.
func decided(ds []Decision) (yes, no map[[2]Item]bool) {
	yes, no = map[[2]Item]bool{}, map[[2]Item]bool{}
	for _, d := range ds {
		pair := [2]Item{d.Need, d.Offer}
		yes[pair], no[pair] = d.Yes, !d.Yes
	}
	return yes, no
}

// decide applies the needing sides' decisions to the matches found: a
// pair ruled out goes, a pair confirmed is a match, in answer order.
func (c *collab) decide(ms []pairing, yes, no map[[2]Item]bool) []pairing {
	ms = slices.DeleteFunc(ms, func(m pairing) bool { return no[[2]Item{m.need.Item, m.offer.Item}] })
	for i := range ms {
		ms[i].confirmed = yes[[2]Item{ms[i].need.Item, ms[i].offer.Item}]
	}
	for i := range sides {
		for _, n := range c.needs[i] {
			for _, o := range c.offers[1-i] {
				pair := [2]Item{n.Item, o.Item}
				if yes[pair] && !slices.ContainsFunc(ms, func(m pairing) bool { return m.need == n && m.offer == o }) {
					ms = append(ms, pairing{need: n, offer: o, shared: c.strongShared(n, o), confirmed: true})
				}
			}
		}
	}
	return ms
}
