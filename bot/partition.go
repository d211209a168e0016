package bot

import (
	"context"
	"maps"
	"slices"
	"sync"
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
	part    int
	lease   lease
	stop    context.CancelFunc // stops reading
	done    chan struct{}
	work    context.Context    // the entries' work, which outlives stop
	abandon context.CancelFunc // cancels work
	mu      sync.Mutex
	flight  map[string]bool // entry ids handed to workers, not yet done
	wg      sync.WaitGroup  // entries in flight
}

// own runs the partition leases until ctx ends, then hands every
// partition off.
func (b *Bot) own(ctx context.Context) {
	owned := map[int]*reader{}
	defer func() {
		b.handOff(ctx, nil, slices.Collect(maps.Values(owned))...)
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
		if r, mine := owned[p]; mine {
			if !b.renew(ctx, r) { // expired while Redis was away; someone else reads it now
				b.log.Warn("partition lease lost", "partition", p)
				delete(owned, p)
				b.handOff(ctx, owned, r)
			}
			continue
		}
		if len(owned) >= share {
			continue
		}
		sent := time.Now()
		token, err := b.store.Own(ctx, p, b.cfg.Replica, b.cfg.Lease)
		switch {
		case err != nil:
			b.log.Warn("partition lease", "partition", p, "err", err)
		case token > 0:
			b.log.Info("reading intake partition", "partition", p, "replicas", live)
			owned[p] = b.startReader(ctx, p, token, sent)
		}
	}
	if len(owned) > share {
		ps := slices.Sorted(maps.Keys(owned))
		r := owned[ps[len(ps)-1]]
		delete(owned, r.part)
		b.handOff(ctx, owned, r)
	}
}

// startReader reads partition p, leased with token by a call sent at sent.
func (b *Bot) startReader(ctx context.Context, p int, token int64, sent time.Time) *reader {
	rctx, stop := context.WithCancel(ctx)
	work, abandon := context.WithCancel(context.WithoutCancel(ctx))
	r := &reader{part: p, stop: stop, done: make(chan struct{}), work: work, abandon: abandon, flight: map[string]bool{}}
	r.lease.renewed(token, sent, b.cfg.Lease)
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
		if !r.lease.fresh(b.cfg.Lease / 3) {
			// Not renewed lately (this process was paused, or Redis is
			// away): entries read now may be the next owner's, and this
			// replica could not save their work. Balance renews it, or
			// stops this reader.
			sleep(ctx, b.cfg.Lease/20)
			continue
		}
		if time.Since(lastClaim) >= b.cfg.ReclaimAfter {
			claimed, err := b.store.ClaimIntake(ctx, r.part, b.cfg.Replica, idle)
			if err == nil {
				lastClaim, idle = time.Now(), b.cfg.ReclaimAfter
				b.dispatch(r, toEntries(claimed, r.part))
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
		b.dispatch(r, toEntries(got, r.part))
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
