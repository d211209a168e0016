package bot

import (
	"context"
	"encoding/json"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// ackTimeout bounds an ack: after the socket closes, an ack would block.
const ackTimeout = 5 * time.Second

// route acks every envelope at once, before any Redis or Web API work,
// then queues the work.
func (b *Bot) route(ctx context.Context, sock *socketmode.Client, ev socketmode.Event) {
	switch ev.Type {
	case socketmode.EventTypeConnected, socketmode.EventTypeHello:
		b.socketUp()
		return
	case socketmode.EventTypeConnecting, socketmode.EventTypeConnectionError,
		socketmode.EventTypeDisconnect, socketmode.EventTypeIncomingError:
		b.socketDown(ev)
		return
	case socketmode.EventTypeErrorBadMessage:
		b.ackBadMessage(ctx, sock, ev)
		return
	}
	if ev.Request == nil || ev.Request.EnvelopeID == "" {
		return
	}
	b.ack(ctx, sock, ev.Request.EnvelopeID)
	switch data := ev.Data.(type) {
	case slack.SlashCommand:
		b.onCommand(ctx, data)
	case slackevents.EventsAPIEvent:
		b.onEventsAPI(ctx, data)
	case slack.InteractionCallback:
		b.onInteraction(ctx, data)
	}
}

func (b *Bot) ack(ctx context.Context, sock *socketmode.Client, envelopeID string) {
	actx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := sock.AckCtx(actx, envelopeID, nil); err != nil {
		b.log.Error("ack", "envelope", envelopeID, "err", err)
	}
}

// ackBadMessage acks an envelope slack-go could not parse, so Slack does
// not redeliver what will never parse, and logs it.
func (b *Bot) ackBadMessage(ctx context.Context, sock *socketmode.Client, ev socketmode.Event) {
	bad, ok := ev.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	var env struct {
		EnvelopeID string `json:"envelope_id"`
		Type       string `json:"type"`
	}
	if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
		b.ack(ctx, sock, env.EnvelopeID)
	}
	b.log.Warn("unreadable envelope", "type", env.Type, "err", bad.Cause)
}
