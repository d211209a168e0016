package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
)

// Redis loses its data mid-collaboration, and the thread does not hold
// what a rebuild needs (its root was posted before the root described
// the collab): a reply in the thread gets one clear note (what happened,
// how to start again), once, from a bot that still had the collab
// cached and from a fresh one alike.
func TestLostCollabToldOnce(t *testing.T) {
	h, rdb := lossHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("ops' second prompt", func() bool { return len(h.prompts(root, opsMention)) == 2 })
	h.settle()
	flush(t, rdb)
	h.rootOfOldKind(root)
	lost := func() int {
		n := 0
		for _, m := range h.botThread(root) {
			if strings.Contains(m.Text, "/collab") && strings.Contains(m.Text, "no longer") {
				n++
			}
		}
		return n
	}
	h.reply(root, opsAna, opsAnswers[1])
	h.waitFor("note that the collab is lost", func() bool { return lost() == 1 })
	h.stop()
	h.startBot()
	h.reply(root, techCy, techAnswers[0])
	h.reply(root, opsAna, opsAnswers[2])
	h.settle()
	if n := lost(); n != 1 {
		t.Errorf("%d notes that the collab is lost, want 1", n)
	}
	if n := len(h.prompts(root, opsMention)); n != 2 {
		t.Errorf("ops got %d prompts after the loss, want the 2 from before", n)
	}
	if n := len(h.ofType(root, "collab_restored")); n != 0 {
		t.Errorf("%d notes that the collab was restored from a thread that cannot restore it", n)
	}
}

// rootOfOldKind makes the root's metadata name only the collab and its
// language, as roots once did.
func (h *harness) rootOfOldKind(root string) {
	h.t.Helper()
	api := bot.NewSlackClient("xoxb-test", "xapp-1-test", h.slack.URL())
	r := h.slack.Thread(channel, root)[0]
	md := meta(r).EventPayload
	old := slack.SlackMetadata{EventType: "collab_root", EventPayload: map[string]any{"collab_id": md["collab_id"], "lang": md["lang"]}}
	if _, _, _, err := api.UpdateMessage(channel, root, slack.MsgOptionText(r.Text, false), slack.MsgOptionMetadata(old)); err != nil {
		h.t.Fatal(err)
	}
}

// People chatting in a thread of their own cost the bot nothing: no
// lookup of the thread in Slack, no message.
func TestPeoplesThreadsLeftAlone(t *testing.T) {
	h := newHarness(t)
	top, _, err := h.slack.Reply(context.Background(), slacktest.Message{Channel: channel, User: opsAna, Text: "lunch?"})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"yes", "at noon", "ok"} {
		h.reply(top, techCy, text)
	}
	h.settle()
	for _, c := range h.slack.Calls() {
		if c.Method == "conversations.replies" || c.Method == "chat.postMessage" || c.Method == "chat.postEphemeral" {
			t.Errorf("the bot called %s for a thread that is not a collab's", c.Method)
		}
	}
}
