package bot

import (
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

// A delivery that started from a state the flush saved meanwhile records
// what its effects did on top of it, instead of failing on the revision.
func TestDeliveryRecordedOverTheFlush(t *testing.T) {
	ctx := t.Context()
	st := store.New(redistest.Client(t), redistest.Prefix(t))
	b, err := New(slack.New("x"), st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := flows.Collab{ID: "flushed", Channel: "C1", Outbox: []flows.Effect{{ID: "e1", Kind: flows.UpdateRoot}}}
	if err := st.Create(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Outbox, c.RootTS = nil, "1.0" // effects ran, not yet recorded
	b.collabs.putUnsaved(c)
	started, _ := b.collabs.get(c.ID) // a retry job takes it up...
	b.flush(ctx)                      // ...while the flush saves it
	started.RootTS = "2.0"            // what the retry's effects did
	if err := b.recordDelivered(ctx, &started, nil); err != nil {
		t.Fatalf("record after the flush: %v", err)
	}
	got, err := st.Get(ctx, c.ID)
	if err != nil || got.Rev != 3 || got.RootTS != "2.0" {
		t.Errorf("stored rev %d root %q (%v), want rev 3 with what the retry did", got.Rev, got.RootTS, err)
	}
	if cached, _ := b.collabs.get(c.ID); cached.Rev != 3 {
		t.Errorf("cached rev %d, want 3", cached.Rev)
	}
}
