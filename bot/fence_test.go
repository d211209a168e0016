package bot

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// A replica whose partition was taken over while its effects ran saves
// none of what they did, neither at once nor through the flush: the next
// owner finishes the work, as after a crash.
func TestNoSaveAfterEffectsPastTheLease(t *testing.T) {
	ctx := t.Context()
	c := flows.Collab{ID: "fenced", Channel: "C1", Outbox: []flows.Effect{{ID: "e1", Kind: flows.PostRoot}}}
	b, st := recordingBot(t, &c)
	const part = 1
	token, err := st.Own(ctx, part, "r1", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	ack := &entryAck{part: part, id: "0-1", token: token, done: true} // the event's save acked it
	if err := st.Disown(ctx, part, "r1"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Own(ctx, part, "r2", time.Minute); err != nil {
		t.Fatal(err)
	}
	paused := c
	paused.Outbox, paused.RootTS = nil, "1.0"
	err = b.recordDelivered(context.WithValue(ctx, entryAckKey{}, ack), &delivery{c: &paused}, nil)
	if !errors.Is(err, flows.ErrFenced) {
		t.Errorf("save after effects past the lease: %v, want ErrFenced", err)
	}
	b.collabs.putUnsaved(paused, ack.fence())
	b.flush(ctx)
	if got, err := st.Get(ctx, c.ID); err != nil || got.Rev != 1 || got.RootTS != "" {
		t.Errorf("stored rev %d root %q (%v), want rev 1 as created", got.Rev, got.RootTS, err)
	}
}

// Work refused as fenced goes on under a new token when the partition's
// lease lapsed unclaimed, and is left when another replica holds it.
func TestFencedWorkRetakesALapsedLease(t *testing.T) {
	ctx := t.Context()
	c := flows.Collab{ID: "retaken"}
	b, st := recordingBot(t, &c)
	const part, lease = 2, 200 * time.Millisecond
	token, err := st.Own(ctx, part, b.cfg.Replica, lease)
	if err != nil {
		t.Fatal(err)
	}
	r := &reader{part: part}
	r.lease.renewed(token, time.Now(), lease)
	ack := &entryAck{part: part, token: token, lease: &r.lease}
	time.Sleep(2 * lease) // lapses, claimed by no one
	if !b.retaken(ctx, r, ack) || ack.token <= token || r.lease.current() != ack.token {
		t.Errorf("lapsed lease: retaken under %d (lease %d), want a token above %d", ack.token, r.lease.current(), token)
	}
	if err := st.Disown(ctx, part, b.cfg.Replica); err != nil {
		t.Fatal(err)
	}
	if other, err := st.Own(ctx, part, "other", time.Minute); err != nil || other == 0 {
		t.Fatalf("another replica's lease: %d, %v", other, err)
	}
	if b.retaken(ctx, r, ack) || r.lease.current() != 0 {
		t.Errorf("lease held by another replica: retaken, lease %d", r.lease.current())
	}
}
