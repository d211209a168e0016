package store

import (
	"context"
	"time"
)

// ScheduleTimer makes collab id's timer of kind ("nudge", "reminder",
// "expiry") due at due, or earlier if it already was to be.
func (s *Store) ScheduleTimer(ctx context.Context, kind, id string, due time.Time) error {
	return s.Schedule(ctx, Kind(kind), id, due)
}

// PollTimers calls run with each collab whose timer of kind is due by
// now(), every interval, until ctx ends. Every replica may poll: each due
// timer is claimed by one. A timer is done when run returns nil, and
// tried again a few seconds later otherwise.
func (s *Store) PollTimers(ctx context.Context, kind string, now func() time.Time, every time.Duration, run func(ctx context.Context, collabID string) error, onErr func(error)) {
	s.Poll(ctx, Poller{Kind: Kind(kind), Every: every, Now: now}, func(ctx context.Context, j Job) {
		var err error
		if runErr := run(ctx, j.CollabID); runErr != nil {
			_, err = s.Retry(ctx, j, now().Add(min(time.Second<<min(j.Attempt, 8), 5*time.Minute)))
		} else {
			_, err = s.Done(ctx, j)
		}
		if err != nil && onErr != nil {
			onErr(err)
		}
	}, onErr)
}
