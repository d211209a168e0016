package slacktest_test

import (
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// A wait on one channel checks its condition again for that channel's
// changes only, not for every change of the workspace.
func TestWaitInChannelWakesForItsChannel(t *testing.T) {
	srv := newServer(t)
	srv.AddUser(slacktest.User{ID: "U1", Name: "ana"})
	checks, waiting := 0, make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- srv.WaitInChannel(waitCtx(t), "C2", func() bool {
			if checks++; checks == 1 {
				close(waiting)
			}
			return len(srv.Messages("C2")) > 0
		})
	}()
	<-waiting
	for range 3 {
		if _, err := srv.Record(slacktest.Message{Channel: "C1", User: "U1", Text: "elsewhere"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := srv.Record(slacktest.Message{Channel: "C2", User: "U1", Text: "here"}); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("WaitInChannel: %v", err)
	}
	if checks != 2 {
		t.Errorf("condition checked %d times, want 2: once at first, once for C2's message", checks)
	}
}

// Without schema checks, blocks Slack would refuse are stored; its limits
// on text still hold.
func TestWithoutSchemaChecks(t *testing.T) {
	srv := newServer(t, slacktest.WithoutSchemaChecks())
	api := newAPI(srv)
	bad := slack.MsgOptionBlocks(slack.NewActionBlock("b", slack.NewButtonBlockElement("a", "v",
		slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("x", 76), false, false))))
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false), bad); err != nil {
		t.Errorf("post with blocks over Slack's limits = %v, want it stored", err)
	}
	_, _, err := api.PostMessage("C1", slack.MsgOptionText(strings.Repeat("长", 40001), false))
	if err == nil || err.Error() != "msg_too_long" {
		t.Errorf("post too long = %v, want msg_too_long", err)
	}
}
