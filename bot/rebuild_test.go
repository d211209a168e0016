package bot_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// flushableHarness is a harness on a Redis process of the test's own, so
// the test can flush it.
func flushableHarness(t *testing.T) (*harness, func()) {
	t.Helper()
	p := redistest.StartProcess(t)
	rdb := redis.NewClient(&redis.Options{Addr: p.Addr()})
	t.Cleanup(func() { rdb.Close() })
	h := newHarnessOn(t, store.New(rdb, "rebuild:"))
	return h, func() {
		t.Helper()
		if err := rdb.FlushAll(t.Context()).Err(); err != nil {
			t.Fatal(err)
		}
	}
}

// Redis loses its data three times in one collaboration: while a bot
// holds it cached, with replies of both sides at once; before a fresh
// bot starts; and after one side accepted. Each time the collaboration
// is rebuilt, once, from its thread, goes on at the right question with
// the earlier answers kept, and reaches the pinned agreement with every
// message posted exactly once.
func TestRebuiltFromThreadAfterFlush(t *testing.T) {
	h, flush := flushableHarness(t)
	ops, tech := "<!subteam^"+opsGroup+">", "<!subteam^"+techGrp+">"
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.reply(root, opsBo, opsAnswers[1])
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("ops' third and tech's second prompt", func() bool {
		return len(h.prompts(root, ops)) == 3 && len(h.prompts(root, tech)) == 2
	})
	before := h.storedCollab(root)

	flush()
	reads := len(h.slack.Calls())
	var wg sync.WaitGroup
	for _, r := range [][2]string{{techCy, techAnswers[1]}, {opsAna, opsAnswers[2]}} {
		wg.Add(1)
		go func() { defer wg.Done(); h.reply(root, r[0], r[1]) }()
	}
	wg.Wait()
	h.waitFor("tech's third prompt", func() bool { return len(h.prompts(root, tech)) == 3 })
	h.settle()
	if n := h.threadReads(root, reads); n != 1 {
		t.Errorf("the thread was read whole %d times for two replies at once, want 1 rebuild", n)
	}
	c := h.storedCollab(root)
	for i, want := range before.Sides[0].Answers[:2] {
		if got := c.Sides[0].Answers[i]; got != want {
			t.Errorf("ops' answer %d after the rebuild = %+v, want %+v", i, got, want)
		}
	}
	if c.Sides[0].Asking != flows.QDone || c.Sides[1].Asking != flows.QValue || c.Sides[1].Answers[1].Text != techAnswers[1] {
		t.Errorf("after the rebuild ops asking %v, tech asking %v with needs %q", c.Sides[0].Asking, c.Sides[1].Asking, c.Sides[1].Answers[1].Text)
	}

	h.stop()
	flush()
	h.startBot()
	h.reply(root, techCy, techAnswers[2])
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	h.accept(root, opsBo)
	h.waitFor("root showing ops' acceptance", func() bool {
		return meta(h.slack.Messages(channel)[0]).EventPayload["accepted_a"] == opsBo
	})
	flush()
	h.accept(root, techCy)
	h.waitFor("agreement pinned", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })
	h.settle()
	h.checkOnce(root)
	a, _ := h.agreement()
	got := meta(a).EventPayload
	if got["accepted_by_a"] != opsBo || got["accepted_by_b"] != techCy {
		t.Errorf("agreement accepted by %v and %v, want %s and %s", got["accepted_by_a"], got["accepted_by_b"], opsBo, techCy)
	}
	if side, _ := got["side_a"].(map[string]any); side["goal"] != opsAnswers[0] {
		t.Errorf("agreement's side A = %v, want the goal given before the first loss", side)
	}
}

// threadReads counts the reads of the whole thread (the bot reads one
// message for the root alone) among the calls since call from.
func (h *harness) threadReads(root string, from int) int {
	n := 0
	for _, c := range h.slack.Calls()[from:] {
		if c.Method == "conversations.replies" && c.Params["ts"] == root && c.Params["limit"] != "1" {
			n++
		}
	}
	return n
}

// checkOnce checks the collaboration's messages: three prompts a side,
// one proposal, one agreement, one pin, no note of a lost collaboration,
// and no effect id on two messages.
func (h *harness) checkOnce(root string) {
	h.t.Helper()
	ops, tech := "<!subteam^"+opsGroup+">", "<!subteam^"+techGrp+">"
	if a, b := len(h.prompts(root, ops)), len(h.prompts(root, tech)); a != 3 || b != 3 {
		h.t.Errorf("prompts: ops %d, tech %d, want 3 each", a, b)
		for _, m := range h.slack.Thread(channel, root) {
			h.t.Logf("%s %s %s %s %.60q", m.TS, m.User, blockID(m), m.Metadata, m.Text)
		}
	}
	if n := len(h.ofType(root, "collab_proposal")); n != 1 {
		h.t.Errorf("%d proposals, want 1", n)
	}
	agreements := 0
	for _, m := range h.slack.Messages(channel) {
		if eventType(m) == "collab_agreement" {
			agreements++
		}
	}
	if n := agreements; n != 1 {
		h.t.Errorf("%d agreements, want 1", n)
	}
	if n := h.lostNotes(root); n != 0 {
		h.t.Errorf("%d notes that the collaboration is lost, want none", n)
	}
	seen := map[string]string{}
	for _, m := range append(h.slack.Messages(channel), h.slack.Thread(channel, root)...) {
		id := blockID(m)
		if prev, dup := seen[id]; dup && id != "" && prev != m.TS {
			h.t.Errorf("effect %s posted twice: %s and %s", id, prev, m.TS)
		}
		seen[id] = m.TS
	}
}

