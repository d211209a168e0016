// Package store keeps collabbot's conversation state in Redis.
//
// Every collaboration is one JSON value (flows.Collab) guarded by its Rev
// field: a save succeeds only if the stored Rev is the one the caller
// loaded, so concurrent handlers never overwrite each other.
//
// Key layout (prefix is "collabbot:" for the bot, unique per test):
//
//	<prefix>collab:{<id>}                  the collab as JSON (TTL: retention)
//	<prefix>collab:{<id>}:seen:<eventKey>  "1" while eventKey counts as handled (TTL, 24h by default)
//	<prefix>collab:{<id>}:fence            on a Cluster, the fencing token of the collab's last save (TTL: retention)
//	<prefix>intake:{p<n>}:owner|fence      partition n's lease and fencing token (see Own)
//	<prefix>thread:<channel>:<ts>          the id of the collab that owns the thread (TTL: retention)
//	<prefix>{sched}:<kind>:due|jobs        the scheduler's jobs (see Schedule), removed when done
//	<prefix>states:<state>                 ids of the unfinished collabs in state, scored by entry time (see states.go)
//
// Retention (COLLAB_RETENTION, 180 days by default) counts from a
// collab's last save: every save renews the TTL of the collab and of its
// thread index, so a finished collaboration and its keys go away that
// long after it ended, and an abandoned one that long after it stalled.
//
// The {<id>} hash tag puts every key of one collaboration in one Redis
// Cluster slot, so the Lua script that saves a collab and marks its event
// handled touches a single slot. Scripts receive all their keys in KEYS.
// The thread index is looked up from outside a collab and may live in any
// slot.
package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
)

// DefaultSeenTTL is how long an event key counts as handled. Slack retries
// for about five minutes; a day leaves a wide margin.
const DefaultSeenTTL = 24 * time.Hour

// DefaultRetention is how long a collaboration is kept after its last
// change.
const DefaultRetention = 180 * 24 * time.Hour

// MaxCollabBytes bounds one stored collaboration. Answers are capped at
// 4,000 characters each before they get here; even escaped to six bytes
// a character, six of them and a proposal fit with room to spare, so
// only a value that escaped every cap is refused.
const MaxCollabBytes = 512 << 10

// ErrTooLarge is returned for a collab whose JSON exceeds MaxCollabBytes;
// it is flows.ErrTooLarge, so callers outside store see that retrying
// cannot help.
var ErrTooLarge = flows.ErrTooLarge

// Store saves collaborations in Redis. It is safe for concurrent use.
type Store struct {
	rdb        redis.UniversalClient
	prefix     string
	where      string // names the server in errors
	seenTTL    time.Duration
	retention  time.Duration
	embedded   bool
	cluster    bool // scripts may touch only one slot
	apply      *redis.Script
	commands   atomic.Int64
	roundTrips atomic.Int64
	byKind     sync.Map            // event kind -> *atomic.Int64 round trips
	lag        func(time.Duration) // nil: scheduler lag not measured
}

// New wraps rdb; prefix namespaces every key. The Store counts the
// commands it sends through a hook it adds to rdb.
func New(rdb redis.UniversalClient, prefix string) *Store {
	s := &Store{rdb: rdb, prefix: prefix, where: "redis", seenTTL: DefaultSeenTTL,
		retention: DefaultRetention, apply: redis.NewScript(applyLua)}
	_, s.cluster = rdb.(*redis.ClusterClient)
	rdb.AddHook(counter{s})
	return s
}

// WithSeenTTL sets how long an event key counts as handled and returns s.
// Call it before the Store is shared.
func (s *Store) WithSeenTTL(ttl time.Duration) *Store {
	s.seenTTL = ttl
	return s
}

// WithRetention sets how long a collaboration and its keys are kept after
// its last save (a d of zero or less keeps DefaultRetention) and returns
// s. Call it before the Store is shared.
func (s *Store) WithRetention(d time.Duration) *Store {
	if d > 0 {
		s.retention = d
	}
	return s
}

// WithSchedulerLag makes every due job report how late it runs to lag
// (a metric) and returns s. Call it before the Store is shared.
func (s *Store) WithSchedulerLag(lag func(time.Duration)) *Store {
	s.lag = lag
	return s
}

func (s *Store) reportLag(d time.Duration) {
	if s.lag != nil {
		s.lag(d)
	}
}

// Embedded reports whether the Store runs on an in-process Redis whose
// data does not outlive the process.
func (s *Store) Embedded() bool { return s.embedded }

// Ping checks that Redis answers before ctx's deadline. Its error is one
// line that names REDIS_URL.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.Ping(s.own(ctx)).Err(); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// Commands returns how many Redis commands this Store has sent (pipelined
// ones included).
func (s *Store) Commands() int64 { return s.commands.Load() }

// RoundTrips returns how many times this Store waited for Redis: a
// pipeline counts once, whatever it holds (on a cluster its parts go to
// their nodes at once).
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

var errEmptyID = errors.New("empty collab id")

// collabKey is the key of collab id's JSON value.
func (s *Store) collabKey(id string) string { return s.prefix + "collab:{" + id + "}" }

// seenKey marks eventKey as handled for collab id; it shares the hash tag.
func (s *Store) seenKey(id, eventKey string) string { return s.collabKey(id) + ":seen:" + eventKey }

// threadKey indexes a Slack thread by channel and root ts.
func (s *Store) threadKey(channel, ts string) string {
	return s.prefix + "thread:" + channel + ":" + ts
}
