package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/slack-go/slack/slackevents"

	"github.com/collabbot/collabbot/flows"
)

// kindEdit is a recorded message_changed of a person's thread reply.
const kindEdit = "edit"

// editEntry records an edited thread reply: it may replace the answer the
// message gave. Edits of the bot's posts, of top-level messages and in
// threads no collab owns are left alone. The key holds the edit's moment,
// so a redelivery counts once and a second edit counts again.
func (b *Bot) editEntry(ctx context.Context, ev *slackevents.MessageEvent) ([]entry, origin, error) {
	m := ev.Message
	if m == nil || !b.isAnswer(m.User, m.BotID, "", m.ThreadTimestamp, m.Timestamp) {
		return nil, origin{}, nil
	}
	msg := threadMsg{Channel: ev.Channel, Thread: m.ThreadTimestamp, User: m.User, Text: m.Text, TS: m.Timestamp}
	from := origin{channel: msg.Channel, thread: msg.Thread, user: msg.User, lang: detectLang(b.cfg.Lang, msg.Text)}
	id, err := b.threadCollabWhileSlackWaits(ctx, msg.Channel, msg.Thread)
	if errors.Is(err, flows.ErrNotFound) {
		return nil, from, nil
	}
	if err != nil {
		return nil, from, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return nil, from, fmt.Errorf("encode edit: %w", err)
	}
	at := ev.TimeStamp // when the edit was made
	if m.Edited != nil && m.Edited.Timestamp != "" {
		at = m.Edited.Timestamp
	}
	return []entry{{Kind: kindEdit, Collab: id, Key: "edit:" + msg.TS + ":" + at, TS: at, Data: data}}, from, nil
}

// handleEdit runs an edited reply through the flow.
func (b *Bot) handleEdit(ctx context.Context, id, key string, data []byte) error {
	var m threadMsg
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("decode edit: %w", err)
	}
	err := b.apply(ctx, id, key, flows.Edit{User: m.User, Text: clean(unescape(m.Text)), TS: m.TS})
	if errors.Is(err, flows.ErrNotFound) {
		return nil // the collab is gone: an edit needs no answer
	}
	return err
}

// threadCollabWhileSlackWaits is threadCollab retried while Redis may be
// failing over, within the time Slack gives an ack (ctx).
func (b *Bot) threadCollabWhileSlackWaits(ctx context.Context, channel, thread string) (string, error) {
	var id string
	err := whileSlackWaits(ctx, func() error {
		var err error
		id, err = b.threadCollab(ctx, channel, thread)
		if errors.Is(err, flows.ErrNotFound) {
			return permanent{err}
		}
		return err
	})
	return id, err
}
