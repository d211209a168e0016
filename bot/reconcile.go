package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// maxLookPages bounds how far back the bot reads a channel or thread for
// a message it may have posted before a crash.
const maxLookPages = 5

// lookUp finds, before an effect decided earlier is carried out, the
// message an earlier attempt may have posted for it: in the thread for
// prompts and proposals, in the channel for the root and the agreement.
// Each is read at most once per delivery.
func (b *Bot) lookUp(ctx context.Context, d *delivery, e flows.Effect) error {
	if d.found == nil {
		d.found = map[string]string{}
	}
	c := d.c
	if e.Kind == flows.RemindCommitment {
		return b.lookInAgreementThread(ctx, d)
	}
	inChannel := e.Kind == flows.PostRoot || e.Kind == flows.PostAgreement
	switch {
	case inChannel && !d.sawChannel:
		d.sawChannel = true
		oldest := strconv.FormatInt(c.CreatedAt.Add(-time.Second).Unix(), 10)
		return b.scan(ctx, d, func(cursor string) ([]slack.Message, string, error) {
			h, err := b.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
				ChannelID: c.Channel, Oldest: oldest, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
			})
			if err != nil {
				return nil, "", err
			}
			return h.Messages, h.ResponseMetaData.NextCursor, nil
		})
	case !inChannel && !d.sawThread && c.RootTS != "":
		d.sawThread = true
		return b.scan(ctx, d, b.threadPages(ctx, c.Channel, c.RootTS))
	}
	return nil
}

// threadPages reads a thread's messages a page at a time, for scan.
func (b *Bot) threadPages(ctx context.Context, channel, ts string) func(cursor string) ([]slack.Message, string, error) {
	return func(cursor string) ([]slack.Message, string, error) {
		msgs, _, next, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
			ChannelID: channel, Timestamp: ts, Limit: 200, Cursor: cursor, IncludeAllMetadata: true,
		})
		return msgs, next, err
	}
}

// scan pages through messages and records the bot's messages of d's
// collab by the effect id their first block carries.
func (b *Bot) scan(ctx context.Context, d *delivery, page func(cursor string) ([]slack.Message, string, error)) error {
	cursor := ""
	for range maxLookPages {
		msgs, next, err := page(cursor)
		if err != nil {
			return fmt.Errorf("read messages of collab %s: %w", d.c.ID, err)
		}
		for _, m := range msgs {
			// Effect ids start with the collab id, so a match is d's.
			if id := effectOf(m); m.BotID != "" && strings.HasPrefix(id, d.c.ID+".") {
				d.found[id] = m.Timestamp
			}
		}
		if next == "" {
			return nil
		}
		cursor = next
	}
	return nil
}
