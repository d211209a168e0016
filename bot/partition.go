package bot

import (
	"context"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Intake partitions are read by one replica at a time, which holds a
// lease on each it reads. Every replica takes about its share (the
// partitions divided by the replicas alive) and gives back what is over
// it, so work spreads as replicas come and go; a dead replica's
// partitions are taken over once its leases expire, with the entries it
// had read but not finished.

// reader reads one owned partition.
type reader struct {
	part   int
	token  atomic.Int64 // the lease's fencing token, for saves
	stop   context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	flight map[string]bool // entry ids handed to workers, not yet done
	wg     sync.WaitGroup  // entries in flight
}

// own runs the partition leases until ctx ends, then stops every reader,
// waits for their entries in flight and gives the leases back.
func (b *Bot) own(ctx context.Context) {
	owned := map[int]*reader{}
	defer func() {
		for _, r := range owned {
			b.giveBack(r)
		}
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		if err := b.store.Leave(lctx, b.cfg.Replica); err != nil {
			b.log.Warn("leave", "err", err)
		}
	}()
	tick := time.NewTicker(b.cfg.Lease / 3)
	defer tick.Stop()
	for {
		b.balance(ctx, owned)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// balance renews the leases held, takes free partitions up to this
// replica's share and gives back one over it.
func (b *Bot) balance(ctx context.Context, owned map[int]*reader) {
	n := b.cfg.Partitions
	live, err := b.store.Heartbeat(ctx, b.cfg.Replica, b.cfg.Lease)
	if err != nil {
		b.log.Warn("heartbeat", "err", err)
		live = 1
	}
	share := (n + max(live, 1) - 1) / max(live, 1)
	start := partitionOf(b.cfg.Replica, n) // replicas try different partitions first
	for i := range n {
		p := (start + i) % n
		r, mine := owned[p]
		if !mine && len(owned) >= share {
			continue
		}
		token, err := b.store.Own(ctx, p, b.cfg.Replica, b.cfg.Lease)
		ok := token > 0
		switch {
		case err != nil:
			b.log.Warn("partition lease", "partition", p, "err", err)
		case ok && !mine:
			b.log.Info("reading intake partition", "partition", p, "replicas", live)
			owned[p] = b.startReader(ctx, p, token)
		case ok:
			r.token.Store(token) // taken again after it expired unclaimed
		case mine: // expired while Redis was away; someone else reads it now
			b.log.Warn("partition lease lost", "partition", p)
			r.stop()
			<-r.done
			delete(owned, p)
		}
	}
	if len(owned) > share {
		parts := slices.Sorted(maps.Keys(owned))
		p := parts[len(parts)-1]
		b.giveBack(owned[p])
		delete(owned, p)
	}
}

// giveBack stops r, waits for its entries in flight and frees the lease.
func (b *Bot) giveBack(r *reader) {
	r.stop()
	<-r.done
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := b.store.Disown(ctx, r.part, b.cfg.Replica); err != nil {
		b.log.Warn("give back partition", "partition", r.part, "err", err)
	}
}

func (b *Bot) startReader(ctx context.Context, p int, token int64) *reader {
	rctx, stop := context.WithCancel(ctx)
	r := &reader{part: p, stop: stop, done: make(chan struct{}), flight: map[string]bool{}}
	r.token.Store(token)
	go func() {
		defer close(r.done)
		b.read(rctx, r)
		r.wg.Wait()
	}()
	return r
}

// read hands the partition's entries to the workers: first those left
// pending by a previous owner (or by a failed attempt here), then new
// ones as they are recorded.
func (b *Bot) read(ctx context.Context, r *reader) {
	if err := b.store.JoinIntake(ctx, r.part); err != nil {
		b.log.Warn("join intake", "partition", r.part, "err", err)
	}
	idle := time.Duration(0) // at takeover, everything pending is an earlier owner's
	lastClaim := time.Time{}
	wait := 50 * time.Millisecond
	for ctx.Err() == nil {
		if time.Since(lastClaim) >= b.cfg.ReclaimAfter {
			claimed, err := b.store.ClaimIntake(ctx, r.part, b.cfg.Replica, idle)
			if err == nil {
				lastClaim, idle = time.Now(), b.cfg.ReclaimAfter
				b.dispatch(ctx, r, toEntries(claimed, r.part))
			}
		}
		got, err := b.store.ReadIntake(ctx, r.part, b.cfg.Replica, 100, b.cfg.IntakeWait)
		if err != nil {
			if ctx.Err() == nil {
				b.log.Warn("read intake", "partition", r.part, "err", err)
				sleep(ctx, wait)
				wait = min(wait*2, 2*time.Second)
			}
			continue
		}
		wait = 50 * time.Millisecond
		b.dispatch(ctx, r, toEntries(got, r.part))
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
