package render

import (
	"strings"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Listed is a collaboration as the commands and the Home tab show it,
// with the permalink of its root message ("" when Slack gave none).
type Listed struct {
	C    *flows.Collab
	Link string
}

// maxLabel is how much of a topic a link in a list shows.
const maxLabel = 80

// Help is the private answer to /collab help, and to a subcommand the bot
// does not know (unknown is then the word, quoted).
func (r *Renderer) Help(lang, unknown string) Message {
	l := r.loc(lang)
	text := l.T("help.text", nil)
	if unknown != "" {
		text = l.T("help.unknown", args{"Arg": clip(unknown, maxName)}) + "\n" + text
	}
	return Message{Text: text, Blocks: []slack.Block{section("help", text)}}
}

// Note is a one-sentence private answer to a command: key names it in
// the help, list, status or cancel tables; arg is quoted user text.
func (r *Renderer) Note(lang, key, arg string) Message {
	text := r.loc(lang).T(key, args{"Arg": clip(arg, maxName)})
	return Message{Text: text, Blocks: []slack.Block{section("note", text)}}
}

// List answers /collab list for user: the collaborations open in the
// channel, then those waiting on user.
func (r *Renderer) List(lang, user string, here, mine []Listed) Message {
	l := r.loc(lang)
	hereLines := make([]string, len(here))
	for i, it := range here {
		hereLines[i] = l.listLine(it)
	}
	waiting := l.waitingLines(user, mine)
	blocks := []slack.Block{
		section("list_here", l.titled("list.here_title", "list.here_none", hereLines)),
		section("list_waiting", l.titled("list.waiting_title", "list.waiting_none", waiting)),
	}
	text := l.T("list.text", args{"Here": len(here), "Waiting": len(waiting)})
	return Message{Text: text, Blocks: blocks}
}

// titled is a title over lines, or over the none sentence when empty.
func (l loc) titled(titleID, noneID string, ls []string) string {
	if len(ls) == 0 {
		return l.T(titleID, nil) + "\n" + l.T(noneID, nil)
	}
	return l.lines(l.T(titleID, nil), ls, maxSection)
}

// waitingLines says, per collaboration waiting on user, what it waits for.
func (l loc) waitingLines(user string, mine []Listed) []string {
	var out []string
	for _, it := range mine {
		if it.C.State.Final() {
			continue
		}
		q, accept := it.C.Waiting(user)
		switch {
		case q != flows.QDone:
			out = append(out, l.T("list.wait_question", args{
				"Topic": l.link(it), "N": int(q) + 1, "Question": l.T("question."+q.String(), nil),
			}))
		case accept:
			out = append(out, l.T("list.wait_accept", args{"Topic": l.link(it), "Version": it.C.Version}))
		}
	}
	return out
}

// listLine is one collaboration: its linked topic, its sides and status.
func (l loc) listLine(it Listed) string {
	return l.T("list.item", args{
		"Topic": l.link(it), "A": l.name(it.C.Sides[0].Name()), "B": l.name(it.C.Sides[1].Name()), "Status": l.status(it.C),
	})
}

// link is the collaboration's topic, escaped, linking to its thread.
func (l loc) link(it Listed) string {
	label := clip(strings.TrimSpace(it.C.Topic), maxLabel)
	if label == "" {
		label = l.T("common.empty", nil)
	}
	if it.Link == "" || strings.ContainsAny(it.Link, "<>| ") {
		return label
	}
	return "<" + it.Link + "|" + label + ">"
}

// Status answers /collab status for user: the collaboration's state, each
// side's progress, and what it waits for from user.
func (r *Renderer) Status(lang, user string, it Listed) Message {
	l := r.loc(lang)
	c := it.C
	blocks := []slack.Block{
		section("status_topic", l.T("status.title", args{"Topic": l.link(it)})),
		fields("status_progress", l.progress(c.Side(flows.SideA)), l.progress(c.Side(flows.SideB))),
	}
	ctx := []string{l.status(c)}
	if who := l.accepted(c); who != "" {
		ctx = append(ctx, l.T("root.accepted", args{"Who": who}))
	}
	if w := l.waitingLines(user, []Listed{it}); len(w) > 0 {
		ctx = append(ctx, l.T("status.you", args{"What": strings.TrimPrefix(w[0], "• ")}))
	}
	blocks = append(blocks, context("status_state", ctx...))
	text := l.T("status.text", args{"Topic": clip(c.Topic, maxLabel), "Status": l.status(c)})
	return Message{Text: text, Blocks: blocks}
}

// CancelConfirm asks whoever ran /collab cancel to confirm with a button
// (action id collab_cancel, as on the root message); ignoring it keeps
// the collaboration.
func (r *Renderer) CancelConfirm(lang string, it Listed) Message {
	l := r.loc(lang)
	c := it.C
	text := l.T("cancel.confirm", args{"Topic": l.link(it), "A": l.name(c.Sides[0].Name()), "B": l.name(c.Sides[1].Name())})
	yes := button(ActionCancel, l.T("root.cancel_yes", nil), Action{Collab: c.ID, Thread: c.RootTS})
	yes.Style = slack.StyleDanger
	blocks := []slack.Block{
		section("cancel_confirm", text),
		slack.NewActionBlock("cancel_actions", yes),
		context("cancel_keep", l.T("cancel.keep", nil)),
	}
	return Message{Text: text, Blocks: blocks}
}
