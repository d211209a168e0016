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
// Redis holds. The saves are rev-checked: one that lost to an event saved
// meanwhile is dropped from the cache (that event's handler reloads it);
// one that failed for want of Redis waits for the next flush.
func (b *Bot) flush(ctx context.Context) {
	b.flushing.Lock()
	defer b.flushing.Unlock()
	cs := b.collabs.unsavedCollabs()
	if len(cs) == 0 {
		return
	}
	ptrs := make([]*flows.Collab, len(cs))
	for i := range cs {
		ptrs[i] = &cs[i]
	}
	for i, err := range b.store.SaveAll(ctx, ptrs) {
		switch {
		case err == nil:
			b.collabs.markSaved(cs[i])
		case errors.Is(err, flows.ErrConflict), errors.Is(err, flows.ErrNotFound):
			b.collabs.dropIfAt(cs[i].ID, cs[i].Rev)
		default:
			b.log.Warn("save what effects did", "collab", cs[i].ID, "err", err)
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
