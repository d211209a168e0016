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
		if sameMoment(n.Text, n.deadline.Phrase, d.Phrase) {
			continue // "by Mon Feb 8, when the Valentine's campaign starts": the campaign starts on Feb 8
		}
		if d.Date.After(n.deadline.Date.AddDate(0, 9, 0)) {
			continue // an event that makes a date urgent comes within months of it: "年中报价" in July is this year's
		}
		if d.Phrase != n.deadline.Phrase && civilDay(d.Date) > civilDay(n.deadline.Date) && civilDay(d.Date) > civilDay(best.Date) {
			best = d
		}
	}
	if best.Phrase == "" {
		return "", time.Time{}
	}
	clause := strings.TrimSpace(clauseOf(n.Text, best.Phrase))
	return trimOpeners(clause, eventOpeners), best.Date
}

// eventOpeners join the event's clause to the need without being part of it.
var eventOpeners = []string{"and ", "because ", "since ", "as ", "so ", "因为", "而且", "并且", "然后", "到时"}

// whenOpeners open a clause that says what happens at the moment just
// named: "by Mon Feb 8, when the campaign starts", "9/28 前，到时候要彩排".
var whenOpeners = []string{"when ", "which is when ", "that's when ", "届时", "到时候", "那天"}

// sameMoment reports whether phrase stands in a clause that opens with a
// when-word right after the clause of the deadline phrase dl: that clause
// tells what happens on the deadline, so a date it seems to name ("the
// Valentine's campaign") is not another one.
func sameMoment(text, dl, phrase string) bool {
	i, j := strings.Index(text, dl), strings.Index(text, phrase)
	if dl == "" || i < 0 || j <= i {
		return false
	}
	between := strings.TrimSpace(text[i+len(dl) : j])
	open, ok := strings.CutPrefix(between, ",")
	if !ok {
		open, ok = strings.CutPrefix(between, "，")
	}
	open = lower(strings.TrimLeft(open, " ")) + " "
	return ok && hasAnyPrefix(open, whenOpeners) && !strings.ContainsFunc(open, isClauseMark)
}
