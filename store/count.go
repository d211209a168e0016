package store

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// ownerKey marks a context as carrying a Store's own commands, so a client
// shared with other code is counted only for what this Store sends.
type ownerKey struct{}

// own tags ctx with s for the command counter.
func (s *Store) own(ctx context.Context) context.Context {
	return context.WithValue(ctx, ownerKey{}, s)
}

// counter is the go-redis hook that counts s's commands.
type counter struct{ s *Store }

func (h counter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h counter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if ctx.Value(ownerKey{}) == h.s {
			h.s.commands.Add(1)
			h.s.roundTrips.Add(1)
		}
		return next(ctx, cmd)
	}
}

func (h counter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if ctx.Value(ownerKey{}) == h.s {
			h.s.commands.Add(int64(len(cmds)))
			h.s.roundTrips.Add(1)
		}
		return next(ctx, cmds)
	}
}
