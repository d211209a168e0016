package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// ownLua takes or renews the lease KEYS[1] for ARGV[1] for ARGV[2] ms; it
// returns 0 when another replica holds it.
const ownLua = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if v then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`

// disownLua deletes the lease KEYS[1] if ARGV[1] holds it.
const disownLua = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

var (
	ownScript    = redis.NewScript(ownLua)
	disownScript = redis.NewScript(disownLua)
)

func (s *Store) ownerKey(part int) string { return s.intakeKey(part) + ":owner" }

func (s *Store) replicasKey() string { return s.prefix + "replicas" }

// Own takes or renews replica me's lease on partition part for ttl and
// reports whether me holds it. A replica that stops renewing loses the
// partition after ttl; another then claims its pending entries.
func (s *Store) Own(ctx context.Context, part int, me string, ttl time.Duration) (bool, error) {
	n, err := ownScript.Run(s.own(ctx), s.rdb, []string{s.ownerKey(part)}, me, ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("own partition %d: %w", part, err)
	}
	return n == 1, nil
}

// Disown gives up me's lease on partition part, if me holds it.
func (s *Store) Disown(ctx context.Context, part int, me string) error {
	if err := disownScript.Run(s.own(ctx), s.rdb, []string{s.ownerKey(part)}, me).Err(); err != nil {
		return fmt.Errorf("disown partition %d: %w", part, err)
	}
	return nil
}

// Heartbeat records that replica me is alive, forgets replicas silent for
// longer than ttl and returns how many are alive, in one round trip.
func (s *Store) Heartbeat(ctx context.Context, me string, ttl time.Duration) (int, error) {
	ctx = s.own(ctx)
	now := time.Now().UnixMilli()
	pipe := s.rdb.TxPipeline()
	pipe.ZAdd(ctx, s.replicasKey(), redis.Z{Score: float64(now), Member: me})
	pipe.ZRemRangeByScore(ctx, s.replicasKey(), "-inf", "("+strconv.FormatInt(now-ttl.Milliseconds(), 10))
	card := pipe.ZCard(ctx, s.replicasKey())
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, fmt.Errorf("heartbeat of replica %s: %w", me, err)
	}
	return int(card.Val()), nil
}

// Leave forgets replica me at once, so the others take its share.
func (s *Store) Leave(ctx context.Context, me string) error {
	if err := s.rdb.ZRem(s.own(ctx), s.replicasKey(), me).Err(); err != nil {
		return fmt.Errorf("leave as replica %s: %w", me, err)
	}
	return nil
}
