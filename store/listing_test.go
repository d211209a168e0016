package store_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// ids lists the collabs' ids in order.
func ids(cs []flows.Collab) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// A new collab is listed in its channel and for each of its people,
// newest first; a final one leaves its channel; only an agreed one stays
// with its people; one that expired from Redis leaves every list.
func TestListings(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		open, agreed, cancelled, vanished := fullCollab("open"), fullCollab("agreed"), fullCollab("cancelled"), fullCollab("vanished")
		for _, c := range []*flows.Collab{&vanished, &cancelled, &agreed, &open} {
			c.State = flows.Collecting
			mustCreate(t, s, c)
		}
		agreed.State, cancelled.State = flows.Agreed, flows.Cancelled
		for _, c := range []*flows.Collab{&agreed, &cancelled} {
			if err := s.Apply(ctx(t), c, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.rdb.Del(ctx(t), e.prefix+"collab:{vanished}").Err(); err != nil {
			t.Fatal(err)
		}
		here, err := s.OpenInChannel(ctx(t), "C0123")
		if err != nil {
			t.Fatal(err)
		}
		mine, err := s.Mine(ctx(t), "U2")
		if err != nil {
			t.Fatal(err)
		}
		stranger, err := s.Mine(ctx(t), "U0NOBODY")
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(here); !slices.Equal(got, []string{"open"}) {
			t.Errorf("open in the channel: %v, want [open]", got)
		}
		if got := ids(mine); !slices.Equal(got, []string{"open", "agreed"}) {
			t.Errorf("U2's: %v, want [open agreed]", got)
		}
		if len(stranger) != 0 {
			t.Errorf("a stranger's: %v", ids(stranger))
		}
		// The sets themselves: final collabs taken out when saved, the
		// vanished one by the reader that found it gone.
		if n := e.rdb.ZCard(ctx(t), e.prefix+"mine:U2").Val(); n != 2 {
			t.Errorf("U2's list holds %d entries, want 2 (open, agreed)", n)
		}
		if n := e.rdb.ZCard(ctx(t), e.prefix+"open:chan:C0123").Val(); n != 1 {
			t.Errorf("the channel's list holds %d entries, want 1 (open)", n)
		}
	})
}

// Only people who opened the Home tab are named back.
func TestHomes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		for _, u := range []string{"U1", "U3"} {
			if err := e.store.OpenedHome(ctx(t), u); err != nil {
				t.Fatal(err)
			}
		}
		got, err := e.store.WithHome(ctx(t), []string{"U1", "U2", "U3"})
		if err != nil || !slices.Equal(got, []string{"U1", "U3"}) {
			t.Errorf("WithHome = %v, %v; want [U1 U3]", got, err)
		}
	})
}

// BenchmarkMine reads a person's list of 50 collabs (the most one
// listing reads) on the real Redis, as /collab list and the Home tab do.
func BenchmarkMine(b *testing.B) {
	s := store.New(redistest.Client(b), redistest.Prefix(b))
	for i := range 50 {
		c := fullCollab(fmt.Sprint("bench", i))
		mustCreate(b, s, &c)
	}
	bctx := ctx(b)
	for b.Loop() {
		cs, err := s.Mine(bctx, "U1")
		if err != nil || len(cs) != 50 {
			b.Fatalf("Mine: %d collabs, %v", len(cs), err)
		}
	}
}
