package store

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/redis/go-redis/v9"
)

// ownerKey marks a context as carrying a Store's own commands, so a client
// shared with other code is counted only for what this Store sends.
type ownerKey struct{}

// own tags ctx with s for the command counter.
func (s *Store) own(ctx context.Context) context.Context {
	return context.WithValue(ctx, ownerKey{}, s)
}

// kindKey tags a context with the kind of event whose handling sends its
// commands (see Tally).
type kindKey struct{}

// Tally makes the round trips sent with ctx count for kind of event too
// (see RoundTripsOf), so the cost of one kind can be told apart.
func (s *Store) Tally(ctx context.Context, kind string) context.Context {
	return context.WithValue(ctx, kindKey{}, kind)
}

// RoundTripsOf returns how many round trips were sent for each kind of
// event (see Tally); those of no kind (intake, leases, schedulers) are
// under "".
func (s *Store) RoundTripsOf() map[string]int64 {
	out := map[string]int64{}
	s.byKind.Range(func(k, v any) bool {
		out[k.(string)] = v.(*atomic.Int64).Load()
		return true
	})
	return out
}

// countRoundTrip counts one round trip sent with ctx.
func (s *Store) countRoundTrip(ctx context.Context) {
	s.roundTrips.Add(1)
	kind, _ := ctx.Value(kindKey{}).(string)
	n, ok := s.byKind.Load(kind)
	if !ok {
		n, _ = s.byKind.LoadOrStore(kind, new(atomic.Int64))
	}
	n.(*atomic.Int64).Add(1)
}

// counter is the go-redis hook that counts s's commands and names the
// server in errors that did not come from Redis itself.
type counter struct{ s *Store }

func (h counter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h counter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if ctx.Value(ownerKey{}) != h.s {
			return next(ctx, cmd)
		}
		h.s.commands.Add(1)
		h.s.countRoundTrip(ctx)
		return h.s.nameServer(cmd, next(ctx, cmd))
	}
}

func (h counter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if ctx.Value(ownerKey{}) != h.s {
			return next(ctx, cmds)
		}
		h.s.commands.Add(int64(len(cmds)))
		h.s.countRoundTrip(ctx)
		err := next(ctx, cmds)
		for _, c := range cmds {
			h.s.nameServer(c, c.Err())
		}
		return h.s.nameServer(nil, err)
	}
}

// nameServer prefixes an error that did not come from Redis itself (a
// refused connection, a timeout) with the server's name, REDIS_URL
// without its password, so that the operator's one log line says which
// setting to check. Redis's own answers and redis.Nil stay as they are.
// cmd, when given, carries the named error from then on.
func (s *Store) nameServer(cmd redis.Cmder, err error) error {
	var answer redis.Error
	if err == nil || errors.Is(err, redis.Nil) || errors.As(err, &answer) || errors.Is(err, errNamed) {
		return err
	}
	named := fmt.Errorf("%s: %w", s.where, namedError{err})
	if cmd != nil {
		cmd.SetErr(named)
	}
	return named
}

// namedError marks an error nameServer has named, so it is named once.
type namedError struct{ error }

func (e namedError) Unwrap() error        { return e.error }
func (e namedError) Is(target error) bool { return target == errNamed }

var errNamed = errors.New("named")
