package mediate

import (
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A deadline is often set ahead of the event it serves: "we need the
// laptops by Thursday 3/12 because the demo kit ships Friday the 13th, and
// the first stop is Tuesday 3/17". A mediator looks behind the date: a
// middle ground after the deadline but before the event may still serve
// it, and one after the event does not, which must be said.

// event returns the clause of need n that names the latest date after its
// deadline, and that date; "" when it names none.
func (c *collab) event(n *entry) (string, time.Time) {
	var best timeread.Found
	for _, d := range c.cal.Deadlines(n.Text, n.at) {
		if d.Phrase != n.deadline.Phrase && civilDay(d.Date) > civilDay(n.deadline.Date) && civilDay(d.Date) > civilDay(best.Date) {
			best = d
		}
	}
	if best.Phrase == "" {
		return c.goalEvent(n)
	}
	clause := strings.TrimSpace(clauseOf(n.Text, best.Phrase))
	return trimOpeners(clause, eventOpeners), best.Date
}

// maxEventGap bounds how long after a deadline the event it serves
// falls: a deadline is set a few days ahead of its event, and a goal's
// later date ("a contract signed in Q3") is an outcome, not that event.
const maxEventGap = 14 * 24 * time.Hour

// goalEvent returns the clause of the goal of need n's side that names
// the latest date after n's deadline and shares a strong term with n, and
// that date: "take a tested number to the board meeting on Thu Oct 1" is
// what "results … in the board deck, deck locks Tue Sep 29" serves.
func (c *collab) goalEvent(n *entry) (string, time.Time) {
	g := c.goal[sideIndex(n.Side)]
	if g == nil {
		return "", time.Time{}
	}
	var clause string
	var at time.Time
	for _, d := range c.cal.Deadlines(g.Text, n.at) {
		i := strings.Index(g.Text, d.Phrase)
		if i < 0 || civilDay(d.Date) <= civilDay(n.deadline.Date) || civilDay(d.Date) <= civilDay(at) || d.Date.Sub(n.deadline.Date) > maxEventGap {
			continue
		}
		cl := strings.TrimRight(strings.TrimSpace(sentenceClause(g.Text, i, i+len(d.Phrase))), ".。!！")
		if c.sharesStrong(c.keysOf(cl), n.keys) {
			clause, at = trimOpeners(cl, eventOpeners), d.Date
		}
	}
	return clause, at
}

// eventOpeners join the event's clause to the need without being part of it.
var eventOpeners = []string{"and ", "because ", "since ", "as ", "so ", "因为", "而且", "并且", "然后", "到时"}