// blockID is the block_id of a message's first block, "" when none.
func blockID(m slacktest.Message) string {
	var blocks []struct {
		ID string `json:"block_id"`
	}
	if json.Unmarshal(m.Blocks, &blocks) != nil || len(blocks) == 0 {
		return ""
	}
	return blocks[0].ID
}

// lostNotes counts the bot's notes in the thread that its collaboration
// is lost.
func (h *harness) lostNotes(root string) int {
	n := 0
	for _, m := range h.botThread(root) {
		if strings.Contains(m.Text, "/collab") && strings.Contains(m.Text, "no longer") {
			n++
		}
	}
	return n
}

// A thread an earlier version of the bot wrote holds no record to
// rebuild from: a reply gets the clear note, once, from a running bot and
// a fresh one alike. A root without metadata counts as a collaboration's
// root by its effect id; a root with the record whose prompts do not say
// what they ask cannot tell what was asked.
func TestThreadWithoutRecordToldOnce(t *testing.T) {
	h := newHarness(t)
	record := map[string]any{
		"collab_id": "oldcollab3", "lang": "en", "topic": topicEN, "tz": "UTC",
		"created_by": opsAna, "created_at": time.Now().UTC().Format(time.RFC3339),
		"side_a": map[string]any{"kind": "group", "id": opsGroup, "handle": "ops", "tz": ""},
		"side_b": map[string]any{"kind": "group", "id": techGrp, "handle": "tech", "tz": ""},
		"state":  "collecting", "version": 0, "accepted_a": "", "accepted_b": "",
	}
	older := []struct {
		name, id string
		root     map[string]any // nil: no metadata
		prompt   bool           // a prompt of an earlier version in the thread
	}{
		{"no metadata", "oldcollab1", nil, false},
		{"older metadata", "oldcollab2", map[string]any{"collab_id": "oldcollab2", "lang": "en"}, false},
		{"older prompts", "oldcollab3", record, true},
	}
	roots := map[string]string{}
	for _, o := range older {
		roots[o.name] = h.postAsBot(o.id+".1", "", "collab_root", o.root)
		if o.prompt {
			h.postAsBot(o.id+".2", roots[o.name], "collab_prompt", map[string]any{"collab_id": o.id, "lang": "en"})
		}
	}
	for _, root := range roots {
		h.reply(root, opsAna, opsAnswers[0])
	}
	h.waitFor("a note in each thread", func() bool {
		for _, root := range roots {
			if h.lostNotes(root) != 1 {
				return false
			}
		}
		return true
	})
	h.stop()
	h.startBot()
	for _, root := range roots {
		h.reply(root, techCy, techAnswers[0])
		h.reply(root, opsAna, opsAnswers[1])
	}
	h.settle()
	for name, root := range roots {
		if n := h.lostNotes(root); n != 1 {
			t.Errorf("thread with %s: %d notes, want 1", name, n)
		}
	}
}

