package store_test

import (
	"fmt"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
	"github.com/redis/go-redis/v9"
)

// TestCommands pins the cost of each call in Redis commands and round
// trips. A save of a collab with effects left and a thread sends three
// commands in one round trip: its retry job, the save, its thread's TTL;
// a save with none left ends the retry job instead. A save that changes
// the state (a Create included) updates the state index in a second.
// A Create also lists the collab (see listing.go); later saves do not.
func TestCommands(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		c := fullCollab("cmds")
		if err := s.Apply(ctx(t), &c, ""); err == nil {
			t.Fatal("Apply before Create succeeded") // loads the script at most
		}
		bare := flows.Collab{ID: "bare"}
		tests := []struct {
			name              string
			do                func() error
			wantCmds, wantRTs int64
		}{
			// and its state's index; and its listings: ZADD and PEXPIRE for its
			// channel and each of the 4 people it concerns.
			{"Create", func() error { return s.Create(ctx(t), &c) }, 15, 2},
			{"Create with no effects nor thread", func() error { return s.Create(ctx(t), &bare) }, 1, 1},
			{"Get", func() error { _, err := s.Get(ctx(t), "cmds"); return err }, 1, 1},
			// A listing reads its set, then its collabs in one pipeline.
			{"OpenInChannel", func() error { _, err := s.OpenInChannel(ctx(t), "C0123"); return err }, 2, 2},
			{"Mine", func() error { _, err := s.Mine(ctx(t), "U1"); return err }, 2, 2},
			{"WithHome", func() error { _, err := s.WithHome(ctx(t), []string{"U1", "U2"}); return err }, 1, 1},
			{"Apply", func() error { return s.Apply(ctx(t), &c, "ev1") }, 3, 1},
			{"Apply without event key", func() error { return s.Apply(ctx(t), &c, "") }, 3, 1},
			{"Apply with no effects nor thread", func() error { return s.Apply(ctx(t), &bare, "ev1") }, 2, 1}, // ends the retry job
			{"IndexThread", func() error { return s.IndexThread(ctx(t), "C1", "1.2", "cmds") }, 1, 1},
			{"ThreadCollab", func() error { _, err := s.ThreadCollab(ctx(t), "C1", "1.2"); return err }, 1, 1},
			{"Ping", func() error { return s.Ping(ctx(t)) }, 1, 1},
		}
		for _, tt := range tests {
			cmds, rts := s.Commands(), s.RoundTrips()
			if err := tt.do(); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got, gotRTs := s.Commands()-cmds, s.RoundTrips()-rts; got != tt.wantCmds || gotRTs != tt.wantRTs {
				t.Errorf("%s cost %d commands in %d round trips, want %d in %d", tt.name, got, gotRTs, tt.wantCmds, tt.wantRTs)
			}
		}
		other := store.New(e.rdb, e.prefix)
		before := s.Commands()
		if _, err := other.Get(ctx(t), "cmds"); err != nil {
			t.Fatalf("Get through another Store: %v", err)
		}
		if s.Commands() != before || other.Commands() != 1 {
			t.Errorf("another Store's Get counted %d here and %d there, want 0 and 1", s.Commands()-before, other.Commands())
		}
	})
}

// TestApplyAfterScriptFlush loses the server's script cache (a restart or
// failover): Apply loads the script and sends its round trip again, once.
// It runs on a private miniredis: flushing the shared server's scripts
// would disturb other packages.
func TestApplyAfterScriptFlush(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	defer rdb.Close()
	s := store.New(rdb, "p:")
	c := fullCollab("flush")
	mustCreate(t, s, &c)
	costs := []int64{}
	for i := range 3 {
		if i == 1 {
			if err := rdb.ScriptFlush(ctx(t)).Err(); err != nil {
				t.Fatalf("SCRIPT FLUSH: %v", err)
			}
		}
		before := s.RoundTrips()
		if err := s.Apply(ctx(t), &c, fmt.Sprint("ev", i)); err != nil {
			t.Fatalf("Apply %d: %v", i, err)
		}
		costs = append(costs, s.RoundTrips()-before)
	}
	// First Apply ever: the pipeline, SCRIPT LOAD, the pipeline again (and
	// the client may open a new connection). After the flush: the same.
	if costs[0] < 3 || costs[1] < 3 || costs[2] != 1 {
		t.Errorf("Apply costs %v round trips, want at least 3, at least 3, then 1", costs)
	}
	if got := mustGet(t, s, "flush"); got.Rev != 4 {
		t.Errorf("Rev = %d after 3 Applies, want 4", got.Rev)
	}
}

// BenchmarkApply saves one collab over and over on the real Redis, each
// save with a new event key, as a handled Slack event does.
func BenchmarkApply(b *testing.B) {
	s := store.New(redistest.Client(b), redistest.Prefix(b))
	c := fullCollab("bench")
	mustCreate(b, s, &c)
	if err := s.Apply(ctx(b), &c, "warm-up"); err != nil {
		b.Fatalf("Apply: %v", err)
	}
	bctx := ctx(b)
	before, trips := s.Commands(), s.RoundTrips()
	for i := 0; b.Loop(); i++ {
		if err := s.Apply(bctx, &c, fmt.Sprint("ev", i)); err != nil {
			b.Fatalf("Apply: %v", err)
		}
	}
	b.ReportMetric(float64(s.Commands()-before)/float64(b.N), "commands/op")
	b.ReportMetric(float64(s.RoundTrips()-trips)/float64(b.N), "roundtrips/op")
}
