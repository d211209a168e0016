package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// fakeClock is the time the fake Slack and the bots read: a test moves it
// on instead of sleeping.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// monday is 2 March 2026, a Monday, at hour:00 UTC.
func monday(hour int) time.Time { return time.Date(2026, 3, 2, hour, 0, 0, 0, time.UTC) }

// newTimedHarness starts replicas bots on one fake Slack and one Redis,
// all reading clk, with policy.
func newTimedHarness(t *testing.T, clk *fakeClock, replicas int, policy flows.Policy) *harness {
	t.Helper()
	srv := slacktest.New(slacktest.WithPingInterval(200*time.Millisecond), slacktest.WithClock(clk.Now))
	t.Cleanup(srv.Close)
	addPeople(srv)
	h := &harness{t: t, slack: srv, store: store.New(redistest.Client(t), redistest.Prefix(t))}
	var stops []func()
	for range replicas {
		cfg := testConfig()
		cfg.Now, cfg.TimerEvery, cfg.Policy = clk.Now, 20*time.Millisecond, policy
		stops = append(stops, h.runBot(cfg))
	}
	h.stop = func() {
		for _, stop := range stops {
			stop()
		}
	}
	t.Cleanup(func() { h.stop() })
	return h
}

// ofType lists the bot's messages of a metadata event type in a thread.
func (h *harness) ofType(thread, eventType string) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range h.slack.Thread(channel, thread) {
		if m.BotID != "" && m.TS != thread && eventType == meta(m).EventType {
			out = append(out, m)
		}
	}
	return out
}

// TestOneNudgePerUnansweredQuestionWithTwoReplicas: a side that leaves its
// question a working day is reminded once, in the thread, with the
// question again; the side that answered is not; two replicas send each
// nudge once.
func TestOneNudgePerUnansweredQuestionWithTwoReplicas(t *testing.T) {
	clk := &fakeClock{t: monday(2)} // 10:00 in Shanghai
	h := newTimedHarness(t, clk, 2, flows.Policy{NudgeAfter: 24 * time.Hour})
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, techCy, techAnswers[0]) // cy writes from Shanghai: tech is asked its needs at 10:00 there
	h.waitFor("tech's second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 2 })

	clk.Set(monday(2).Add(24*time.Hour - time.Minute))
	h.settle()
	if n := h.ofType(root, "collab_nudge"); len(n) != 0 {
		t.Fatalf("nudged before a working day passed: %q", n[0].Text)
	}
	clk.Set(monday(2).Add(24*time.Hour + time.Minute)) // Tuesday 10:01 in Shanghai
	h.waitFor("tech nudged", func() bool { return len(h.ofType(root, "collab_nudge")) == 1 })
	clk.Set(monday(9).Add(24*time.Hour + time.Minute)) // ops (no zone yet: UTC) asked at 02:00, counted from 09:00
	h.waitFor("ops nudged", func() bool { return len(h.ofType(root, "collab_nudge")) == 2 })
	clk.Set(monday(9).Add(5 * 24 * time.Hour))
	h.settle()

	nudges := h.ofType(root, "collab_nudge")
	if len(nudges) != 2 {
		t.Fatalf("%d nudges, want one per side", len(nudges))
	}
	for i, want := range []struct{ ref, other, question string }{
		{"<!subteam^" + techGrp + ">", "<!subteam^" + opsGroup + ">", "Question 2 of 3"},
		{"<!subteam^" + opsGroup + ">", "<!subteam^" + techGrp + ">", "Question 1 of 3"},
	} {
		all := texts(t, nudges[i])
		if !strings.Contains(all, want.ref) || strings.Contains(all, want.other) || !strings.Contains(all, want.question) {
			t.Errorf("nudge %d = %q, want it to mention %s only and repeat %q", i, all, want.ref, want.question)
		}
	}
}

// remindersOf counts the reminders of commitment i in the agreement's
// thread, by the item their Done button carries.
func (h *harness) remindersOf(thread string, c flows.Collab, i int) int {
	want := render.Action{Collab: c.ID, Thread: c.RootTS, Item: i}.Encode()
	n := 0
	for _, m := range h.ofType(thread, "collab_reminder") {
		if button(h.t, m.Blocks, render.ActionDone) == want {
			n++
		}
	}
	return n
}

// TestExpiryClosesTheCollab: an unfinished collaboration is closed after
// COLLAB_EXPIRE_AFTER, with a note on the root message and no buttons.
func TestExpiryClosesTheCollab(t *testing.T) {
	clk := &fakeClock{t: monday(10)}
	h := newTimedHarness(t, clk, 1, flows.Policy{ExpireAfter: 14 * 24 * time.Hour})
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	clk.Set(monday(10).Add(14*24*time.Hour - time.Minute))
	h.settle()
	if r := h.slack.Messages(channel)[0]; r.Edited != 0 {
		t.Fatalf("root changed before expiry: %q", r.Text)
	}
	clk.Set(monday(10).Add(14 * 24 * time.Hour))
	h.waitFor("root shows expiry", func() bool {
		return strings.Contains(h.slack.Messages(channel)[0].Text, "closed without agreement")
	})
	r := h.slack.Messages(channel)[0]
	if r.TS != root || len(buttons(t, r.Blocks)) != 0 {
		t.Errorf("expired root %s keeps buttons %v", r.TS, buttons(t, r.Blocks))
	}
	h.reply(root, opsAna, opsAnswers[0])
	h.settle()
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 1 {
		t.Errorf("an expired collab asked ops %d questions, want the first only", n)
	}
}

