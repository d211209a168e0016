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
// ARGV[4] ms if the stored rev equals ARGV[1], and sets KEYS[2], when
// given, for ARGV[3] ms. It answers "ok:" and the state it replaced.
// An already set KEYS[2] means the event was handled: nothing is written.
const applyLua = `
if KEYS[2] and redis.call('EXISTS', KEYS[2]) == 1 then return 'duplicate' end
local cur = redis.call('GET', KEYS[1])
if not cur then return 'not_found' end
local old = cjson.decode(cur)
if old.rev ~= tonumber(ARGV[1]) then return 'conflict' end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
if KEYS[2] then redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]) end
return 'ok:' .. (old.state or '')
`

// applyErrs maps the script's refusals onto the domain's errors.
var applyErrs = map[string]error{
	"duplicate": flows.ErrDuplicate,
	"not_found": flows.ErrNotFound,
	"conflict":  flows.ErrConflict,
}

// Apply saves c if the stored Rev still equals c.Rev and marks eventKey
// (unless "") as handled, atomically, and renews the retention of c and
// its thread, in one round trip. On success c.Rev is incremented. It
// returns flows.ErrDuplicate if eventKey was handled already,
// flows.ErrConflict if the collab changed since c was loaded and
// flows.ErrNotFound if it is gone; in those cases nothing is written and
// c is unchanged.
func (s *Store) Apply(ctx context.Context, c *flows.Collab, eventKey string) error {
	return s.save(ctx, c, eventKey, nil)
}

// save is Apply; also, when not nil, queues more commands in the same
// round trip. They run whatever the script answers, and may run twice.
func (s *Store) save(ctx context.Context, c *flows.Collab, eventKey string, also func(context.Context, redis.Pipeliner)) error {
	if c.ID == "" {
		return fmt.Errorf("save collab: %w", errEmptyID)
	}
	keys := []string{s.collabKey(c.ID)}
	if eventKey != "" {
		keys = append(keys, s.seenKey(c.ID, eventKey))
	}
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
		res = s.apply.EvalSha(ctx, pipe, keys, loaded, data, s.seenTTL.Milliseconds(), s.retention.Milliseconds())
		if also != nil {
			also(ctx, pipe)
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
	// The save stands whatever the index says; see states.go.
	_ = s.indexState(ctx, c.ID, from, c.State)
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
