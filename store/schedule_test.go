package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/collabbot/collabbot/store"
)

// t0 is an arbitrary clock reading; the scheduler takes time from its
// callers, so the tests choose it.
var t0 = time.UnixMilli(1_800_000_000_000)

func mustSchedule(t *testing.T, s *store.Store, kind store.Kind, id string, due time.Time) {
	t.Helper()
	if err := s.Schedule(ctx(t), kind, id, due); err != nil {
		t.Fatalf("Schedule(%s, %s, %v): %v", kind, id, due, err)
	}
}

func mustDue(t *testing.T, s *store.Store, now time.Time, lease time.Duration) []store.Job {
	t.Helper()
	return mustDueKind(t, s, store.KindRetry, now, lease)
}

func mustDueKind(t *testing.T, s *store.Store, kind store.Kind, now time.Time, lease time.Duration) []store.Job {
	t.Helper()
	jobs, err := s.Due(ctx(t), kind, now, lease, 100)
	if err != nil {
		t.Fatalf("Due(%v): %v", now, err)
	}
	return jobs
}

func TestScheduleOnePerCollabAndKindEarliestWins(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		for _, d := range []time.Duration{10, 5, 20} {
			mustSchedule(t, e.store, store.KindRetry, "c1", t0.Add(d*time.Second))
		}
		mustSchedule(t, e.store, store.KindNudge, "c1", t0.Add(7*time.Second))
		if at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, "c1"); err != nil || !ok || !at.Equal(t0.Add(5*time.Second)) {
			t.Fatalf("Scheduled = %v, %v, %v; want t0+5s", at, ok, err)
		}
		if jobs := mustDue(t, e.store, t0.Add(4*time.Second), time.Minute); len(jobs) != 0 {
			t.Fatalf("Due before the due time = %+v, want none", jobs)
		}
		jobs := append(mustDue(t, e.store, t0.Add(7*time.Second), time.Minute),
			mustDueKind(t, e.store, store.KindNudge, t0.Add(7*time.Second), time.Minute)...)
		if len(jobs) != 2 {
			t.Fatalf("Due = %+v, want the retry and the nudge", jobs)
		}
		want := map[store.Kind]time.Time{store.KindRetry: t0.Add(5 * time.Second), store.KindNudge: t0.Add(7 * time.Second)}
		for _, j := range jobs {
			if j.CollabID != "c1" || !j.Due.Equal(want[j.Kind]) || j.Attempt != 0 {
				t.Errorf("job %+v, want collab c1 due %v attempt 0", j, want[j.Kind])
			}
		}
	})
}

// A claimed job is hidden until its lease ends, then claimed again as if
// its holder had died; the old holder's Done then counts for nothing.
func TestDueLeaseHidesUntilItEnds(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		mustSchedule(t, e.store, store.KindRetry, "c1", t0)
		first := mustDue(t, e.store, t0, 30*time.Second)
		if len(first) != 1 {
			t.Fatalf("first Due = %+v, want one job", first)
		}
		if again := mustDue(t, e.store, t0.Add(29*time.Second), time.Minute); len(again) != 0 {
			t.Fatalf("Due within the lease = %+v, want none", again)
		}
		second := mustDue(t, e.store, t0.Add(30*time.Second), time.Minute)
		if len(second) != 1 {
			t.Fatalf("Due after the lease = %+v, want the job again", second)
		}
		if ok, err := e.store.Done(ctx(t), first[0]); err != nil || ok {
			t.Errorf("Done by the first holder = %v, %v; want false: its claim was taken over", ok, err)
		}
		if _, ok, _ := e.store.Scheduled(ctx(t), store.KindRetry, "c1"); !ok {
			t.Fatal("a stale Done removed the job")
		}
		if ok, err := e.store.Done(ctx(t), second[0]); err != nil || !ok {
			t.Errorf("Done by the holder = %v, %v; want true", ok, err)
		}
		if at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, "c1"); ok || err != nil {
			t.Errorf("after Done: Scheduled = %v, %v, %v; want none", at, ok, err)
		}
		if ok, err := e.store.Done(ctx(t), second[0]); err != nil || ok {
			t.Errorf("second Done = %v, %v; want false", ok, err)
		}
	})
}

