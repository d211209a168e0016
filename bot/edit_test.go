package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// replyTS posts a reply and returns its ts.
func (h *harness) replyTS(root, user, text string) string {
	h.t.Helper()
	ts, _, err := h.slack.Reply(context.Background(), slacktest.Message{Channel: channel, User: user, Text: text, ThreadTS: root})
	if err != nil {
		h.t.Fatalf("reply: %v", err)
	}
	return ts
}

func (h *harness) edit(ts, text string) slacktest.Envelope {
	h.t.Helper()
	env, err := h.slack.EditReply(context.Background(), channel, ts, text)
	if err != nil {
		h.t.Fatalf("edit: %v", err)
	}
	return env
}

// ephemeralSaying waits for an ephemeral to user that contains want.
func (h *harness) ephemeralSaying(user, want string) {
	h.t.Helper()
	h.waitFor("ephemeral "+want, func() bool {
		for _, e := range h.ephemeralsFor(user) {
			if strings.Contains(e.Text, want) {
				return true
			}
		}
		return false
	})
}

// An edited reply before the proposal is the answer, once however often
// Slack delivers the edit, and the proposal shows it; an edit after the
// proposal changes nothing and says how to change an answer.
func TestEditedReplyIsTheAnswer(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	goal := h.replyTS(root, opsAna, "Launch the page <soon>")
	h.waitFor("ops' needs prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })
	env := h.edit(goal, opsAnswers[0]+" & more")
	if _, err := h.slack.Redeliver(t.Context(), env); err != nil {
		t.Fatal(err)
	}
	h.waitStored(root, "edited goal", func(c flows.Collab) bool {
		return c.Sides[0].Answers[flows.QGoal].Text == opsAnswers[0]+" & more"
	})
	h.ephemeralSaying(opsAna, "Your edited reply is now your side's answer")
	h.settle()
	recorded := 0
	for _, e := range h.ephemeralsFor(opsAna) {
		if strings.Contains(e.Text, "edited reply") {
			recorded++
		}
	}
	if recorded != 1 {
		t.Errorf("%d edit notices for one edit delivered twice, want 1", recorded)
	}
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 2 {
		t.Errorf("ops got %d prompts after the edit, want still 2", n)
	}

	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("ops' value prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 3 })
	h.reply(root, opsAna, opsAnswers[2])
	techGoal := h.replyTS(root, techCy, techAnswers[0])
	for q := 1; q < 3; q++ {
		h.waitFor("tech's next prompt", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == q+1 })
		h.reply(root, techCy, techAnswers[q])
	}
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	p, _ := h.proposal(root)
	if got := texts(t, p); !strings.Contains(got, "&amp; more") || strings.Contains(got, "soon") {
		t.Errorf("proposal does not show the edited goal, escaped:\n%s", got)
	}

	h.edit(techGoal, "Something else entirely")
	h.ephemeralSaying(techCy, "Request changes")
	h.waitStored(root, "tech's goal kept", func(c flows.Collab) bool {
		return c.Sides[1].Answers[flows.QGoal].Text == techAnswers[0] && c.Version == 1
	})
}
