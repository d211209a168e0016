package bot

import (
	"context"
	"strings"

	"github.com/slack-go/slack"
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

// usageLang is the language of the private answer to a /collab that
// started nothing: Chinese when the text is written in Chinese, else the
// reader's Slack language.
func (b *Bot) usageLang(ctx context.Context, cmd slack.SlashCommand) string {
	if detectLang("auto", cmd.Text) == "zh" {
		return "zh"
	}
	return b.readerLang(ctx, cmd.UserID, detectLang(b.cfg.Lang, cmd.Text))
}
