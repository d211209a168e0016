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

// TestIntake records entries, reads them as one replica, lets that
// replica die with them pending, and has another claim them: each entry
// is handed out again until acked, and acked ones are gone.
func TestIntake(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		if err := s.JoinIntake(ctx(t), 3); err != nil {
			t.Fatal(err)
		}
		if err := s.JoinIntake(ctx(t), 3); err != nil {
			t.Fatalf("JoinIntake twice: %v", err)
		}
		var ids []string
		for _, k := range []string{"a", "b", "c"} {
			id, err := s.Record(ctx(t), 3, map[string]any{"key": k})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		got, err := s.ReadIntake(ctx(t), 3, "r1", 2, 10*time.Millisecond)
		if err != nil || keys(got) != "ab" {
			t.Fatalf("r1 read %q, %v; want ab", keys(got), err)
		}
		if err := s.AckIntake(ctx(t), 3, got[0].ID); err != nil {
			t.Fatal(err)
		}
		// r1 dies holding b; r2 claims it, then reads c.
		claimed, err := s.ClaimIntake(ctx(t), 3, "r2", 0)
		if err != nil || keys(claimed) != "b" {
			t.Fatalf("r2 claimed %q, %v; want b", keys(claimed), err)
		}
		got, err = s.ReadIntake(ctx(t), 3, "r2", 10, 10*time.Millisecond)
		if err != nil || keys(got) != "c" {
			t.Fatalf("r2 read %q, %v; want c", keys(got), err)
		}
		if err := s.AckIntake(ctx(t), 3, ids[1], ids[2]); err != nil {
			t.Fatal(err)
		}
		if left, err := s.ClaimIntake(ctx(t), 3, "r3", 0); err != nil || len(left) != 0 {
			t.Errorf("after acks, %d entries pending (%v)", len(left), err)
		}
		if n := e.rdb.XLen(ctx(t), e.prefix+"intake:{p3}").Val(); n != 0 {
			t.Errorf("stream holds %d entries after all were acked", n)
		}
	})
}

func keys(es []store.Entry) string {
	out := ""
	for _, e := range es {
		out += e.Fields["key"]
	}
	return out
}

// TestOwnership has replicas compete for a partition: one holds it, it
// renews, others get it only after it lets go or its lease ends.
func TestOwnership(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		const lease = 300 * time.Millisecond
		own := func(me string) int64 {
			token, err := s.Own(ctx(t), 1, me, lease)
			if err != nil {
				t.Fatal(err)
			}
			return token
		}
		first := own("r1")
		if first <= 0 || own("r1") != first || own("r2") != 0 {
			t.Fatal("r1 should hold partition 1 and renew it with the same token; r2 should not get it")
		}
		if err := s.Disown(ctx(t), 1, "r2"); err != nil || own("r2") != 0 {
			t.Fatalf("r2 released a lease it did not hold (%v)", err)
		}
		if err := s.Disown(ctx(t), 1, "r1"); err != nil {
			t.Fatal(err)
		}
		if got := own("r2"); got <= first {
			t.Fatalf("r2 got the partition r1 gave back with token %d, want above %d", got, first)
		}
		second := own("r2")
		e.advance(lease + 100*time.Millisecond)
		if third := own("r3"); third <= second {
			t.Errorf("r3 got the partition with token %d after r2's lease ended, want above %d", third, second)
		}
		live := []int{}
		for _, me := range []string{"r1", "r2", "r2"} {
			n, err := s.Heartbeat(ctx(t), me, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			live = append(live, n)
		}
		if err := s.Leave(ctx(t), "r1"); err != nil {
			t.Fatal(err)
		}
		n, _ := s.Heartbeat(ctx(t), "r2", time.Minute)
		if want := []int{1, 2, 2, 1}; !slices.Equal(append(live, n), want) {
			t.Errorf("live replicas %v, want %v", append(live, n), want)
		}
	})
}

