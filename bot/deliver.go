package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// Effects Slack refused for now are retried with backoff: 2 s doubling,
// capped at 5 min. One schedule per collaboration, in Redis.
const (
	retryFirst = 2 * time.Second
	retryMax   = 5 * time.Minute
)

// rootEvery is the least time between two updates of an open
// collaboration's root message: the updates asked for meanwhile are
// merged into one, made when the time is up (the scheduler brings the
// collaboration back then). A final state is shown at once.
const rootEvery = 2 * time.Second

// deliver carries out c's outbox in order and saves what is left of it
// with what the effects recorded (the ts of posted messages). Effects
// before index fresh were decided earlier and may have been posted by an
// attempt that crashed before recording it: they are looked for in Slack
// before being posted. An effect Slack refuses for now stops the delivery
// and is retried on the collaboration's schedule, as does a lease of the
// work's partition that is no longer surely held (see leaseHeld); one
// refused for good is dropped. Root updates are merged (see rootEvery).
func (b *Bot) deliver(ctx context.Context, c *flows.Collab, fresh int) error {
	return b.deliverOutbox(ctx, c, fresh, false)
}

// deliverOutbox is deliver; rootDue makes a root update that waits for
// its turn run now (the scheduler brought the collab back for it, whatever
// this replica's clock says).
func (b *Bot) deliverOutbox(ctx context.Context, c *flows.Collab, fresh int, rootDue bool) error {
	return b.deliverPass(ctx, &delivery{c: c, rootDue: rootDue}, fresh)
}

// deliverPass is deliverOutbox for the pass d.
func (b *Bot) deliverPass(ctx context.Context, d *delivery, fresh int) error {
	c := d.c
	if len(c.Outbox) == 0 {
		return nil
	}
	before := c.Outbox
	c.Outbox = append([]flows.Effect(nil), c.Outbox...) // the cache shares the old one
	refound, pending := b.runOutbox(ctx, d, fresh)
	if slices.EqualFunc(before, c.Outbox, sameEffect) {
		if leftForLease(pending) { // stopped before its first effect
			b.scheduleRetry(ctx, c.ID, 0)
			return pending
		}
		return nil // only a root update still waiting: nothing to record
	}
	if refound && pending == nil && b.entryAcked(ctx) && savedAlready(before, c.Outbox) {
		b.collabs.putUnsaved(*c, entryAckOf(ctx).fence())
		return nil
	}
	return b.recordDelivered(ctx, d, pending)
}

// runOutbox carries out d's outbox in order and leaves in it what is
// still to do. It reports whether every effect run is found again in
// Slack or harmless to repeat, and the error that stopped it, if any.
func (b *Bot) runOutbox(ctx context.Context, d *delivery, fresh int) (refound bool, pending error) {
	c := d.c
	done := 0
	refound = true
	var waiting *flows.Effect // the root update left for later
	for i := range c.Outbox {
		e := &c.Outbox[i]
		if d.skips(*e) { // carried out before a save that conflicted
			done++
			continue
		}
		if e.Kind == flows.UpdateRoot && b.rootWaits(c, c.Outbox[i+1:], e, d.rootDue) {
			if !hasRootUpdate(c.Outbox[i+1:]) {
				waiting = e
			}
			done++
			continue
		}
		if err := b.leaseHeld(ctx); err != nil {
			pending = err
			break
		}
		if i < fresh && e.Posts() && !d.ran[e.ID] {
			if err := b.lookUp(ctx, d, *e); err != nil {
				b.log.Warn("look for posted message", "collab", c.ID, "effect", e.ID, "err", err)
			}
		}
		err := b.run(ctx, d, *e)
		if err != nil {
			e.Tries++
		}
		if err != nil && !lasting(err, e.Tries) {
			pending = fmt.Errorf("effect %s (%s, try %d): %w", e.ID, e.Kind, e.Tries, err)
			break
		}
		if err != nil {
			b.dropEffect(ctx, d, *e, err)
		}
		d.carriedOut(e.ID)
		refound = refound && err == nil && refindable[e.Kind]
		if e.Kind == flows.UpdateRoot {
			c.RootShown = time.Now()
		}
		done++
	}
	c.Outbox = c.Outbox[done:]
	if waiting != nil && !hasRootUpdate(c.Outbox) {
		c.Outbox = append(c.Outbox, *waiting)
	}
	if len(c.Outbox) == 0 {
		c.Outbox = nil
	}
	return refound, pending
}

