package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
)

const topicEN = "Spring campaign page launch"

// TestFullCollaborationEnglish goes from /collab to the pinned agreement.
func TestFullCollaborationEnglish(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.checkPromptOrder(root)

	p, _ := h.proposal(root)
	md := meta(p)
	if md.EventPayload["version"] != float64(1) || md.EventPayload["lang"] != "en" || md.EventPayload["topic"] != topicEN {
		t.Errorf("proposal metadata = %v", md.EventPayload)
	}
	checkContractFields(t, "proposal", md.EventPayload)
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement pinned", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })

	a, _ := h.agreement()
	if a.ThreadTS != "" {
		t.Errorf("agreement posted in a thread (%s), want the channel", a.ThreadTS)
	}
	if !slices.Contains(h.slack.Pins(channel), a.TS) {
		t.Errorf("agreement %s not pinned; pins %v", a.TS, h.slack.Pins(channel))
	}
	got := meta(a).EventPayload
	if got["accepted_by_a"] != opsBo || got["accepted_by_b"] != techCy || got["version"] != float64(1) {
		t.Errorf("agreement metadata = %v", got)
	}
	checkContractFields(t, "agreement", got, "accepted_by_a", "accepted_by_b")
	sideA, _ := got["side_a"].(map[string]any)
	if sideA["goal"] != opsAnswers[0] {
		t.Errorf("side_a = %v, want goal %q", sideA, opsAnswers[0])
	}
	h.waitFor("root shows agreed", func() bool {
		r := h.slack.Messages(channel)[0]
		return r.Edited > 0 && strings.Contains(strings.ToLower(r.Text+string(r.Blocks)), "agreed")
	})
}

// checkPromptOrder checks each side got exactly three prompts, mentioning
// only that side, asking goal, needs and value in that order.
func (h *harness) checkPromptOrder(root string) {
	h.t.Helper()
	for _, ref := range []string{"<!subteam^" + opsGroup + ">", "<!subteam^" + techGrp + ">"} {
		ps := h.prompts(root, ref)
		if len(ps) != 3 {
			h.t.Fatalf("%s got %d prompts, want 3", ref, len(ps))
		}
		for i, p := range ps {
			all := texts(h.t, p)
			if strings.Count(all, "<!subteam^") != strings.Count(all, ref) {
				h.t.Errorf("prompt %d mentions another side: %q", i, all)
			}
			if q := []string{"(goal)", "(needs)", "(value)"}[i]; !strings.Contains(p.Text, q) {
				h.t.Errorf("prompt %d for %s asks %q, want %s", i+1, ref, p.Text, q)
			}
		}
	}
}

func TestStrangerChangesNothing(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, stranger, "I am not part of this")
	h.waitFor("stranger told", func() bool { return len(h.ephemeralsFor(stranger)) == 1 })
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 1 {
		t.Fatalf("stranger's reply moved ops on: %d prompts", n)
	}
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.accept(root, stranger)
	h.waitFor("stranger told again", func() bool { return len(h.ephemeralsFor(stranger)) == 2 })
	h.accept(root, opsAna)
	h.waitFor("ana's acceptance noted", func() bool { return len(h.ephemeralsFor(opsAna)) == 1 })
	if _, ok := h.agreement(); ok {
		t.Fatal("agreement reached with a stranger's acceptance")
	}
}