// Work scheduled while a job runs is not lost: Done reveals it at its
// time; Retry keeps the earlier of its own time and that one.
func TestScheduleWhileClaimed(t *testing.T) {
	tests := []struct {
		name      string
		again     time.Duration // Schedule while claimed, from t0
		retry     time.Duration // 0: Done; else Retry at t0+retry
		wantAt    time.Duration
		wantTries int
	}{
		{"done reveals the new request", 3 * time.Second, 0, 3 * time.Second, 0},
		{"retry keeps the earlier request", 3 * time.Second, 9 * time.Second, 3 * time.Second, 1},
		{"retry earlier than the request", 9 * time.Second, 2 * time.Second, 2 * time.Second, 1},
	}
	forEachBackend(t, func(t *testing.T, e env) {
		for i, tt := range tests {
			id := fmt.Sprintf("c%d", i)
			mustSchedule(t, e.store, store.KindRetry, id, t0)
			jobs := mustDue(t, e.store, t0, time.Minute)
			mustSchedule(t, e.store, store.KindRetry, id, t0.Add(tt.again))
			if got := mustDue(t, e.store, t0.Add(10*time.Second), time.Minute); len(got) != 0 {
				t.Fatalf("%s: Due while claimed = %+v, want none", tt.name, got)
			}
			var ok bool
			var err error
			if tt.retry == 0 {
				ok, err = e.store.Done(ctx(t), jobs[0])
			} else {
				ok, err = e.store.Retry(ctx(t), jobs[0], t0.Add(tt.retry))
			}
			if err != nil || !ok {
				t.Fatalf("%s: finish = %v, %v", tt.name, ok, err)
			}
			got := mustDue(t, e.store, t0.Add(tt.wantAt), time.Minute)
			if len(got) != 1 || !got[0].Due.Equal(t0.Add(tt.wantAt)) || got[0].Attempt != tt.wantTries {
				t.Errorf("%s: Due = %+v, want one due t0+%v attempt %d", tt.name, got, tt.wantAt, tt.wantTries)
			}
		}
	})
}

func TestRetryCountsAttempts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		mustSchedule(t, e.store, store.KindRetry, "c1", t0)
		now := t0
		for attempt := range 3 {
			jobs := mustDue(t, e.store, now, time.Minute)
			if len(jobs) != 1 || jobs[0].Attempt != attempt {
				t.Fatalf("Due at %v = %+v, want attempt %d", now, jobs, attempt)
			}
			now = now.Add(time.Duration(attempt+1) * time.Second)
			if ok, err := e.store.Retry(ctx(t), jobs[0], now); err != nil || !ok {
				t.Fatalf("Retry = %v, %v", ok, err)
			}
			if early := mustDue(t, e.store, now.Add(-time.Millisecond), time.Minute); len(early) != 0 {
				t.Fatalf("Due before the retry time = %+v, want none", early)
			}
		}
	})
}

// Replicas claiming at once never get the same job.
func TestDueConcurrentClaimsAreDisjoint(t *testing.T) {
	const jobs, claimers = 60, 6
	forEachBackend(t, func(t *testing.T, e env) {
		for i := range jobs {
			mustSchedule(t, e.store, store.KindRetry, fmt.Sprintf("c%02d", i), t0)
		}
		var mu sync.Mutex
		seen := map[string]int{}
		var wg sync.WaitGroup
		for range claimers {
			wg.Go(func() {
				for range jobs { // bounded: a claim that hid nothing would loop
					got, err := e.store.Due(ctx(t), store.KindRetry, t0, time.Minute, 4)
					if err != nil {
						t.Errorf("Due: %v", err)
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, j := range got {
						seen[j.CollabID]++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(seen) != jobs {
			t.Errorf("claimed %d distinct jobs, want %d", len(seen), jobs)
		}
		for id, n := range seen {
			if n != 1 {
				t.Errorf("job of %s claimed %d times", id, n)
			}
		}
	})
}

func TestScheduleRefusesEmptyID(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		if err := e.store.Schedule(ctx(t), store.KindRetry, "", t0); err == nil {
			t.Error("Schedule with no collab id succeeded")
		}
	})
}

// Poll hands every due job to run and returns when its context ends;
// nothing runs after that.
func TestPoll(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		past := time.Now().Add(-time.Second)
		for i := range 5 {
			mustSchedule(t, e.store, store.KindRetry, fmt.Sprintf("p%d", i), past)
		}
		pctx, cancel := context.WithCancel(ctx(t))
		var ran []string
		done := make(chan struct{})
		go func() {
			defer close(done)
			e.store.Poll(pctx, store.Poller{Every: 10 * time.Millisecond, Batch: 2}, func(ctx context.Context, j store.Job) {
				ran = append(ran, j.CollabID)
				if ok, err := e.store.Done(ctx, j); err != nil || !ok {
					t.Errorf("Done(%+v) = %v, %v", j, ok, err)
				}
				if len(ran) == 5 {
					cancel()
				}
			}, func(err error) { t.Errorf("poll: %v", err) })
		}()
		select {
		case <-done:
		case <-ctx(t).Done():
			cancel()
			t.Fatal("Poll did not run every job")
		}
		if len(ran) != 5 {
			t.Errorf("ran %q, want 5 jobs", ran)
		}
		if jobs := mustDue(t, e.store, time.Now(), time.Minute); len(jobs) != 0 {
			t.Errorf("jobs left after Poll: %+v", jobs)
		}
	})
}
