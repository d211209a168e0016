package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
)

// TestApply saves a first update (event "ev1") and then tries a second one
// built from the stored collab or from the stale copy loaded before.
func TestApply(t *testing.T) {
	tests := []struct {
		name    string
		handled string // event key of the first, successful Apply
		event   string // event key of the Apply under test
		stale   bool   // the second update starts from the pre-first copy
		want    error
	}{
		{"fresh rev saves", "ev1", "ev2", false, nil},
		{"stale rev conflicts", "ev1", "ev2", true, flows.ErrConflict},
		{"handled event is a duplicate", "ev1", "ev1", false, flows.ErrDuplicate},
		{"handled event wins over stale rev", "ev1", "ev1", true, flows.ErrDuplicate},
		{"no event key never dedupes", "", "", false, nil},
	}
	forEachBackend(t, func(t *testing.T, e env) {
		for i, tt := range tests {
			id := fmt.Sprintf("apply-%d", i)
			loaded := fullCollab(id)
			mustCreate(t, e.store, &loaded)
			first := loaded
			first.Topic = "first"
			if err := e.store.Apply(ctx(t), &first, tt.handled); err != nil || first.Rev != 2 {
				t.Fatalf("%s: first Apply = %v, rev %d; want nil, rev 2", tt.name, err, first.Rev)
			}
			second := first
			if tt.stale {
				second = loaded
			}
			second.Topic = "second"
			before := second.Rev
			err := e.store.Apply(ctx(t), &second, tt.event)
			if !errors.Is(err, tt.want) || (err != nil) != (tt.want != nil) {
				t.Errorf("%s: Apply = %v, want %v", tt.name, err, tt.want)
				continue
			}
			want := second // what the store must hold now
			if tt.want != nil {
				want = first
				if second.Rev != before {
					t.Errorf("%s: refused Apply changed Rev %d -> %d", tt.name, before, second.Rev)
				}
			} else if second.Rev != before+1 {
				t.Errorf("%s: Apply set Rev %d, want %d", tt.name, second.Rev, before+1)
			}
			if got := mustGet(t, e.store, id); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: stored topic %q rev %d, want topic %q rev %d", tt.name, got.Topic, got.Rev, want.Topic, want.Rev)
			}
			seen := e.prefix + "collab:{" + id + "}:seen:" + tt.event
			if n := e.rdb.Exists(ctx(t), seen).Val(); tt.event != "" && tt.event != tt.handled && n != btoi(tt.want == nil) {
				t.Errorf("%s: seen key %s exists=%d after Apply = %v", tt.name, seen, n, err)
			}
		}
	})
}

func btoi(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func mustCreate(t testing.TB, s *store.Store, c *flows.Collab) {
	t.Helper()
	if err := s.Create(ctx(t), c); err != nil {
		t.Fatalf("Create(%s): %v", c.ID, err)
	}
}

func mustGet(t testing.TB, s *store.Store, id string) flows.Collab {
	t.Helper()
	c, err := s.Get(ctx(t), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return c
}

// TestSeenTTL checks that an event key expires: after the TTL the same key
// is accepted again, and the default TTL is a day.
func TestSeenTTL(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		const ttl = 300 * time.Millisecond
		s := store.New(e.rdb, e.prefix).WithSeenTTL(ttl)
		c := fullCollab("ttl")
		mustCreate(t, s, &c)
		if err := s.Apply(ctx(t), &c, "ev"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		seen := e.prefix + "collab:{ttl}:seen:ev"
		if got := e.rdb.PTTL(ctx(t), seen).Val(); got <= 0 || got > ttl {
			t.Errorf("PTTL(%s) = %v, want in (0, %v]", seen, got, ttl)
		}
		if err := s.Apply(ctx(t), &c, "ev"); !errors.Is(err, flows.ErrDuplicate) {
			t.Errorf("Apply within TTL = %v, want ErrDuplicate", err)
		}
		e.advance(ttl + 200*time.Millisecond)
		if err := s.Apply(ctx(t), &c, "ev"); err != nil {
			t.Errorf("Apply after TTL = %v, want nil", err)
		}

		if err := e.store.Apply(ctx(t), &c, "ev-default"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		got := e.rdb.PTTL(ctx(t), e.prefix+"collab:{ttl}:seen:ev-default").Val()
		if got <= store.DefaultSeenTTL-time.Minute || got > store.DefaultSeenTTL {
			t.Errorf("default seen PTTL = %v, want about %v", got, store.DefaultSeenTTL)
		}
	})
}

// TestApplyRace has many handlers update one collab at once, each with a
// load-modify-retry loop; every update must land exactly once, and a
// redelivery of each handled event must be refused.
func TestApplyRace(t *testing.T) {
	const workers = 50
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("race")
		c.Sides[1].Members = nil
		mustCreate(t, e.store, &c)
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		var conflicts sync.Map
		bg := ctx(t)
		for w := range workers {
			wg.Go(func() {
				n, err := addMember(bg, e.store, fmt.Sprintf("U%03d", w))
				conflicts.Store(w, n)
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		got := mustGet(t, e.store, "race")
		want := make([]string, workers)
		for w := range workers {
			want[w] = fmt.Sprintf("U%03d", w)
		}
		members := slices.Sorted(slices.Values(got.Sides[1].Members))
		if !slices.Equal(members, want) {
			t.Errorf("members = %v, want each of U000..U%03d once", members, workers-1)
		}
		if got.Rev != 1+workers {
			t.Errorf("Rev = %d, want %d", got.Rev, 1+workers)
		}
		total := 0
		conflicts.Range(func(_, n any) bool { total += n.(int); return true })
		t.Logf("%d updates, %d conflicts retried", workers, total)
	})
}

// addMember is a handler: load, change, save, retry on conflict; then a
// redelivered event must come back as a duplicate.
func addMember(ctx context.Context, s *store.Store, user string) (conflicts int, err error) {
	apply := func() error {
		c, err := s.Get(ctx, "race")
		if err != nil {
			return err
		}
		c.Sides[1].Members = append(c.Sides[1].Members, user)
		return s.Apply(ctx, &c, "ev-"+user)
	}
	for err = apply(); errors.Is(err, flows.ErrConflict); err = apply() {
		conflicts++
	}
	if err != nil {
		return conflicts, fmt.Errorf("add %s: %w", user, err)
	}
	if err := apply(); !errors.Is(err, flows.ErrDuplicate) {
		return conflicts, fmt.Errorf("redelivered event of %s: Apply = %v, want ErrDuplicate", user, err)
	}
	return conflicts, nil
}
