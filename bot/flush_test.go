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
	c := flows.Collab{ID: "flushed", Channel: "C1", Outbox: []flows.Effect{{ID: "e1", Kind: flows.UpdateRoot}}}
	b, st := recordingBot(t, &c)
	c.Outbox, c.RootTS = nil, "1.0" // effects ran, not yet recorded
	b.collabs.putUnsaved(c, fence{})
	started, _ := b.collabs.get(c.ID) // a retry job takes it up...
	b.flush(ctx)                      // ...while the flush saves it
	started.RootTS = "2.0"            // what the retry's effects did
	if err := b.recordDelivered(ctx, &delivery{c: &started}, nil); err != nil {
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

// A delivery whose save meets another writer's save, made while its
// effects ran, records what they did (the root it posted) on top of that
// save, carrying none of them out again (any Slack call here fails, and
// would leave them pending).
func TestDeliveryRecordedOverAnotherSave(t *testing.T) {
	ctx := t.Context()
	c := flows.Collab{ID: "contended", Channel: "C1", Outbox: []flows.Effect{
		{ID: "e1", Kind: flows.PostRoot}, {ID: "e2", Kind: flows.UpdateRoot}, {ID: "e3", Kind: flows.Notify, User: "U1"},
	}}
	b, st := recordingBot(t, &c)
	other := c
	other.Topic = "saved meanwhile"
	if err := st.Apply(ctx, &other, ""); err != nil {
		t.Fatal(err)
	}
	d := &delivery{c: &c}
	for _, e := range c.Outbox {
		d.carriedOut(e.ID)
	}
	d.posted("e1", "1.0")
	c.Outbox, c.RootTS = nil, "1.0"
	if err := b.recordDelivered(ctx, d, nil); err != nil {
		t.Fatalf("record over another save: %v", err)
	}
	got, err := st.Get(ctx, c.ID)
	if err != nil || got.Rev != 3 || got.Topic != "saved meanwhile" || got.RootTS != "1.0" || len(got.Outbox) != 0 {
		t.Errorf("stored rev %d topic %q root %q outbox %v (%v), want rev 3 with the other save, the root posted and nothing left to do",
			got.Rev, got.Topic, got.RootTS, got.Outbox, err)
	}
}

// recordingBot is a bot on the test Redis, holding c, whose Slack calls
// all fail.
func recordingBot(t *testing.T, c *flows.Collab) (*Bot, *store.Store) {
	st := store.New(redistest.Client(t), redistest.Prefix(t))
	b, err := New(slack.New("x", slack.OptionAPIURL("http://127.0.0.1:1/")), st, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Create(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	return b, st
}
