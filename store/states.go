package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
)

// The state index counts collaborations by state without reading them:
// one sorted set per unfinished state, <prefix>states:<state>, holding
// the ids in that state scored by when they entered it. The save script
// writes it when the state changes, but on a Redis Cluster, where a
// script may touch only its collab's hash slot: there the index is
// written after a save that changed the state, in a second round trip,
// a few per collaboration against dozens of saves. A collab is removed
// from every other state's set as it enters one, so an update lost to a
// crash between the two round trips is mended by its next state change.
// Finished collaborations are not indexed: the sets stay as small as the
// work in progress. Entries older than the retention are dropped when
// counted, as their collabs have expired.

// States names the states CountByState reports: the unfinished ones.
func (s *Store) States() []string {
	var out []string
	for _, st := range flows.States {
		if !st.Final() {
			out = append(out, string(st))
		}
	}
	return out
}

// CountByState returns how many collaborations are in each unfinished
// state, in one round trip whatever their number.
func (s *Store) CountByState(ctx context.Context) (map[string]int, error) {
	states := s.States()
	cards := make([]*redis.IntCmd, len(states))
	stale := fmt.Sprintf("(%d", time.Now().Add(-s.retention).UnixMilli())
	_, err := s.rdb.Pipelined(s.own(ctx), func(pipe redis.Pipeliner) error {
		for i, st := range states {
			pipe.ZRemRangeByScore(ctx, s.stateKey(st), "-inf", stale)
			cards[i] = pipe.ZCard(ctx, s.stateKey(st))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count collabs by state: %w", err)
	}
	out := make(map[string]int, len(states))
	for i, st := range states {
		out[st] = int(cards[i].Val())
	}
	return out, nil
}

// indexState records that collab id entered state, unless it did not
// change (from == state).
func (s *Store) indexState(ctx context.Context, id string, from, state flows.State) error {
	if from == state {
		return nil
	}
	now := float64(time.Now().UnixMilli())
	_, err := s.rdb.Pipelined(s.own(ctx), func(pipe redis.Pipeliner) error {
		for _, st := range s.States() {
			if st != string(state) {
				pipe.ZRem(ctx, s.stateKey(st), id)
			}
		}
		if !state.Final() {
			pipe.ZAdd(ctx, s.stateKey(string(state)), redis.Z{Score: now, Member: id})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("index collab %s as %s: %w", id, state, err)
	}
	return nil
}

// indexArgs appends to keys, but on a Cluster, the state index keys the
// save script updates when c's state changes, and returns the script's
// arguments for them (see applyLua).
func (s *Store) indexArgs(keys []string, c *flows.Collab) ([]string, []any) {
	if s.cluster {
		return keys, []any{0, "", 0, "", 0}
	}
	mine := 0
	for i, st := range s.States() {
		keys = append(keys, s.stateKey(st))
		if st == string(c.State) {
			mine = i + 1
		}
	}
	return keys, []any{len(s.States()), string(c.State), time.Now().UnixMilli(), c.ID, mine}
}

// stateKey is the index of the collabs in state.
func (s *Store) stateKey(state string) string { return s.prefix + "states:" + state }

// savedFrom reads the state a save replaced from applyLua's "ok:<state>".
func savedFrom(text string) (flows.State, bool) {
	from, ok := strings.CutPrefix(text, "ok:")
	return flows.State(from), ok
}
