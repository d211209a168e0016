package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/store"
)

// A collab and its thread index last the retention period from the last
// save; each save renews both.
func TestRetentionCountsFromTheLastSave(t *testing.T) {
	const keep = 400 * time.Millisecond
	forEachBackend(t, func(t *testing.T, e env) {
		s := e.store.WithRetention(keep)
		c := fullCollab("kept")
		mustCreate(t, s, &c)
		if err := s.IndexThread(ctx(t), c.Channel, c.RootTS, c.ID); err != nil {
			t.Fatalf("IndexThread: %v", err)
		}
		e.advance(keep / 2)
		c.State = flows.Agreed
		if err := s.Apply(ctx(t), &c, "ev1"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		e.advance(keep * 3 / 4) // past the first save's retention, within the second's
		if _, err := s.Get(ctx(t), c.ID); err != nil {
			t.Fatalf("Get after a renewing save: %v", err)
		}
		if _, err := s.ThreadCollab(ctx(t), c.Channel, c.RootTS); err != nil {
			t.Fatalf("ThreadCollab after a renewing save: %v", err)
		}
		e.advance(keep / 2)
		if _, err := s.Get(ctx(t), c.ID); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Get after retention = %v, want ErrNotFound", err)
		}
		if _, err := s.ThreadCollab(ctx(t), c.Channel, c.RootTS); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("ThreadCollab after retention = %v, want ErrNotFound", err)
		}
	})
}

// A collab over the byte limit is refused with ErrTooLarge and nothing
// is written.
func TestTooLargeRefused(t *testing.T) {
	huge := strings.Repeat("<x>", store.MaxCollabBytes/3)
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("huge")
		mustCreate(t, e.store, &c)
		big := c
		big.Sides[0].Answers[0].Text = huge
		if err := e.store.Apply(ctx(t), &big, "ev1"); !errors.Is(err, store.ErrTooLarge) {
			t.Fatalf("Apply of a %d-character answer = %v, want ErrTooLarge", len(huge), err)
		}
		if big.Rev != c.Rev {
			t.Errorf("refused Apply changed Rev %d -> %d", c.Rev, big.Rev)
		}
		if got := mustGet(t, e.store, "huge"); got.Sides[0].Answers[0].Text != c.Sides[0].Answers[0].Text {
			t.Error("the refused answer was stored")
		}
		fresh := fullCollab("huge-new")
		fresh.Topic = huge
		if err := e.store.Create(ctx(t), &fresh); !errors.Is(err, store.ErrTooLarge) || fresh.Rev != 0 {
			t.Errorf("Create of a huge topic = %v, rev %d; want ErrTooLarge, rev 0", err, fresh.Rev)
		}
		if _, err := e.store.Get(ctx(t), "huge-new"); !errors.Is(err, flows.ErrNotFound) {
			t.Errorf("Get of the refused collab = %v, want ErrNotFound", err)
		}
	})
}

// Every save of a collab with effects left gives it a retry job, so a
// process that dies before carrying them out leaves work another finds.
func TestSaveWithEffectsSchedulesRetry(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		busy, idle := fullCollab("busy"), fullCollab("idle")
		idle.Outbox = nil
		for _, c := range []*flows.Collab{&busy, &idle} {
			mustCreate(t, e.store, c)
		}
		before := time.Now()
		if err := e.store.Apply(ctx(t), &idle, "ev1"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, "busy")
		if err != nil || !ok || at.Before(before.Add(store.RecoverAfter-time.Second)) || at.After(time.Now().Add(store.RecoverAfter)) {
			t.Errorf("retry of busy = %v, %v, %v; want about now+%v", at, ok, err, store.RecoverAfter)
		}
		if at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, "idle"); ok || err != nil {
			t.Errorf("retry of idle = %v, %v, %v; want none", at, ok, err)
		}
	})
}

// An effect that waits for a time sooner than RecoverAfter brings its
// collab's retry job forward to that time.
func TestWaitingEffectSetsRetry(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("waits")
		soon := time.Now().Add(2 * time.Second).Truncate(time.Millisecond)
		c.Outbox = []flows.Effect{{Kind: flows.UpdateRoot, NotBefore: soon}}
		mustCreate(t, e.store, &c)
		at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, "waits")
		if err != nil || !ok || !at.Equal(soon) {
			t.Errorf("retry = %v, %v, %v; want %v", at, ok, err, soon)
		}
	})
}

// A save that leaves no effects ends the retry job earlier saves asked
// for, but not the one of a concurrent save that won.
func TestSaveWithoutEffectsEndsRetry(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("flushed")
		mustCreate(t, e.store, &c)
		winner, loser := c, c
		loser.Outbox = nil
		if err := e.store.Apply(ctx(t), &winner, ""); err != nil {
			t.Fatalf("Apply with effects: %v", err)
		}
		if err := e.store.Apply(ctx(t), &loser, ""); !errors.Is(err, flows.ErrConflict) {
			t.Fatalf("stale Apply = %v, want ErrConflict", err)
		}
		if _, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, c.ID); !ok || err != nil {
			t.Fatalf("a refused save without effects ended the winner's retry job (%v)", err)
		}
		winner.Outbox = nil
		if err := e.store.Apply(ctx(t), &winner, ""); err != nil {
			t.Fatalf("Apply without effects: %v", err)
		}
		if at, ok, err := e.store.Scheduled(ctx(t), store.KindRetry, c.ID); ok || err != nil {
			t.Errorf("after the outbox emptied: retry at %v, %v, %v; want none", at, ok, err)
		}
	})
}
