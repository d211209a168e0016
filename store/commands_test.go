package store_test

import (
	"fmt"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
	"github.com/redis/go-redis/v9"
)

// TestCommands pins the cost of each call in Redis commands; Apply's one
// command is the "one round trip per event" figure.
func TestCommands(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		c := fullCollab("cmds")
		if err := s.Apply(ctx(t), &c, ""); err == nil {
			t.Fatal("Apply before Create succeeded") // loads the script at most
		}
		tests := []struct {
			name string
			do   func() error
			want int64
		}{
			{"Create", func() error { return s.Create(ctx(t), &c) }, 1},
			{"Get", func() error { _, err := s.Get(ctx(t), "cmds"); return err }, 1},
			{"Apply", func() error { return s.Apply(ctx(t), &c, "ev1") }, 1},
			{"Apply without event key", func() error { return s.Apply(ctx(t), &c, "") }, 1},
			{"IndexThread", func() error { return s.IndexThread(ctx(t), "C1", "1.2", "cmds") }, 1},
			{"ThreadCollab", func() error { _, err := s.ThreadCollab(ctx(t), "C1", "1.2"); return err }, 1},
			{"Ping", func() error { return s.Ping(ctx(t)) }, 1},
		}
		for _, tt := range tests {
			before := s.Commands()
			if err := tt.do(); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if got := s.Commands() - before; got != tt.want {
				t.Errorf("%s cost %d commands, want %d", tt.name, got, tt.want)
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
// failover): Apply falls back to EVAL once, then costs one command again.
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
		before := s.Commands()
		if err := s.Apply(ctx(t), &c, fmt.Sprint("ev", i)); err != nil {
			t.Fatalf("Apply %d: %v", i, err)
		}
		costs = append(costs, s.Commands()-before)
	}
	// First Apply ever: EVALSHA, NOSCRIPT, EVAL. After the flush: the same.
	if want := []int64{2, 2, 1}; fmt.Sprint(costs) != fmt.Sprint(want) {
		t.Errorf("Apply costs %v commands, want %v", costs, want)
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
	before := s.Commands()
	for i := 0; b.Loop(); i++ {
		if err := s.Apply(bctx, &c, fmt.Sprint("ev", i)); err != nil {
			b.Fatalf("Apply: %v", err)
		}
	}
	b.ReportMetric(float64(s.Commands()-before)/float64(b.N), "commands/op")
}
