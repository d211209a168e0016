package store

import (
	"context"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// RecoverAfter is when a collab saved with effects still to carry out has
// its KindRetry job due. The process that saved it carries them out at
// once, and the job then finds nothing to do; if that process dies, a
// replica polling the scheduler picks the work up after this long. So
// start-up needs no scan: the scheduler is the index of collabs with work
// left.
const RecoverAfter = 30 * time.Second

// queueUpkeep adds to pipe what every save of c (at its new rev) brings
// along: a retry job while c has effects left (see retryDue), queued before the save so
// a saved outbox always has one (an earlier job stays: the earliest time
// wins); once none are left, the end of the jobs earlier saves asked for;
// and the renewed retention of its thread index. Should the save be
// refused, the job is one more that finds nothing to do, and the cancel
// spares the job of the save that won (see cancelLua). On a Cluster the
// job and the save live on different nodes and go out at once; if the
// job fails and the save does not, the caller sees the error, and its
// retry finds the save made (ErrDuplicate; ErrConflict without an event
// key).
func (s *Store) queueUpkeep(ctx context.Context, pipe redis.Pipeliner, c *flows.Collab) {
	if len(c.Outbox) > 0 {
		scheduleScript.Eval(ctx, pipe, s.schedKeys(KindRetry), c.ID, retryDue(c.Outbox).UnixMilli(), c.Rev)
	} else if c.Rev > 1 {
		cancelScript.Eval(ctx, pipe, s.schedKeys(KindRetry), c.ID, c.Rev)
	}
	if c.RootTS != "" {
		pipe.PExpire(ctx, s.threadKey(c.Channel, c.RootTS), s.retention)
	}
	s.queueListing(ctx, pipe, c)
}

// retryDue is when a saved outbox is next looked at: RecoverAfter from
// now, or sooner if an effect in it waits for an earlier time.
func retryDue(outbox []flows.Effect) time.Time {
	due := time.Now().Add(RecoverAfter)
	for _, e := range outbox {
		if !e.NotBefore.IsZero() && e.NotBefore.Before(due) {
			due = e.NotBefore
		}
	}
	return due
}

// pipelined sends build's commands in one round trip and returns the
// first error. Scripts go as EVALSHA; one that Redis does not know (after
// a restart or a failover) fails without running, and then the scripts
// are loaded and the whole round trip made again: everything queued with
// a script must bear running twice.
func (s *Store) pipelined(ctx context.Context, build func(context.Context, redis.Pipeliner)) error {
	ctx = s.own(ctx)
	for try := 0; ; try++ {
		pipe := s.rdb.Pipeline()
		build(ctx, pipe)
		cmds, err := pipe.Exec(ctx)
		if try > 0 || !unknownScript(cmds) {
			return err
		}
		if err := s.apply.Load(ctx, s.rdb).Err(); err != nil {
			return err
		}
	}
}

func unknownScript(cmds []redis.Cmder) bool {
	for _, c := range cmds {
		if redis.HasErrorPrefix(c.Err(), "NOSCRIPT") {
			return true
		}
	}
	return false
}
