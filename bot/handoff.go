package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// A replica giving a partition back (to a replica that joined, or because
// it stops) keeps renewing its lease until the entries it is working on
// are done and what they did is saved, then frees it: were the lease let
// lapse meanwhile, the next owner would handle those entries again and
// post what this replica is still posting.

// handoffLeases is how many leases a give-back waits for work in flight.
// A Slack call that never answers would otherwise hold the partition, and
// a stopping process, for the whole event timeout (2 min), past the 30 s
// deployments usually allow between SIGTERM and SIGKILL. Past it the work
// is abandoned as a crash would leave it: the next owner finishes it,
// finding in Slack what was already posted.
const handoffLeases = 4

// lease is what this replica knows of its lease on a partition: the
// fencing token and until when, by its own clock, it surely holds it.
type lease struct {
	mu    sync.Mutex
	token int64
	until time.Time
}

// renewed records a renewal asked at sent: Redis set the expiry after
// sent, so the lease holds until sent+ttl at least.
func (l *lease) renewed(token int64, sent time.Time, ttl time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.token, l.until = token, sent.Add(ttl)
}

// lost records that another replica holds the lease now.
func (l *lease) lost() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.token, l.until = 0, time.Time{}
}

func (l *lease) current() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.token
}

// left reports how long the lease is surely held still under token;
// false when it is held under another token, or not at all.
func (l *lease) left(token int64) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return time.Until(l.until), l.token == token
}

// fresh reports whether the lease is held and surely for more than min
// still.
func (l *lease) fresh(min time.Duration) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.token != 0 && time.Until(l.until) > min
}

// errLeaseLapsing stops a delivery whose partition lease was not renewed
// lately: another replica may take the partition over at any moment.
var errLeaseLapsing = errors.New("partition lease about to lapse")

// leaseHeld checks, before an effect is carried out, that the work still
// holds the lease of the partition it came from, with the token it began
// under and for a while yet; otherwise its effects are left to whoever
// owns the partition next.
func (b *Bot) leaseHeld(ctx context.Context) error {
	ack := entryAckOf(ctx)
	if ack == nil || ack.lease == nil {
		return nil
	}
	left, same := ack.lease.left(ack.token)
	switch {
	case !same:
		return fmt.Errorf("partition %d taken over: %w", ack.part, flows.ErrFenced)
	case left < b.cfg.Lease/3: // a renewal missed, and the next not in yet
		return fmt.Errorf("partition %d: %w", ack.part, errLeaseLapsing)
	}
	return nil
}

// leftForLease reports whether a delivery stopped for its lease.
func leftForLease(err error) bool {
	return errors.Is(err, errLeaseLapsing) || errors.Is(err, flows.ErrFenced)
}

// handOff stops the readers going and waits for their entries in flight,
// renewing meanwhile the leases of those and of the readers kept (the
// balance loop waits on this); then it saves what the work left unsaved
// and frees the leases going.
func (b *Bot) handOff(ctx context.Context, kept map[int]*reader, going ...*reader) {
	ctx = context.WithoutCancel(ctx) // a stopping replica hands off too
	for _, r := range going {
		r.stop()
	}
	b.waitRenewing(ctx, kept, going)
	b.flushLast(ctx)
	var freed []int
	for _, r := range going {
		r.abandon()
		if r.lease.current() != 0 { // not lost meanwhile
			b.disown(ctx, r.part)
			freed = append(freed, r.part)
		}
	}
	if len(freed) > 0 {
		b.log.Info("gave intake partitions back", "partitions", freed)
	}
}

// waitRenewing waits until the readers going are done, renewing every
// lease still held; past handoffLeases it abandons their work.
func (b *Bot) waitRenewing(ctx context.Context, kept map[int]*reader, going []*reader) {
	done := make(chan struct{})
	go func() {
		for _, r := range going {
			<-r.done
		}
		close(done)
	}()
	renewAll := func() {
		for _, r := range kept {
			b.renew(ctx, r)
		}
		for _, r := range going {
			if r.lease.current() != 0 { // not one lost already
				b.renew(ctx, r)
			}
		}
	}
	renewAll() // the last renewal may be a tick old already
	tick := time.NewTicker(b.cfg.Lease / 3)
	defer tick.Stop()
	giveUp := time.NewTimer(handoffLeases * b.cfg.Lease)
	defer giveUp.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			renewAll()
		case <-giveUp.C:
			b.log.Warn("work in flight abandoned: partition handed off", "partitions", parts(going))
			for _, r := range going {
				r.abandon()
			}
		}
	}
}

// renew renews r's lease and records the outcome; false when another
// replica holds it now.
func (b *Bot) renew(ctx context.Context, r *reader) bool {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Lease/3)
	defer cancel()
	sent := time.Now()
	token, err := b.store.Own(ctx, r.part, b.cfg.Replica, b.cfg.Lease)
	switch {
	case err != nil:
		b.log.Warn("partition lease", "partition", r.part, "err", err)
	case token == 0:
		r.lease.lost()
		return false
	default:
		r.lease.renewed(token, sent, b.cfg.Lease)
	}
	return true
}

// retaken follows a save of ack's work refused as fenced. When no other
// replica holds the partition (its lease lapsed unclaimed, or Redis lost
// it), this one takes it again, as balance would on its next round, and
// reports true with ack under the new token: the entry is handled again
// at once rather than left pending until it is handed out again. Nothing
// was saved under the old token; what its effects posted is found again.
func (b *Bot) retaken(ctx context.Context, r *reader, ack *entryAck) bool {
	if !b.renew(ctx, r) {
		return false
	}
	token := r.lease.current()
	if token == 0 || token == ack.token {
		return false
	}
	ack.token = token
	return true
}

func (b *Bot) disown(ctx context.Context, part int) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if err := b.store.Disown(ctx, part, b.cfg.Replica); err != nil {
		b.log.Warn("give back partition", "partition", part, "err", err)
	}
}

func parts(rs []*reader) []int {
	out := make([]int, len(rs))
	for i, r := range rs {
		out[i] = r.part
	}
	return out
}