// postAsBot posts a message as the bot would have, with effect id fx in
// its first block and, unless payload is nil, metadata of eventType; in
// thread unless it is "". It returns the message's ts.
func (h *harness) postAsBot(fx, thread, eventType string, payload map[string]any) string {
	h.t.Helper()
	api := bot.NewSlackClient("xoxb-test", "xapp-1-test", h.slack.URL())
	text := slack.NewTextBlockObject("mrkdwn", topicEN, false, false)
	opts := []slack.MsgOption{
		slack.MsgOptionText(topicEN, false),
		slack.MsgOptionBlocks(slack.NewSectionBlock(text, nil, nil, slack.SectionBlockOptionBlockID("fx."+fx))),
	}
	if payload != nil {
		opts = append(opts, slack.MsgOptionMetadata(slack.SlackMetadata{EventType: eventType, EventPayload: payload}))
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	_, ts, err := api.PostMessageContext(context.Background(), channel, opts...)
	if err != nil {
		h.t.Fatalf("post %s as the bot: %v", fx, err)
	}
	return ts
}

// A question asked again after Request changes is in the thread only as
// the bot's prompt: a rebuild reads it so, takes the new answer as the
// revision, and the next version is proposed once, then agreed.
func TestRebuildAfterRequestChanges(t *testing.T) {
	h, flush := flushableHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	v1, _ := h.proposal(root)
	h.slack.Refuse("views.open", "expired_trigger_id", 1)
	h.click(techCy, v1, "collab_revise", button(t, v1.Blocks, "collab_revise"))
	h.clickEphemeral(techCy, redoButton(t, h.redoChoices(techCy), "value"))
	h.waitFor("value asked again", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 4 })

	flush()
	h.reply(root, techCy, "Three testers assigned with priority")
	h.waitFor("version 2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })
	v2, _ := h.proposal(root)
	if !strings.Contains(texts(t, v2), "Three testers") {
		t.Errorf("version 2 lacks the new answer: %.400s", v2.Blocks)
	}
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement on version 2", func() bool {
		a, ok := h.agreement()
		return ok && meta(a).EventPayload["version"] == float64(2)
	})
	h.settle()
	if n := len(h.ofType(root, "collab_proposal")); n != 2 {
		t.Errorf("%d proposals, want 2", n)
	}
	if n := len(h.prompts(root, "<!subteam^"+techGrp+">")); n != 4 {
		t.Errorf("tech got %d prompts, want 4", n)
	}
	if n := h.lostNotes(root); n != 0 {
		t.Errorf("%d notes that the collaboration is lost", n)
	}
}

// A version made by a yes on a suggested pair is in the thread only as
// that version: a rebuild finds the answer that made it, so accepting it
// agrees on exactly what it shows, and no version is posted again.
func TestRebuildKeepsConfirmedPair(t *testing.T) {
	h, flush := flushableHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	v1, _ := h.proposal(root)
	yes, pair := h.opsCandidate(root, v1, "collab_candidate_yes")
	h.click(opsBo, v1, "collab_candidate_yes", yes)
	h.waitFor("proposal v2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })
	v2, _ := h.proposal(root)
	h.settle()

	flush()
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
	h.settle()
	a, _ := h.agreement()
	got, shown := meta(a).EventPayload, meta(v2).EventPayload
	if got["version"] != float64(2) || !has(objects(got["matches"]), pair) {
		t.Errorf("agreement v%v with matches %v, want v2 with %v", got["version"], got["matches"], pair)
	}
	for _, k := range []string{"matches", "conflicts", "open", "commitments"} {
		if !reflect.DeepEqual(got[k], shown[k]) {
			t.Errorf("agreement's %s = %v, v2 showed %v", k, got[k], shown[k])
		}
	}
	if n := len(h.ofType(root, "collab_proposal")); n != 2 {
		t.Errorf("%d proposals, want 2", n)
	}
}

// An answer changed through the revision form is not in the thread: the
// proposal on the table is not what the thread's answers give, so the
// rebuild posts a new version made from them, once, and the sides agree
// on exactly that one.
func TestRebuildAfterFormRevisionProposesAgain(t *testing.T) {
	h, flush := flushableHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.requestChanges(root, techCy)
	h.waitFor("revision form", func() bool { return len(h.slack.Modals(techCy)) == 1 })
	needs := "We need 1 day of testing"
	if _, err := h.slack.SubmitView(t.Context(), h.slack.Modals(techCy)[0], map[string]string{render.RevisionBlockID(flows.QNeeds): needs}); err != nil {
		t.Fatal(err)
	}
	h.waitFor("proposal v2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })
	h.settle()

	flush()
	v2, _ := h.proposal(root)
	h.click(opsBo, v2, "collab_accept", button(t, v2.Blocks, "collab_accept"))
	h.waitFor("proposal v3", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(3) })
	h.settle()
	v3, _ := h.proposal(root)
	if strings.Contains(texts(t, v3), needs) {
		t.Errorf("v3 shows the answer the thread does not hold: %q", needs)
	}
	h.accept(root, opsBo, techCy)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
	h.settle()
	a, _ := h.agreement()
	got, shown := meta(a).EventPayload, meta(v3).EventPayload
	for _, k := range []string{"version", "matches", "conflicts", "open", "commitments"} {
		if !reflect.DeepEqual(got[k], shown[k]) {
			t.Errorf("agreement's %s = %v, v3 showed %v", k, got[k], shown[k])
		}
	}
	if n := len(h.ofType(root, "collab_proposal")); n != 3 {
		t.Errorf("%d proposals, want 3", n)
	}
}

// redoChoices waits for the ephemeral offering user the redo buttons and
// returns its blocks.
func (h *harness) redoChoices(user string) json.RawMessage {
	h.t.Helper()
	var choice json.RawMessage
	h.waitFor("redo choices", func() bool {
		for _, e := range h.ephemeralsFor(user) {
			if strings.Contains(string(e.Blocks), "collab_redo") {
				choice = e.Blocks
				return true
			}
		}
		return false
	})
	return choice
}