// Slack redelivers an envelope with a new envelope_id and retry_attempt 1;
// each must take effect once.
func TestRedeliveriesTakeEffectOnce(t *testing.T) {
	h := newHarness(t)
	env := h.command(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.redeliver(env)
	var root string
	h.waitFor("root", func() bool { root = h.rootTS(); return root != "" && len(h.botThread(root)) >= 2 })

	h.redeliver(h.reply(root, opsAna, opsAnswers[0]))
	h.waitFor("ops' second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })
	h.reply(root, opsAna, opsAnswers[1])
	h.reply(root, opsAna, opsAnswers[2])
	for q := range 3 {
		h.reply(root, techCy, techAnswers[q])
	}
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	p, _ := h.proposal(root)
	value := button(t, p.Blocks, "collab_accept")
	h.redeliver(h.click(opsAna, p, "collab_accept", value))
	h.waitFor("acceptance noted", func() bool { return len(h.ephemeralsFor(opsAna)) >= 1 })
	final := h.click(techCy, p, "collab_accept", value)
	h.redeliver(final)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
	h.settle()

	roots := 0
	for _, m := range h.slack.Messages(channel) {
		if m.BotID != "" && m.ThreadTS == "" && eventType(m) == "collab_root" {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d root messages, want 1", roots)
	}
	if n := len(h.prompts(root, "<!subteam^"+opsGroup+">")); n != 3 {
		t.Errorf("ops got %d prompts, want 3", n)
	}
	if e := h.ephemeralsFor(opsAna); len(e) != 1 {
		t.Errorf("ana got %d notices, want 1 (accepted): %+v", len(e), e)
	}
	if n := len(h.slack.Pins(channel)); n != 1 {
		t.Errorf("%d pins, want 1", n)
	}
	agreements := 0
	for _, m := range h.slack.Messages(channel) {
		if eventType(m) == "collab_agreement" {
			agreements++
		}
	}
	if agreements != 1 {
		t.Errorf("%d agreements, want 1", agreements)
	}
}

func (h *harness) redeliver(env slacktest.Envelope) {
	h.t.Helper()
	if _, err := h.slack.Redeliver(context.Background(), env); err != nil {
		h.t.Fatalf("redeliver: %v", err)
	}
}

// settle waits until every envelope sent so far is acked and the bot has
// gone quiet, so a test can check that something did NOT happen.
func (h *harness) settle() {
	h.t.Helper()
	last, still := -1, 0
	for range 100 {
		n := len(h.slack.Calls())
		if n == last {
			still++
		} else {
			last, still = n, 0
		}
		if still == 12 { // longer than a Retry-After or a store backoff
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	h.t.Fatal("the bot never went quiet")
}

// Answers full of Slack markup must come back escaped everywhere.
func TestUserMarkupIsEscaped(t *testing.T) {
	h := newHarness(t)
	hostile := answers{"<!channel> grow & win <@U0OPSBO>", "<!here> need <https://evil.example|a link>\n<@U0VIP> by Friday\nR&D budget <= 5k; QA", "<!everyone> offer <#C0OTHER> & more"}
	root := h.start(opsAna, opsRef+" "+techRef+" Launch <!channel> & <https://x.example|y>")
	h.answer(root, opsAna, hostile, techCy, techAnswers)
	h.accept(root, opsAna, techCy)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
	h.settle()
	// Slack sends typed &, <, > as entities: shown back they must be
	// escaped once, not twice.
	forbidden := []string{"<!channel>", "<!here>", "<!everyone>", "<@U0OPSBO>", "<@U0VIP>", "<https://", "<#C0OTHER>", "&amp;amp;", "&amp;lt;"}
	for _, m := range h.slack.Messages(channel) {
		if m.BotID == "" {
			continue
		}
		all := texts(t, m)
		for _, f := range forbidden {
			if strings.Contains(all, f) {
				t.Errorf("bot message %s shows %q unescaped: %.300s", m.TS, f, all)
			}
		}
	}
	a, _ := h.agreement()
	if !strings.Contains(texts(t, a), "&lt;!channel&gt; grow &amp; win &lt;@U0OPSBO&gt;") {
		t.Errorf("agreement lost the escaped answer text: %.500s", texts(t, a))
	}
	// Metadata carries the texts as typed, for other apps to read.
	if md := texts(t, slacktest.Message{Blocks: a.Metadata}); !strings.Contains(md, "R&D budget <= 5k") || strings.Contains(md, "&amp;") {
		t.Errorf("agreement metadata texts are not as typed: %.600s", md)
	}
	c, err := h.store.Get(t.Context(), collabOf(t, h, root))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Sides[0].Answers[1].Text; !strings.Contains(got, "R&D budget <= 5k; QA") {
		t.Errorf("stored answer %q, want it as typed", got)
	}
}

// checkContractFields fails unless payload holds exactly the fields the
// external contract lists for the proposal, plus extra.
func checkContractFields(t *testing.T, what string, payload map[string]any, extra ...string) {
	t.Helper()
	want := append([]string{"collab_id", "version", "lang", "topic", "side_a", "side_b",
		"matches", "conflicts", "open", "commitments", "candidates"}, extra...)
	for k := range payload {
		if !slices.Contains(want, k) {
			t.Errorf("%s metadata has field %q beyond the contract", what, k)
		}
	}
	for _, k := range want {
		if _, ok := payload[k]; !ok && k != "candidates" {
			t.Errorf("%s metadata lacks field %q", what, k)
		}
	}
}
