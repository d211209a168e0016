package mediate

import "slices"

// withoutOfferer returns need n read without the concepts of the name of
// the side that offers o, when o does not name them itself: a need for
// "固定的法务对接人" put to Legal is met by Legal's "指定小周做对接人",
// which need not say that its contact is from Legal. Else n itself.
func (c *collab) withoutOfferer(n, o *entry) *entry {
	name := c.nameKeys[sideIndex(o.Side)]
	named := func(k string) bool { return k[0] == '#' && slices.Contains(name, k) && !slices.Contains(o.keys, k) }
	if !slices.ContainsFunc(n.keys, named) {
		return n
	}
	cut := *n
	cut.terms = slices.DeleteFunc(slices.Clone(n.terms), func(t term) bool { return named(t.key) })
	cut.keys = slices.DeleteFunc(slices.Clone(n.keys), named)
	cut.quals = nil
	return &cut
}
