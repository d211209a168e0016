package bot

import (
	"context"

	"github.com/slack-go/slack"
)

// tellUnavailable tells a user privately, in lang, that what they did was
// not recorded and should be repeated, when the store stayed unreachable.
func (b *Bot) tellUnavailable(ctx context.Context, channel, threadTS, user, lang string) {
	m := b.msgs.Unavailable(lang)
	opts := append(msgOptions(m), slack.MsgOptionTS(threadTS))
	if _, err := b.api.PostEphemeralContext(ctx, channel, user, opts...); err != nil {
		b.log.Error("tell user the store is unavailable", "user", user, "err", err)
	}
}
