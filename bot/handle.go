package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

func toEntries(got []storedEntry, part int) []entry {
	out := make([]entry, 0, len(got))
	for _, g := range got {
		e := entryOf(g.Fields)
		e.id, e.part = g.ID, part
		out = append(out, e)
	}
	return out
}

// dispatch queues entries on their collaboration's worker. Within one
// collaboration they go in Slack's order (ts), in case two replicas
// recorded two replies in the other order; an entry already in flight
// (claimed again while slow) is skipped.
func (b *Bot) dispatch(r *reader, es []entry) {
	groups := map[string][]entry{}
	var order []string
	for _, e := range es {
		if _, seen := groups[e.Collab]; !seen {
			order = append(order, e.Collab)
		}
		groups[e.Collab] = append(groups[e.Collab], e)
	}
	for _, id := range order {
		g := groups[id]
		slices.SortStableFunc(g, func(x, y entry) int {
			switch {
			case flows.LaterTS(x.TS, y.TS):
				return 1
			case flows.LaterTS(y.TS, x.TS):
				return -1
			}
			return 0
		})
		for _, e := range g {
			if !r.start(e.id) {
				continue
			}
			b.work.Do(collabKey(e.Collab), func() {
				defer r.finish(e.id)
				b.handleEntry(r, e)
			})
		}
	}
}

// start marks an entry in flight; false when it already is.
func (r *reader) start(id string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.flight[id] {
		return false
	}
	r.flight[id] = true
	r.wg.Add(1)
	return true
}

func (r *reader) finish(id string) {
	r.mu.Lock()
	delete(r.flight, id)
	r.mu.Unlock()
	r.wg.Done()
}

// handleEntry runs one recorded event, saving under the partition's
// fencing token, and acks it, unless it could not be recorded for want of
// Redis: then it stays pending and is handed out again later, so no event
// is lost to an outage. An entry whose partition was taken over is left
// to the new owner. The work outlives r's reading, not its abandon.
func (b *Bot) handleEntry(r *reader, e entry) {
	ectx, cancel := context.WithTimeout(r.work, b.cfg.EventTimeout)
	defer cancel()
	ack := &entryAck{part: e.part, id: e.id, token: r.lease.current(), lease: &r.lease}
	if ack.token == 0 { // lost since the entry was read: a token of 0 would not fence
		b.log.Warn("partition taken over: event left to its new owner", "collab", e.Collab, "partition", e.part)
		return
	}
	ectx = b.store.Tally(context.WithValue(ectx, entryAckKey{}, ack), e.Kind)
	err := b.handle(ectx, e)
	if errors.Is(err, flows.ErrFenced) && b.retaken(ectx, r, ack) {
		b.log.Info("partition lease taken again: event handled under its new token", "collab", e.Collab, "partition", e.part)
		err = b.handle(ectx, e)
	}
	if errors.Is(err, flows.ErrFenced) {
		b.log.Warn("partition taken over: event left to its new owner", "collab", e.Collab, "partition", e.part, "err", err)
		return
	}
	if r.work.Err() != nil {
		b.log.Warn("work abandoned at hand-off: event left pending", "collab", e.Collab, "partition", e.part, "err", err)
		return
	}
	if errors.Is(err, errLeaseLapsing) {
		b.log.Warn("partition lease about to lapse: event left pending", "collab", e.Collab, "partition", e.part, "err", err)
		return
	}
	b.cfg.Metrics.Event(e.Kind, outcome(err))
	if errors.As(err, new(notRecorded)) {
		b.log.Warn("event left pending", "collab", e.Collab, "kind", e.Kind, "err", err)
		return
	}
	if err != nil {
		b.log.Error("handle event", "collab", e.Collab, "kind", e.Kind, "err", err)
	}
	if ack.done {
		return
	}
	if err := b.store.AckIntake(ectx, e.part, e.id); err != nil {
		b.log.Warn("ack intake entry", "collab", e.Collab, "err", err)
	}
}

// entryAck is the intake entry an event came from, with the fencing token
// of its partition's lease, under which the event's saves are made. It is
// acked with the save that records what the event's effects did, when
// there is one, to spare a round trip; otherwise on its own once the
// event is handled.
type entryAck struct {
	part  int
	id    string
	token int64
	lease *lease // the partition's, checked before each effect
	done  bool
}

type entryAckKey struct{}