// TestSaveAndAck saves a collab and acks its intake entry together.
func TestSaveAndAck(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		c := fullCollab("save-ack")
		mustCreate(t, s, &c)
		if err := s.JoinIntake(ctx(t), 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Record(ctx(t), 0, map[string]any{"key": "a"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.ReadIntake(ctx(t), 0, "r1", 1, 10*time.Millisecond)
		if err != nil || len(got) != 1 {
			t.Fatalf("read %v, %v", got, err)
		}
		c.Topic = "saved"
		if err := s.SaveAndAck(ctx(t), &c, 0, got[0].ID, 0); err != nil {
			t.Fatal(err)
		}
		if left, _ := s.ClaimIntake(ctx(t), 0, "r2", 0); len(left) != 0 {
			t.Errorf("%d entries still pending after SaveAndAck", len(left))
		}
		if c := mustGet(t, s, "save-ack"); c.Topic != "saved" {
			t.Errorf("topic %q after SaveAndAck, want saved", c.Topic)
		}
	})
}

// TestFencedSave: an owner whose lease ended and was taken over cannot
// save, even on the newest revision, once the new owner has saved.
func TestFencedSave(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		const lease = 300 * time.Millisecond
		c := fullCollab("fenced")
		mustCreate(t, s, &c)
		old := mustOwn(t, s, 2, "r1", lease, 0)
		if err := s.ApplyFenced(ctx(t), &c, "e1", 2, old); err != nil {
			t.Fatalf("owner's save: %v", err)
		}
		e.advance(lease + 100*time.Millisecond)
		newer := mustOwn(t, s, 2, "r2", lease, old)
		c.Topic = "new owner"
		if err := s.ApplyFenced(ctx(t), &c, "e2", 2, newer); err != nil {
			t.Fatalf("new owner's save: %v", err)
		}
		stale := mustGet(t, s, "fenced")
		stale.Topic = "paused owner"
		if err := s.ApplyFenced(ctx(t), &stale, "e3", 2, old); !errors.Is(err, flows.ErrFenced) {
			t.Errorf("paused owner's save: %v, want ErrFenced", err)
		}
		if err := s.SaveAndAck(ctx(t), &stale, 2, "0-1", old); !errors.Is(err, flows.ErrFenced) {
			t.Errorf("paused owner's save and ack: %v, want ErrFenced", err)
		}
		if got := mustGet(t, s, "fenced"); got.Topic != "new owner" {
			t.Errorf("topic %q, want the new owner's", got.Topic)
		}
	})
}

// TestLapsedLeaseSave: an owner whose lease lapsed, taken over by no one
// yet, can no longer save, alone or with others, but on a Cluster, where
// the lease is in another slot than the collab. Saved under a lease held
// again, with the token that brings, it can.
func TestLapsedLeaseSave(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		_, cluster := e.rdb.(*redis.ClusterClient)
		s := e.store
		const lease = 300 * time.Millisecond
		c := fullCollab("lapsed")
		mustCreate(t, s, &c)
		old := mustOwn(t, s, 5, "r1", lease, 0)
		e.advance(lease + 100*time.Millisecond)
		c.Topic = "after the lease"
		err := s.ApplyFenced(ctx(t), &c, "e1", 5, old)
		if cluster != (err == nil) || !cluster && !errors.Is(err, flows.ErrFenced) {
			t.Errorf("save past the lease: %v, want ErrFenced (none on a Cluster)", err)
		}
		errs := s.SaveAll(ctx(t), []store.Fenced{{Collab: &c, Part: 5, Token: old}})
		if cluster != (errs[0] == nil) || !cluster && !errors.Is(errs[0], flows.ErrFenced) {
			t.Errorf("gathered save past the lease: %v, want ErrFenced (none on a Cluster)", errs[0])
		}
		again := mustOwn(t, s, 5, "r1", lease, old)
		c = mustGet(t, s, "lapsed")
		c.Topic = "held again"
		if err := s.ApplyFenced(ctx(t), &c, "e2", 5, again); err != nil {
			t.Errorf("save under the lease held again: %v", err)
		}
		if got := mustGet(t, s, "lapsed"); got.Topic != "held again" {
			t.Errorf("topic %q, want the save under the lease held again", got.Topic)
		}
	})
}

// mustOwn has replica me take partition part's lease for ttl and returns
// its token, which must be above above.
func mustOwn(t *testing.T, s *store.Store, part int, me string, ttl time.Duration, above int64) int64 {
	t.Helper()
	token, err := s.Own(ctx(t), part, me, ttl)
	if err != nil || token <= above {
		t.Fatalf("%s own partition %d: %d, %v; want a token above %d", me, part, token, err, above)
	}
	return token
}

// TestFenceAfterDataLoss: Redis loses every key while r1 owns a partition;
// r1, which cannot tell, goes on saving until r2 takes the partition over
// and saves; then r1 is refused as a stale owner instead of holding a
// token equal to r2's.
func TestFenceAfterDataLoss(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store
		old := mustOwn(t, s, 3, "r1", time.Minute, 0)
		if keys := scanKeys(t, e); len(keys) == 0 || e.rdb.Del(ctx(t), keys...).Err() != nil {
			t.Fatalf("could not drop the keys %v", keys)
		}
		c := fullCollab("lost")
		mustCreate(t, s, &c)
		if err := s.ApplyFenced(ctx(t), &c, "e0", 3, old); err != nil {
			t.Fatalf("r1's save after the loss, the partition taken by no one: %v", err)
		}
		newer := mustOwn(t, s, 3, "r2", time.Minute, old)
		if err := s.ApplyFenced(ctx(t), &c, "e1", 3, newer); err != nil {
			t.Fatalf("r2's save: %v", err)
		}
		stale := mustGet(t, s, "lost")
		stale.Topic = "stale owner"
		if err := s.ApplyFenced(ctx(t), &stale, "e2", 3, old); !errors.Is(err, flows.ErrFenced) {
			t.Errorf("r1's save after the takeover: %v, want ErrFenced", err)
		}
	})
}
