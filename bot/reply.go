package bot

import (
	"context"

	"github.com/collabbot/collabbot/flows"
)

// threadMsg is a person's message in a thread, as recorded at intake.
type threadMsg struct {
	Channel, Thread, User, Text, TS string
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
// the same for every redelivery.
func (b *Bot) handleReply(ctx context.Context, id string, m threadMsg) error {
	text := clean(unescape(m.Text))
	ev := flows.Reply{User: m.User, Text: text, TS: m.TS, TZ: b.users.zone(ctx, b.api, m.User)}
	lost, err := b.orRebuild(ctx, id, m.Channel, m.Thread, m.TS, func() error {
		return b.apply(ctx, id, "msg:"+m.TS, ev)
	})
	if lost {
		b.tellLost(ctx, m.Channel, m.Thread, detectLang(b.cfg.Lang, text))
	}
	return err
}

// threadCollab maps a thread to its collaboration; the mapping never
// changes, so it is kept in memory once found.
func (b *Bot) threadCollab(ctx context.Context, channel, ts string) (string, error) {
	key := channel + ":" + ts
	if id, ok := b.collabs.thread(key); ok {
		if id == "" { // known not to be a collab's thread
			return "", flows.ErrNotFound
		}
		return id, nil
	}
	id, err := b.store.ThreadCollab(ctx, channel, ts)
	if err != nil {
		return "", err
	}
	b.collabs.putThread(key, id)
	return id, nil
}
