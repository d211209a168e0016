package bot

import (
	"context"
	"fmt"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// catchUp replays the replies of an open collaboration's thread that came
// after the newest one it took into account: Slack does not redeliver an
// event the bot acked before a crash. Replies already handled are keyed
// by their ts and have no second effect.
func (b *Bot) catchUp(ctx context.Context, c flows.Collab) error {
	params := &slack.GetConversationRepliesParameters{
		ChannelID: c.Channel, Timestamp: c.RootTS, Oldest: c.LastReplyTS, Limit: 200,
	}
	if params.Oldest == "" {
		params.Oldest = c.RootTS
	}
	replayed := 0
	for {
		msgs, more, cursor, err := b.api.GetConversationRepliesContext(ctx, params)
		if err != nil {
			return fmt.Errorf("read thread of collab %s: %w", c.ID, err)
		}
		for _, m := range msgs {
			if m.Timestamp == params.Oldest || !b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimestamp, m.Timestamp) {
				continue
			}
			msg := threadMsg{channel: c.Channel, thread: c.RootTS, user: m.User, text: m.Text, ts: m.Timestamp}
			b.work.Do(collabKey(c.ID), func() { b.handleReply(ctx, c.ID, msg) })
			replayed++
		}
		if !more || cursor == "" {
			break
		}
		params.Cursor = cursor
	}
	if replayed > 0 {
		b.log.Info("replaying replies missed while stopped", "collab", c.ID, "replies", replayed)
	}
	return nil
}
