package store

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
)

// EventSave is what the save of an event brings along in its round trip:
// the intake entry the event came from (partition, stream id, and the
// fencing token of the partition's lease) and the timers (kind -> due)
// to schedule. It is an alias of an unnamed struct, like Entry.
type EventSave = struct {
	Part   int
	Entry  string
	Token  int64
	Timers map[string]time.Time
}

// SaveEvent is ApplyFenced that also schedules w.Timers and, but on a
// Cluster, acks w.Entry if the save stands, all in one round trip; it
// reports whether the entry was acked. Timers are scheduled whatever the
// save answers: one no longer needed fires and finds nothing due.
func (s *Store) SaveEvent(ctx context.Context, c *flows.Collab, eventKey string, w EventSave) (bool, error) {
	x := saveExtra{part: w.Part, also: func(ctx context.Context, pipe redis.Pipeliner) {
		for kind, due := range w.Timers {
			scheduleScript.Eval(ctx, pipe, s.schedKeys(Kind(kind)), c.ID, due.UnixMilli(), 0)
		}
	}}
	if !s.cluster {
		x.entry = w.Entry
	}
	err := s.save(ctx, c, eventKey, fence{w.Part, w.Token}, x)
	return err == nil && x.entry != "", err
}
