package slacktest_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/slacktest"
)

func TestBotPostsAreEchoed(t *testing.T) {
	tests := []struct {
		name       string
		opts       []slacktest.Option
		wantEchoes int
	}{
		{name: "echo on by default", wantEchoes: 1},
		{name: "WithoutEcho", opts: []slacktest.Option{slacktest.WithoutEcho()}, wantEchoes: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, tt.opts...)
			c := startClient(t, srv)
			_, ts, err := c.api.PostMessage("C1", slack.MsgOptionText("from the bot", false))
			if err != nil {
				t.Fatalf("PostMessage: %v", err)
			}
			if _, _, err := srv.Reply(waitCtx(t), slacktest.Message{Channel: "C1", User: "U1", Text: "from ana", ThreadTS: ts}); err != nil {
				t.Fatalf("Reply: %v", err)
			}
			want := 1 + tt.wantEchoes // the reply, and the echo if any
			if err := srv.WaitFor(waitCtx(t), func() bool { return len(srv.Acks()) >= want }); err != nil {
				t.Fatalf("waiting for %d acks: %v", want, err)
			}
			time.Sleep(200 * time.Millisecond) // room for an unwanted echo
			var echoes []*slackevents.MessageEvent
			for range len(srv.Acks()) {
				ev := c.next(t, socketmode.EventTypeEventsAPI).Data.(slackevents.EventsAPIEvent)
				if msg := ev.InnerEvent.Data.(*slackevents.MessageEvent); msg.User == slacktest.BotUserID {
					echoes = append(echoes, msg)
				}
			}
			if len(echoes) != tt.wantEchoes {
				t.Fatalf("%d echoes, want %d", len(echoes), tt.wantEchoes)
			}
			for _, e := range echoes {
				if e.BotID != slacktest.BotID || e.TimeStamp != ts || e.Text != "from the bot" {
					t.Errorf("echo = %+v, want bot_id %s ts %s", e, slacktest.BotID, ts)
				}
			}
		})
	}
}

func TestResponseURL(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv)
	if _, err := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", ""); err != nil {
		t.Fatalf("SlashCommand: %v", err)
	}
	cmd := c.next(t, socketmode.EventTypeSlashCommand).Data.(slack.SlashCommand)
	_, _, err := c.api.PostMessage("", slack.MsgOptionResponseURL(cmd.ResponseURL, slack.ResponseTypeEphemeral),
		slack.MsgOptionText("usage: /collab <side A> <side B> <topic>", false))
	if err != nil {
		t.Fatalf("respond: %v", err)
	}
	bad := slack.MsgOptionBlocks(slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "", false, false), nil, nil))
	_, _, err = c.api.PostMessage("", slack.MsgOptionResponseURL(cmd.ResponseURL, slack.ResponseTypeEphemeral), bad)
	if err == nil || err.Error() != "invalid_blocks" {
		t.Errorf("respond with bad blocks = %v, want invalid_blocks", err)
	}
	eph := srv.Ephemerals()
	if len(eph) != 1 || eph[0].Via != "response_url" || eph[0].Channel != "C1" || eph[0].User != "U1" ||
		eph[0].ResponseType != "ephemeral" || !strings.HasPrefix(eph[0].Text, "usage:") {
		t.Errorf("Ephemerals = %+v, want one usage message to U1 in C1 via response_url", eph)
	}
}

func TestUpdateAndReadBack(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	api := newAPI(srv)
	_, root, _ := api.PostMessage("C1", slack.MsgOptionText("root v1", false))
	_, reply, _ := api.PostMessage("C1", slack.MsgOptionText("in thread", false), slack.MsgOptionTS(root))
	if _, _, _, err := api.UpdateMessage("C1", root, slack.MsgOptionText("root v2", false)); err != nil {
		t.Fatalf("UpdateMessage: %v", err)
	}
	if err := api.AddPin("C1", slack.NewRefToMessage("C1", root)); err != nil {
		t.Fatalf("AddPin: %v", err)
	}
	msgs, _, _, err := api.GetConversationReplies(&slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: reply})
	if err != nil || len(msgs) != 2 || msgs[0].Text != "root v2" || msgs[0].ReplyCount != 1 || msgs[1].ThreadTimestamp != root {
		t.Errorf("replies = %+v, %v; want edited root with 1 reply, then the reply", msgs, err)
	}
	hist, err := api.GetConversationHistory(&slack.GetConversationHistoryParameters{ChannelID: "C1"})
	if err != nil || len(hist.Messages) != 1 || hist.Messages[0].Timestamp != root || hist.Messages[0].Edited == nil {
		t.Errorf("history = %+v, %v; want only the edited root", hist, err)
	}
	pins, _, err := api.ListPins("C1")
	if err != nil || len(pins) != 1 || pins[0].Message.Timestamp != root || srv.Pins("C1")[0] != root {
		t.Errorf("pins = %+v, %v; want the root", pins, err)
	}
	if m := srv.Messages("C1")[0]; m.Edited != 1 || m.Text != "root v2" {
		t.Errorf("stored root = %+v, want edited once", m)
	}
}

