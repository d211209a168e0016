package bot_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// requestChanges has user click Request changes on the current proposal.
func (h *harness) requestChanges(root, user string) {
	h.t.Helper()
	p, _ := h.proposal(root)
	h.click(user, p, render.ActionRevise, button(h.t, p.Blocks, render.ActionRevise))
}

// Request changes opens a form holding the side's answers; the edited
// one is the new answer, and the next version of the proposal follows at
// once, with earlier acceptances void.
func TestRequestChangesInAForm(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.accept(root, opsAna)
	h.requestChanges(root, techCy)
	h.waitFor("revision form", func() bool { return len(h.slack.Modals(techCy)) == 1 })
	form := h.slack.Modals(techCy)[0]
	for _, a := range techAnswers {
		initial, _ := json.Marshal(a) // the form holds the answer as typed, JSON-quoted
		if !strings.Contains(string(form.View), string(initial[1:len(initial)-1])) {
			t.Errorf("form lacks the earlier answer %q", a)
		}
	}
	needs := "We need the models <by Monday> & 1 day"
	if _, err := h.slack.SubmitView(t.Context(), form, map[string]string{render.RevisionBlockID(flows.QNeeds): needs}); err != nil {
		t.Fatal(err)
	}
	h.waitStored(root, "version 2", func(c flows.Collab) bool {
		return c.Version == 2 && c.ProposalVersion == 2 && c.Sides[1].Answers[flows.QNeeds].Text == needs
	})
	c, err := h.store.Get(t.Context(), collabOf(t, h, root))
	if err != nil {
		t.Fatal(err)
	}
	if c.Accepted != [2]string{} || c.Sides[1].Answers[flows.QGoal].Text != techAnswers[0] || c.State != flows.Proposed {
		t.Errorf("after the form: accepted %v, goal %q, state %s", c.Accepted, c.Sides[1].Answers[flows.QGoal].Text, c.State)
	}
	p, _ := h.proposal(root)
	if got := texts(t, p); !strings.Contains(got, "&lt;by Monday&gt;") || strings.Contains(got, "<by Monday>") {
		t.Errorf("the new proposal does not show the edited need, escaped:\n%s", got)
	}
}
