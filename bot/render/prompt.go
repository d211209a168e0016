package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Prompt asks side s question q in the thread. It mentions that side, and
// no other, so only its members are notified. Asking for the value, it
// also shows how the side's needs were read, so a misreading is caught
// before the proposal is built on it.
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
	blocks := []slack.Block{section("prompt_question", ask)}
	if needs := p.Answers[flows.QNeeds]; q == flows.QValue && !p.Redo && needs.Answered() {
		asks, stated := mediate.ReadNeeds(c.EngineAnswer(s, flows.QNeeds), c.Calendar)
		blocks = append(blocks, context("prompt_read", l.readNeeds(asks, stated), l.T("prompt.read_fix", nil)))
	}
	blocks = append(blocks, context("prompt_hint", ctx...))
	return Message{Text: l.T("prompt.text", a), Blocks: blocks}
}

// readNeeds is "I read 3 needs: ① … ② … ③ …", read as the engine reads
// them, followed by what the side said of its own work ("and 1 condition
// on your side: ④ …"), numbered on, so a writer sees both.
func (l loc) readNeeds(asks, stated []string) string {
	var out string
	switch {
	case len(asks) > 0:
		out = l.NT("prompt.read", len(asks), args{"Items": l.numbered(asks, 0)})
	case len(stated) == 0:
		return l.T("prompt.read_none", nil)
	default:
		out = l.T("prompt.read_no_ask", nil)
	}
	if len(stated) > 0 {
		out += l.NT("prompt.read_stated", len(stated), args{"Items": l.numbered(stated, len(asks))})
	}
	return out
}
