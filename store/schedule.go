package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// The scheduler keeps work that is due later (retrying a collab's outbox,
// and next nudges, reminders and expiry) in Redis, so it survives a
// restart and is shared by every replica. Each kind has its own keys:
//
//	<prefix>{sched}:<kind>:due   sorted set: collab id -> ms when its job is visible
//	<prefix>{sched}:<kind>:jobs  hash: collab id -> "claim:attempt:due:lease:again:rev"
//
// All share the {sched} hash tag, so each script runs in one Cluster
// slot. A member is visible at its due time; Due claims it by
// moving its score to the end of a lease, so other replicas do not see
// it until the lease ends: a replica that dies holding a job leaves it to
// be claimed again, and nobody runs it twice at once. Each claim gets a
// new claim number, so only the latest holder's Done or Retry counts.
//
// To run the jobs, poll Due (or use Poll) on every replica, carry each
// job out, then call Done, or Retry to try again later. Work may be
// scheduled for a collab that has nothing left to do by then: a job's
// handler checks the collab's state rather than trusting the job.

// Kind is what a scheduled job is for; a collab has at most one job of
// each kind.
type Kind string

// Kinds of jobs.
const (
	KindRetry    Kind = "retry"    // carry out the collab's outbox
	KindNudge    Kind = "nudge"    // remind a side of an unanswered question
	KindReminder Kind = "reminder" // follow up a commitment
	KindExpiry   Kind = "expiry"   // end a collaboration left idle
)

// Job is one claimed piece of scheduled work.
type Job struct {
	Kind     Kind
	CollabID string
	Due      time.Time // when it was due
	Attempt  int       // how many times Retry put it back
	claim    int64
}

// schedLib reads and writes a job record; every scheduler script starts
// with it. KEYS[1] is the sorted set, KEYS[2] the hash.
const schedLib = `
local function get(m)
  local v = redis.call('HGET', KEYS[2], m)
  if not v then return nil end
  local c, a, d, l, r, rev = string.match(v, '^(%d+):(%d+):(%d+):(%d+):(%d):(%d+)$')
  return {c = tonumber(c), a = tonumber(a), d = tonumber(d), l = tonumber(l), r = tonumber(r), v = tonumber(rev)}
end
local function put(m, j)
  redis.call('HSET', KEYS[2], m, string.format('%d:%d:%d:%d:%d:%d', j.c, j.a, j.d, j.l, j.r, j.v))
end
local function reveal(m, j, at)
  j.d = at
  j.l = 0
  j.r = 0
  put(m, j)
  redis.call('ZADD', KEYS[1], at, m)
end
`

// scheduleLua adds member ARGV[1] due at ARGV[2], or moves an existing
// one earlier; ARGV[3] is the collab rev whose save asks for it (0 when
// none does). A claimed job is marked to run again, at that time or
// later, once its holder is done: the request came after the holder
// began, so the holder may have missed what it is for.
const scheduleLua = schedLib + `
local due = tonumber(ARGV[2])
local rev = tonumber(ARGV[3])
local j = get(ARGV[1])
if not j then
  reveal(ARGV[1], {c = 0, a = 0, v = rev}, due)
  return 1
end
if rev > j.v then j.v = rev end
if j.l > 0 then
  if j.r == 0 or due < j.d then j.d = due end
  j.r = 1
  put(ARGV[1], j)
  return 0
end
if due < j.d then reveal(ARGV[1], j, due) else put(ARGV[1], j) end
return 0
`

// cancelLua drops member ARGV[1] when only saves older than rev ARGV[2]
// asked for it: a save that left nothing to do makes their jobs moot,
// while a job asked for by that rev or a later one (a concurrent save
// that won) stays. A running job is left to finish; it finds nothing to
// do.
const cancelLua = schedLib + `
local j = get(ARGV[1])
if not j or j.v >= tonumber(ARGV[2]) then return 0 end
if j.l > 0 then
  if j.r == 1 then
    j.r = 0
    put(ARGV[1], j)
  end
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`

// dueLua claims up to ARGV[3] members visible at ARGV[1] until ARGV[2].
// It returns member, claim, attempt and due of each.
const dueLua = schedLib + `
local out = {}
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])) do
  local j = get(m)
  if not j then
    redis.call('ZREM', KEYS[1], m)
  else
    j.c = j.c + 1
    j.l = tonumber(ARGV[2])
    j.r = 0
    put(m, j)
    redis.call('ZADD', KEYS[1], j.l, m)
    for _, v in ipairs({m, string.format('%d', j.c), string.format('%d', j.a), string.format('%d', j.d)}) do
      table.insert(out, v)
    end
  end
end
return out
`

