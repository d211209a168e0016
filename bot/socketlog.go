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

// socketDown marks the connection down and logs the loss at once, before
// slack-go's reconnection (which may take minutes of backoff) starts.
// A disconnect Slack asked for is routine (it recycles sockets every few
// hours) and logged at info; a loss at warn, and so is every failed
// attempt to connect, which slack-go spaces out by its backoff.
func (b *Bot) socketDown(ev socketmode.Event) {
	if ev.Type == socketmode.EventTypeIncomingError && malformedOnly(ev.Data) {
		return // slack-go keeps the connection for a message it cannot parse
	}
	wasUp := b.connected.Swap(false)
	if ce, ok := ev.Data.(*slack.ConnectionErrorEvent); ok {
		b.log.Warn("slack socket: connecting failed", "attempt", ce.Attempt, "retry_in", ce.Backoff, "err", ce.ErrorObj)
		return
	}
	switch {
	case !wasUp:
	case ev.Type == socketmode.EventTypeDisconnect:
		b.log.Info("slack socket closing: Slack asked for a reconnect")
	default:
		attrs := []any{"event", string(ev.Type)}
		if err, ok := ev.Data.(error); ok {
			attrs = append(attrs, "err", err)
		}
		b.log.Warn("slack socket lost; reconnecting", attrs...)
	}
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
