package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Prompt asks side s question q in the thread. It mentions that side, and
// no other, so only its members are notified.
func (r *Renderer) Prompt(c *flows.Collab, s flows.Side, q flows.Question) Message {
	l := r.loc(c.Lang)
	p, other := c.Side(s), c.Side(s.Other())
	if q < flows.QGoal || q > flows.QValue {
		q = flows.QGoal
	}
	a := args{
		"Mention": sideMention(*p), "Name": l.name(p.Name()), "Other": l.name(other.Name()),
		"Topic": l.item(c.Topic), "N": int(q) + 1, "Question": l.T("question."+q.String(), nil),
	}
	ask := l.T("prompt."+q.String(), a)
	ctx := []string{l.T("prompt.hint_"+q.String(), a)}
	if p.Redo {
		ask += "\n" + l.T("prompt.revision", nil)
		if prev := p.Answers[q]; prev.Answered() {
			ctx = append(ctx, l.T("prompt.earlier", args{"Answer": l.item(prev.Text)}))
		}
	}
	blocks := []slack.Block{section("prompt_question", ask), context("prompt_hint", ctx...)}
	return Message{Text: l.T("prompt.text", a), Blocks: blocks}
}
