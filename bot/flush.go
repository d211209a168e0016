package bot

import (
	"context"
	"errors"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// flushEvery is how long what refindable effects did (see deliverOutbox)
// may wait before it is saved: the saves of every collab waiting then go
// to Redis in one round trip, whatever their number.
const flushEvery = 100 * time.Millisecond

// flushLoop saves waiting collabs every flushEvery until ctx ends.
func (b *Bot) flushLoop(ctx context.Context) {
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			b.flush(ctx)
		}
	}
}

// flush saves, in one round trip, every cached collab newer than what
// Redis holds. The saves are rev-checked and fenced by the lease the
// effects ran under: one that lost to an event saved meanwhile is dropped
// from the cache (that event's handler reloads it), as is one whose
// partition this replica no longer holds (its next owner finds the
// messages posted by their effect ids, as after a crash); one that failed
// for want of Redis waits for the next flush.
func (b *Bot) flush(ctx context.Context) {
	b.flushing.Lock()
	defer b.flushing.Unlock()
	fs := b.collabs.unsavedCollabs()
	if len(fs) == 0 {
		return
	}
	for i, err := range b.store.SaveAll(ctx, fs) {
		c := fs[i].Collab
		switch {
		case err == nil:
			b.collabs.markSaved(*c)
		case errors.Is(err, flows.ErrConflict), errors.Is(err, flows.ErrNotFound), errors.Is(err, flows.ErrFenced):
			b.collabs.dropIfAt(c.ID, c.Rev)
		default:
			b.log.Warn("save what effects did", "collab", c.ID, "err", err)
		}
	}
}

// flushedFrom reports whether the flush saved c's collab as it was at
// c.Rev: a save of c that conflicted may have met a flush still in
// flight, so it waits for that flush's outcome first.
func (b *Bot) flushedFrom(c *flows.Collab) bool {
	b.flushing.Lock()
	defer b.flushing.Unlock()
	return b.collabs.flushedFrom(c.ID, c.Rev)
}

// flushLast saves what waits once every event in flight is done, so a
// bot that stops leaves nothing for the retry jobs to find again.
func (b *Bot) flushLast(ctx context.Context) {
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	b.flush(fctx)
}
