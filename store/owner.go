package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// ownLua takes or renews the lease KEYS[1] for ARGV[1] for ARGV[2] ms and
// returns the lease's fencing token, KEYS[2]; it returns 0 when another
// replica holds the lease. A takeover's token is above the last one and
// at least Redis's clock in µs: if Redis lost its data, the old holder's
// token (handed out earlier) stays below it, so its saves are refused
// rather than both replicas owning the partition with equal tokens.
const ownLua = `
local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return 0 end
local t = redis.call('GET', KEYS[2])
if v then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  if t then return tonumber(t) end
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
local now = redis.call('TIME')
local token = math.max(tonumber(t or '0') + 1, tonumber(now[1]) * 1000000 + tonumber(now[2]))
redis.call('SET', KEYS[2], string.format('%d', token))
return token
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

// tokenKey holds partition part's fencing token. It never expires: a
// token must only grow.
func (s *Store) tokenKey(part int) string { return s.intakeKey(part) + ":fence" }

func (s *Store) replicasKey() string { return s.prefix + "replicas" }

// Own takes or renews replica me's lease on partition part for ttl. It
// returns the lease's fencing token, which grows with every takeover (even
// one after Redis lost its data), or 0 when another replica holds the lease. A replica that stops renewing
// loses the partition after ttl; another then claims its pending entries,
// and saves made with the older token are refused (see ApplyFenced).
func (s *Store) Own(ctx context.Context, part int, me string, ttl time.Duration) (int64, error) {
	keys := []string{s.ownerKey(part), s.tokenKey(part)}
	token, err := ownScript.Run(s.own(ctx), s.rdb, keys, me, ttl.Milliseconds()).Int64()
	if err != nil {
		return 0, fmt.Errorf("own partition %d: %w", part, err)
	}
	return token, nil
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
