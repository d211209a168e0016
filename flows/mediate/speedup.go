package mediate

import "slices"

// A mediator says why the date proposed comes before the standard path,
// naming the offers that shorten the lead time: a fast track, a step
// skipped, a shorter length whose condition the requester meets, a
// stated saving. Those, the offers that say they speed the work up
// without saying by how much, and the offers matched to the clashing need
// itself are the ways to close the gap; the requester's other matched
// offers (who owns the gear on the road, a training before the trip) are
// in the plan already and shorten nothing.

// cuts lists the offers that make clash k's end come before its standard
// path, in the order typed; none when its date is the standard one.
func (c *collab) cuts(k clash) []*entry {
	if k.cut == nil || !k.cut.Used || civilDay(k.end.Date) >= civilDay(k.std) {
		return nil
	}
	use := map[*entry]bool{}
	if by := c.entryOf(k.cut.By); by == k.lead {
		_, step := c.alternativeStep(k) // "…, or 7 if the copy is final": the requester's final copy
		use[step] = step != nil
	} else {
		use[by] = by != nil
	}
	if o, _, ok := c.fastTrack(k); ok && o.Item == k.cut.By {
		_, skips := c.skipped(k, k.lead.lead.Phrase)
		for _, s := range skips {
			use[s] = true
		}
	}
	return c.inOrder(use)
}

// speedUps keeps of clash k's helpers (see helpers) the step its work
// waits for, the offers matched to its need with a time of their own (one
// without is what is delivered, not a way to speed it up: "Forecast
// dashboard, refreshed daily"), those that shorten its lead
// time, by a stated amount or not, and those of the lead side that staff
// the work behind it (see staffs).
func (c *collab) speedUps(k clash, helps []Item, ms []pairing) []Item {
	cut := c.cuts(k)
	return slices.DeleteFunc(helps, func(it Item) bool {
		o := c.entryOf(it)
		if o != nil && k.lead.from == o && !c.shortens(k, o) {
			return true // "request the letters today; they need 3 weeks": the request starts the wait
		}
		return o != nil && o != k.prereq && !(matched(o, k.need, ms) && (o.hasLead || o.hasDeadline)) && !slices.Contains(cut, o) && !c.shortens(k, o) && !c.staffs(k, o)
	})
}

// peopleKeys are the concepts of people put on work.
var peopleKeys = []string{"#staff", "#tester", "#engineer"}

// staffs reports whether offer o is the lead side putting people on the
// work behind clash k's lead time ("优先调配2名测试人员" for "2天做兼容性
// 测试"): more hands on its own work shorten it, where a tracker, a
// template or a report about it does not.
func (c *collab) staffs(k clash, o *entry) bool {
	return o.Side == k.lead.Side && c.actsOn(o, k.lead) && slices.ContainsFunc(o.keys, func(key string) bool { return slices.Contains(peopleKeys, key) })
}

// shortens reports whether offer o says it shortens clash k's lead time:
// a saving or a faster path, or a length cut down to another.
func (c *collab) shortens(k clash, o *entry) bool {
	if _, _, ok := shortened(o.Text); ok || o.savesTime() {
		return true
	}
	f, _, ok := c.fastTrack(k)
	return ok && f == o
}

// inOrder lists the entries set in use, side A's offers first, each side
// in the order typed.
func (c *collab) inOrder(use map[*entry]bool) []*entry {
	var out []*entry
	for i := range sides {
		for _, o := range c.offers[i] {
			if use[o] {
				out = append(out, o)
			}
		}
	}
	return out
}
