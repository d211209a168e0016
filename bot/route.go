package bot

import (
	"context"
	"errors"
	"time"

	"github.com/slack-go/slack/socketmode"
)

// maxBatch bounds the envelopes recorded in one round trip.
const maxBatch = 64

// gather returns ev and the events already waiting behind it, up to
// maxBatch: envelopes that arrive together are recorded together.
func gather(ev socketmode.Event, events <-chan socketmode.Event) []socketmode.Event {
	out := []socketmode.Event{ev}
	for len(out) < maxBatch {
		select {
		case ev := <-events:
			out = append(out, ev)
		default:
			return out
		}
	}
	return out
}

// routeAll handles events in order. Envelopes are recorded before they
// are acked, so that a crash after the ack loses nothing; the entries of
// consecutive envelopes go to Redis in one round trip. Any other event
// (the connection's, an unreadable envelope, the app's removal) is
// handled in its turn, after the envelopes before it are recorded.
func (b *Bot) routeAll(ctx context.Context, sock *socketmode.Client, evs []socketmode.Event) {
	var batch []socketmode.Event
	for _, ev := range evs {
		if b.recordable(ev) {
			batch = append(batch, ev)
			continue
		}
		b.recordAndAck(ctx, sock, batch)
		batch = nil
		b.control(ctx, sock, ev)
	}
	b.recordAndAck(ctx, sock, batch)
}

// recordable reports whether ev is an envelope to record and ack.
func (b *Bot) recordable(ev socketmode.Event) bool {
	switch ev.Type {
	case socketmode.EventTypeConnected, socketmode.EventTypeHello, socketmode.EventTypeConnecting,
		socketmode.EventTypeConnectionError, socketmode.EventTypeDisconnect, socketmode.EventTypeIncomingError,
		socketmode.EventTypeErrorBadMessage:
		return false
	}
	return ev.Request != nil && ev.Request.EnvelopeID != "" && lifecycle(ev.Data, b.self) == nil
}

// control handles an event that records nothing.
func (b *Bot) control(ctx context.Context, sock *socketmode.Client, ev socketmode.Event) {
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
	if r := lifecycle(ev.Data, b.self); r != nil {
		b.ack(ctx, sock, ev.Request.EnvelopeID)
		b.cfg.Metrics.Event(r.Reason, "stop")
		b.stop(r)
	}
}

// intaken is an envelope turned into the entries to record.
type intaken struct {
	ev      socketmode.Event
	entries []entry
	from    origin
	err     error
}

// recordAndAck records the entries of envelopes in one round trip, then
// acks each. When the record fails the envelope is acked anyway (Slack
// would only redeliver it here) and the person is told. What records
// nothing (the bot's own posts, other threads) is acked at once.
func (b *Bot) recordAndAck(ctx context.Context, sock *socketmode.Client, evs []socketmode.Event) {
	if len(evs) == 0 {
		return
	}
	rctx, cancel := context.WithTimeout(ctx, recordTimeout)
	defer cancel()
	var todo []*intaken
	var es []entry
	for _, ev := range evs {
		in := &intaken{ev: ev}
		in.entries, in.from, in.err = b.intake(rctx, ev.Data, ev.Request.Payload)
		if in.err == nil && len(in.entries) == 0 {
			b.ack(ctx, sock, ev.Request.EnvelopeID)
			b.cfg.Metrics.Event(envelopeKind(ev.Data), "ignored")
			continue
		}
		if in.err == nil {
			es = append(es, in.entries...)
		}
		todo = append(todo, in)
	}
	errs := b.recordAll(rctx, es)
	for _, in := range todo {
		if in.err == nil {
			in.err = errors.Join(errs[:len(in.entries)]...)
			errs = errs[len(in.entries):]
		}
		b.ack(ctx, sock, in.ev.Request.EnvelopeID)
		if in.err != nil {
			b.notRecorded(ctx, in)
		}
	}
}

// notRecorded counts and logs an envelope that was not recorded and tells
// the person who sent it.
func (b *Bot) notRecorded(ctx context.Context, in *intaken) {
	b.cfg.Metrics.Event(envelopeKind(in.ev.Data), "not_recorded")
	b.log.Error("event not recorded", "type", in.ev.Type, "user", in.from.user, "err", in.err)
	from := in.from
	b.work.Do("tell:"+from.user, func() { b.tellNotRecorded(ctx, from) })
}

// recordAll appends es to their partitions in one round trip, retrying
// those that failed until they are recorded or ctx (the time Slack gives
// an ack) ends: Redis may be failing over. It returns each one's error.
func (b *Bot) recordAll(ctx context.Context, es []entry) []error {
	errs := make([]error, len(es))
	todo := make([]int, len(es))
	for i := range todo {
		todo[i] = i
	}
	for wait := 20 * time.Millisecond; len(todo) > 0; wait *= 2 {
		rs := make([]recording, len(todo))
		for k, i := range todo {
			rs[k] = recording{Part: partitionOf(es[i].Collab, b.cfg.Partitions), Fields: es[i].fields()}
		}
		got := b.store.RecordAll(ctx, rs)
		left := todo[:0]
		for k, i := range todo {
			if errs[i] = got[k]; errs[i] != nil {
				left = append(left, i)
			}
		}
		if todo = left; len(todo) == 0 || ctx.Err() != nil {
			break
		}
		sleep(ctx, wait)
	}
	return errs
}
