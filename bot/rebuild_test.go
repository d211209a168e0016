package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

var (
	opsMention  = "<!subteam^" + opsGroup + ">"
	techMention = "<!subteam^" + techGrp + ">"
)

// lossHarness is a harness on a Redis of its own, which the test may
// flush.
func lossHarness(t *testing.T) (*harness, *redis.Client) {
	t.Helper()
	p := redistest.StartProcess(t)
	rdb := redis.NewClient(p.Options())
	t.Cleanup(func() { rdb.Close() })
	return newHarnessOn(t, store.New(rdb, "rebuild:")), rdb
}

// proposedOnLossHarness runs a collaboration to its first proposal on a
// lossHarness.
func proposedOnLossHarness(t *testing.T) (*harness, *redis.Client, string, slacktest.Message) {
	t.Helper()
	h, rdb := lossHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	v1, _ := h.proposal(root)
	return h, rdb, root, v1
}

func flush(t *testing.T, rdb *redis.Client) {
	t.Helper()
	if err := rdb.FlushAll(t.Context()).Err(); err != nil {
		t.Fatal(err)
	}
}

// Redis loses its data halfway through: the next reply rebuilds the
// collaboration from its thread, and the conversation goes on to a
// proposal built on the answers given before the loss, on a bot that
// had it cached and on a fresh one alike.
func TestCollabRebuiltFromThread(t *testing.T) {
	h, rdb := lossHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("ops' needs prompt", func() bool { return len(h.prompts(root, opsMention)) == 2 })
	h.reply(root, opsBo, opsAnswers[1])
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("next prompts", func() bool {
		return len(h.prompts(root, opsMention)) == 3 && len(h.prompts(root, techMention)) == 2
	})
	h.settle()
	flush(t, rdb)

	h.reply(root, techCy, techAnswers[1])
	h.waitFor("tech's value prompt", func() bool { return len(h.prompts(root, techMention)) == 3 })
	if n := len(h.ofType(root, "collab_restored")); n != 1 {
		t.Errorf("%d notes that the collab was restored, want 1", n)
	}
	h.stop()
	h.startBot()
	h.reply(root, opsAna, opsAnswers[2])
	h.reply(root, techCy, techAnswers[2])
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	h.settle()

	p, _ := h.proposal(root)
	got := meta(p).EventPayload
	sideA, _ := got["side_a"].(map[string]any)
	sideB, _ := got["side_b"].(map[string]any)
	if got["version"] != float64(1) || sideA["goal"] != opsAnswers[0] || sideB["goal"] != techAnswers[0] {
		t.Errorf("proposal metadata = %v, want version 1 with both goals given before the loss", got)
	}
	if !strings.Contains(fmt.Sprint(got["matches"]), "need:Testers assigned with priority need_side:a") {
		t.Errorf("proposal matches %v, want ops' need given before the loss met", got["matches"])
	}
	c := h.storedCollab(root)
	if c.Sides[0].Answers[1].Text != opsAnswers[1] || c.Sides[0].Answers[1].User != opsBo {
		t.Errorf("ops' needs = %+v, want %q by %s", c.Sides[0].Answers[1], opsAnswers[1], opsBo)
	}
	h.checkPromptOrder(root)
	if n := len(h.ofType(root, "collab_restored")); n != 1 {
		t.Errorf("%d notes that the collab was restored, want 1", n)
	}
}

// Replies written after the loss that never reached the bot are in the
// thread when a later one rebuilds the collab: they count as the answers
// they were, and their side gets the prompts it would have had.
func TestUnhandledReplyCountsOnRebuild(t *testing.T) {
	h, rdb := lossHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer1(root)
	flush(t, rdb)
	for _, text := range opsAnswers[1:] {
		if _, err := h.slack.Record(slacktest.Message{Channel: channel, User: opsBo, Text: text, ThreadTS: root}); err != nil {
			t.Fatal(err)
		}
	}
	h.reply(root, techCy, techAnswers[1])
	h.waitFor("value prompts", func() bool {
		return len(h.prompts(root, opsMention)) == 3 && len(h.prompts(root, techMention)) == 3
	})
	h.settle()
	ops := h.storedCollab(root).Sides[0]
	if ops.Answers[1].Text != opsAnswers[1] || ops.Answers[2].Text != opsAnswers[2] || ops.Asking != flows.QDone {
		t.Errorf("ops after the rebuild: %+v", ops)
	}
}

// answer1 has both sides answer their first question and waits for their
// second.
func (h *harness) answer1(root string) {
	h.t.Helper()
	h.reply(root, opsAna, opsAnswers[0])
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("second prompts", func() bool {
		return len(h.prompts(root, opsMention)) == 2 && len(h.prompts(root, techMention)) == 2
	})
	h.settle()
}

// A proposal on the table when Redis lost its data is posted again as a
// new version, and both sides accept that one: who accepted the old one
// was known only to what was lost.
func TestProposalPostedAgainAfterLoss(t *testing.T) {
	h, rdb, root, v1 := proposedOnLossHarness(t)
	h.accept(root, opsBo)
	h.waitFor("ops' acceptance", func() bool { return len(h.ephemeralsFor(opsBo)) == 1 })
	h.settle()
	flush(t, rdb)

	h.accept(root, techCy)
	h.waitFor("proposal posted again", func() bool { p, _ := h.proposal(root); return p.TS != v1.TS })
	h.waitFor("tech told the click was on an old version", func() bool { return len(h.ephemeralsFor(techCy)) == 1 })
	if _, ok := h.agreement(); ok {
		t.Fatal("agreement on a proposal accepted by one side before the loss and one after")
	}
	v2, _ := h.proposal(root)
	if got := meta(v2).EventPayload["version"]; got != float64(2) {
		t.Errorf("proposal posted again as version %v, want 2", got)
	}
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement pinned", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })
	a, _ := h.agreement()
	if got := meta(a).EventPayload; got["version"] != float64(2) || got["accepted_by_a"] != opsBo || got["accepted_by_b"] != techCy {
		t.Errorf("agreement metadata = %v", got)
	}
}

