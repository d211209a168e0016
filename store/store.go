// Package store keeps collabbot's conversation state in Redis.
//
// Every collaboration is one JSON value (flows.Collab) guarded by its Rev
// field: a save succeeds only if the stored Rev is the one the caller
// loaded, so concurrent handlers never overwrite each other.
//
// Key layout (prefix is "collabbot:" for the bot, unique per test):
//
//	<prefix>collab:{<id>}                  the collab as JSON, no TTL
//	<prefix>collab:{<id>}:seen:<eventKey>  "1" while eventKey counts as handled (TTL, 24h by default)
//	<prefix>thread:<channel>:<ts>          the id of the collab that owns the thread, no TTL
//
// The {<id>} hash tag puts every key of one collaboration in one Redis
// Cluster slot, so the Lua script that saves a collab and marks its event
// handled touches a single slot. Scripts receive all their keys in KEYS.
// The thread index is looked up from outside a collab and may live in any
// slot; it has no TTL because people reply in old threads.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultSeenTTL is how long an event key counts as handled. Slack retries
// for about five minutes; a day leaves a wide margin.
const DefaultSeenTTL = 24 * time.Hour

// Store saves collaborations in Redis. It is safe for concurrent use.
type Store struct {
	rdb      redis.UniversalClient
	prefix   string
	seenTTL  time.Duration
	embedded bool
	apply    *redis.Script
	commands atomic.Int64
}

// New wraps rdb; prefix namespaces every key. The Store counts the
// commands it sends through a hook it adds to rdb.
func New(rdb redis.UniversalClient, prefix string) *Store {
	s := &Store{rdb: rdb, prefix: prefix, seenTTL: DefaultSeenTTL, apply: redis.NewScript(applyLua)}
	rdb.AddHook(counter{s})
	return s
}

// WithSeenTTL sets how long an event key counts as handled and returns s.
// Call it before the Store is shared.
func (s *Store) WithSeenTTL(ttl time.Duration) *Store {
	s.seenTTL = ttl
	return s
}

// Embedded reports whether the Store runs on an in-process Redis whose
// data does not outlive the process.
func (s *Store) Embedded() bool { return s.embedded }

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.Ping(s.own(ctx)).Err(); err != nil {
		return fmt.Errorf("ping redis: %w", err)
	}
	return nil
}

// Commands returns how many Redis commands this Store has sent (pipelined
// ones included). On a cluster client, Unfinished's per-node scans are not
// counted: they bypass the cluster client's hooks.
func (s *Store) Commands() int64 { return s.commands.Load() }

var errEmptyID = errors.New("empty collab id")

// collabKey is the key of collab id's JSON value.
func (s *Store) collabKey(id string) string { return s.prefix + "collab:{" + id + "}" }

// seenKey marks eventKey as handled for collab id; it shares the hash tag.
func (s *Store) seenKey(id, eventKey string) string { return s.collabKey(id) + ":seen:" + eventKey }

// threadKey indexes a Slack thread by channel and root ts.
func (s *Store) threadKey(channel, ts string) string {
	return s.prefix + "thread:" + channel + ":" + ts
}

// collabID returns the id of a collab key found by SCAN, and false for
// other keys (seen markers).
func (s *Store) collabID(key string) (string, bool) {
	rest, ok := strings.CutPrefix(key, s.prefix+"collab:{")
	if !ok || !strings.HasSuffix(rest, "}") {
		return "", false
	}
	id := strings.TrimSuffix(rest, "}")
	if id == "" || strings.Contains(id, "}:seen:") {
		return "", false
	}
	return id, true
}
