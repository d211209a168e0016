package main

import (
	"context"
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// newStore returns a Store on the real Redis at REDIS_URL holding n
// collaborations in each of the given states.
func newStore(tb testing.TB, n map[flows.State]int) *store.Store {
	tb.Helper()
	st := store.New(redistest.Client(tb), redistest.Prefix(tb))
	ctx := context.Background()
	for state, count := range n {
		for i := range count {
			c := flows.Collab{ID: fmt.Sprintf("%s-%d", state, i), State: state, Channel: "C0STATES"}
			if err := st.Create(ctx, &c); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return st
}

func TestStateCountCountsOpenCollaborations(t *testing.T) {
	st := newStore(t, map[flows.State]int{flows.Collecting: 3, flows.Proposed: 2, flows.Agreed: 4, flows.Cancelled: 1})
	sc := newStateCount(st, time.Hour)
	got, err := sc.CountByState(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"collecting": 3, "proposed": 2}
	if !maps.Equal(got, want) {
		t.Errorf("CountByState = %v, want %v", got, want)
	}
	if states := sc.States(); len(states) != 2 || states[0] != "collecting" || states[1] != "proposed" {
		t.Errorf("States = %v, want the unfinished ones", states)
	}
	c := flows.Collab{ID: "late", State: flows.Collecting}
	if err := st.Create(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	if again, _ := sc.CountByState(t.Context()); again["collecting"] != 3 {
		t.Errorf("a count younger than maxAge was not reused: %v", again)
	}
}

// BenchmarkStateCount is what one uncached scrape costs Redis and the bot
// with 2,000 collaborations, half of them finished.
func BenchmarkStateCount(b *testing.B) {
	st := newStore(b, map[flows.State]int{flows.Collecting: 600, flows.Proposed: 400, flows.Agreed: 1000})
	sc := newStateCount(st, 0)
	for b.Loop() {
		if _, err := sc.CountByState(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
