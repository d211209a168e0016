package flows

import "fmt"

// SprintLength is a click on one of the lengths offered under "How long
// is a sprint?", asked when an answer counts time in sprints ("in 2
// sprints") and the collaboration has no sprint length. Either side may
// answer: the sprint is the team's, and both read the dates it gives.
type SprintLength struct {
	User    string
	Version int
	Days    int
	On      string // the message clicked on, as for Accept
}

func (e SprintLength) user() string { return e.User }

// maxSprintDays bounds a sprint length from a click: the buttons offer
// one to four weeks, and a forged value must not push dates years out.
const maxSprintDays = 42

// sprintLength records the sprint length and proposes a new version that
// reads the sprints as dates. Earlier acceptances stop counting, as for
// any change.
func sprintLength(c Collab, ev SprintLength) (Collab, []Effect, error) {
	if ev.Days <= 0 || ev.Days > maxSprintDays {
		return c, nil, fmt.Errorf("collab %s: sprint length of %d days", c.ID, ev.Days)
	}
	if _, e := proposalClick(&c, ev.User, ev.Version, ev.On); e != nil {
		return c, []Effect{*e}, nil
	}
	c.Calendar.SprintDays = ev.Days
	return c, reproposed(&c), nil
}
