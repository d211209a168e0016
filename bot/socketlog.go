package bot

import (
	"encoding/json"
	"errors"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// socketUp marks the Socket Mode connection up and logs it when it was
// down, so an operator sees the outage end.
func (b *Bot) socketUp() {
	if !b.connected.Swap(true) {
		b.log.Info("slack socket connected")
	}
}

// socketDown marks the connection down and logs the loss at once (warn),
// before slack-go's reconnection, which may take minutes of backoff,
// starts. slack-go shows a refresh Slack asked for (every few hours) like
// any loss, so that is logged too, with its return a moment later. Every
// failed attempt to connect is logged; slack-go spaces them by backoff.
func (b *Bot) socketDown(ev socketmode.Event) {
	if ev.Type == socketmode.EventTypeIncomingError && malformedOnly(ev.Data) {
		return // slack-go keeps the connection for a message it cannot parse
	}
	wasUp := b.connected.Swap(false)
	if ce, ok := ev.Data.(*slack.ConnectionErrorEvent); ok {
		b.log.Warn("slack socket: connecting failed", "attempt", ce.Attempt, "retry_in", ce.Backoff, "err", ce.ErrorObj)
		return
	}
	if !wasUp {
		return
	}
	attrs := []any{"event", string(ev.Type)}
	if err, ok := ev.Data.(error); ok {
		attrs = append(attrs, "err", err)
	}
	b.log.Warn("slack socket lost; reconnecting", attrs...)
}

// malformedOnly reports whether an incoming error is a JSON one, after
// which slack-go goes on reading the same connection.
func malformedOnly(data any) bool {
	ie, ok := data.(*slack.IncomingEventError)
	if !ok {
		return false
	}
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	return errors.As(ie.ErrorObj, &syntax) || errors.As(ie.ErrorObj, &typ)
}
