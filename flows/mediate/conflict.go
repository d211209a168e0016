package mediate

import (
	"slices"
	"time"
)

// clash is a need's deadline that the other side's lead time cannot meet.
type clash struct{ need, lead *entry }

// conflicts finds, for each need with a deadline, the item of the other
// side (need or offer) whose lead time ends after that deadline. A lead
// time that shares terms with some of the deadline needs is about those
// only ("mango boxes take 5 days" is not about the kiwi crates); one that
// shares none ("需要2天做兼容性测试") is about any of them. When several
// apply, the binding one is the latest: the middle ground must honour it.
func (c *collab) conflicts() []clash {
	var out []clash
	for i := range sides {
		var deadlines []*entry
		for _, n := range c.needs[i] {
			if n.hasDeadline {
				deadlines = append(deadlines, n)
			}
		}
		leads := append(append([]*entry(nil), c.needs[1-i]...), c.offers[1-i]...)
		aboutSome := map[*entry]bool{} // leads that share terms with a deadline need
		for _, l := range leads {
			aboutSome[l] = l.hasLead && slices.ContainsFunc(deadlines, func(d *entry) bool { return c.related(d, l) })
		}
		for _, n := range deadlines {
			if l := c.bindingLead(n, leads, aboutSome); l != nil {
				out = append(out, clash{need: n, lead: l})
			}
		}
	}
	return out
}

// bindingLead returns the latest item of leads whose lead time ends after
// n's deadline and that is about n, as conflicts describes, or nil.
func (c *collab) bindingLead(n *entry, leads []*entry, aboutSome map[*entry]bool) *entry {
	var best *entry
	for _, l := range leads {
		if !l.hasLead || civilDay(l.lead.Date) <= civilDay(n.deadline.Date) {
			continue
		}
		if aboutSome[l] && !c.related(n, l) {
			continue
		}
		if best == nil || civilDay(l.lead.Date) > civilDay(best.lead.Date) {
			best = l
		}
	}
	return best
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