// doneLua ends claim ARGV[2] of member ARGV[1]: the job goes away, or is
// revealed at its new due time when it was scheduled again meanwhile. A
// stale claim changes nothing.
const doneLua = schedLib + `
local j = get(ARGV[1])
if not j or j.c ~= tonumber(ARGV[2]) or j.l == 0 then return 0 end
if j.r == 1 then
  reveal(ARGV[1], j, j.d)
  return 1
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`

// retryLua puts claim ARGV[2] of member ARGV[1] back, due at ARGV[3] (or
// earlier if scheduled again meanwhile), one attempt more.
const retryLua = schedLib + `
local j = get(ARGV[1])
if not j or j.c ~= tonumber(ARGV[2]) or j.l == 0 then return 0 end
local at = tonumber(ARGV[3])
if j.r == 1 and j.d < at then at = j.d end
j.a = j.a + 1
reveal(ARGV[1], j, at)
return 1
`

var (
	scheduleScript = redis.NewScript(scheduleLua)
	cancelScript   = redis.NewScript(cancelLua)
	dueScript      = redis.NewScript(dueLua)
	doneScript     = redis.NewScript(doneLua)
	retryScript    = redis.NewScript(retryLua)
)

func (s *Store) schedKeys(kind Kind) []string {
	base := s.prefix + "{sched}:" + string(kind)
	return []string{base + ":due", base + ":jobs"}
}

// Schedule makes collab id's job of kind due at due. It is idempotent:
// a collab has one job per kind, and the earliest requested time wins.
// If a replica is running the job now, it runs again after that.
func (s *Store) Schedule(ctx context.Context, kind Kind, id string, due time.Time) error {
	if id == "" {
		return fmt.Errorf("schedule %s: %w", kind, errEmptyID)
	}
	err := scheduleScript.Run(s.own(ctx), s.rdb, s.schedKeys(kind), id, due.UnixMilli(), 0).Err()
	if err != nil {
		return fmt.Errorf("schedule %s of collab %s: %w", kind, id, err)
	}
	return nil
}

// Due claims up to max jobs of kind due at now, each for lease: until the
// lease ends no other caller gets it. Finish each with Done or Retry
// within the lease; a job whose lease ends unfinished is claimed again.
func (s *Store) Due(ctx context.Context, kind Kind, now time.Time, lease time.Duration, max int) ([]Job, error) {
	res, err := dueScript.Run(s.own(ctx), s.rdb, s.schedKeys(kind),
		now.UnixMilli(), now.Add(lease).UnixMilli(), max).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("claim due %s jobs: %w", kind, err)
	}
	jobs := make([]Job, 0, len(res)/4)
	for i := 0; i+3 < len(res); i += 4 {
		j, err := parseJob(kind, res[i:i+4])
		if err != nil {
			return jobs, fmt.Errorf("claim due %s jobs: %w", kind, err)
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// parseJob reads collab id, claim, attempt and due as dueLua returns them.
func parseJob(kind Kind, f []string) (Job, error) {
	claim, err1 := strconv.ParseInt(f[1], 10, 64)
	attempt, err2 := strconv.Atoi(f[2])
	due, err3 := strconv.ParseInt(f[3], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return Job{}, fmt.Errorf("malformed job %q", f)
	}
	return Job{Kind: kind, CollabID: f[0], Due: time.UnixMilli(due), Attempt: attempt, claim: claim}, nil
}

// Done ends job. It reports false when the job's lease had ended and
// another claim took it over; that holder finishes it.
func (s *Store) Done(ctx context.Context, job Job) (bool, error) {
	n, err := doneScript.Run(s.own(ctx), s.rdb, s.schedKeys(job.Kind), job.CollabID, job.claim).Int()
	if err != nil {
		return false, fmt.Errorf("finish %s of collab %s: %w", job.Kind, job.CollabID, err)
	}
	return n == 1, nil
}

// Retry puts job back, due at at with one attempt more, and reports
// false when its claim was taken over (see Done).
func (s *Store) Retry(ctx context.Context, job Job, at time.Time) (bool, error) {
	n, err := retryScript.Run(s.own(ctx), s.rdb, s.schedKeys(job.Kind), job.CollabID, job.claim, at.UnixMilli()).Int()
	if err != nil {
		return false, fmt.Errorf("retry %s of collab %s: %w", job.Kind, job.CollabID, err)
	}
	return n == 1, nil
}

// Scheduled returns when collab id's job of kind is next visible (its due
// time, or the end of its lease while claimed), and false when it has none.
func (s *Store) Scheduled(ctx context.Context, kind Kind, id string) (time.Time, bool, error) {
	ms, err := s.rdb.ZScore(s.own(ctx), s.schedKeys(kind)[0], id).Result()
	if err == redis.Nil {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("look up %s of collab %s: %w", kind, id, err)
	}
	return time.UnixMilli(int64(ms)), true, nil
}
