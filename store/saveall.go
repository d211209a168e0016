package store

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
)

// SaveAll is Apply without event keys for many collabs in one round
// trip: for recording what effects did, which may wait and be gathered.
// It returns each save's error; cs[i].Rev is incremented where it is nil.
func (s *Store) SaveAll(ctx context.Context, cs []*flows.Collab) []error {
	errs := make([]error, len(cs))
	data := make([][]byte, len(cs))
	for i, c := range cs {
		c.Rev++
		if data[i], errs[i] = s.encode(c); errs[i] != nil {
			c.Rev--
			errs[i] = fmt.Errorf("save collab %s: %w", c.ID, errs[i])
		}
	}
	res := make([]*redis.Cmd, len(cs))
	_ = s.pipelined(ctx, func(ctx context.Context, pipe redis.Pipeliner) {
		for i, c := range cs {
			if errs[i] != nil {
				continue
			}
			fenceKey, token, mark := s.fenceArgs(c.ID, fence{})
			keys, index := s.indexArgs([]string{s.collabKey(c.ID), fenceKey}, c)
			s.queueUpkeep(ctx, pipe, c)
			res[i] = s.apply.EvalSha(ctx, pipe, keys, s.applyArgs(c.Rev-1, data[i], token, mark, "", "0", index)...)
		}
	})
	for i, c := range cs {
		if errs[i] != nil {
			continue
		}
		var from flows.State // each command carries its own error
		if from, errs[i] = applyResult(res[i]); errs[i] != nil {
			c.Rev--
			errs[i] = fmt.Errorf("save collab %s rev %d: %w", c.ID, c.Rev, errs[i])
			continue
		}
		if s.cluster { // as in save
			_ = s.indexState(ctx, c.ID, from, c.State)
		}
	}
	return errs
}
