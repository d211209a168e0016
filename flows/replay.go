package flows

import "time"

// Events that replay what a collaboration's thread shows the bot did, so
// a collaboration whose record was lost can be made again from its
// thread: the thread keeps the people's replies, and the bot's own
// messages say what followed from the clicks it does not keep.

// Reopen is a question asked again of Side after a proposal (someone of
// the side clicked Request changes, then picked the question), At the
// moment it was asked.
type Reopen struct {
	Side     Side
	Question Question
	At       time.Time
}

// Reminded is the one reminder of Side's pending Question, already sent.
type Reminded struct {
	Side     Side
	Question Question
}

// Shown is proposal Version, posted as the message at TS. A version past
// the current one was made by clicks the thread does not keep (a form's
// revision, a yes or no on a suggested pair): it becomes the current one,
// built from the answers the collaboration holds.
type Shown struct {
	Version int
	TS      string
}

// Remade is the proposal on the table found to differ from the one the
// collaboration's answers give: a new version is made from them and
// posted, so what the sides accept is what they were shown.
type Remade struct{}

func (Reopen) user() string   { return "" }
func (Reminded) user() string { return "" }
func (Shown) user() string    { return "" }
func (Remade) user() string   { return "" }

// replayed applies an event of the thread's replay. One that does not fit
// where the collaboration stands (a question asked again of a side still
// answering, a reminder of another question) changes nothing: the thread
// is read as it is, and its people's replies are what counts.
func replayed(c Collab, ev Event) (Collab, []Effect, error) {
	switch ev := ev.(type) {
	case Reopen:
		if !validSide(ev.Side) || c.Version == 0 || ev.Question < QGoal || ev.Question > QValue || c.Side(ev.Side).Asking != QDone {
			return c, nil, nil
		}
		return askAgain(c, ev.Side, ev.Question, ev.At)
	case Reminded:
		if p := c.Side(ev.Side); validSide(ev.Side) && p.Asking == ev.Question && p.Asking != QDone {
			p.Nudged = true
		}
		return c, nil, nil
	case Shown:
		return shown(c, ev)
	case Remade:
		if c.State != Proposed {
			return c, nil, nil
		}
		c.Version++
		c.Accepted = [2]string{}
		propose(&c)
		return c, []Effect{{Kind: PostProposal, Version: c.Version}, {Kind: UpdateRoot}}, nil
	}
	return c, nil, nil
}

func shown(c Collab, ev Shown) (Collab, []Effect, error) {
	if c.State != Proposed || ev.Version < c.Version {
		return c, nil, nil
	}
	if ev.Version > c.Version {
		c.Version = ev.Version
		c.Accepted = [2]string{}
		propose(&c)
	}
	c.ProposalTS, c.ProposalVersion = ev.TS, ev.Version
	return c, nil, nil
}
