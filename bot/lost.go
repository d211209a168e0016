package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
)

// rootCollab names the collaboration of a thread the index does not know
// (Redis lost it): the root's metadata names it when the bot posted the
// root, and the reply is then recorded for it, to be handled on its
// owner, which makes the collaboration again from the thread. "" when
// the root is no collaboration's, which is remembered, or could not be
// read now: it is read again after the ack.
func (b *Bot) rootCollab(ctx context.Context, m threadMsg) string {
	key := m.Channel + ":" + m.Thread
	id, err := b.threadRoot(ctx, m.Channel, m.Thread)
	switch {
	case err != nil:
		b.log.Warn("read thread root", "channel", m.Channel, "thread", m.Thread, "err", err)
		b.work.Do("thread:"+key, func() { b.orphanReply(ctx, m) })
	case id == "":
		b.collabs.putThread(key, "") // not a collab's thread: remember, ask Slack once
	default:
		b.collabs.putThread(key, id)
	}
	return id
}

// orphanReply records, once Slack answers, a reply whose thread's root
// could not be read when it came.
func (b *Bot) orphanReply(ctx context.Context, m threadMsg) {
	ctx, cancel := b.eventContext(ctx)
	defer cancel()
	key := m.Channel + ":" + m.Thread
	if _, known := b.collabs.thread(key); known {
		return
	}
	id, err := b.threadRoot(ctx, m.Channel, m.Thread)
	if err != nil {
		b.log.Warn("read thread root", "channel", m.Channel, "thread", m.Thread, "err", err)
		return
	}
	b.collabs.putThread(key, id)
	if id == "" {
		return
	}
	data, err := json.Marshal(m)
	if err == nil {
		err = b.record(ctx, entry{Kind: kindReply, Collab: id, Key: "msg:" + m.TS, TS: m.TS, Data: data})
	}
	if err != nil {
		b.log.Error("record reply", "collab", id, "err", err)
	}
}

// threadRoot reads which collaboration a thread's root belongs to: the
// one its metadata names, or, for a root of an earlier version without
// metadata, the one its first effect id names; "" when the root is not a
// collaboration's root.
func (b *Bot) threadRoot(ctx context.Context, channel, thread string) (string, error) {
	msgs, _, _, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: thread, Limit: 1, IncludeAllMetadata: true,
	})
	if err != nil {
		return "", fmt.Errorf("read root of thread %s: %w", thread, err)
	}
	if len(msgs) == 0 || msgs[0].BotID == "" || msgs[0].Timestamp != thread {
		return "", nil
	}
	root := msgs[0]
	switch root.Metadata.EventType {
	case eventRoot:
		id, _ := root.Metadata.EventPayload["collab_id"].(string)
		return id, nil
	case "":
		if id, ok := strings.CutSuffix(effectOf(root), ".1"); ok { // the root is a collab's first effect
			return id, nil
		}
	}
	return "", nil
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
