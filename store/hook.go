package store

import "github.com/redis/go-redis/v9"

// AddHook adds h (metrics, tracing) to the Store's Redis client; commands
// sent from then on pass through it.
func (s *Store) AddHook(h redis.Hook) { s.rdb.AddHook(h) }