// savedAlready reports whether every effect left is, as it is, in the
// outbox saved before.
func savedAlready(saved, left []flows.Effect) bool {
	for _, e := range left {
		i := slices.IndexFunc(saved, func(s flows.Effect) bool { return s.ID == e.ID })
		if i < 0 || !sameEffect(saved[i], e) {
			return false
		}
	}
	return true
}

// stampRootWaits sets, before c is saved, when the root updates queued
// from index from on may run (see rootWaits), so that the saved outbox
// already says when, and the delivery that leaves them waiting need not
// be saved.
func (b *Bot) stampRootWaits(c *flows.Collab, from int) {
	for i := from; i < len(c.Outbox); i++ {
		if c.Outbox[i].Kind == flows.UpdateRoot {
			b.rootWaits(c, nil, &c.Outbox[i], false)
		}
	}
}

// refindable are the effects whose outcome need not be saved at once: a
// posted message is found again by the effect id it carries (see lookUp),
// an update or a pin made twice changes nothing. Their outcome is saved
// with the collab's next event, or when its retry job comes (a crash
// meanwhile makes that job carry them out again, finding what was
// posted): a round trip saved per event.
var refindable = map[flows.EffectKind]bool{
	flows.Prompt: true, flows.PostProposal: true, flows.PostAgreement: true, flows.UpdateRoot: true,
	flows.Nudge: true, flows.RemindCommitment: true, flows.UpdateAgreement: true, flows.NoteRestored: true,
}

// entryAcked reports whether the intake entry the work came from, if
// any, is acked already, so that no save is needed to ack it.
func (b *Bot) entryAcked(ctx context.Context) bool {
	ack := entryAckOf(ctx)
	return ack != nil && ack.done
}

// recordDelivered saves what d's effects did, and schedules a retry of
// those Slack refused for now (pending). A save that conflicts with
// another writer's is carried over to what that writer saved (see
// redeliver); one refused because the partition's lease is no longer
// held is dropped as a crash would drop it, for the partition's next
// owner to finish.
func (b *Bot) recordDelivered(ctx context.Context, d *delivery, pending error) error {
	c := d.c
	save := func() error { return b.saveDelivered(ctx, c) }
	err := b.withStoreRetry(ctx, save)
	if errors.Is(err, flows.ErrConflict) && b.flushedFrom(c) {
		// The flush saved the state these effects started from meanwhile
		// (nothing else writes this collab's cache): what they did goes on
		// top of it.
		c.Rev++
		err = b.withStoreRetry(ctx, save)
	}
	if errors.Is(err, flows.ErrConflict) {
		return b.redeliver(ctx, d)
	}
	if err != nil {
		b.collabs.drop(c.ID)
		if leftForLease(pending) || errors.Is(err, flows.ErrFenced) { // the event's own save may have acked its entry
			b.scheduleRetry(ctx, c.ID, 0)
		}
		return errors.Join(pending, fmt.Errorf("save collab %s after effects: %w", c.ID, err))
	}
	b.collabs.put(*c)
	if pending != nil {
		b.log.Warn("effects pending, will retry", "collab", c.ID, "err", pending)
		b.cfg.Metrics.Retry("effect")
		b.scheduleRetry(ctx, c.ID, c.Outbox[0].Tries)
	}
	return nil
}