// entryAckOf is the intake entry the work of ctx came from; nil for work
// from elsewhere, which is saved unfenced.
func entryAckOf(ctx context.Context) *entryAck {
	ack, _ := ctx.Value(entryAckKey{}).(*entryAck)
	return ack
}

// fence is the partition lease the entry's work is saved under; the zero
// fence, for work from elsewhere, fences nothing.
func (a *entryAck) fence() fence {
	if a == nil {
		return fence{}
	}
	return fence{part: a.part, token: a.token}
}

// saveDelivered saves c after its effects ran, acking the intake entry
// the work came from in the same round trip. Like every save of an
// entry's work it is refused unless the partition's lease is still held
// under the token the work began with.
func (b *Bot) saveDelivered(ctx context.Context, c *flows.Collab) error {
	ack := entryAckOf(ctx)
	switch {
	case ack == nil:
		return b.store.Apply(ctx, c, "")
	case ack.done:
		return b.store.ApplyFenced(ctx, c, "", ack.part, ack.token)
	}
	err := b.store.SaveAndAck(ctx, c, ack.part, ack.id, ack.token)
	ack.done = err == nil
	return err
}

// saveEvent saves c with the event eventKey and schedules timers, which
// the event moved. An event from an intake partition is saved fenced, in
// one round trip with its timers and, where the store can, with the ack
// of its entry: from then on the saved outbox carries the event.
func (b *Bot) saveEvent(ctx context.Context, c *flows.Collab, eventKey string, timers map[string]time.Time) error {
	ack := entryAckOf(ctx)
	if ack == nil {
		if err := b.store.Apply(ctx, c, eventKey); err != nil {
			return err
		}
		b.scheduleTimers(ctx, c.ID, timers)
		return nil
	}
	w := eventSave{Part: ack.part, Token: ack.token, Timers: timers}
	if !ack.done {
		w.Entry = ack.id
	}
	acked, err := b.store.SaveEvent(ctx, c, eventKey, w)
	ack.done = ack.done || acked
	return err
}

// handle decodes an entry and runs it: intake → (collab id, event) →
// load, Next, save → delivery.
func (b *Bot) handle(ctx context.Context, e entry) error {
	switch e.Kind {
	case kindCommand:
		var cmd slack.SlashCommand
		if err := json.Unmarshal(e.Data, &cmd); err != nil {
			return fmt.Errorf("decode command: %w", err)
		}
		return b.startCollab(ctx, e.Collab, cmd)
	case kindReply:
		var m threadMsg
		if err := json.Unmarshal(e.Data, &m); err != nil {
			return fmt.Errorf("decode reply: %w", err)
		}
		return b.handleReply(ctx, e.Collab, m)
	case kindClick:
		var c click
		if err := json.Unmarshal(e.Data, &c); err != nil {
			return fmt.Errorf("decode click: %w", err)
		}
		return b.handleClick(ctx, e.Collab, e.Key, c)
	case kindRetry:
		return b.finishDue(ctx, e.Collab)
	case kindSubcommand:
		var cmd slack.SlashCommand
		if err := json.Unmarshal(e.Data, &cmd); err != nil {
			return fmt.Errorf("decode subcommand: %w", err)
		}
		return b.handleSubcommand(ctx, e.Key, cmd)
	case kindHome:
		return b.openHome(ctx, string(e.Data))
	case kindTick:
		return b.tick(ctx, e.Collab)
	case kindEdit:
		return b.handleEdit(ctx, e.Collab, e.Key, e.Data)
	case kindRevision:
		return b.handleRevision(ctx, e.Collab, e.Key, e.Data)
	}
	return fmt.Errorf("unknown entry kind %q", e.Kind)
}

// notRecorded marks a failure before the event was saved.
type notRecorded struct{ error }

func (e notRecorded) Unwrap() error { return e.error }

