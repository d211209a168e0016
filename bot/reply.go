package bot

import (
	"context"
	"errors"

	"github.com/slack-go/slack/slackevents"

	"github.com/collabbot/collabbot/flows"
)

// threadMsg is a person's message in a thread: from the Events API, or
// read back from the thread after a restart.
type threadMsg struct {
	channel, thread, user, text, ts string
}

func (b *Bot) onEventsAPI(ctx context.Context, ev slackevents.EventsAPIEvent) {
	m, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent)
	if !ok || !b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimeStamp, m.TimeStamp) {
		return
	}
	msg := threadMsg{channel: m.Channel, thread: m.ThreadTimeStamp, user: m.User, text: m.Text, ts: m.TimeStamp}
	threadKey := "thread:" + msg.channel + ":" + msg.thread
	// The thread's collab is looked up in the thread's own queue, then the
	// reply joins the collab's queue: replies keep their order throughout.
	b.work.Do(threadKey, func() {
		ectx, cancel := b.eventContext(ctx)
		defer cancel()
		id, err := b.threadCollab(ectx, msg.channel, msg.thread)
		if errors.Is(err, flows.ErrNotFound) {
			return // a thread that is not a collaboration's
		}
		if err != nil {
			b.log.Error("find thread's collab", "channel", msg.channel, "thread", msg.thread, "err", err)
			b.tellUnavailable(ectx, msg.channel, msg.thread, msg.user, detectLang(b.cfg.Lang, msg.text))
			return
		}
		b.work.Do(collabKey(id), func() { b.handleReply(ctx, id, msg) })
	})
}

// isAnswer keeps people's replies in threads and drops everything else:
// the bot's own posts, other bots, edits, joins and top-level messages.
func (b *Bot) isAnswer(user, botID, subtype, thread, ts string) bool {
	switch {
	case botID != "" || user == "" || user == b.self:
		return false
	case subtype != "" && subtype != "thread_broadcast" && subtype != "file_share":
		return false
	case thread == "" || thread == ts:
		return false
	}
	return true
}

// handleReply runs a reply through the flow. Its key is the message's ts,
// the same for Slack's redeliveries and for a replay after a restart.
func (b *Bot) handleReply(ctx context.Context, id string, m threadMsg) {
	ectx, cancel := b.eventContext(ctx)
	defer cancel()
	ev := flows.Reply{User: m.user, Text: unescape(m.text), TS: m.ts, TZ: b.users.zone(ectx, b.api, m.user)}
	if err := b.apply(ectx, id, "msg:"+m.ts, ev); err != nil {
		b.log.Error("handle reply", "collab", id, "user", m.user, "err", err)
		if errors.As(err, new(notRecorded)) {
			b.tellUnavailable(ectx, m.channel, m.thread, m.user, detectLang(b.cfg.Lang, m.text))
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
