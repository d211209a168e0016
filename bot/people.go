package bot

import (
	"context"
	"strings"
)

// readerLang is the language of a private message to user: their Slack
// locale ("zh-CN", "zh-TW" → zh, any other → en), or fallback when Slack
// gives none.
func (b *Bot) readerLang(ctx context.Context, user, fallback string) string {
	locale := strings.ToLower(b.users.get(ctx, b.api, user).locale)
	switch {
	case locale == "":
		return fallback
	case locale == "zh" || strings.HasPrefix(locale, "zh-") || strings.HasPrefix(locale, "zh_"):
		return "zh"
	}
	return "en"
}

// defaultLang is the language for a reader whose locale is unknown and
// whom no collaboration's language fits.
func (b *Bot) defaultLang() string {
	if b.cfg.Lang == "zh" {
		return "zh"
	}
	return "en"
}
