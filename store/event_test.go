package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
)

// TestSaveEvent saves an event with the ack of its intake entry and its
// timers in one round trip: the entry is acked only when the save stands
// (never on a Cluster, where the stream lives in another slot), and the
// timers are scheduled.
func TestSaveEvent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		_, cluster := e.rdb.(*redis.ClusterClient)
		s := e.store
		loaded := fullCollab("event")
		mustCreate(t, s, &loaded)
		token, err := s.Own(ctx(t), 2, "r1", time.Minute)
		if err != nil || s.JoinIntake(ctx(t), 2) != nil {
			t.Fatalf("own partition: %v", err)
		}
		ids := recordRead(t, s, 2, "a", "b")
		due := time.Now().Add(time.Hour).Truncate(time.Millisecond)
		warm := fullCollab("warm") // loads the save script
		mustCreate(t, s, &warm)
		if err := s.Apply(ctx(t), &warm, ""); err != nil {
			t.Fatal(err)
		}
		saved := loaded
		trips := s.RoundTrips()
		acked, err := s.SaveEvent(ctx(t), &saved, "ev1", store.EventSave{Part: 2, Entry: ids[0], Token: token,
			Timers: map[string]time.Time{"nudge": due}})
		if err != nil || acked == cluster {
			t.Fatalf("SaveEvent = %v, %v; want acked %v", acked, err, !cluster)
		}
		if n := s.RoundTrips() - trips; n != 1 {
			t.Errorf("SaveEvent took %d round trips, want 1", n)
		}
		if got := e.rdb.ZScore(ctx(t), e.prefix+"{sched}:nudge:due", "event").Val(); got != float64(due.UnixMilli()) {
			t.Errorf("nudge due at %v, want %d", got, due.UnixMilli())
		}
		stale := loaded
		acked, err = s.SaveEvent(ctx(t), &stale, "ev2", store.EventSave{Part: 2, Entry: ids[1], Token: token})
		if !errors.Is(err, flows.ErrConflict) || acked {
			t.Errorf("stale SaveEvent = %v, %v; want a conflict, not acked", acked, err)
		}
		want := []string{ids[1]}
		if cluster {
			want = ids
		}
		if got := pending(t, e, 2); !slices.Equal(got, want) {
			t.Errorf("pending after the saves: %v, want %v", got, want)
		}
	})
}

// TestRecordAll records entries of several partitions in one round trip.
func TestRecordAll(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		for _, part := range []int{1, 4} {
			if err := s.JoinIntake(ctx(t), part); err != nil {
				t.Fatal(err)
			}
		}
		s.RecordAll(ctx(t), []store.Recording{{Part: 7, Fields: map[string]any{"key": "warm"}}}) // connects
		trips := s.RoundTrips()
		errs := s.RecordAll(ctx(t), []store.Recording{
			{Part: 1, Fields: map[string]any{"key": "a"}},
			{Part: 4, Fields: map[string]any{"key": "b"}},
			{Part: 1, Fields: map[string]any{"key": "c"}},
		})
		if err := errors.Join(errs...); err != nil || len(errs) != 3 {
			t.Fatalf("RecordAll = %v", errs)
		}
		if n := s.RoundTrips() - trips; n != 1 {
			t.Errorf("RecordAll took %d round trips, want 1", n)
		}
		for part, want := range map[int]string{1: "ac", 4: "b"} {
			got, err := s.ReadIntake(ctx(t), part, "r1", 10, 10*time.Millisecond)
			if err != nil || keys(got) != want {
				t.Errorf("partition %d holds %q, %v; want %q", part, keys(got), err, want)
			}
		}
	})
}

// TestSaveAll saves many collabs in one round trip, each rev-checked.
func TestSaveAll(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		fresh, old := fullCollab("all-1"), fullCollab("all-2")
		mustCreate(t, s, &fresh)
		mustCreate(t, s, &old)
		newer := old
		if err := s.Apply(ctx(t), &newer, ""); err != nil {
			t.Fatal(err)
		}
		fresh.Topic, old.Topic = "saved", "lost"
		trips := s.RoundTrips() // Apply loaded the save script
		errs := s.SaveAll(ctx(t), []store.Fenced{{Collab: &fresh}, {Collab: &old}})
		if errs[0] != nil || !errors.Is(errs[1], flows.ErrConflict) {
			t.Fatalf("SaveAll = %v; want nil, a conflict", errs)
		}
		if n := s.RoundTrips() - trips; n != 1 {
			t.Errorf("SaveAll took %d round trips, want 1", n)
		}
		if got := mustGet(t, s, "all-1"); got.Topic != "saved" || got.Rev != 2 || fresh.Rev != 2 {
			t.Errorf("saved collab holds %q rev %d (caller's rev %d), want \"saved\" rev 2", got.Topic, got.Rev, fresh.Rev)
		}
		if got := mustGet(t, s, "all-2"); got.Topic == "lost" || old.Rev != 1 {
			t.Errorf("stale save stored %q, caller's rev %d; want it refused, rev 1", got.Topic, old.Rev)
		}
	})
}

// recordRead records an entry per key in part and reads them as r1, so
// they are pending; it returns their ids.
func recordRead(t *testing.T, s *store.Store, part int, ks ...string) []string {
	t.Helper()
	for _, k := range ks {
		if _, err := s.Record(ctx(t), part, map[string]any{"key": k}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ReadIntake(ctx(t), part, "r1", 10, 10*time.Millisecond)
	if err != nil || len(got) != len(ks) {
		t.Fatalf("read %d entries, %v; want %d", len(got), err, len(ks))
	}
	var ids []string
	for _, g := range got {
		ids = append(ids, g.ID)
	}
	return ids
}

// pending lists the ids of partition part's pending entries.
func pending(t *testing.T, e env, part int) []string {
	t.Helper()
	ps, err := e.rdb.XPendingExt(ctx(t), &redis.XPendingExtArgs{
		Stream: e.prefix + "intake:{p" + string(rune('0'+part)) + "}", Group: store.IntakeGroup, Start: "-", End: "+", Count: 100,
	}).Result()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return ids
}
