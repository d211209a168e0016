package bot

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// maxConflicts bounds the retries when another instance saved the same
// collaboration between our read and our write.
const maxConflicts = 5

// notRecorded marks a failure before the event was saved: the user must
// do it again, and is told so.
type notRecorded struct{ error }

func (e notRecorded) Unwrap() error { return e.error }

// apply runs one event through the flow and saves the result with its
// effects in one store call, then carries the effects out. eventKey makes
// a redelivered event a no-op. Once the event is saved, apply succeeds:
// effects Slack refuses for now stay in the outbox and are retried.
func (b *Bot) apply(ctx context.Context, id, eventKey string, ev flows.Event) error {
	for range maxConflicts {
		c, err := b.load(ctx, id)
		if err != nil {
			return notRecorded{err}
		}
		if len(c.Outbox) > 0 { // left over by a crash or a Slack failure
			if err := b.flush(ctx, &c); err != nil {
				// The event is still recorded; its effects queue behind these.
				b.log.Warn("earlier effects still pending", "collab", id, "err", err)
			}
		}
		c = b.refreshMembers(ctx, c)
		next, effects, err := flows.Next(c, ev)
		if err != nil {
			return fmt.Errorf("collab %s: %w", id, err)
		}
		if len(effects) == 0 && reflect.DeepEqual(next, c) {
			return nil
		}
		next.Outbox = append(next.Outbox[:len(next.Outbox):len(next.Outbox)], effects...)
		err = b.withStoreRetry(ctx, func() error { return b.store.Apply(ctx, &next, eventKey) })
		switch {
		case errors.Is(err, flows.ErrConflict):
			b.collabs.drop(id)
			continue
		case errors.Is(err, flows.ErrDuplicate):
			// Handled before, perhaps by an attempt whose answer was lost:
			// finish whatever that attempt left undone.
			b.collabs.drop(id)
			b.finish(ctx, id)
			return nil
		case err != nil:
			return notRecorded{fmt.Errorf("save collab %s: %w", id, err)}
		}
		b.collabs.put(next)
		if err := b.flush(ctx, &next); err != nil {
			b.log.Warn("effects pending, will retry", "collab", id, "err", err)
			b.retryLater(id, 0)
		}
		return nil
	}
	return fmt.Errorf("save collab %s: %w after %d tries", id, flows.ErrConflict, maxConflicts)
}

// finish carries out what is left in a collaboration's outbox, and
// schedules another try when Slack refuses for now.
func (b *Bot) finish(ctx context.Context, id string) {
	c, err := b.load(ctx, id)
	if err != nil || len(c.Outbox) == 0 {
		return
	}
	if err := b.flush(ctx, &c); err != nil {
		b.log.Warn("effects pending, will retry", "collab", id, "err", err)
		b.retryLater(id, 0)
	}
}

func (b *Bot) load(ctx context.Context, id string) (flows.Collab, error) {
	if c, ok := b.collabs.get(id); ok {
		return c, nil
	}
	var c flows.Collab
	err := b.withStoreRetry(ctx, func() error {
		var err error
		c, err = b.store.Get(ctx, id)
		return err
	})
	if err != nil {
		return c, fmt.Errorf("load collab %s: %w", id, err)
	}
	b.collabs.put(c)
	return c, nil
}

// flush carries out c's outbox in order and saves what is left of it (and
// what the effects recorded, such as the ts of posted messages). An effect
// that fails stays in the outbox for the next event or the next start.
func (b *Bot) flush(ctx context.Context, c *flows.Collab) error {
	done := 0
	var runErr error
	for _, e := range c.Outbox {
		err := b.run(ctx, c, e)
		var p permanent
		if errors.As(err, &p) {
			// Slack refused it for good (say, the bot left the channel):
			// waiting would block the collaboration forever.
			b.log.Error("effect dropped", "collab", c.ID, "effect", e.Kind, "err", err)
		} else if err != nil {
			runErr = err
			break
		}
		done++
	}
	if done == 0 && runErr == nil {
		return nil
	}
	c.Outbox = c.Outbox[done:]
	if len(c.Outbox) == 0 {
		c.Outbox = nil
	}
	err := b.withStoreRetry(ctx, func() error { return b.store.Apply(ctx, c, "") })
	if err != nil {
		// Redis still holds the outbox; the cache knows what was done, so
		// the next event here saves over it without repeating effects.
		if errors.Is(err, flows.ErrConflict) {
			b.collabs.drop(c.ID)
		} else {
			b.collabs.put(*c)
		}
		return errors.Join(runErr, fmt.Errorf("save collab %s after effects: %w", c.ID, err))
	}
	b.collabs.put(*c)
	if runErr != nil {
		return fmt.Errorf("collab %s: %w", c.ID, runErr)
	}
	return nil
}

// permanent marks an error that retrying will not fix.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

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
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(wait*2, 2*time.Second)
	}
}

func retryable(err error) bool {
	var p permanent
	switch {
	case errors.As(err, &p), errors.Is(err, flows.ErrNotFound), errors.Is(err, flows.ErrDuplicate),
		errors.Is(err, flows.ErrConflict), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	return true
}
