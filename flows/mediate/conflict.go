package mediate

import (
	"slices"
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
	// prereq is the requester's offer the lead time waits for, or nil;
	// prereqDue is when the requester delivers it.
	prereq    *entry
	prereqDue time.Time
}

// conflicts finds, for each need with a deadline of its own, the lead
// time of the other side that binds it, when that ends after the deadline.
// A lead time is about the needs it shares terms with ("mango boxes take 5
// days" is not about the kiwi crates); one that shares none with any need
// of the requester ("需要2天做兼容性测试") is about each. When the other
// side offers a path with its own lead time (a fast track, a deposit that
// cuts the wait), the shortest offered path binds: the side committed to
// it. Otherwise the longest stated lead time binds.
func (c *collab) conflicts(ms []pairing) []clash {
	var out []clash
	for i := range sides {
		var deadlines []*entry
		for _, n := range c.needs[i] {
			if n.hasDeadline && ownDate(n) {
				deadlines = append(deadlines, n)
			}
		}
		leads := c.leadsOf(1 - i)
		aboutSome := map[*entry]bool{}
		read := map[*entry]clash{} // each lead time read once, whatever the need
		for _, l := range leads {
			aboutSome[l] = slices.ContainsFunc(c.needs[i], func(d *entry) bool { return c.related(d, l) })
			read[l] = c.clashOf(l, i)
		}
		for _, n := range deadlines {
			if k, ok := c.binding(n, leads, aboutSome, read, ms); ok && civilDay(k.end.Date) > civilDay(n.deadline.Date) {
				out = append(out, k)
			}
		}
	}
	return out
}

// leadsOf lists the items of a side that state a lead time for work of
// their own, leaving out a duration in a clause that only gives the
// background ("right now it arrives a week after the interview").
func (c *collab) leadsOf(side int) []*entry {
	var out []*entry
	for _, l := range slices.Concat(c.needs[side], c.offers[side]) {
		if l.hasLead && !inReason(l.Text, l.lead.Phrase) {
			out = append(out, l)
		}
	}
	return out
}

// binding returns the lead time that binds need n of side requester.
func (c *collab) binding(n *entry, leads []*entry, aboutSome map[*entry]bool, read map[*entry]clash, ms []pairing) (clash, bool) {
	var offered, stated []clash
	for _, l := range leads {
		if aboutSome[l] && !c.related(n, l) || metElsewhere(l, n, ms) {
			continue
		}
		k := read[l]
		k.need = n
		if c.isOffer(l) {
			offered = append(offered, k)
		} else {
			stated = append(stated, k)
		}
	}
	byEnd := func(a, b clash) int { return civilDay(a.end.Date) - civilDay(b.end.Date) }
	switch {
	case len(offered) > 0:
		return slices.MinFunc(offered, byEnd), true
	case len(stated) > 0:
		return slices.MaxFunc(stated, byEnd), true
	}
	return clash{}, false
}

// metElsewhere reports whether lead item l is an offer matched to a need
// other than n: its duration is about that need.
func metElsewhere(l, n *entry, ms []pairing) bool {
	return slices.ContainsFunc(ms, func(m pairing) bool { return m.offer == l && m.need != n }) &&
		!slices.ContainsFunc(ms, func(m pairing) bool { return m.offer == l && m.need == n })
}

// clashOf reads lead item l for the needs of side requester: from the
// date of the requester's prerequisite when l waits for one, else as
// stated.
func (c *collab) clashOf(l *entry, requester int) clash {
	k := clash{lead: l, end: l.lead}
	p, due, ok := c.prerequisite(l, requester)
	if !ok {
		return k
	}
	k.prereq, k.prereqDue = p, due
	if f, ok := c.cal.Lead(prefix(l.Text, maxDateText), due); ok && civilDay(due) > civilDay(l.at) {
		k.end = f
	}
	return k
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
