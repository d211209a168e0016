package flows

import "slices"

// Concerned lists, once each and sorted, who started c and who can speak
// for a side: the people whose lists and Home a change of c touches.
func (c *Collab) Concerned() []string {
	users := []string{c.CreatedBy}
	for _, p := range c.Sides {
		if p.Kind == KindUser {
			users = append(users, p.ID)
		}
		users = append(users, p.Members...)
	}
	slices.Sort(users)
	return slices.DeleteFunc(slices.Compact(users), func(u string) bool { return u == "" })
}

// Waiting says what c waits for from user: the question one of user's
// sides has to answer (QDone when none), and whether a side of user's has
// still to accept the proposal on the table.
func (c *Collab) Waiting(user string) (q Question, accept bool) {
	q = QDone
	for _, s := range c.SidesOf(user) {
		p := c.Side(s)
		switch {
		case c.State == Collecting && p.Asking != QDone && q == QDone:
			q = p.Asking
		case c.State == Proposed && c.Accepted[s.Index()] == "":
			accept = true
		}
	}
	return q, accept
}
