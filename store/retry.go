package store

import (
	"context"
	"time"
)

// ScheduleRetry makes collab id's outbox be tried again at due, or
// earlier if it already was to be: one retry schedule per collab.
func (s *Store) ScheduleRetry(ctx context.Context, id string, due time.Time) error {
	return s.Schedule(ctx, KindRetry, id, due)
}

// PollRetries calls run with each collab whose retry is due, every
// interval, until ctx ends. A job is done when run returns nil, and put
// back for another try after a backoff otherwise.
func (s *Store) PollRetries(ctx context.Context, every time.Duration, run func(ctx context.Context, collabID string) error, onErr func(error)) {
	s.Poll(ctx, Poller{Kind: KindRetry, Every: every}, func(ctx context.Context, j Job) {
		var err error
		if runErr := run(ctx, j.CollabID); runErr != nil {
			_, err = s.Retry(ctx, j, time.Now().Add(min(time.Second<<min(j.Attempt, 8), 5*time.Minute)))
		} else {
			_, err = s.Done(ctx, j)
		}
		if err != nil && onErr != nil {
			onErr(err)
		}
	}, onErr)
}
