package store

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
)

// Fenced is a collab to save under the lease of the partition whose work
// changed it (see ApplyFenced); a zero Token does not fence. It is an
// alias of an unnamed struct, like Entry.
type Fenced = struct {
	Collab *flows.Collab
	Part   int
	Token  int64
}

// SaveAll is ApplyFenced without event keys for many collabs in one round
// trip: for recording what effects did, which may wait and be gathered.
// It returns each save's error; a collab's Rev is incremented where it is
// nil.
func (s *Store) SaveAll(ctx context.Context, fs []Fenced) []error {
	errs := make([]error, len(fs))
	data := make([][]byte, len(fs))
	cs := make([]*flows.Collab, len(fs))
	for i, f := range fs {
		c := f.Collab
		cs[i] = c
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
			fenceKeys, token, mark := s.fenceArgs(c.ID, fence{fs[i].Part, fs[i].Token})
			keys, index := s.indexArgs(append([]string{s.collabKey(c.ID)}, fenceKeys...), c)
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
