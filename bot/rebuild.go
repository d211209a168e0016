package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// maxThreadPages bounds how much of a thread a collaboration is made
// again from: 200 messages a page, far more than a collaboration writes.
const maxThreadPages = 25

// errNoRecord: the thread does not hold what its collaboration is made
// again from (its root came from an earlier version, or the
// collaboration was over: its follow-ups are not in the thread).
var errNoRecord = errors.New("thread holds no record to rebuild its collaboration from")

// rebuild makes collaboration id again from its thread when Redis lost
// it: the root's metadata gives how it began, the people's replies are
// replayed through the flow (a reply replayed here, then handled from its
// own event, counts once), and the bot's own messages say what was
// already posted and what clicks the thread does not keep did (a question
// asked again, a later version). What was decided but is not in the
// thread (a prompt lost with the record) is posted now. It runs on the
// collaboration's owner, one event at a time: a collaboration found saved
// meanwhile is left as it is.
func (b *Bot) rebuild(ctx context.Context, id, channel, thread string) error {
	msgs, err := b.readThread(ctx, channel, thread)
	if err != nil {
		return err
	}
	c, err := b.replay(ctx, id, channel, thread, msgs)
	if err != nil {
		return err
	}
	err = b.withStoreRetry(ctx, func() error { return b.store.Create(ctx, &c) })
	switch {
	case errors.Is(err, flows.ErrDuplicate):
		return nil
	case err != nil:
		return notRecorded{fmt.Errorf("save rebuilt collab %s: %w", id, err)}
	}
	b.log.Info("collab rebuilt from its thread", "collab", id, "state", c.State, "messages", len(msgs))
	if err := b.store.IndexThread(ctx, channel, thread, id); err != nil {
		b.log.Warn("index rebuilt collab's thread", "collab", id, "err", err)
	}
	b.collabs.putThread(channel+":"+thread, id)
	b.collabs.put(c)
	b.setTimers(ctx, flows.Timers{}, &c)
	// The event that asked for the rebuild is still to be handled: its
	// intake entry is not acked with the rebuild's delivery. What the
	// delivery leaves undone stays in the saved outbox for the next event.
	if err := b.deliver(context.WithValue(ctx, entryAckKey{}, (*entryAck)(nil)), &c, 0); err != nil {
		b.log.Warn("deliver rebuilt collab's effects", "collab", id, "err", err)
	}
	return nil
}

// readThread reads a whole thread, root first, in ts order.
func (b *Bot) readThread(ctx context.Context, channel, thread string) ([]slack.Message, error) {
	page := b.threadPages(ctx, channel, thread)
	var all []slack.Message
	cursor := ""
	for range maxThreadPages {
		msgs, next, err := page(cursor)
		if err != nil {
			return nil, fmt.Errorf("read thread %s: %w", thread, err)
		}
		all = append(all, msgs...)
		if next == "" {
			break
		}
		cursor = next
	}
	slices.SortStableFunc(all, func(x, y slack.Message) int { return compareTS(x.Timestamp, y.Timestamp) })
	return all, nil
}

func compareTS(a, b string) int {
	switch {
	case flows.LaterTS(a, b):
		return 1
	case flows.LaterTS(b, a):
		return -1
	}
	return 0
}

// orRebuild runs handle, an event of collaboration id's thread; when the
// collaboration is gone from Redis it is rebuilt from the thread and
// handle runs again, unless the event had taken effect before the loss
// showed (its effects ran, then their record found nothing to save to).
// found is false when it cannot be: the thread could not be read or
// holds no record.
func (b *Bot) orRebuild(ctx context.Context, id, channel, thread string, handle func() error) (found bool, err error) {
	err = handle()
	if !errors.Is(err, flows.ErrNotFound) || thread == "" {
		return !errors.Is(err, flows.ErrNotFound), err
	}
	if err := b.rebuild(ctx, id, channel, thread); err != nil {
		if errors.As(err, new(notRecorded)) {
			return true, err // Redis is away: the event waits for it
		}
		b.log.Info("collab not rebuilt from its thread", "collab", id, "err", err)
		return false, nil
	}
	if errors.As(err, new(effectsRan)) {
		return true, nil
	}
	err = handle()
	return !errors.Is(err, flows.ErrNotFound), err
}

// effectsRan marks a failure to record what an event's effects did: the
// event took effect in Slack.
type effectsRan struct{ error }

func (e effectsRan) Unwrap() error { return e.error }
