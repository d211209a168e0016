package store_test

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// TestUnfinished finds exactly the collabs with effects left in their
// outbox or still open, across several SCAN batches, and ignores seen
// markers and thread keys.
func TestUnfinished(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		var want []string
		for i := range 450 {
			c := fullCollab(fmt.Sprintf("c%03d", i))
			switch {
			case i%100 == 42: // open, nothing to do yet
				c.Outbox = nil
				want = append(want, c.ID)
			case i%100 != 7:
				c.Outbox, c.State = nil, flows.Agreed
			default:
				want = append(want, c.ID)
			}
			mustCreate(t, e.store, &c)
		}
		done := mustGet(t, e.store, "c007") // its outbox is carried out
		done.Outbox, done.State = nil, flows.Cancelled
		if err := e.store.Apply(ctx(t), &done, "ev"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		want = slices.DeleteFunc(want, func(id string) bool { return id == "c007" })
		later := mustGet(t, e.store, "c008") // a new effect arrives
		later.Outbox = []flows.Effect{{Kind: flows.UpdateRoot}}
		if err := e.store.Apply(ctx(t), &later, "ev}"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		want = append(want, "c008")
		if err := e.store.IndexThread(ctx(t), "C1", "1.2", "c008"); err != nil {
			t.Fatalf("IndexThread: %v", err)
		}

		got := map[string]int{}
		err := e.store.Unfinished(ctx(t), func(c flows.Collab) error {
			if len(c.Outbox) == 0 && c.State.Final() {
				t.Errorf("Unfinished passed %s, finished with an empty outbox", c.ID)
			}
			got[c.ID]++
			return nil
		})
		if err != nil {
			t.Fatalf("Unfinished: %v", err)
		}
		slices.Sort(want)
		if ids := slices.Sorted(maps.Keys(got)); !slices.Equal(ids, want) {
			t.Errorf("Unfinished found %v, want %v", ids, want)
		}
	})
}

func TestUnfinishedStopsOnError(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		for _, id := range []string{"a", "b", "c"} {
			c := fullCollab(id)
			mustCreate(t, e.store, &c)
		}
		stop := errors.New("stop")
		calls := 0
		err := e.store.Unfinished(ctx(t), func(flows.Collab) error { calls++; return stop })
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("Unfinished = %v after %d calls, want the callback's error after 1", err, calls)
		}
	})
}
