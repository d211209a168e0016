package bot_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// A bot stopped mid-conversation and a new one on the same Redis finish
// the conversation with nothing lost.
func TestRestartMidConversation(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.reply(root, techCy, techAnswers[0])
	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("ops' value prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 3 })
	h.stop()

	h.startBot()
	h.reply(root, opsAna, opsAnswers[2])
	h.reply(root, techCy, techAnswers[1])
	h.reply(root, techCy, techAnswers[2])
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	p, _ := h.proposal(root)
	got := texts(t, p)
	for _, want := range []string{"device models", "Two testers"} {
		if !strings.Contains(got, want) {
			t.Errorf("proposal lost %q after the restart", want)
		}
	}
	h.accept(root, opsAna, techCy)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
}

// A reply sent while an instance stops (it may reach the closing
// connection, unacked, and Slack sends it again) is taken by the next
// one, once; a further restart repeats nothing. It waits for what a user
// sees: the prompts in the thread.
func TestMissedRepliesReplayedAfterRestart(t *testing.T) {
	h := newHarness(t, slacktest.WithRedelivery(time.Second))
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("tech's second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 2 })
	h.stop()
	sent := make(chan struct{})
	go func() { defer close(sent); h.reply(root, opsAna, opsAnswers[0]) }()
	h.startBot()
	<-sent
	h.waitFor("ops' second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })
	h.stop()
	h.startBot() // nothing new: nothing replayed twice
	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("ops' third prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 3 })
	h.settle()
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 3 {
		t.Errorf("ops got %d prompts, want 3", n)
	}
	h.waitStored(root, "ops' answers recorded", func(c flows.Collab) bool {
		a := c.Sides[0].Answers
		return a[0].Text == opsAnswers[0] && a[1].Text == opsAnswers[1] && c.Sides[0].Asking == flows.QValue
	})
}

// Effects decided but not carried out (Slack failed, then the process
// stopped) are carried out by the next instance.
func TestUnfinishedEffectsResumeAfterRestart(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.slack.Fail("chat.postMessage", 100)
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("failed prompt", func() bool {
		for _, c := range h.slack.Calls() {
			if c.Method == "chat.postMessage" && c.Status == 500 {
				return true
			}
		}
		return false
	})
	h.stop()
	h.slack.Heal("chat.postMessage")
	h.startBot()
	h.waitFor("ops' second prompt, posted by the new instance", func() bool {
		return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2
	})
}

// Request changes when Slack refuses the form (its trigger expired): the
// side picks an answer to redo with buttons, answers again in the thread,
// a new version is posted, and acceptances of the old version stop
// counting.
func TestRequestChanges(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	v1, _ := h.proposal(root)
	acceptV1 := button(t, v1.Blocks, "collab_accept")
	h.click(opsAna, v1, "collab_accept", acceptV1)
	h.slack.Refuse("views.open", "expired_trigger_id", 1)
	h.click(techCy, v1, "collab_revise", button(t, v1.Blocks, "collab_revise"))

	var choice json.RawMessage
	h.waitFor("redo choices", func() bool {
		for _, e := range h.ephemeralsFor(techCy) {
			if strings.Contains(string(e.Blocks), "collab_redo") {
				choice = e.Blocks
				return true
			}
		}
		return false
	})
	redo := redoButton(t, choice, "value")
	h.clickEphemeral(techCy, redo)
	h.waitFor("value asked again", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 4 })
	h.reply(root, techCy, "Three testers assigned with priority")
	h.waitFor("version 2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })

	h.click(techCy, v1, "collab_accept", acceptV1)
	v2, _ := h.proposal(root)
	h.click(techCy, v2, "collab_accept", button(t, v2.Blocks, "collab_accept"))
	h.settle()
	if _, ok := h.agreement(); ok {
		t.Fatal("agreement reached although ops accepted only version 1")
	}
	if !strings.Contains(texts(t, v2), "Three testers") {
		t.Errorf("version 2 lacks the new answer: %.400s", v2.Blocks)
	}
	h.click(opsBo, v2, "collab_accept", button(t, v2.Blocks, "collab_accept"))
	h.waitFor("agreement on version 2", func() bool {
		a, ok := h.agreement()
		return ok && meta(a).EventPayload["version"] == float64(2)
	})
	// No button is left to click: v1 points to v2, v2 says it was agreed.
	h.waitFor("proposals closed", func() bool {
		for _, m := range h.slack.Thread(channel, root) {
			if (m.TS == v1.TS || m.TS == v2.TS) && (m.Edited == 0 || strings.Contains(string(m.Blocks), "collab_accept")) {
				return false
			}
		}
		return true
	})
	for _, m := range h.slack.Thread(channel, root) {
		if m.TS == v1.TS && !strings.Contains(texts(t, m), "replaced by v2") {
			t.Errorf("v1 after the revision: %q", texts(t, m))
		}
	}
}

// Replies of both sides sent at the same instant are all recorded, over
// many collaborations at once.
func TestSimultaneousRepliesAllCount(t *testing.T) {
	h := newHarness(t)
	const n = 8
	roots := make([]string, n)
	for i := range n {
		roots[i] = h.start(opsAna, fmt.Sprintf("%s %s %s %d", opsRef, techRef, topicEN, i))
	}
	var wg sync.WaitGroup
	for _, root := range roots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range 3 {
				var pair sync.WaitGroup
				pair.Add(2)
				go func() { defer pair.Done(); h.reply(root, opsBo, opsAnswers[q]) }()
				go func() { defer pair.Done(); h.reply(root, techCy, techAnswers[q]) }()
				pair.Wait()
			}
		}()
	}
	wg.Wait()
	for i, root := range roots {
		h.waitFor(fmt.Sprintf("proposal %d", i), func() bool { _, ok := h.proposal(root); return ok })
		c, err := h.store.Get(t.Context(), collabOf(t, h, root))
		if err != nil {
			t.Fatal(err)
		}
		for q := range 3 {
			if a, b := c.Sides[0].Answers[q], c.Sides[1].Answers[q]; a.Text != opsAnswers[q] || b.Text != techAnswers[q] {
				t.Errorf("collab %d question %d: answers %q and %q", i, q, a.Text, b.Text)
			}
		}
	}
}
