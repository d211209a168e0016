package slacktest_test

import (
	"context"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// waitLimit bounds every wait in these tests.
const waitLimit = 5 * time.Second

// newServer starts a Server with two members and a group, closed at the
// end of the test.
func newServer(t *testing.T, opts ...slacktest.Option) *slacktest.Server {
	t.Helper()
	srv := slacktest.New(opts...)
	t.Cleanup(srv.Close)
	srv.AddUser(slacktest.User{ID: "U1", Name: "ana", TZ: "Asia/Shanghai"})
	srv.AddUser(slacktest.User{ID: "U2", Name: "bo"})
	srv.AddGroup(slacktest.Group{ID: "S1", Handle: "ops", Users: []string{"U1"}})
	return srv
}

// newAPI is the real slack-go Web API client pointed at srv.
func newAPI(srv *slacktest.Server) *slack.Client {
	return slack.New(slacktest.DefaultBotToken,
		slack.OptionAPIURL(srv.URL()), slack.OptionAppLevelToken(slacktest.DefaultAppToken))
}

// client is a running slack-go Socket Mode client that acks every
// envelope and hands its events to the test.
type client struct {
	api    *slack.Client
	events chan socketmode.Event
}

func startClient(t *testing.T, srv *slacktest.Server, opts ...socketmode.Option) *client {
	t.Helper()
	api := newAPI(srv)
	sm := socketmode.New(api, opts...)
	ctx, cancel := context.WithCancel(context.Background())
	c := &client{api: api, events: make(chan socketmode.Event, 1000)}
	done := make(chan error, 1)
	go func() { done <- sm.RunContext(ctx) }()
	go c.forward(ctx, sm)
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(waitLimit):
			t.Error("socketmode client did not stop")
		}
	})
	return c
}

// forward acks each envelope, as a bot must, and passes events on.
func (c *client) forward(ctx context.Context, sm *socketmode.Client) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-sm.Events:
			if ev.Request != nil && ev.Request.EnvelopeID != "" {
				actx, cancel := context.WithTimeout(ctx, waitLimit)
				_ = sm.AckCtx(actx, ev.Request.EnvelopeID, nil)
				cancel()
			}
			c.events <- ev
		}
	}
}

// next returns the client's next event of type typ, skipping others.
func (c *client) next(t *testing.T, typ socketmode.EventType) socketmode.Event {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case ev := <-c.events:
			if ev.Type == typ {
				return ev
			}
		case <-timeout:
			t.Fatalf("no %s event within %v", typ, waitLimit)
		}
	}
}

// waitCtx is a context bounded by waitLimit.
func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	t.Cleanup(cancel)
	return ctx
}

// waitAck waits until the server recorded the ack of envelopeID.
func waitAck(t *testing.T, srv *slacktest.Server, envelopeID string) slacktest.Ack {
	t.Helper()
	err := srv.WaitFor(waitCtx(t), func() bool { _, ok := srv.Ack(envelopeID); return ok })
	if err != nil {
		t.Fatalf("ack of %s: %v", envelopeID, err)
	}
	ack, _ := srv.Ack(envelopeID)
	return ack
}

// callsTo returns the logged calls of one method.
func callsTo(srv *slacktest.Server, method string) []slacktest.Call {
	var out []slacktest.Call
	for _, c := range srv.Calls() {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}