// redeliver follows a save of what d did that conflicted: another writer
// saved the collab while its effects ran. It reloads the collab and
// passes over its outbox again, carrying out nothing d carried out
// already (the messages d posted are known by their effect ids), then
// saves; so what the effects did is recorded on top of the other
// writer's save, and no answer or proposal waits on a lost save.
func (b *Bot) redeliver(ctx context.Context, d *delivery) error {
	id := d.c.ID
	b.collabs.drop(id)
	b.cfg.Metrics.Retry("save_conflict")
	c, err := b.fetch(ctx, id)
	switch {
	case errors.Is(err, flows.ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("save collab %s after effects: %w", id, err)
	}
	b.log.Info("collab changed while its effects ran: recording them on the newer save", "collab", id, "rev", c.Rev)
	return b.deliverPass(ctx, &delivery{c: &c, found: d.found, ran: d.ran, rootDue: d.rootDue}, len(c.Outbox))
}

// rootWaits reports whether root update e need not run now: a later one
// in rest supersedes it, or, unless due, the open collab's root was
// updated less than rootEvery ago, and then e.NotBefore says when it may.
func (b *Bot) rootWaits(c *flows.Collab, rest []flows.Effect, e *flows.Effect, due bool) bool {
	if hasRootUpdate(rest) {
		return true
	}
	if due {
		return false
	}
	next := c.RootShown.Add(rootEvery).Truncate(time.Millisecond)
	if c.State.Final() || !time.Now().Before(next) {
		return false
	}
	e.NotBefore = next
	return true
}

func hasRootUpdate(es []flows.Effect) bool {
	return slices.ContainsFunc(es, func(e flows.Effect) bool { return e.Kind == flows.UpdateRoot })
}

// sameEffect compares effects as stored.
func sameEffect(x, y flows.Effect) bool {
	return x.ID == y.ID && x.Tries == y.Tries && x.NotBefore.Equal(y.NotBefore)
}

// dropEffect logs an effect Slack refused for good and, when a person
// waits on it, tells the collab's creator.
func (b *Bot) dropEffect(ctx context.Context, d *delivery, e flows.Effect, err error) {
	b.log.Error("effect dropped: Slack refused it for good", "collab", d.c.ID, "effect", e.ID, "kind", e.Kind, "err", err)
	if e.Kind == flows.Notify || e.Kind == flows.UpdateRoot || d.c.RootTS == "" {
		return
	}
	note := flows.Effect{Kind: flows.Notify, User: d.c.CreatedBy, Notice: flows.NoticeEffectFailed}
	if err := b.run(ctx, d, note); err != nil {
		b.log.Warn("tell the creator about a dropped effect", "collab", d.c.ID, "err", err)
	}
}

// scheduleRetry puts the collaboration on the durable schedule; tries
// sets the backoff. Without a scheduler the outbox waits for the
// collaboration's next event.
func (b *Bot) scheduleRetry(ctx context.Context, id string, tries int) {
	if b.sched == nil {
		return
	}
	wait := min(retryFirst<<min(max(tries-1, 0), 16), retryMax)
	if err := b.sched.ScheduleRetry(ctx, id, time.Now().Add(wait)); err != nil {
		b.log.Error("schedule effects retry", "collab", id, "err", err)
	}
}

// retryDue turns due retries into intake entries, so a retry runs on the
// replica that owns the collaboration, in order with its events. It runs
// until ctx ends.
func (b *Bot) retryDue(ctx context.Context) {
	if b.sched == nil {
		return
	}
	b.sched.PollRetries(ctx, 250*time.Millisecond, func(ctx context.Context, id string) error {
		return b.record(ctx, entry{Kind: kindRetry, Collab: id})
	}, func(err error) { b.log.Warn("due retries", "err", err) })
}

// Scheduler keeps one durable retry time per collaboration, shared by the
// replicas; *store.Store implements it.
type Scheduler interface {
	ScheduleRetry(ctx context.Context, collabID string, due time.Time) error
	PollRetries(ctx context.Context, every time.Duration, run func(ctx context.Context, collabID string) error, onErr func(error))
}
