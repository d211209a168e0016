package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// Create saves a new collaboration. c.Rev must be 0 and becomes 1. If a
// collab with c.ID exists (a redelivered slash command) it returns
// flows.ErrDuplicate and changes nothing.
func (s *Store) Create(ctx context.Context, c *flows.Collab) error {
	if c.ID == "" {
		return fmt.Errorf("create collab: %w", errEmptyID)
	}
	if c.Rev != 0 {
		return fmt.Errorf("create collab %s: rev is %d, want 0", c.ID, c.Rev)
	}
	c.Rev = 1
	data, err := s.encode(c)
	if err != nil {
		c.Rev = 0
		return fmt.Errorf("create collab %s: %w", c.ID, err)
	}
	var set *redis.BoolCmd
	err = s.pipelined(ctx, func(ctx context.Context, pipe redis.Pipeliner) {
		s.queueUpkeep(ctx, pipe, c)
		set = pipe.SetNX(ctx, s.collabKey(c.ID), data, s.retention)
	})
	switch {
	case err != nil:
		c.Rev = 0
		return fmt.Errorf("create collab %s: %w", c.ID, err)
	case !set.Val():
		c.Rev = 0
		return fmt.Errorf("create collab %s: %w", c.ID, flows.ErrDuplicate)
	}
	_ = s.indexState(ctx, c.ID, "", c.State) // best effort, as in Apply
	return nil
}

// Get loads collaboration id, or returns flows.ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (flows.Collab, error) {
	if id == "" {
		return flows.Collab{}, fmt.Errorf("load collab: %w", errEmptyID)
	}
	data, err := s.rdb.Get(s.own(ctx), s.collabKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return flows.Collab{}, fmt.Errorf("load collab %s: %w", id, flows.ErrNotFound)
	}
	if err != nil {
		return flows.Collab{}, fmt.Errorf("load collab %s: %w", id, err)
	}
	var c flows.Collab
	if err := json.Unmarshal(data, &c); err != nil {
		return flows.Collab{}, fmt.Errorf("decode collab %s: %w", id, err)
	}
	return c, nil
}

// applyLua saves ARGV[2] (the collab with its new rev) at KEYS[1] for
// ARGV[4] ms if the stored rev equals ARGV[1], and sets the event key,
// when ARGV[9] is '1', for ARGV[3] ms. It answers "ok:" and the state it
// replaced. An already set event key means the event was handled: nothing
// is written. A save fenced with token ARGV[5] (0: not fenced) is refused
// once KEYS[2] holds a greater token: the partition's token, or on a
// Cluster, where a script reaches one slot, the token of the collab's last
// save, which ARGV[6] = 'mark' records. With ARGV[6] = 'lease' the lease
// itself must still be held under the token: KEYS[2] holds that very
// token and the lease KEYS[3] has not lapsed (every takeover sets a new
// token, so the two together name the lease's holder), unless Redis lost
// the token: then, as before any fencing, only a takeover's newer token
// fences the save. The event key follows the fence's keys. When ARGV[7] names an intake
// entry, the save acks and deletes it from the stream that is the last
// key before the state index keys (group ARGV[8]): the saved outbox and
// its retry job carry the event from then on. The last ARGV[10] keys are
// the state index (see states.go): when the state changes to ARGV[11],
// member ARGV[13] leaves every one of them but the ARGV[14]th, which it
// enters scored ARGV[12] (0: a final state, in none). Neither is done on
// a Cluster, where those keys are in other slots.
const applyLua = `
local token, lease = tonumber(ARGV[5]), ARGV[6] == 'lease'
if token > 0 then
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  if last > token then return 'fenced' end
  if lease and last > 0 and (last ~= token or redis.call('EXISTS', KEYS[3]) == 0) then return 'fenced' end
end
local seen, seenKey = ARGV[9] == '1', KEYS[lease and 4 or 3]
if seen and redis.call('EXISTS', seenKey) == 1 then return 'duplicate' end
local cur = redis.call('GET', KEYS[1])
if not cur then return 'not_found' end
local old = cjson.decode(cur)
if old.rev ~= tonumber(ARGV[1]) then return 'conflict' end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
if seen then redis.call('SET', seenKey, '1', 'PX', ARGV[3]) end
if ARGV[6] == 'mark' then redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[4]) end
local n = tonumber(ARGV[10] or '0')
if ARGV[7] ~= '' then
  redis.call('XACK', KEYS[#KEYS - n], ARGV[8], ARGV[7])
  redis.call('XDEL', KEYS[#KEYS - n], ARGV[7])
end
if n > 0 and (old.state or '') ~= ARGV[11] then
  local first, mine = #KEYS - n, tonumber(ARGV[14])
  for i = 1, n do
    if i ~= mine then redis.call('ZREM', KEYS[first + i], ARGV[13]) end
  end
  if mine > 0 then redis.call('ZADD', KEYS[first + mine], ARGV[12], ARGV[13]) end
end
return 'ok:' .. (old.state or '')
`

