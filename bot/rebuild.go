package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// maxRebuildPages bounds how much of a thread a rebuild reads: 2,000
// messages, far more than a collaboration's thread holds.
const maxRebuildPages = 10

// errNotRebuilt: the thread does not hold what a rebuild needs.
var errNotRebuilt = errors.New("thread does not describe a collab the bot can rebuild")

// orRebuild runs do and, when the collab is gone from Redis, rebuilds it
// from its thread and runs do again. lost reports that it stayed gone:
// the thread does not describe it, or Slack refused to show it for good.
// A rebuild that Redis could not save, or that Slack failed for now, is
// an event not recorded, handled again later.
func (b *Bot) orRebuild(ctx context.Context, id, channel, thread, before string, do func() error) (lost bool, err error) {
	err = do()
	if !errors.Is(err, flows.ErrNotFound) {
		return false, err
	}
	err = b.rebuild(ctx, id, channel, thread, before)
	if errors.As(err, new(notRecorded)) {
		return false, err
	}
	if err != nil && !errors.Is(err, errNotRebuilt) && !lasting(err, unknownTries) {
		// Slack could not be read for now: the event waits, as one Redis
		// could not record does, and the rebuild is tried again.
		return false, notRecorded{fmt.Errorf("rebuild collab %s: %w", id, err)}
	}
	if err != nil {
		b.log.Warn("collab not rebuilt from its thread", "collab", id, "channel", channel, "thread", thread, "err", err)
		b.collabs.putThread(channel+":"+thread, "")
		return true, nil
	}
	err = do()
	if errors.Is(err, flows.ErrNotFound) {
		return true, nil
	}
	return false, err
}

// rebuild restores collab id, lost from Redis, from its Slack thread: the
// root message's metadata says how it began, and the thread's replies
// before the event that found it missing (its ts, before; "" for all)
// are run through the flow as they were when written; the bot's prompts
// and proposals say what else was asked. It is saved as new, with a note
// in the thread, as if it had never been lost.
func (b *Bot) rebuild(ctx context.Context, id, channel, thread, before string) error {
	msgs, err := b.readThread(ctx, channel, thread)
	if err != nil {
		return err
	}
	if len(msgs) == 0 || !b.ownMessage(msgs[0]) || msgs[0].Timestamp != thread {
		return errNotRebuilt
	}
	c, start, ok := collabFromRoot(msgs[0], channel)
	if !ok || c.ID != id {
		return errNotRebuilt
	}
	c.Calendar = b.calendar(c.Lang)
	if c.TZ == "" {
		c.TZ = b.cfg.DefaultTZ.String()
	}
	b.sideZones(ctx, &c.Sides)
	if c = b.refreshMembers(ctx, c); !answerable(c) {
		return errNotRebuilt
	}
	r := newReplay(c, start)
	r.seq = b.seqOf(msgs[0], id)
	for _, m := range msgs[1:] {
		if before != "" && !flows.LaterTS(before, m.Timestamp) {
			break
		}
		if err := b.replayMessage(ctx, r, m); err != nil {
			return err
		}
	}
	return b.saveRebuilt(ctx, r)
}

// answerable reports whether each side has someone who may answer for it.
func answerable(c flows.Collab) bool {
	for _, p := range c.Sides {
		if p.Kind == flows.KindGroup && len(p.Members) == 0 {
			return false
		}
	}
	return true
}

// readThread reads the whole thread, root first, with metadata.
func (b *Bot) readThread(ctx context.Context, channel, thread string) ([]slack.Message, error) {
	page := b.threadPages(ctx, channel, thread)
	var out []slack.Message
	cursor := ""
	for range maxRebuildPages {
		msgs, next, err := page(cursor)
		if err != nil {
			return nil, fmt.Errorf("read thread %s/%s: %w", channel, thread, err)
		}
		out = append(out, msgs...)
		if next == "" {
			return out, nil
		}
		cursor = next
	}
	return nil, fmt.Errorf("read thread %s/%s: %w: longer than %d pages", channel, thread, errNotRebuilt, maxRebuildPages)
}

// ownMessage reports whether the bot posted m: only its messages are trusted to
// say what a collab was.
func (b *Bot) ownMessage(m slack.Message) bool { return m.BotID != "" && m.User == b.self }

// seqOf is the effect number m carries when it is one of collab id's
// messages, else 0.
func (b *Bot) seqOf(m slack.Message, id string) int {
	rest, ok := strings.CutPrefix(effectOf(m), id+".")
	if !ok || !b.ownMessage(m) {
		return 0
	}
	n, _ := strconv.Atoi(rest)
	return n
}

// saveRebuilt completes the replayed collab with what the thread showed,
// saves it as new and carries out its effects. Another replica that
// rebuilt it first wins.
func (b *Bot) saveRebuilt(ctx context.Context, r *replay) error {
	c, effects, err := flows.Next(r.c, r.restore())
	if err != nil {
		return fmt.Errorf("restore collab %s: %w", r.c.ID, err)
	}
	c.Outbox, c.Seq = nil, r.seq // new effects are numbered after those posted
	c.Queue(effects...)
	err = b.withStoreRetry(ctx, func() error { return b.store.Create(ctx, &c) })
	switch {
	case errors.Is(err, flows.ErrDuplicate):
		return nil
	case err != nil:
		return notRecorded{fmt.Errorf("save rebuilt collab %s: %w", c.ID, err)}
	}
	b.log.Info("collab rebuilt from its thread", "collab", c.ID, "channel", c.Channel, "state", c.State, "version", c.Version)
	if err := b.store.IndexThread(ctx, c.Channel, c.RootTS, c.ID); err != nil {
		b.log.Warn("index rebuilt collab's thread", "collab", c.ID, "err", err)
	}
	b.collabs.put(c)
	b.collabs.putThread(c.Channel+":"+c.RootTS, c.ID)
	b.setTimers(ctx, flows.Timers{}, &c)
	if err := b.deliver(ctx, &c, 0); err != nil { // all new: the thread was just read
		// Saved: what is left of its outbox is retried as any collab's.
		b.log.Warn("deliver rebuilt collab's effects", "collab", c.ID, "err", err)
	}
	return nil
}
