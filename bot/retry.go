package bot

import (
	"context"
	"time"
)

// Effects Slack refused for now are retried with backoff: 2 s doubling,
// capped at 5 min, about an hour in all; a restart resumes them too.
const (
	retryFirst    = 2 * time.Second
	retryMax      = 5 * time.Minute
	retryAttempts = 16
)

// retryLater queues another attempt at collab id's outbox. It runs in the
// collab's queue, so it keeps its place among the collab's events.
func (b *Bot) retryLater(id string, attempt int) {
	if attempt >= retryAttempts {
		b.log.Error("giving up on effects; they run again at the next event or start", "collab", id)
		return
	}
	wait := min(retryFirst<<attempt, retryMax)
	time.AfterFunc(wait, func() {
		if b.stopping.Load() {
			return
		}
		b.work.Do(collabKey(id), func() {
			ctx, cancel := context.WithTimeout(context.Background(), b.cfg.EventTimeout)
			defer cancel()
			c, err := b.load(ctx, id)
			if err != nil || len(c.Outbox) == 0 {
				return
			}
			if err := b.flush(ctx, &c); err != nil {
				b.log.Warn("effects still pending", "collab", id, "attempt", attempt+1, "err", err)
				b.retryLater(id, attempt+1)
			}
		})
	})
}
