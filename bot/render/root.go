package render

import (
	"strings"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Root is the collaboration's root message in the channel: the topic, both
// sides, how far each has answered, the proposal version, who accepted and
// the state. The bot keeps it current with chat.update.
func (r *Renderer) Root(c *flows.Collab) Message {
	l := r.loc(c.Lang)
	a, b := c.Side(flows.SideA), c.Side(flows.SideB)
	status := l.status(c)
	blocks := []slack.Block{
		l.header("root_header", "root.header", args{}, c.Topic),
		section("root_intro", l.T("root.intro", args{"A": sideMention(*a), "B": sideMention(*b)})),
		fields("root_progress", l.progress(a), l.progress(b)),
	}
	ctx := []string{status}
	// Proposed and agreed statuses name the version already.
	if c.Version > 0 && (c.State == flows.Collecting || c.State == flows.Cancelled) {
		ctx = append(ctx, l.T("root.version", args{"Version": c.Version}))
	}
	if who := l.accepted(c); who != "" {
		ctx = append(ctx, l.T("root.accepted", args{"Who": who}))
	}
	blocks = append(blocks, context("root_status", ctx...))
	if !c.State.Final() {
		blocks = append(blocks, slack.NewActionBlock("root_actions", l.cancelButton(c)))
	}
	text := l.T("root.text", args{
		"Topic": clip(c.Topic, MaxTopic), "A": l.name(a.Name()), "B": l.name(b.Name()), "Status": status,
	})
	return Message{Text: text, Blocks: blocks}
}

// header renders catalog message id as a header block, cutting the user
// text put in {{.Topic}} so the whole header fits.
func (l loc) header(blockID, id string, a args, topic string) slack.Block {
	s, _ := l.headerText(id, a, topic)
	return header(blockID, s)
}

// headerText is the header's text, and whether it holds the whole topic.
func (l loc) headerText(id string, a args, topic string) (string, bool) {
	a["Topic"] = l.item(topic)
	s := l.T(id, a)
	if width(s) <= maxHeader {
		return s, a["Topic"] == clip(topic, maxItem+1)
	}
	a["Topic"] = ""
	room := maxHeader - width(l.T(id, a))
	a["Topic"] = clip(topic, room)
	return l.T(id, a), false
}

// progress shows a side's name and, per question, ✓ when answered or …
// while still to come (or being redone).
func (l loc) progress(p *flows.Party) string {
	marks := make([]string, len(flows.Questions))
	for i, q := range flows.Questions {
		mark := "…"
		if p.Answers[q].Answered() && !(p.Redo && p.Asking == q) {
			mark = "✓"
		}
		marks[i] = l.T("question."+q.String(), nil) + " " + mark
	}
	return l.T("root.progress", args{"Name": l.name(p.Name()), "Progress": strings.Join(marks, " · ")})
}

func (l loc) status(c *flows.Collab) string {
	return l.T("root.status_"+string(stateOrCollecting(c.State)), args{"Version": c.Version})
}

// stateOrCollecting maps an unknown (zero) state to collecting, the state
// of a collab that has just been created.
func stateOrCollecting(s flows.State) flows.State {
	for _, known := range flows.States {
		if s == known {
			return s
		}
	}
	return flows.Collecting
}

// accepted lists who accepted the current version, per side.
func (l loc) accepted(c *flows.Collab) string {
	var who []string
	for i, u := range c.Accepted {
		if u != "" {
			name := l.name(c.Sides[i].Name())
			who = append(who, l.T("root.accepted_one", args{"User": userMention(u), "Name": name}))
		}
	}
	return strings.Join(who, l.T("common.sep", nil))
}

func (l loc) cancelButton(c *flows.Collab) *slack.ButtonBlockElement {
	b := button(ActionCancel, l.T("root.cancel", nil), Action{Collab: c.ID, Thread: c.RootTS})
	b.Style = slack.StyleDanger
	return b.WithConfirm(slack.NewConfirmationBlockObject(
		plain(l.T("root.cancel_title", nil)), plain(l.T("root.cancel_text", nil)),
		plain(l.T("root.cancel_yes", nil)), plain(l.T("root.cancel_no", nil)),
	).WithStyle(slack.StyleDanger))
}
