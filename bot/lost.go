package bot

import (
	"context"

	"github.com/slack-go/slack"
)

// orphanReply handles a reply in a thread no collaboration is known for:
// when the thread's root is a collab root the bot posted, the record was
// lost (Redis was flushed, or the collab expired), and the thread is told
// so once.
func (b *Bot) orphanReply(ctx context.Context, m threadMsg) {
	ctx, cancel := b.eventContext(ctx)
	defer cancel()
	key := m.Channel + ":" + m.Thread
	if _, known := b.collabs.thread(key); known {
		return
	}
	msgs, _, _, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: m.Channel, Timestamp: m.Thread, Limit: 1, IncludeAllMetadata: true,
	})
	if err != nil {
		b.log.Warn("read thread root", "channel", m.Channel, "thread", m.Thread, "err", err)
		return
	}
	if len(msgs) == 0 || msgs[0].BotID == "" || msgs[0].Metadata.EventType != eventRoot {
		b.collabs.putThread(key, "") // not a collab's thread: remember, ask Slack once
		return
	}
	lang, _ := msgs[0].Metadata.EventPayload["lang"].(string)
	b.tellLost(ctx, m.Channel, m.Thread, lang)
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
