package store

import (
	"context"
	"time"
)

// Poller says how Poll looks for due jobs; zero fields take the defaults.
type Poller struct {
	Kind  Kind          // the jobs to run (KindRetry)
	Every time.Duration // how often to look (1 s)
	Lease time.Duration // how long a claimed job stays hidden from others (1 min)
	Batch int           // the most jobs claimed at one look (100)
	// Now is the clock jobs fall due by (time.Now); a test's fake clock
	// makes a day pass at once.
	Now func() time.Time
}

func (p Poller) withDefaults() Poller {
	if p.Kind == "" {
		p.Kind = KindRetry
	}
	if p.Every <= 0 {
		p.Every = time.Second
	}
	if p.Lease <= 0 {
		p.Lease = time.Minute
	}
	if p.Batch <= 0 {
		p.Batch = 100
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	return p
}

// Poll claims due jobs of p.Kind every p.Every, and at once again after a full
// batch, and calls run for each, one at a time, in the calling goroutine.
// run owns the job: it calls Done or Retry within the lease, itself or
// through work it hands the job to. Claim errors go to onErr (which may
// be nil) and polling goes on. Poll returns when ctx ends, after run has
// returned: nothing it started runs on.
func (s *Store) Poll(ctx context.Context, p Poller, run func(context.Context, Job), onErr func(error)) {
	p = p.withDefaults()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		jobs, err := s.Due(ctx, p.Kind, p.Now(), p.Lease, p.Batch)
		if err != nil && onErr != nil && ctx.Err() == nil {
			onErr(err)
		}
		for _, j := range jobs {
			if ctx.Err() != nil {
				break // unrun claims are taken again when their lease ends
			}
			s.reportLag(max(p.Now().Sub(j.Due), 0))
			run(ctx, j)
		}
		next := p.Every
		if len(jobs) == p.Batch {
			next = 0
		}
		timer.Reset(next)
	}
}