func TestDirectory(t *testing.T) {
	srv := newServer(t, slacktest.WithClock(func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) }))
	api := newAPI(srv)
	auth, err := api.AuthTest()
	if err != nil || auth.UserID != slacktest.BotUserID || auth.BotID != slacktest.BotID || auth.TeamID != slacktest.TeamID || auth.User != "collabbot" {
		t.Errorf("AuthTest = %+v, %v", auth, err)
	}
	tests := []struct {
		user, wantTZ string
		wantOffset   int
	}{
		{user: "U1", wantTZ: "Asia/Shanghai", wantOffset: 8 * 3600},
		{user: "U2", wantTZ: "", wantOffset: 0},
	}
	for _, tt := range tests {
		u, err := api.GetUserInfo(tt.user)
		if err != nil || u.TZ != tt.wantTZ || u.TZOffset != tt.wantOffset {
			t.Errorf("GetUserInfo(%s) = tz %q offset %d (%v), want %q %d", tt.user, u.TZ, u.TZOffset, err, tt.wantTZ, tt.wantOffset)
		}
	}
	members, err := api.GetUserGroupMembers("S1")
	if err != nil || strings.Join(members, ",") != "U1" {
		t.Errorf("GetUserGroupMembers(S1) = %v, %v; want [U1]", members, err)
	}
}

func TestTimestampsStrictlyIncrease(t *testing.T) {
	fixed := time.Unix(1764000000, 0)
	srv := newServer(t, slacktest.WithoutEcho(), slacktest.WithClock(func() time.Time { return fixed }))
	api := newAPI(srv)
	const n = 40
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false))
			errs <- err
			if i%2 == 0 {
				_, _ = api.PostEphemeral("C1", "U1", slack.MsgOptionText("y", false))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("PostMessage: %v", err)
		}
	}
	msgs := srv.Messages("C1")
	if len(msgs) != n {
		t.Fatalf("%d messages, want %d", len(msgs), n)
	}
	seen := map[string]bool{}
	for i, m := range msgs {
		if !strings.HasPrefix(m.TS, "1764000000.") || len(m.TS) != len("1764000000.000100") || seen[m.TS] {
			t.Errorf("ts %q: want 1764000000.dddddd, unique", m.TS)
		}
		seen[m.TS] = true
		if i > 0 && m.TS <= msgs[i-1].TS {
			t.Errorf("ts %s not after %s", m.TS, msgs[i-1].TS)
		}
	}
	for _, e := range srv.Ephemerals() {
		if seen[e.TS] {
			t.Errorf("ephemeral reuses message ts %s", e.TS)
		}
	}
}

func TestWaitFor(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := srv.WaitFor(ctx, func() bool { return false }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitFor(never) = %v, want deadline exceeded", err)
	}
	go func() {
		time.Sleep(50 * time.Millisecond)
		_, _, _ = newAPI(srv).PostMessage("C1", slack.MsgOptionText("later", false))
	}()
	start := time.Now()
	err := srv.WaitFor(waitCtx(t), func() bool { return len(srv.Messages("C1")) == 1 })
	if err != nil || time.Since(start) > time.Second {
		t.Errorf("WaitFor(message) = %v after %v", err, time.Since(start))
	}
	srv.Close()
	if err := srv.WaitFor(context.Background(), func() bool { return false }); !errors.Is(err, slacktest.ErrClosed) {
		t.Errorf("WaitFor after Close = %v, want ErrClosed", err)
	}
}