// applyErrs maps the script's refusals onto the domain's errors.
var applyErrs = map[string]error{
	"duplicate": flows.ErrDuplicate,
	"not_found": flows.ErrNotFound,
	"conflict":  flows.ErrConflict,
	"fenced":    flows.ErrFenced,
}

// Apply saves c if the stored Rev still equals c.Rev and marks eventKey
// (unless "") as handled, atomically, and renews the retention of c and
// its thread, in one round trip. On success c.Rev is incremented. It
// returns flows.ErrDuplicate if eventKey was handled already,
// flows.ErrConflict if the collab changed since c was loaded and
// flows.ErrNotFound if it is gone; in those cases nothing is written and
// c is unchanged.
func (s *Store) Apply(ctx context.Context, c *flows.Collab, eventKey string) error {
	return s.save(ctx, c, eventKey, fence{}, saveExtra{})
}

// ApplyFenced is Apply by the owner of partition part holding fencing
// token (from Own): it returns flows.ErrFenced, writing nothing, once the
// lease lapsed or a later owner took the partition over, so an owner
// paused past its lease cannot save alongside the new one. On a Cluster,
// where the lease is in another slot, only a later owner's save fences.
func (s *Store) ApplyFenced(ctx context.Context, c *flows.Collab, eventKey string, part int, token int64) error {
	return s.save(ctx, c, eventKey, fence{part, token}, saveExtra{})
}

// fence is the partition and fencing token a save is made under; a zero
// token does not fence.
type fence struct {
	part  int
	token int64
}

// fenceArgs are the keys and script arguments that check f: outside a
// Cluster, the partition's token and lease.
func (s *Store) fenceArgs(id string, f fence) (keys []string, token int64, mode string) {
	switch {
	case f.token <= 0:
		return []string{s.collabKey(id) + ":fence"}, 0, ""
	case s.cluster:
		return []string{s.collabKey(id) + ":fence"}, f.token, "mark"
	}
	return []string{s.tokenKey(f.part), s.ownerKey(f.part)}, f.token, "lease"
}

// saveExtra is what a save may bring along: an intake entry the script
// acks when the save stands, and more commands, which run in the same
// round trip whatever the script answers, and may run twice.
type saveExtra struct {
	entry string
	part  int
	also  func(context.Context, redis.Pipeliner)
}

// applyArgs are applyLua's arguments, in its order: the rev loaded, the
// new value, the TTLs, the fence, the intake entry to ack, whether the
// event key is set, then the state index's.
func (s *Store) applyArgs(loaded int64, data []byte, token int64, mark, entry, seen string, index []any) []any {
	return append([]any{loaded, data, s.seenTTL.Milliseconds(), s.retention.Milliseconds(),
		token, mark, entry, IntakeGroup, seen}, index...)
}

// save is Apply with a fence and the extras of x.
func (s *Store) save(ctx context.Context, c *flows.Collab, eventKey string, f fence, x saveExtra) error {
	if c.ID == "" {
		return fmt.Errorf("save collab: %w", errEmptyID)
	}
	fenceKeys, token, mark := s.fenceArgs(c.ID, f)
	keys := append([]string{s.collabKey(c.ID)}, fenceKeys...)
	seen := "0"
	if eventKey != "" {
		keys, seen = append(keys, s.seenKey(c.ID, eventKey)), "1"
	}
	if x.entry != "" {
		keys = append(keys, s.intakeKey(x.part))
	}
	keys, index := s.indexArgs(keys, c)
	loaded := c.Rev
	c.Rev++
	data, err := s.encode(c)
	if err != nil {
		c.Rev = loaded
		return fmt.Errorf("save collab %s: %w", c.ID, err)
	}
	var res *redis.Cmd
	err = s.pipelined(ctx, func(ctx context.Context, pipe redis.Pipeliner) {
		s.queueUpkeep(ctx, pipe, c)
		res = s.apply.EvalSha(ctx, pipe, keys, s.applyArgs(loaded, data, token, mark, x.entry, seen, index)...)
		if x.also != nil {
			x.also(ctx, pipe)
		}
	})
	var from flows.State
	if err == nil {
		from, err = applyResult(res)
	}
	if err != nil {
		c.Rev = loaded
		return fmt.Errorf("save collab %s rev %d: %w", c.ID, loaded, err)
	}
	if s.cluster { // the script kept the index elsewhere
		// The save stands whatever the index says; see states.go.
		_ = s.indexState(ctx, c.ID, from, c.State)
	}
	return nil
}

// applyResult maps applyLua's answer onto the state the save replaced or
// the domain's errors.
func applyResult(res *redis.Cmd) (flows.State, error) {
	text, err := res.Text()
	if err != nil {
		return "", err
	}
	if from, ok := savedFrom(text); ok {
		return from, nil
	}
	if err := applyErrs[text]; err != nil {
		return "", err
	}
	return "", fmt.Errorf("unexpected script result %q", text)
}

// encode is c as JSON, refused past MaxCollabBytes.
func (s *Store) encode(c *flows.Collab) ([]byte, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	if len(data) > MaxCollabBytes {
		return nil, fmt.Errorf("%d bytes, over the limit of %d: %w", len(data), MaxCollabBytes, ErrTooLarge)
	}
	return data, nil
}