// TestCommitmentFollowUpsWithTwoReplicas: each dated commitment is reminded
// on its due morning in the agreement's thread, once; Done is shown on the
// pinned summary; one left undone is reminded once more as overdue.
func TestCommitmentFollowUpsWithTwoReplicas(t *testing.T) {
	clk := &fakeClock{t: monday(2)}
	h := newTimedHarness(t, clk, 2, flows.Policy{})
	a, c, firstItem := h.agreeOnDates()
	first := c.Commitments[firstItem]
	if !first.RemindAt.After(c.AgreedAt) || first.RemindAt.Hour() != flows.MorningHour {
		t.Fatalf("first reminder at %v, want a working morning after the agreement (%v)", first.RemindAt, c.AgreedAt)
	}

	clk.Set(first.RemindAt.Add(-time.Minute))
	h.settle()
	if n := h.ofType(a.TS, "collab_reminder"); len(n) != 0 {
		t.Fatalf("reminded before the due morning: %q", n[0].Text)
	}
	clk.Set(first.RemindAt)
	h.waitFor("first reminder", func() bool { return len(h.ofType(a.TS, "collab_reminder")) >= 1 })
	rem := h.ofType(a.TS, "collab_reminder")[0]
	owner := map[flows.Side]string{flows.SideA: "<!subteam^" + opsGroup + ">", flows.SideB: "<!subteam^" + techGrp + ">"}[first.Owner]
	if all := texts(t, rem); !strings.Contains(all, owner) {
		t.Errorf("reminder %q does not mention the owner side %s", all, owner)
	}
	h.click(techCy, rem, render.ActionDone, button(t, rem.Blocks, render.ActionDone))
	h.waitFor("summary shows done", func() bool {
		m, _ := h.agreement()
		return m.Edited > 0 && strings.Contains(texts(t, m), "done (<@"+techCy+">)")
	})

	// The others: their due morning, then the next working morning.
	for i, k := range c.Commitments {
		if i == firstItem {
			continue
		}
		clk.Set(k.RemindAt)
		h.waitFor("due reminder", func() bool { return h.remindersOf(a.TS, c, i) == 1 })
		clk.Set(flows.NextWorkingMorning(k.RemindAt))
		h.waitFor("overdue reminder", func() bool { return h.remindersOf(a.TS, c, i) == 2 })
	}
	clk.Set(first.RemindAt.Add(30 * 24 * time.Hour))
	h.settle()
	for i := range c.Commitments {
		want := 2
		if i == firstItem {
			want = 1
		}
		if n := h.remindersOf(a.TS, c, i); n != want {
			t.Errorf("commitment %d reminded %d times, want %d", i, n, want)
		}
	}
	if len(c.Commitments) > 1 {
		if m, _ := h.agreement(); !strings.Contains(texts(t, m), "overdue since") {
			t.Errorf("summary does not show the overdue commitment: %q", texts(t, m))
		}
	}
}

// agreeOnDates runs a collaboration with two dated commitments (ops's
// due Wednesday, tech's Friday) to its pinned agreement, and returns the
// agreement, the collab and the commitment reminded first.
func (h *harness) agreeOnDates() (slacktest.Message, flows.Collab, int) {
	h.t.Helper()
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, answers{"Grow sign-ups with the spring page", "The landing page live by Friday", "We hand over the device models of core users by Wednesday"},
		techCy, answers{"Ship a stable page", "The device models of core users by Wednesday", "We test the landing page and put it live by Friday"})
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement pinned", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })
	a, _ := h.agreement()
	c, err := h.store.Get(h.t.Context(), meta(a).EventPayload["collab_id"].(string))
	if err != nil || len(c.Commitments) == 0 {
		h.t.Fatalf("agreed collab has commitments %+v (%v), want dated ones", c.Commitments, err)
	}
	first := 0
	for i, k := range c.Commitments {
		if k.RemindAt.Before(c.Commitments[first].RemindAt) {
			first = i
		}
	}
	return a, c, first
}

// TestNeedMoreTime: only the owner side may move a commitment on; the
// pinned summary then shows the new due day, and the reminder follows it.
func TestNeedMoreTime(t *testing.T) {
	clk := &fakeClock{t: monday(2)}
	h := newTimedHarness(t, clk, 1, flows.Policy{})
	a, c, item := h.agreeOnDates()
	clk.Set(c.Commitments[item].RemindAt)
	h.waitFor("first reminder", func() bool { return h.remindersOf(a.TS, c, item) == 1 })
	rem := h.ofType(a.TS, "collab_reminder")[0]
	owner, other := opsAna, techCy
	if c.Commitments[item].Owner == flows.SideB {
		owner, other = techCy, opsAna
	}
	value := button(t, rem.Blocks, render.ActionMoreTime)
	h.click(other, rem, render.ActionMoreTime, value)
	h.waitFor("the other side told off", func() bool { return len(h.ephemeralsFor(other)) == 1 })
	h.click(owner, rem, render.ActionMoreTime, value)
	h.waitFor("summary shows the moved day", func() bool {
		m, _ := h.agreement()
		return strings.Contains(texts(t, m), "moved to")
	})
	moved, err := h.store.Get(t.Context(), c.ID)
	if err != nil || !moved.Commitments[item].Due.After(c.Commitments[item].Due) {
		t.Fatalf("due after Need more time = %+v (%v), want later than %v", moved.Commitments, err, c.Commitments[item].Due)
	}
	clk.Set(moved.Commitments[item].RemindAt)
	h.waitFor("reminder on the new due day", func() bool { return h.remindersOf(a.TS, c, item) == 2 })
}
