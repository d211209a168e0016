package bot

import (
	"context"
	"encoding/json"

	"github.com/slack-go/slack"
)

// orphanReply handles a reply in a thread no collaboration is known for:
// when the thread's root is a collab root the bot posted, the record was
// lost (Redis was flushed, or the collab expired). The reply is then
// recorded for the collab the root names, to be handled as any reply:
// the collab is rebuilt from the thread, or the thread is told once that
// it is lost.
func (b *Bot) orphanReply(ctx context.Context, m threadMsg) {
	ctx, cancel := b.eventContext(ctx)
	defer cancel()
	key := m.Channel + ":" + m.Thread
	id, known := b.collabs.thread(key) // found since the reply came in, or known to be none
	if !known {
		id = b.rootCollab(ctx, m)
	}
	if id == "" {
		return
	}
	data, err := json.Marshal(m)
	if err == nil {
		err = b.record(ctx, entry{Kind: kindReply, Collab: id, Key: "msg:" + m.TS, TS: m.TS, Data: data})
	}
	if err != nil {
		b.log.Error("record reply to a lost collab", "collab", id, "err", err)
		b.tellUnavailable(ctx, m.Channel, m.Thread, m.User, detectLang(b.cfg.Lang, m.Text))
	}
}

// rootCollab reads the thread's root and returns the id of the collab it
// names when the bot posted it as a collab's root, and remembers it for
// the thread; "" otherwise.
func (b *Bot) rootCollab(ctx context.Context, m threadMsg) string {
	key := m.Channel + ":" + m.Thread
	msgs, _, _, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: m.Channel, Timestamp: m.Thread, Limit: 1, IncludeAllMetadata: true,
	})
	if err != nil {
		b.log.Warn("read thread root", "channel", m.Channel, "thread", m.Thread, "err", err)
		return ""
	}
	if len(msgs) == 0 || !b.ownMessage(msgs[0]) || msgs[0].Metadata.EventType != eventRoot {
		b.collabs.putThread(key, "") // not a collab's thread: remember, ask Slack once
		return ""
	}
	id := str(msgs[0].Metadata.EventPayload, "collab_id")
	if id == "" {
		b.tellLost(ctx, m.Channel, m.Thread, str(msgs[0].Metadata.EventPayload, "lang"))
	}
	b.collabs.putThread(key, id)
	return id
}

// tellLost posts, once per thread across replicas, that the bot no longer
// holds the thread's collaboration and how to start again.
func (b *Bot) tellLost(ctx context.Context, channel, thread, lang string) {
	first, err := b.store.Once(ctx, "lost:"+channel+":"+thread, b.cfg.Retention)
	if err != nil || !first {
		return
	}
	if b.cfg.Lang == "en" || b.cfg.Lang == "zh" || lang == "" {
		lang = detectLang(b.cfg.Lang, "")
	}
	m := b.msgs.Lost(lang)
	opts := append(msgOptions(m), slack.MsgOptionTS(thread))
	if _, _, err := b.api.PostMessageContext(ctx, channel, opts...); err != nil {
		b.log.Warn("tell thread its collab is lost", "channel", channel, "thread", thread, "err", err)
	}
}
