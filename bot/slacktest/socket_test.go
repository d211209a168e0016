package slacktest_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/slacktest"
)

func TestHelloOnConnect(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv)
	hello := c.next(t, socketmode.EventTypeHello)
	if got := hello.Request.ConnectionInfo.AppID; got != slacktest.AppID {
		t.Errorf("hello app_id = %q, want %q", got, slacktest.AppID)
	}
	if got := hello.Request.NumConnections; got != 1 {
		t.Errorf("hello num_connections = %d, want 1", got)
	}
	opens := callsTo(srv, "apps.connections.open")
	if len(opens) != 1 || !opens[0].OK {
		t.Errorf("apps.connections.open calls = %+v, want one ok", opens)
	}
}

func TestPingsKeepClientConnected(t *testing.T) {
	tests := []struct {
		name               string
		ping               time.Duration
		minOpens, maxOpens int // apps.connections.open calls after 3.5 s
	}{
		{name: "ping every 300ms keeps a 1s client", ping: 300 * time.Millisecond, minOpens: 1, maxOpens: 1},
		{name: "ping every 10s loses a 1s client", ping: 10 * time.Second, minOpens: 2, maxOpens: 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, slacktest.WithPingInterval(tt.ping))
			c := startClient(t, srv, socketmode.OptionPingInterval(time.Second))
			c.next(t, socketmode.EventTypeHello)
			time.Sleep(3500 * time.Millisecond) // 3.5 client ping intervals
			got := len(callsTo(srv, "apps.connections.open"))
			if got < tt.minOpens || got > tt.maxOpens {
				t.Errorf("apps.connections.open calls = %d, want %d..%d", got, tt.minOpens, tt.maxOpens)
			}
		})
	}
}

func TestDisconnectMakesClientReconnect(t *testing.T) {
	srv := newServer(t, slacktest.WithPingInterval(200*time.Millisecond))
	c := startClient(t, srv)
	c.next(t, socketmode.EventTypeConnected)
	if err := srv.Disconnect(waitCtx(t)); err != nil {
		t.Fatalf("Disconnect: %v", err)
	}
	if got := c.next(t, socketmode.EventTypeConnected).Data.(*socketmode.ConnectedEvent).ConnectionCount; got != 1 {
		t.Errorf("reconnect ConnectionCount = %d, want 1", got)
	}
	env, err := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", "after reconnect")
	if err != nil {
		t.Fatalf("SlashCommand after reconnect: %v", err)
	}
	if cmd := c.next(t, socketmode.EventTypeSlashCommand).Data.(slack.SlashCommand); cmd.Text != "after reconnect" {
		t.Errorf("command text = %q, want %q", cmd.Text, "after reconnect")
	}
	waitAck(t, srv, env.EnvelopeID)
}

func TestRedeliverIsARetry(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv)
	_, first, err := srv.Reply(waitCtx(t), slacktest.Message{Channel: "C1", User: "U1", Text: "hi"})
	if err != nil {
		t.Fatalf("Reply: %v", err)
	}
	c.next(t, socketmode.EventTypeEventsAPI)
	again, err := srv.Redeliver(waitCtx(t), first)
	if err != nil {
		t.Fatalf("Redeliver: %v", err)
	}
	ev := c.next(t, socketmode.EventTypeEventsAPI)
	req := ev.Request
	if req.EnvelopeID == first.EnvelopeID || req.EnvelopeID != again.EnvelopeID {
		t.Errorf("redelivered envelope id = %q, want new id %q (first %q)", req.EnvelopeID, again.EnvelopeID, first.EnvelopeID)
	}
	if req.RetryAttempt != 1 || req.RetryReason != "timeout" {
		t.Errorf("retry = %d %q, want 1 \"timeout\"", req.RetryAttempt, req.RetryReason)
	}
	if eventID(t, first.Payload) != eventID(t, req.Payload) {
		t.Errorf("event_id changed on redelivery")
	}
	third, _ := srv.Redeliver(waitCtx(t), again)
	if third.RetryAttempt != 2 {
		t.Errorf("second retry_attempt = %d, want 2", third.RetryAttempt)
	}
	waitAck(t, srv, third.EnvelopeID)
}

func eventID(t *testing.T, payload json.RawMessage) string {
	t.Helper()
	var cb slackevents.EventsAPICallbackEvent
	if err := json.Unmarshal(payload, &cb); err != nil || cb.EventID == "" {
		t.Fatalf("payload has no event_id: %v %s", err, payload)
	}
	return cb.EventID
}

func TestSendWaitsForAConnection(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := srv.SlashCommand(ctx, "C1", "U1", "/collab", "nobody listens")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("SlashCommand with no client = %v, want deadline exceeded", err)
	}

	sent := make(chan error, 1)
	go func() {
		_, err := srv.SlashCommand(waitCtx(t), "C1", "U1", "/collab", "queued")
		sent <- err
	}()
	time.Sleep(100 * time.Millisecond) // the command is waiting before the client connects
	c := startClient(t, srv)
	if cmd := c.next(t, socketmode.EventTypeSlashCommand).Data.(slack.SlashCommand); cmd.Text != "queued" {
		t.Errorf("command text = %q, want %q", cmd.Text, "queued")
	}
	if err := <-sent; err != nil {
		t.Errorf("SlashCommand = %v", err)
	}
}
