package slacktest_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/slacktest"
)

func TestSlashCommandArrivesParsed(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv)
	env, err := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", "<!subteam^S1|@ops> <@U2|bo> launch")
	if err != nil {
		t.Fatalf("SlashCommand: %v", err)
	}
	ev := c.next(t, socketmode.EventTypeSlashCommand)
	cmd := ev.Data.(slack.SlashCommand)
	want := slack.SlashCommand{
		Token: cmd.Token, TeamID: slacktest.TeamID, TeamDomain: slacktest.TeamDomain,
		ChannelID: "C1", ChannelName: "c1", UserID: "U1", UserName: "ana", Command: "/collab",
		Text: "<!subteam^S1|@ops> <@U2|bo> launch", ResponseURL: cmd.ResponseURL,
		TriggerID: cmd.TriggerID, APIAppID: slacktest.AppID,
	}
	if cmd != want {
		t.Errorf("slash command = %+v\nwant %+v", cmd, want)
	}
	if !strings.HasPrefix(cmd.ResponseURL, strings.TrimSuffix(srv.URL(), "api/")) || cmd.TriggerID == "" {
		t.Errorf("response_url %q / trigger_id %q not from this server", cmd.ResponseURL, cmd.TriggerID)
	}
	if !ev.Request.AcceptsResponsePayload || ev.Request.EnvelopeID != env.EnvelopeID {
		t.Errorf("request = %+v, want envelope %s accepting a response payload", ev.Request, env.EnvelopeID)
	}
	waitAck(t, srv, env.EnvelopeID)

	second, _ := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", "again")
	cmd2 := c.next(t, socketmode.EventTypeSlashCommand).Data.(slack.SlashCommand)
	if cmd2.ResponseURL == cmd.ResponseURL || cmd2.TriggerID == cmd.TriggerID {
		t.Errorf("second command reuses response_url or trigger_id: %+v", cmd2)
	}
	waitAck(t, srv, second.EnvelopeID)
}

func TestDrivingRejectsUnknownUsersAndThreads(t *testing.T) {
	srv := newServer(t)
	startClient(t, srv)
	if _, _, err := srv.Reply(waitCtx(t), slacktest.Message{Channel: "C1", User: "U1", Text: "root", TS: "1764000000.000200"}); err != nil {
		t.Fatalf("Reply: %v", err)
	}
	tests := []struct {
		name string
		give slacktest.Message
	}{
		{name: "unknown user", give: slacktest.Message{Channel: "C1", User: "U404", Text: "x"}},
		{name: "bad channel", give: slacktest.Message{Channel: "general", User: "U1", Text: "x"}},
		{name: "unknown thread", give: slacktest.Message{Channel: "C1", User: "U1", Text: "x", ThreadTS: "1.000001"}},
		{name: "malformed ts", give: slacktest.Message{Channel: "C1", User: "U1", Text: "x", TS: "yesterday"}},
		{name: "reply before its root", give: slacktest.Message{Channel: "C1", User: "U1", Text: "x", ThreadTS: "1764000000.000200", TS: "1764000000.000100"}},
	}
	for _, tt := range tests {
		if _, _, err := srv.Reply(waitCtx(t), tt.give); err == nil {
			t.Errorf("%s: Reply(%+v) = nil error, want one", tt.name, tt.give)
		}
	}
	if got := srv.Messages("C1"); len(got) != 1 {
		t.Errorf("rejected replies were stored: %+v", got)
	}
}

func TestReplyArrivesAsThreadMessage(t *testing.T) {
	srv := newServer(t, slacktest.WithClock(func() time.Time { return time.Unix(1764000000, 0) }))
	c := startClient(t, srv)
	api := c.api
	_, root, err := api.PostMessage("C1", slack.MsgOptionText("root", false))
	if err != nil {
		t.Fatalf("PostMessage: %v", err)
	}
	ts, env, err := srv.Reply(waitCtx(t), slacktest.Message{Channel: "C1", User: "U1", Text: "my goal", ThreadTS: root, TS: "1764000000.000100"})
	if err != nil {
		t.Fatalf("Reply: %v", err)
	}
	var msg *slackevents.MessageEvent
	for msg == nil || msg.BotID != "" { // skip the echo of the root
		ev := c.next(t, socketmode.EventTypeEventsAPI).Data.(slackevents.EventsAPIEvent)
		msg = ev.InnerEvent.Data.(*slackevents.MessageEvent)
	}
	want := slackevents.MessageEvent{
		Type: "message", User: "U1", Text: "my goal", ThreadTimeStamp: root, TimeStamp: ts,
		Channel: "C1", ChannelType: "channel", EventTimeStamp: ts, ClientMsgID: msg.ClientMsgID,
	}
	if ts != "1764000000.000100" || msg.ThreadTimeStamp != want.ThreadTimeStamp || msg.TimeStamp != want.TimeStamp ||
		msg.User != want.User || msg.Text != want.Text || msg.Channel != want.Channel || msg.ChannelType != want.ChannelType {
		t.Errorf("message event = %+v\nwant %+v", *msg, want)
	}
	thread := srv.Thread("C1", root)
	if len(thread) != 2 || thread[0].TS != root || thread[1].TS != ts || thread[1].ThreadTS != root {
		t.Errorf("Thread = %+v, want root %s then reply %s", thread, root, ts)
	}
	waitAck(t, srv, env.EnvelopeID)
}

