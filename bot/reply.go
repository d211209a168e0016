package bot

import (
	"context"
	"errors"

	"github.com/slack-go/slack/slackevents"

	"github.com/collabbot/collabbot/flows"
)

func (b *Bot) onEventsAPI(ctx context.Context, ev slackevents.EventsAPIEvent) {
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok {
		return
	}
	msg, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent)
	if !ok || !b.isAnswer(msg) {
		return
	}
	threadKey := "thread:" + msg.Channel + ":" + msg.ThreadTimeStamp
	// The thread's collab is looked up in the thread's own queue, then the
	// reply joins the collab's queue: replies keep their order throughout.
	b.work.Do(threadKey, func() {
		ectx, cancel := b.eventContext(ctx)
		defer cancel()
		id, err := b.threadCollab(ectx, msg.Channel, msg.ThreadTimeStamp)
		if errors.Is(err, flows.ErrNotFound) {
			return // a thread that is not a collaboration's
		}
		if err != nil {
			b.log.Error("find thread's collab", "channel", msg.Channel, "thread", msg.ThreadTimeStamp, "err", err)
			b.tellUnavailable(ectx, msg.Channel, msg.ThreadTimeStamp, msg.User)
			return
		}
		b.work.Do(collabKey(id), func() { b.handleReply(ctx, id, cb.EventID, msg) })
	})
}

// isAnswer keeps people's replies in threads and drops everything else:
// the bot's own posts, other bots, edits, joins and top-level messages.
func (b *Bot) isAnswer(m *slackevents.MessageEvent) bool {
	switch {
	case m.BotID != "" || m.User == "" || m.User == b.self:
		return false
	case m.SubType != "" && m.SubType != "thread_broadcast" && m.SubType != "file_share":
		return false
	case m.ThreadTimeStamp == "" || m.ThreadTimeStamp == m.TimeStamp:
		return false
	}
	return true
}

func (b *Bot) handleReply(ctx context.Context, id, eventID string, m *slackevents.MessageEvent) {
	ectx, cancel := b.eventContext(ctx)
	defer cancel()
	ev := flows.Reply{User: m.User, Text: unescape(m.Text), TS: m.TimeStamp, TZ: b.users.zone(ectx, b.api, m.User)}
	if err := b.apply(ectx, id, "ev:"+eventID, ev); err != nil {
		b.log.Error("handle reply", "collab", id, "user", m.User, "err", err)
		if errors.As(err, new(notRecorded)) {
			b.tellUnavailable(ectx, m.Channel, m.ThreadTimeStamp, m.User)
		}
	}
}

// threadCollab maps a thread to its collaboration; the mapping never
// changes, so it is kept in memory once found.
func (b *Bot) threadCollab(ctx context.Context, channel, ts string) (string, error) {
	key := channel + ":" + ts
	if id, ok := b.collabs.thread(key); ok {
		return id, nil
	}
	var id string
	err := b.withStoreRetry(ctx, func() error {
		var err error
		id, err = b.store.ThreadCollab(ctx, channel, ts)
		if errors.Is(err, flows.ErrNotFound) {
			return permanent{err}
		}
		return err
	})
	if err != nil {
		return "", err
	}
	b.collabs.putThread(key, id)
	return id, nil
}
