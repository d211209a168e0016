package bot_test

import (
	"context"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

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
