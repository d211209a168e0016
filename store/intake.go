package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// Intake: the bot records every envelope in a Redis Stream before it acks
// it, so a crash after the ack loses nothing. There are several partition
// streams; every event of one collaboration is recorded in the same one,
// and one replica at a time reads a partition (see Own), so a
// collaboration's events are handled in the order they were recorded.
//
//	<prefix>intake:{p<n>}        stream of partition n, consumer group "collabbot"
//	<prefix>intake:{p<n>}:owner  the replica reading partition n (lease)
//	<prefix>replicas             sorted set: replica -> last heartbeat (ms)

// IntakeGroup is the consumer group of every partition stream: one per
// deployment, whose consumers are the replicas.
const IntakeGroup = "collabbot"

// intakeMaxLen bounds a stream should entries pile up unacked; handled
// entries are deleted as they are acked.
const intakeMaxLen = 100_000

// claimBatch is how many entries one XAUTOCLAIM step takes.
const claimBatch = 100

// Entry is one recorded envelope: its stream entry id and fields. It is
// an alias of an unnamed struct so that callers can name the same type
// in their own interfaces without importing this package.
type Entry = struct {
	ID     string
	Fields map[string]string
}

func (s *Store) intakeKey(part int) string {
	return s.prefix + "intake:{p" + strconv.Itoa(part) + "}"
}

// Record appends fields to partition part's stream in one XADD and returns
// the entry id.
func (s *Store) Record(ctx context.Context, part int, fields map[string]any) (string, error) {
	id, err := s.rdb.XAdd(s.own(ctx), &redis.XAddArgs{
		Stream: s.intakeKey(part), MaxLen: intakeMaxLen, Approx: true, Values: fields,
	}).Result()
	if err != nil {
		return "", fmt.Errorf("record event in partition %d: %w", part, err)
	}
	return id, nil
}

// Recording is one entry to record: its partition and fields. Like Entry
// it is an alias of an unnamed struct.
type Recording = struct {
	Part   int
	Fields map[string]any
}

// RecordAll appends each recording to its partition's stream, all in one
// round trip, and returns each one's error: nil when it was recorded.
func (s *Store) RecordAll(ctx context.Context, rs []Recording) []error {
	ctx = s.own(ctx)
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.StringCmd, len(rs))
	for i, r := range rs {
		cmds[i] = pipe.XAdd(ctx, &redis.XAddArgs{
			Stream: s.intakeKey(r.Part), MaxLen: intakeMaxLen, Approx: true, Values: r.Fields,
		})
	}
	_, _ = pipe.Exec(ctx) // each command carries its own error
	errs := make([]error, len(rs))
	for i, c := range cmds {
		if err := c.Err(); err != nil {
			errs[i] = fmt.Errorf("record event in partition %d: %w", rs[i].Part, err)
		}
	}
	return errs
}

// JoinIntake creates partition part's stream and consumer group when
// missing.
func (s *Store) JoinIntake(ctx context.Context, part int) error {
	err := s.rdb.XGroupCreateMkStream(s.own(ctx), s.intakeKey(part), IntakeGroup, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return fmt.Errorf("create intake group of partition %d: %w", part, err)
	}
	return nil
}

// ReadIntake returns up to max new entries of partition part for
// consumer, waiting up to block for the first; none when block passes.
// The entries stay pending until AckIntake.
func (s *Store) ReadIntake(ctx context.Context, part int, consumer string, max int64, block time.Duration) ([]Entry, error) {
	res, err := s.rdb.XReadGroup(s.own(ctx), &redis.XReadGroupArgs{
		Group: IntakeGroup, Consumer: consumer, Streams: []string{s.intakeKey(part), ">"},
		Count: max, Block: block,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil && strings.HasPrefix(err.Error(), "NOGROUP") {
		// Redis lost its data: the group goes with the stream.
		err = s.JoinIntake(ctx, part)
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("read intake partition %d: %w", part, err)
	}
	var out []Entry
	for _, st := range res {
		out = append(out, entries(st.Messages)...)
	}
	return out, nil
}

// ClaimIntake moves to consumer every entry of partition part that has
// been pending for at least minIdle (a replica that died, or an entry whose
// handling failed), oldest first.
func (s *Store) ClaimIntake(ctx context.Context, part int, consumer string, minIdle time.Duration) ([]Entry, error) {
	var out []Entry
	start := "0-0"
	for {
		msgs, next, err := s.rdb.XAutoClaim(s.own(ctx), &redis.XAutoClaimArgs{
			Stream: s.intakeKey(part), Group: IntakeGroup, Consumer: consumer,
			MinIdle: minIdle, Start: start, Count: claimBatch,
		}).Result()
		if err != nil && strings.HasPrefix(err.Error(), "NOGROUP") {
			return out, s.JoinIntake(ctx, part)
		}
		if err != nil {
			return out, fmt.Errorf("claim intake partition %d: %w", part, err)
		}
		out = append(out, entries(msgs)...)
		if next == "0-0" || next == "" {
			return out, nil
		}
		start = next
	}
}

// AckIntake marks entries of partition part handled and deletes them, in
// one pipeline.
func (s *Store) AckIntake(ctx context.Context, part int, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	ctx = s.own(ctx)
	pipe := s.rdb.Pipeline()
	s.queueAck(ctx, pipe, part, ids...)
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("ack intake partition %d: %w", part, err)
	}
	return nil
}

// SaveAndAck is ApplyFenced without an event key, with the intake entry id of
// partition part acked in the same round trip: for the save that records
// what an event's effects did, after which the entry is not needed. The
// entry is acked even when the save is refused.
func (s *Store) SaveAndAck(ctx context.Context, c *flows.Collab, part int, id string, token int64) error {
	return s.save(ctx, c, "", fence{part, token}, saveExtra{also: func(ctx context.Context, pipe redis.Pipeliner) {
		s.queueAck(ctx, pipe, part, id)
	}})
}

func (s *Store) queueAck(ctx context.Context, pipe redis.Pipeliner, part int, ids ...string) {
	key := s.intakeKey(part)
	pipe.XAck(ctx, key, IntakeGroup, ids...)
	pipe.XDel(ctx, key, ids...)
}

func entries(msgs []redis.XMessage) []Entry {
	out := make([]Entry, 0, len(msgs))
	for _, m := range msgs {
		f := make(map[string]string, len(m.Values))
		for k, v := range m.Values {
			f[k], _ = v.(string)
		}
		out = append(out, Entry{ID: m.ID, Fields: f})
	}
	return out
}

// Once reports true the first time it is called with key within ttl, for
// something to be done once across replicas (such as a note in a thread).
func (s *Store) Once(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	ok, err := s.rdb.SetNX(s.own(ctx), s.prefix+"once:"+key, "1", ttl).Result()
	if err != nil {
		return false, fmt.Errorf("mark %s done: %w", key, err)
	}
	return ok, nil
}
