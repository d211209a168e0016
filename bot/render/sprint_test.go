package render

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// An item counting sprints of unknown length is quoted under "How long is
// a sprint?" with one button per length, each holding its days; the
// summary counts it among the questions, and a closed proposal asks
// without buttons.
func TestSprintQuestion(t *testing.T) {
	r := newTestRenderer(t)
	p := candidateProposal(false)
	p.Sprints = []mediate.Item{{Side: mediate.SideB, Text: "racks in 2 sprints"}}
	for lang, want := range map[string]string{
		"en": "❓ How long is a sprint for you? “racks in 2 sprints”",
		"zh": "❓ 你们一个迭代（sprint）多长？知道了才能把“racks in 2 sprints”",
	} {
		c := collab(lang, "Launch")
		m := r.Proposal(c, p)
		got := PlainText(m)
		if !strings.Contains(got, want) {
			t.Errorf("%s proposal lacks %q:\n%s", lang, want, got)
		}
		var days []int
		for _, btn := range buttons(m, ActionSprint) {
			a, err := DecodeAction(btn.Value)
			if err != nil || a.Collab != c.ID || a.Version != p.Version {
				t.Errorf("%s sprint button value %q = %+v, %v", lang, btn.Value, a, err)
			}
			days = append(days, a.Days)
		}
		if len(days) != 4 || days[0] != 7 || days[3] != 28 {
			t.Errorf("%s sprint buttons hold %v days, want 7, 14, 21, 28", lang, days)
		}
		if lang == "en" && !strings.Contains(got, "2 questions for you below") {
			t.Errorf("summary does not count the sprint question:\n%s", got)
		}
		c.State = flows.Agreed
		if m := r.Proposal(c, p); len(buttons(m, ActionSprint)) != 0 {
			t.Errorf("%s: a closed proposal still offers sprint lengths", lang)
		}
	}
}

func buttons(m Message, actionID string) []*slack.ButtonBlockElement {
	var out []*slack.ButtonBlockElement
	for _, b := range m.Blocks {
		if b, ok := b.(*slack.ActionBlock); ok {
			for _, e := range b.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
					out = append(out, btn)
				}
			}
		}
	}
	return out
}
