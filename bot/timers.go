package bot

import (
	"context"
	"errors"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// Timers keeps the durable timers of nudges, expiry and commitment
// reminders, shared by the replicas; *store.Store implements it.
type Timers interface {
	ScheduleTimer(ctx context.Context, kind, collabID string, due time.Time) error
	PollTimers(ctx context.Context, kind string, now func() time.Time, every time.Duration, run func(ctx context.Context, collabID string) error, onErr func(error))
}

// Timer kinds, as the store names its job kinds.
const (
	timerNudge    = "nudge"
	timerReminder = "reminder"
	timerExpiry   = "expiry"
)

var timerKinds = [...]string{timerNudge, timerReminder, timerExpiry}

// kindTick is the intake entry a due timer becomes: the clock reached a
// collab's next timed thing.
const kindTick = "tick"

// now is the bot's clock: the wall clock, or a test's.
func (b *Bot) now() time.Time { return b.cfg.Now() }

// timersDue turns due timers into intake entries, like due retries, so a
// timer runs on the replica that owns its collaboration, in order with
// its events. A timer claimed twice (a replica died holding it) records
// two ticks; the second finds nothing due. It runs until ctx ends.
func (b *Bot) timersDue(ctx context.Context, kind string) {
	b.timers.PollTimers(ctx, kind, b.now, b.cfg.TimerEvery, func(ctx context.Context, id string) error {
		return b.record(ctx, entry{Kind: kindTick, Collab: id})
	}, func(err error) { b.log.Warn("due timers", "kind", kind, "err", err) })
}

// tick runs the clock's event through the flow, then sets the next timers:
// a timer may fire before its collab's next due time moved later.
func (b *Bot) tick(ctx context.Context, id string) error {
	err := b.apply(ctx, id, "", flows.Tick{At: b.now(), Policy: b.cfg.Policy})
	if errors.Is(err, flows.ErrNotFound) {
		return nil // gone after COLLAB_RETENTION: nothing is due any more
	}
	if err != nil {
		return err
	}
	c, err := b.load(ctx, id)
	if err != nil {
		return err
	}
	b.setTimers(ctx, flows.Timers{}, &c)
	return nil
}

// setTimers schedules c's timers that differ from those before its last
// change, so an event that moves no timer costs no round trip. A timer
// no longer needed is left to fire and find nothing due.
func (b *Bot) setTimers(ctx context.Context, before flows.Timers, c *flows.Collab) {
	b.scheduleTimers(ctx, c.ID, b.movedTimers(before, c))
}

// scheduleTimers schedules collab id's timers (kind -> due).
func (b *Bot) scheduleTimers(ctx context.Context, id string, timers map[string]time.Time) {
	for kind, due := range timers {
		if err := b.timers.ScheduleTimer(ctx, kind, id, due); err != nil {
			b.log.Error("schedule timer", "collab", id, "kind", kind, "err", err)
		}
	}
}

// movedTimers returns c's timers (kind -> due) that differ from before;
// nil without timers.
func (b *Bot) movedTimers(before flows.Timers, c *flows.Collab) map[string]time.Time {
	if b.timers == nil {
		return nil
	}
	after := flows.NextTimers(c, b.cfg.Policy)
	was := [...]time.Time{before.Nudge, before.Reminder, before.Expiry}
	var out map[string]time.Time
	for i, due := range [...]time.Time{after.Nudge, after.Reminder, after.Expiry} {
		if due.IsZero() || due.Equal(was[i]) {
			continue
		}
		if out == nil {
			out = map[string]time.Time{}
		}
		out[timerKinds[i]] = due
	}
	return out
}

// sideZones gives each one-person side its profile's zone, so that its
// first question's reminder counts its own working day.
func (b *Bot) sideZones(ctx context.Context, sides *[2]flows.Party) {
	for i := range sides {
		if sides[i].Kind == flows.KindUser {
			sides[i].TZ = b.users.zone(ctx, b.api, sides[i].ID)
		}
	}
}