// A side asked to give an answer again when Redis lost its data gives it
// after the loss: the new answer makes the next version, and nothing is
// asked twice.
func TestRedoGoesOnAfterLoss(t *testing.T) {
	h, rdb, root, v1 := proposedOnLossHarness(t)
	h.slack.Refuse("views.open", "expired_trigger_id", 1)
	h.click(techCy, v1, "collab_revise", button(t, v1.Blocks, "collab_revise"))
	h.waitFor("redo choices", func() bool { return len(h.ephemeralsFor(techCy)) == 1 })
	h.clickEphemeral(techCy, redoButton(t, h.ephemeralsFor(techCy)[0].Blocks, "value"))
	h.waitFor("value asked again", func() bool { return len(h.prompts(root, techMention)) == 4 })
	h.settle()
	flush(t, rdb)

	h.reply(root, techCy, "Three testers assigned with priority")
	h.waitFor("version 2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })
	h.settle()
	v2, _ := h.proposal(root)
	if !strings.Contains(texts(t, v2), "Three testers") || !strings.Contains(texts(t, v2), "compatibility testing") {
		t.Errorf("version 2 lacks the new answer or the ones before the loss: %.600s", v2.Blocks)
	}
	if n, m := len(h.prompts(root, techMention)), len(h.prompts(root, opsMention)); n != 4 || m != 3 {
		t.Errorf("prompts after the loss: tech %d, ops %d, want 4 and 3", n, m)
	}
	if c := h.storedCollab(root); c.Version != 2 || c.ProposalVersion != 2 || c.State != flows.Proposed {
		t.Errorf("stored collab at version %d (posted %d), %s", c.Version, c.ProposalVersion, c.State)
	}
}

// Real processes: every key of the bot's Redis goes while no process
// runs; a new process rebuilds the collaboration from its thread at the
// next reply, and the conversation ends in a proposal on the answers
// given before the loss.
func TestProcessRebuildsAfterRedisLoss(t *testing.T) {
	f := newFleet(t, 1)
	r := room{f: f, ch: "C0LOSS"}
	if _, err := f.slack.SlashCommand(t.Context(), r.ch, opsAna, "/collab", opsRef+" "+techRef+" "+topicEN); err != nil {
		t.Fatal(err)
	}
	f.waitLong("first prompts", func() bool { c := r.count(); return c.opsPrompts == 1 && c.techPrompts == 1 })
	r.reply(opsBo, opsAnswers[0], false)
	r.reply(techCy, techAnswers[0], false)
	f.waitLong("second prompts", func() bool { c := r.count(); return c.opsPrompts == 2 && c.techPrompts == 2 })
	f.settle()
	f.stopAll()
	deleteUnder(t, f.prefix)

	proc := f.startProc()
	for q := 1; q < 3; q++ {
		r.reply(opsBo, opsAnswers[q], false)
		r.reply(techCy, techAnswers[q], false)
	}
	f.waitLong("proposal", func() bool { _, ok := r.proposal(); return ok })
	f.settle()
	p, _ := r.proposal()
	sideA, _ := meta(p).EventPayload["side_a"].(map[string]any)
	if c := r.count(); c.opsPrompts != 3 || c.techPrompts != 3 || c.proposals != 1 || sideA["goal"] != opsAnswers[0] {
		t.Errorf("after the loss: %+v, side a %v", c, sideA)
	}
	if !f.logged(proc, "collab rebuilt from its thread") {
		t.Errorf("%s did not log that it rebuilt the collab", proc)
	}
}

// deleteUnder deletes every key under prefix, as a Redis that lost its
// data would have them.
func deleteUnder(t *testing.T, prefix string) {
	t.Helper()
	rdb := redistest.Client(t)
	keys, err := rdb.Keys(t.Context(), prefix+"*").Result()
	if err == nil && len(keys) > 0 {
		err = rdb.Del(t.Context(), keys...).Err()
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Slack failing while the bot reads a lost collab's thread is no loss:
// the reply waits, as one Redis could not record, and once Slack answers
// the collaboration is rebuilt and goes on, with no note that it is gone.
func TestRebuildWaitsOutSlackFailure(t *testing.T) {
	h, rdb := lossHarness(t)
	h.stop()
	cfg := testConfig()
	cfg.EventTimeout, cfg.ReclaimAfter = 3*time.Second, 4*time.Second // a pending event comes back soon
	h.stop = h.runBot(cfg)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("ops' second prompt", func() bool { return len(h.prompts(root, opsMention)) == 2 })
	h.settle()
	flush(t, rdb)

	h.slack.Fail("conversations.replies", 5) // the first read and all its retries
	h.reply(root, opsAna, opsAnswers[1])
	h.waitUpTo(30*time.Second, "ops' value prompt after the rebuild", func() bool {
		return len(h.prompts(root, opsMention)) == 3
	})
	h.settle()
	for _, m := range h.botThread(root) {
		if strings.Contains(m.Text, "no longer") {
			t.Errorf("the thread was told the collab is gone: %q", m.Text)
		}
	}
	if n := len(h.ofType(root, "collab_restored")); n != 1 {
		t.Errorf("%d notes that the collab was restored, want 1", n)
	}
}