// apply runs one event through the flow and saves the result with its
// effects in one store call, then delivers the effects. eventKey makes a
// redelivered event a no-op. A revision conflict (another writer saved
// meanwhile) is retried until the event is saved or ctx ends.
func (b *Bot) apply(ctx context.Context, id, eventKey string, ev flows.Event) error {
	for wait := time.Millisecond; ; wait = min(wait*2, 100*time.Millisecond) {
		c, err := b.load(ctx, id)
		if err != nil {
			return err
		}
		c = b.refreshMembers(ctx, c)
		next, effects, err := flows.Next(c, ev)
		if err != nil {
			return fmt.Errorf("collab %s: %w", id, err)
		}
		if len(effects) == 0 && reflect.DeepEqual(next, c) {
			return b.deliver(ctx, &c, len(c.Outbox))
		}
		earlier := len(next.Outbox)
		next.Queue(effects...)
		b.stampRootWaits(&next, earlier)
		timers := b.movedTimers(flows.NextTimers(&c, b.cfg.Policy), &next)
		err = b.withStoreRetry(ctx, func() error { return b.saveEvent(ctx, &next, eventKey, timers) })
		switch {
		case errors.Is(err, flows.ErrConflict):
			b.collabs.drop(id)
			b.cfg.Metrics.Retry("save_conflict")
			sleep(ctx, wait)
			continue
		case errors.Is(err, flows.ErrNotFound), errors.Is(err, flows.ErrFenced):
			b.collabs.drop(id) // gone from Redis, or owned elsewhere now
			return err
		case errors.Is(err, flows.ErrDuplicate):
			// Handled before, perhaps by an attempt whose answer was lost:
			// finish whatever that attempt left undone.
			b.collabs.drop(id)
			return b.finish(ctx, id)
		case err != nil:
			return notRecorded{fmt.Errorf("save collab %s: %w", id, err)}
		}
		b.collabs.put(next)
		return b.deliver(ctx, &next, earlier)
	}
}

// finish delivers what is left in a collaboration's outbox.
func (b *Bot) finish(ctx context.Context, id string) error {
	return b.finishOutbox(ctx, id, false)
}

// finishDue is finish for a collaboration the scheduler brought back: a
// root update waiting for its turn runs now.
func (b *Bot) finishDue(ctx context.Context, id string) error {
	return b.finishOutbox(ctx, id, true)
}

func (b *Bot) finishOutbox(ctx context.Context, id string, rootDue bool) error {
	c, err := b.load(ctx, id)
	if errors.Is(err, flows.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(c.Outbox) == 0 && b.collabs.isUnsaved(id) {
		return b.recordDelivered(ctx, &delivery{c: &c}, nil)
	}
	if len(c.Outbox) == 0 {
		return nil
	}
	return b.deliverOutbox(ctx, &c, len(c.Outbox), rootDue)
}

// load reads a collab through the cache; flows.ErrNotFound passes through
// as it is, other failures are notRecorded.
func (b *Bot) load(ctx context.Context, id string) (flows.Collab, error) {
	if c, ok := b.collabs.get(id); ok {
		return c, nil
	}
	c, err := b.fetch(ctx, id)
	if errors.Is(err, flows.ErrNotFound) {
		return c, err
	}
	if err != nil {
		return c, notRecorded{err}
	}
	b.collabs.put(c)
	return c, nil
}

// fetch reads a collab from Redis, past the cache, retrying while Redis
// is unreachable; flows.ErrNotFound passes through as it is.
func (b *Bot) fetch(ctx context.Context, id string) (flows.Collab, error) {
	var c flows.Collab
	err := b.withStoreRetry(ctx, func() error {
		var err error
		c, err = b.store.Get(ctx, id)
		return err
	})
	if err != nil && !errors.Is(err, flows.ErrNotFound) {
		err = fmt.Errorf("load collab %s: %w", id, err)
	}
	return c, err
}

// withStoreRetry retries fn while the store is unreachable, with backoff,
// for up to cfg.StoreRetry. Domain errors return at once.
func (b *Bot) withStoreRetry(ctx context.Context, fn func() error) error {
	deadline := time.Now().Add(b.cfg.StoreRetry)
	wait := 50 * time.Millisecond
	for {
		err := fn()
		if err == nil || !retryable(err) || time.Now().After(deadline) {
			return err
		}
		b.log.Warn("store unavailable, retrying", "err", err, "in", wait)
		b.cfg.Metrics.Retry("store")
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(wait*2, 2*time.Second)
	}
}

func retryable(err error) bool {
	switch {
	case errors.Is(err, flows.ErrNotFound), errors.Is(err, flows.ErrDuplicate), errors.Is(err, flows.ErrConflict),
		errors.Is(err, flows.ErrFenced), errors.Is(err, flows.ErrTooLarge),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	return true
}
