package bot_test

import (
	"strings"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// A poison effect does not block what follows: a notice Slack refuses for
// good (user_not_found) is dropped at once, a code the bot does not know
// is dropped after a few tries, and the collaboration still reaches its
// pinned agreement, with one retry schedule and nothing left undone.
func TestPoisonEffectThenNormalUse(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.slack.Refuse("chat.update", "brand_new_error", 3) // the root's status update
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.slack.Refuse("chat.postEphemeral", "user_not_found", 1)
	h.accept(root, opsAna)
	h.waitStored(root, "acceptance recorded", func(c flows.Collab) bool { return c.Accepted[0] == opsAna })
	h.accept(root, techCy)
	h.waitFor("agreement pinned", func() bool { return len(h.slack.Pins(channel)) == 1 })
	h.waitStored(root, "nothing left undone", func(c flows.Collab) bool { return c.State == flows.Agreed && len(c.Outbox) == 0 })
	refused := map[string]int{}
	for _, c := range h.slack.Calls() {
		if !c.OK {
			refused[c.Method+" "+c.Error]++
		}
	}
	if refused["chat.update brand_new_error"] != 3 || refused["chat.postEphemeral user_not_found"] != 1 {
		t.Errorf("refusals %v, want the unknown code tried 3 times and user_not_found once", refused)
	}
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 3 {
		t.Errorf("ops got %d prompts, want 3", n)
	}
	if _, ok := h.agreement(); !ok {
		t.Error("no agreement posted")
	}
	for _, e := range h.ephemeralsFor(opsAna) {
		if strings.Contains(e.Text, "refused") {
			t.Errorf("a dropped notice or status update is no reason to alarm the creator: %q", e.Text)
		}
	}
}
