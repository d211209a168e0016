package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
)

// stateCount counts open collaborations by state for the metrics. The
// store lists only unfinished ones, so agreed and cancelled are not
// reported; a count is reused for maxAge, since it scans every key and
// several Prometheus servers may scrape several replicas.
type stateCount struct {
	st     *store.Store
	maxAge time.Duration

	mu     sync.Mutex
	at     time.Time
	counts map[string]int
}

func newStateCount(st *store.Store, maxAge time.Duration) *stateCount {
	return &stateCount{st: st, maxAge: maxAge}
}

// States are those stateCount can count: the unfinished ones.
func (s *stateCount) States() []string {
	var out []string
	for _, st := range flows.States {
		if !st.Final() {
			out = append(out, string(st))
		}
	}
	return out
}

func (s *stateCount) CountByState(ctx context.Context) (map[string]int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.counts != nil && time.Since(s.at) < s.maxAge {
		return s.counts, nil
	}
	counts := map[string]int{}
	err := s.st.Unfinished(ctx, func(c flows.Collab) error {
		counts[string(c.State)]++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count collaborations: %w", err)
	}
	s.counts, s.at = counts, time.Now()
	return counts, nil
}
