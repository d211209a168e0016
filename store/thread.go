package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// IndexThread records that the thread rooted at (channel, threadTS)
// belongs to collab id. It expires with the collab: every save of the
// collab renews it for the retention period.
func (s *Store) IndexThread(ctx context.Context, channel, threadTS, id string) error {
	if err := s.rdb.Set(s.own(ctx), s.threadKey(channel, threadTS), id, s.retention).Err(); err != nil {
		return fmt.Errorf("index thread %s/%s of collab %s: %w", channel, threadTS, id, err)
	}
	return nil
}

// ThreadCollab returns the id of the collab that owns the thread, or
// flows.ErrNotFound when the thread is no collaboration's.
func (s *Store) ThreadCollab(ctx context.Context, channel, threadTS string) (string, error) {
	id, err := s.rdb.Get(s.own(ctx), s.threadKey(channel, threadTS)).Result()
	if errors.Is(err, redis.Nil) {
		return "", fmt.Errorf("thread %s/%s: %w", channel, threadTS, flows.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("look up thread %s/%s: %w", channel, threadTS, err)
	}
	return id, nil
}