func TestClickArrivesAsBlockAction(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	c := startClient(t, srv)
	blocks := slack.MsgOptionBlocks(
		slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "proposal", false, false), nil, nil),
		slack.NewActionBlock("proposal_v2",
			slack.NewButtonBlockElement("collab_accept", "v2", slack.NewTextBlockObject(slack.PlainTextType, "Accept", false, false)),
			slack.NewButtonBlockElement("collab_revise", "v2", slack.NewTextBlockObject(slack.PlainTextType, "Request changes", false, false)),
		),
	)
	_, root, _ := c.api.PostMessage("C1", slack.MsgOptionText("root", false))
	_, ts, err := c.api.PostMessage("C1", slack.MsgOptionText("proposal", false), blocks, slack.MsgOptionTS(root))
	if err != nil {
		t.Fatalf("PostMessage: %v", err)
	}
	env, err := srv.Click(waitCtx(t), slacktest.Click{Channel: "C1", User: "U2", MessageTS: ts, ActionID: "collab_accept"})
	if err != nil {
		t.Fatalf("Click: %v", err)
	}
	cb := c.next(t, socketmode.EventTypeInteractive).Data.(slack.InteractionCallback)
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) != 1 {
		t.Fatalf("callback type %q with %d block actions, want block_actions with 1", cb.Type, len(cb.ActionCallback.BlockActions))
	}
	a := cb.ActionCallback.BlockActions[0]
	got := []string{a.ActionID, a.BlockID, a.Value, cb.User.ID, cb.Channel.ID, cb.Container.MessageTs, cb.Container.ThreadTs, cb.Message.Timestamp, cb.Message.ThreadTimestamp, cb.Message.BotID}
	want := []string{"collab_accept", "proposal_v2", "v2", "U2", "C1", ts, root, ts, root, slacktest.BotID}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("click fields = %q\nwant %q", got, want)
	}
	if len(cb.Message.Blocks.BlockSet) != 2 || cb.Container.IsEphemeral {
		t.Errorf("message blocks = %d, ephemeral = %v; want 2 blocks, not ephemeral", len(cb.Message.Blocks.BlockSet), cb.Container.IsEphemeral)
	}
	waitAck(t, srv, env.EnvelopeID)
}

func TestClickOnEphemeral(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv)
	btn := slack.NewButtonBlockElement("collab_redo", "goal", slack.NewTextBlockObject(slack.PlainTextType, "Goal", false, false))
	ts, err := c.api.PostEphemeral("C1", "U1", slack.MsgOptionText("which answer?", false),
		slack.MsgOptionBlocks(slack.NewActionBlock("", btn)))
	if err != nil {
		t.Fatalf("PostEphemeral: %v", err)
	}
	if _, err := srv.Click(waitCtx(t), slacktest.Click{Channel: "C1", User: "U2", MessageTS: ts, ActionID: "collab_redo"}); err == nil {
		t.Errorf("U2 clicked U1's ephemeral, want an error")
	}
	if _, err := srv.Click(waitCtx(t), slacktest.Click{Channel: "C1", User: "U1", MessageTS: ts, ActionID: "collab_redo"}); err != nil {
		t.Fatalf("Click: %v", err)
	}
	cb := c.next(t, socketmode.EventTypeInteractive).Data.(slack.InteractionCallback)
	a := cb.ActionCallback.BlockActions[0]
	if !cb.Container.IsEphemeral || cb.Message.Timestamp != "" || a.BlockID != "b1" || a.Value != "goal" {
		t.Errorf("ephemeral click: is_ephemeral %v, message ts %q, block_id %q, value %q; want true, none, b1, goal",
			cb.Container.IsEphemeral, cb.Message.Timestamp, a.BlockID, a.Value)
	}
	if _, err := url.Parse(cb.ResponseURL); err != nil || cb.ResponseURL == "" {
		t.Errorf("response_url %q: %v", cb.ResponseURL, err)
	}
}
