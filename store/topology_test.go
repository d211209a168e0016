package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// openURL opens the store at a REDIS_URL and closes it at cleanup.
func openURL(t *testing.T, url string) *store.Store {
	t.Helper()
	s, closeStore, err := store.Open(ctx(t), url)
	if err != nil {
		t.Fatalf("Open(%s): %v", url, err)
	}
	t.Cleanup(func() { _ = closeStore() })
	return s
}

// exercise runs every kind of store call on collab id: create, save
// with an event key (a two-key script), thread index, scheduler.
func exercise(t *testing.T, s *store.Store, id string) flows.Collab {
	t.Helper()
	c := fullCollab(id)
	c.RootTS = "1712345678." + id
	mustCreate(t, s, &c)
	if err := s.IndexThread(ctx(t), c.Channel, c.RootTS, c.ID); err != nil {
		t.Fatalf("IndexThread: %v", err)
	}
	c.Topic = "saved " + id
	if err := s.Apply(ctx(t), &c, "ev-"+id); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if err := s.Apply(ctx(t), &c, "ev-"+id); !errors.Is(err, flows.ErrDuplicate) {
		t.Fatalf("Apply of a handled event = %v, want ErrDuplicate", err)
	}
	if got, err := s.ThreadCollab(ctx(t), c.Channel, c.RootTS); err != nil || got != id {
		t.Fatalf("ThreadCollab = %q, %v; want %q", got, err, id)
	}
	return c
}

// finishRetries claims every retry job due by now+RecoverAfter and
// checks that it is exactly the collabs in want.
func finishRetries(t *testing.T, s *store.Store, want map[string]bool) {
	t.Helper()
	jobs, err := s.Due(ctx(t), store.KindRetry, time.Now().Add(store.RecoverAfter+time.Second), time.Minute, len(want)+10)
	if err != nil {
		t.Fatalf("Due: %v", err)
	}
	got := map[string]bool{}
	for _, j := range jobs {
		got[j.CollabID] = true
		if ok, err := s.Done(ctx(t), j); err != nil || !ok {
			t.Errorf("Done(%+v) = %v, %v", j, ok, err)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("retry jobs for %v, want %v", got, want)
	}
}

// TestCluster runs the store on a three-master Redis Cluster: collabs
// land on every node, and every script finds its keys in one slot.
func TestCluster(t *testing.T) {
	cl := redistest.StartCluster(t)
	s := openURL(t, cl.URL())
	want := map[string]bool{}
	for i := range 12 {
		c := exercise(t, s, fmt.Sprintf("cl%d", i))
		want[c.ID] = true
		if got := mustGet(t, s, c.ID); got.Topic != c.Topic || got.Rev != c.Rev {
			t.Errorf("Get(%s) = topic %q rev %d, want %q rev %d", c.ID, got.Topic, got.Rev, c.Topic, c.Rev)
		}
	}
	used := 0
	for _, n := range cl.Nodes {
		rdb := n.Client()
		if rdb.DBSize(context.Background()).Val() > 0 {
			used++
		}
		rdb.Close()
	}
	if used < 2 {
		t.Errorf("keys on %d of 3 nodes, want them spread", used)
	}
	finishRetries(t, s, want)
}

// TestSentinelFailover runs the store through Sentinel, promotes the
// replica mid-way, and checks that what was saved is still there and
// saving goes on; errors meanwhile must name the failing call.
func TestSentinelFailover(t *testing.T) {
	sn := redistest.StartSentinel(t)
	s := openURL(t, sn.URL())
	before := exercise(t, s, "before")
	master := sn.Master.Client()
	// Replication is asynchronous: let the replica catch up first, as a
	// planned failover would.
	if n, err := master.Wait(ctx(t), 1, 5*time.Second).Result(); err != nil || n != 1 {
		t.Fatalf("WAIT for the replica = %d, %v", n, err)
	}
	master.Close()
	sn.Failover(t)

	c := mustGet(t, s, before.ID) // reads may need the new master's address
	if c.Topic != before.Topic || c.Rev != before.Rev {
		t.Fatalf("after failover: Get = topic %q rev %d, want %q rev %d", c.Topic, c.Rev, before.Topic, before.Rev)
	}
	c.Topic = "after failover"
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := s.Apply(ctx(t), &c, "ev-after")
		if err == nil {
			break
		}
		if errors.Is(err, flows.ErrConflict) || errors.Is(err, flows.ErrDuplicate) || time.Now().After(deadline) {
			t.Fatalf("Apply after failover: %v", err)
		}
		t.Logf("Apply during failover: %v", err) // e.g. READONLY from the demoted master
		time.Sleep(200 * time.Millisecond)
	}
	exercise(t, s, "after")
	if got := mustGet(t, s, before.ID); got.Topic != "after failover" {
		t.Errorf("Get = topic %q, want the save made after failover", got.Topic)
	}
	finishRetries(t, s, map[string]bool{"before": true, "after": true})
}
