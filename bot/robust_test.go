package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// Slack answering 429 with Retry-After delays a post; it does not lose it.
func TestRateLimitedPostsArrive(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.slack.RateLimit("chat.postMessage", 1, time.Second)
	sent := time.Now()
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("prompt after the rate limit", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })
	if waited := time.Since(sent); waited < time.Second {
		t.Errorf("prompt posted after %v: Retry-After of 1s not honoured", waited)
	}
}

// Empty answers are refused with a private note; an answer over 4,000
// characters is refused with a note saying so, and one of 4,000 is taken
// whole and the proposal still fits Slack's limits.
func TestEmptyAndHugeAnswers(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, "   ")
	h.waitFor("empty answer refused", func() bool { return len(h.ephemeralsFor(opsAna)) == 1 })
	long := strings.Repeat("We need the device list by Friday; ", 1143)
	h.reply(root, opsAna, long[:flows.MaxAnswer+1])
	h.waitFor("long answer refused", func() bool {
		es := h.ephemeralsFor(opsAna)
		return len(es) == 2 && strings.Contains(es[1].Text, "4000")
	})
	h.answer(root, opsAna, answers{opsAnswers[0], long[:flows.MaxAnswer], opsAnswers[2]}, techCy, techAnswers)
	h.settle()
	for _, c := range h.slack.Calls() {
		if !c.OK {
			t.Errorf("Slack refused %s: %s %s", c.Method, c.Error, c.Detail)
		}
	}
	st, err := h.store.Get(t.Context(), collabOf(t, h, root))
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Sides[0].Answers[1].Text; got != long[:flows.MaxAnswer] {
		t.Errorf("stored answer has %d characters, want %d", len(got), flows.MaxAnswer)
	}
}

// waitStored polls the store until the thread's collab satisfies cond; a
// store still coming back (a Redis just restarted) is polled again.
func (h *harness) waitStored(root, what string, cond func(flows.Collab) bool) {
	h.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var c flows.Collab
		id, err := h.store.ThreadCollab(h.t.Context(), channel, root)
		if err == nil {
			c, err = h.store.Get(h.t.Context(), id)
		}
		if err == nil && cond(c) {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("waiting for %s: stored collab %+v, err %v", what, c, err)
		}
	}
}

func collabOf(t *testing.T, h *harness, root string) string {
	t.Helper()
	id, err := h.store.ThreadCollab(t.Context(), channel, root)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// Redis going away: a short outage delays an answer, a long one gets the
// user a note to send it again; nothing recorded is lost.
func TestRedisGoingAway(t *testing.T) {
	p := redistest.StartProcess(t)
	opts := p.Options()
	opts.MaxRetries = -1
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { rdb.Close() })
	h := newHarnessOn(t, store.New(rdb, "outage:"))
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)

	p.Stop()
	h.reply(root, opsAna, opsAnswers[0])
	time.Sleep(300 * time.Millisecond) // the bot is retrying meanwhile
	p.Start()
	h.waitFor("answer recorded after a short outage", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })
	h.waitStored(root, "effects saved as done", func(c flows.Collab) bool { return len(c.Outbox) == 0 })

	p.Stop()
	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("user told to resend", func() bool {
		for _, e := range h.ephemeralsFor(opsAna) {
			if strings.Contains(strings.ToLower(e.Text), "again") {
				return true
			}
		}
		return false
	})
	p.Start()
	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("resent answer recorded", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 3 })
	h.waitStored(root, "both answers kept", func(c flows.Collab) bool {
		a := c.Sides[0].Answers
		return a[0].Text == opsAnswers[0] && a[1].Text == opsAnswers[1] && len(c.Outbox) == 0
	})
}
