package bot_test

import (
	"strings"
	"sync"
	"testing"
)

// answers are one side's replies to goal, needs and value.
type answers [3]string

var (
	opsAnswers  = answers{"Launch the campaign page to win 50k new users", "The page live by Friday\nTesters assigned with priority", "A list of our core users' device models\nUser feedback data within a week"}
	techAnswers = answers{"Keep the system stable with zero major incidents", "We need 2 days of compatibility testing\nThe device models of core users", "Two testers assigned with priority\nPage load time cut from 5s to 1s"}
)

// answer has a member of each side answer all three questions, the two
// sides writing at the same time, and waits for the proposal.
func (h *harness) answer(root, userA string, a answers, userB string, b answers) {
	h.t.Helper()
	for q := range 3 {
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); h.reply(root, userA, a[q]) }()
		go func() { defer wg.Done(); h.reply(root, userB, b[q]) }()
		wg.Wait()
		if q < 2 {
			h.waitFor("next prompts", func() bool {
				return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == q+2 && len(h.prompts(root, "<!subteam^"+techGrp+">")) == q+2
			})
		}
	}
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
}

// acceptAll has the given users click Accept on the current proposal.
func (h *harness) accept(root string, users ...string) {
	h.t.Helper()
	p, _ := h.proposal(root)
	value := button(h.t, p.Blocks, "collab_accept")
	for _, u := range users {
		h.click(u, p, "collab_accept", value)
	}
}

func TestProposalWaitsForBothSides(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" Spring campaign page launch")
	for q := range 3 {
		h.reply(root, opsAna, opsAnswers[q])
	}
	h.waitFor("ops answered", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 3 })
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("tech's second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 2 })
	if _, ok := h.proposal(root); ok {
		t.Fatal("proposal posted before tech answered everything")
	}
}

// Root updates asked for in quick succession are merged into fewer
// chat.update calls than answers, and the root still ends up showing
// every answer.
func TestRootUpdatesMerged(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	for q := range 3 {
		h.reply(root, opsBo, opsAnswers[q])
		h.reply(root, techCy, techAnswers[q])
	}
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	h.waitFor("root shows all six answers", func() bool {
		return strings.Count(string(h.slack.Messages(channel)[0].Blocks), "✓") == 6
	})
	updates := 0
	for _, c := range h.slack.Calls() {
		if c.Method == "chat.update" && c.Params["ts"] == root {
			updates++
		}
	}
	if updates == 0 || updates >= 6 {
		t.Errorf("%d updates of the root for six answers, want fewer, at least one", updates)
	}
}
