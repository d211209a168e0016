package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Action ids of a commitment reminder's buttons.
const (
	ActionDone     = "collab_done"
	ActionMoreTime = "collab_more_time"
)

// Nudge reminds side s, once, of the question it left unanswered: the
// question again, mentioning only that side, under a line saying it is a
// reminder.
func (r *Renderer) Nudge(c *flows.Collab, s flows.Side, q flows.Question) Message {
	l := r.loc(c.Lang)
	m := r.Prompt(c, s, q)
	lead := l.T("followup.nudge", nil)
	m.Blocks = append([]slack.Block{context("nudge_lead", lead)}, m.Blocks...)
	m.Text = lead + " " + m.Text
	return m
}

// Reminder follows up commitment i of c's agreement in the agreement's
// thread: it mentions the owner side, says what is due and when, and
// offers Done and Need more time.
func (r *Renderer) Reminder(c *flows.Collab, i int) Message {
	l := r.loc(c.Lang)
	k := c.Commitments[i]
	p := c.Side(k.Owner)
	key := "followup.due"
	if k.Overdue {
		key = "followup.overdue"
	}
	text := l.T(key, args{"Mention": sideMention(*p), "Name": l.name(p.Name()), "What": l.item(k.What), "Due": l.date(k.Due)})
	act := Action{Collab: c.ID, Thread: c.RootTS, Item: i}
	done := button(ActionDone, l.T("followup.done", nil), act)
	done.Style = slack.StylePrimary
	blocks := []slack.Block{
		section("reminder_text", text),
		slack.NewActionBlock("reminder_actions", done, button(ActionMoreTime, l.T("followup.more_time", nil), act)),
		context("reminder_how", l.T("followup.how", nil)),
	}
	return Message{Text: text, Blocks: blocks}
}

// followUps lists, for the pinned summary, the commitments whose
// follow-up has news: done, overdue, or moved on by their owner.
func (l loc) followUps(c *flows.Collab) string {
	var ls []string
	for _, k := range c.Commitments {
		a := args{"Owner": l.name(c.Side(k.Owner).Name()), "What": l.item(k.What), "Due": l.date(k.Due)}
		switch {
		case k.Done():
			a["User"] = userMention(k.DoneBy)
			ls = append(ls, l.T("followup.line_done", a))
		case k.Overdue:
			ls = append(ls, l.T("followup.line_overdue", a))
		case k.Postponed > 0:
			ls = append(ls, l.T("followup.line_moved", a))
		}
	}
	if len(ls) == 0 {
		return ""
	}
	return l.lines(l.T("followup.title", nil), ls, maxSection)
}
