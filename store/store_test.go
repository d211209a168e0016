package store_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

func TestCreateGetRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("trig.123.abc")
		if err := e.store.Create(ctx(t), &c); err != nil {
			t.Fatalf("Create: %v", err)
		}
		if c.Rev != 1 {
			t.Errorf("Create left Rev %d, want 1", c.Rev)
		}
		got, err := e.store.Get(ctx(t), c.ID)
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("Get = %+v\nwant %+v", got, c)
		}
	})
}

func TestCreateDuplicate(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		first := fullCollab("dup")
		if err := e.store.Create(ctx(t), &first); err != nil {
			t.Fatalf("Create: %v", err)
		}
		again := fullCollab("dup")
		again.Topic = "redelivered"
		if err := e.store.Create(ctx(t), &again); !errors.Is(err, flows.ErrDuplicate) {
			t.Fatalf("second Create = %v, want ErrDuplicate", err)
		}
		if again.Rev != 0 {
			t.Errorf("refused Create left Rev %d, want 0", again.Rev)
		}
		got, err := e.store.Get(ctx(t), "dup")
		if err != nil || got.Topic != first.Topic || got.Rev != 1 {
			t.Errorf("after duplicate Create: Get = topic %q rev %d, %v; want %q rev 1", got.Topic, got.Rev, err, first.Topic)
		}
	})
}

func TestCreateRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		give flows.Collab
	}{
		{"empty id", flows.Collab{}},
		{"rev already set", flows.Collab{ID: "x", Rev: 4}},
	}
	forEachBackend(t, func(t *testing.T, e env) {
		for _, tt := range tests {
			c := tt.give
			if err := e.store.Create(ctx(t), &c); err == nil {
				t.Errorf("%s: Create(%+v) = nil, want an error", tt.name, tt.give)
			}
			if c.Rev != tt.give.Rev {
				t.Errorf("%s: refused Create changed Rev to %d", tt.name, c.Rev)
			}
		}
		if _, err := e.store.Get(ctx(t), "x"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Get after refused Create = %v, want ErrNotFound", err)
		}
	})
}

func TestNotFound(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		if _, err := e.store.Get(ctx(t), "nope"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Get(missing) = %v, want ErrNotFound", err)
		}
		c := flows.Collab{ID: "nope", Rev: 1}
		if err := e.store.Apply(ctx(t), &c, "ev"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Apply(missing) = %v, want ErrNotFound", err)
		}
		if _, err := e.store.Get(ctx(t), "nope"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Apply(missing) created the collab: Get = %v", err)
		}
		if _, err := e.store.ThreadCollab(ctx(t), "C1", "1.2"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("ThreadCollab(unknown) = %v, want ErrNotFound", err)
		}
	})
}

func TestThreadIndex(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		if err := e.store.IndexThread(ctx(t), "C1", "1712345678.000100", "collab-1"); err != nil {
			t.Fatalf("IndexThread: %v", err)
		}
		if err := e.store.IndexThread(ctx(t), "C2", "1712345678.000100", "collab-2"); err != nil {
			t.Fatalf("IndexThread: %v", err)
		}
		tests := []struct{ channel, ts, want string }{
			{"C1", "1712345678.000100", "collab-1"},
			{"C2", "1712345678.000100", "collab-2"},
		}
		for _, tt := range tests {
			if got, err := e.store.ThreadCollab(ctx(t), tt.channel, tt.ts); got != tt.want || err != nil {
				t.Errorf("ThreadCollab(%q, %q) = %q, %v; want %q", tt.channel, tt.ts, got, err, tt.want)
			}
		}
		if _, err := e.store.ThreadCollab(ctx(t), "C1", "1712345678.000101"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("ThreadCollab(other ts) = %v, want ErrNotFound", err)
		}
	})
}
