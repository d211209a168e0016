package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// scanBatch is how many keys one SCAN step asks for; Unfinished holds at most
// one batch of collabs in memory.
const scanBatch = 200

// Unfinished calls fn, one call at a time, for every collaboration with
// work left: effects in its Outbox that a killed process left undone, or
// a conversation still open, where replies may have been missed. It scans
// the keyspace, so it is meant for start-up. SCAN may return a key twice, so fn
// may see a collab twice and should act on a fresh Get. An error from fn
// stops the scan and is returned.
func (s *Store) Unfinished(ctx context.Context, fn func(flows.Collab) error) error {
	ctx = s.own(ctx)
	cc, ok := s.rdb.(*redis.ClusterClient)
	if !ok {
		return s.pendingOn(ctx, s.rdb, fn)
	}
	var mu sync.Mutex // masters are scanned concurrently; fn is not
	return cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		return s.pendingOn(ctx, node, func(c flows.Collab) error {
			mu.Lock()
			defer mu.Unlock()
			return fn(c)
		})
	})
}

// pendingOn runs Unfinished over the keys of one server.
func (s *Store) pendingOn(ctx context.Context, rdb redis.Cmdable, fn func(flows.Collab) error) error {
	match := globEscape(s.prefix) + "collab:{*}"
	var cursor uint64
	for {
		keys, next, err := rdb.Scan(ctx, cursor, match, scanBatch).Result()
		if err != nil {
			return fmt.Errorf("scan collabs: %w", err)
		}
		if err := s.pendingBatch(ctx, rdb, keys, fn); err != nil {
			return err
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

// pendingBatch loads one SCAN batch in one pipeline and passes on the
// collabs with work left.
func (s *Store) pendingBatch(ctx context.Context, rdb redis.Cmdable, keys []string, fn func(flows.Collab) error) error {
	pipe := rdb.Pipeline()
	var gets []*redis.StringCmd
	for _, k := range keys {
		if _, ok := s.collabID(k); ok {
			gets = append(gets, pipe.Get(ctx, k))
		}
	}
	if len(gets) == 0 {
		return nil
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("load unfinished collabs: %w", err)
	}
	for _, get := range gets {
		data, err := get.Bytes()
		if errors.Is(err, redis.Nil) {
			continue // deleted since the scan
		}
		if err != nil {
			return fmt.Errorf("load %s: %w", get.Args()[1], err)
		}
		var c flows.Collab
		if err := json.Unmarshal(data, &c); err != nil {
			return fmt.Errorf("decode %s: %w", get.Args()[1], err)
		}
		if len(c.Outbox) == 0 && c.State.Final() {
			continue
		}
		if err := fn(c); err != nil {
			return fmt.Errorf("unfinished collab %s: %w", c.ID, err)
		}
	}
	return nil
}

// globEscape quotes the characters SCAN MATCH treats as patterns.
func globEscape(s string) string {
	return globQuoter.Replace(s)
}

var globQuoter = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`)
