package store_test

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// The counts follow every state change made through Create and Apply,
// finished collaborations leave the index, and a save that does not
// change the state leaves the counts alone.
func TestCountByStateFollowsSaves(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		cs := make([]flows.Collab, 5)
		for i := range cs {
			cs[i] = flows.Collab{ID: fmt.Sprintf("count-%d", i), State: flows.Collecting}
			mustCreate(t, e.store, &cs[i])
		}
		moves := []struct {
			i  int
			to flows.State
		}{{0, flows.Proposed}, {1, flows.Proposed}, {1, flows.Agreed}, {2, flows.Cancelled}, {3, flows.Collecting}, {4, flows.Proposed}, {4, flows.Collecting}}
		for _, m := range moves {
			cs[m.i].State = m.to
			if err := e.store.Apply(ctx(t), &cs[m.i], ""); err != nil {
				t.Fatalf("Apply(%s → %s): %v", cs[m.i].ID, m.to, err)
			}
		}
		wantCounts(t, e, map[string]int{"collecting": 2, "proposed": 1})
	})
}

// On one Redis a save that changes the state keeps the index in the same
// round trip; a Cluster needs a second one.
func TestStateChangeRoundTrips(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		_, cluster := e.rdb.(*redis.ClusterClient)
		c := flows.Collab{ID: "trips", State: flows.Collecting}
		mustCreate(t, e.store, &c)
		if err := e.store.Apply(ctx(t), &c, ""); err != nil { // loads the script
			t.Fatal(err)
		}
		c.State = flows.Proposed
		trips := e.store.RoundTrips()
		if err := e.store.Apply(ctx(t), &c, ""); err != nil {
			t.Fatal(err)
		}
		want := int64(1)
		if cluster {
			want = 2
		}
		if n := e.store.RoundTrips() - trips; n != want {
			t.Errorf("a state change took %d round trips, want %d", n, want)
		}
		wantCounts(t, e, map[string]int{"collecting": 0, "proposed": 1})
	})
}

// A refused save (a stale rev) changes no count.
func TestCountByStateIgnoresRefusedSaves(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := flows.Collab{ID: "refused", State: flows.Collecting}
		mustCreate(t, e.store, &c)
		stale := c
		c.State = flows.Proposed
		if err := e.store.Apply(ctx(t), &c, ""); err != nil {
			t.Fatal(err)
		}
		stale.State = flows.Agreed
		if err := e.store.Apply(ctx(t), &stale, ""); err == nil {
			t.Fatal("a save at a stale rev was taken")
		}
		wantCounts(t, e, map[string]int{"collecting": 0, "proposed": 1})
	})
}

// An index entry left behind (the process died between the save and the
// index write) is mended by the collab's next state change, and entries
// older than the retention are not counted.
func TestCountByStateMendsAndExpires(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := flows.Collab{ID: "mended", State: flows.Collecting}
		mustCreate(t, e.store, &c)
		c.State = flows.Proposed
		if err := e.store.Apply(ctx(t), &c, ""); err != nil {
			t.Fatal(err)
		}
		// As if the move to proposed had been saved without its index write.
		e.rdb.ZAdd(ctx(t), e.prefix+"states:collecting", redisZ(time.Now(), c.ID))
		if got := countStates(t, e); got["collecting"] != 1 {
			t.Fatalf("the left-behind entry is not counted: %v", got)
		}
		c.State = flows.Agreed
		if err := e.store.Apply(ctx(t), &c, ""); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-200 * 24 * time.Hour)
		e.rdb.ZAdd(ctx(t), e.prefix+"states:proposed", redisZ(old, "expired-long-ago"))
		wantCounts(t, e, map[string]int{"collecting": 0, "proposed": 0})
	})
}

func redisZ(at time.Time, id string) redis.Z {
	return redis.Z{Score: float64(at.UnixMilli()), Member: id}
}

func wantCounts(t *testing.T, e env, want map[string]int) {
	t.Helper()
	if got := countStates(t, e); !maps.Equal(got, want) {
		t.Errorf("CountByState = %v, want %v", got, want)
	}
}

func countStates(t *testing.T, e env) map[string]int {
	t.Helper()
	got, err := e.store.CountByState(ctx(t))
	if err != nil {
		t.Fatalf("CountByState: %v", err)
	}
	return got
}

// BenchmarkCountByState is what one scrape costs with 2,000 unfinished
// collaborations indexed: one round trip, whatever their number.
func BenchmarkCountByState(b *testing.B) {
	s := store.New(redistest.Client(b), redistest.Prefix(b))
	for i := range 2000 {
		c := flows.Collab{ID: fmt.Sprintf("bench-%d", i), State: flows.States[i%2]}
		if err := s.Create(context.Background(), &c); err != nil {
			b.Fatal(err)
		}
	}
	rts := s.RoundTrips()
	for b.Loop() {
		if _, err := s.CountByState(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(s.RoundTrips()-rts)/float64(b.N), "round-trips/op")
}
