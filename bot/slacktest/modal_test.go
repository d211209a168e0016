package slacktest_test

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// views.open takes a trigger the fake issued, for 3 s of its clock, and a
// valid modal; the modal is opened for the user the trigger was given to.
func TestViewsOpenChecksTriggerAndView(t *testing.T) {
	var now atomic.Int64
	now.Store(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).UnixNano())
	srv := newServer(t, slacktest.WithClock(func() time.Time { return time.Unix(0, now.Load()) }))
	c := startClient(t, srv)
	if _, err := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", "help"); err != nil {
		t.Fatal(err)
	}
	trigger := c.next(t, socketmode.EventTypeSlashCommand).Data.(slack.SlashCommand).TriggerID
	modal := slack.ModalViewRequest{Type: slack.VTModal, Title: slack.NewTextBlockObject("plain_text", "Request changes", false, false),
		Blocks: slack.Blocks{BlockSet: []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject("mrkdwn", "hi", false, false), nil, nil)}}}
	long := modal
	long.Title = slack.NewTextBlockObject("plain_text", "A title far longer than Slack takes", false, false)
	tests := []struct {
		name, trigger string
		view          slack.ModalViewRequest
		after         time.Duration
		want          string
	}{
		{"unknown trigger", "1.1001.ff", modal, 0, "invalid_trigger_id"},
		{"title too long", trigger, long, 0, "invalid_arguments"},
		{"fresh trigger", trigger, modal, 2 * time.Second, ""},
		{"expired trigger", trigger, modal, 2 * time.Second, "expired_trigger_id"},
	}
	for _, tt := range tests {
		now.Add(int64(tt.after))
		_, err := c.api.OpenViewContext(waitCtx(t), tt.trigger, tt.view)
		var se slack.SlackErrorResponse
		switch {
		case tt.want == "" && err != nil, tt.want != "" && (!errors.As(err, &se) || se.Err != tt.want):
			t.Errorf("%s: views.open = %v, want %q", tt.name, err, tt.want)
		}
	}
	if m := srv.Modals("U1"); len(m) != 1 {
		t.Errorf("U1 has %d modals, want 1", len(m))
	}
}
