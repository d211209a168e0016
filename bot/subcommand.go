package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// kindSubcommand records a /collab subcommand: help, list, status, cancel.
const kindSubcommand = "subcommand"

// Subcommands by the words that name them, in both languages.
var subcommands = map[string]string{
	"help": "help", "帮助": "help",
	"list": "list", "列表": "list",
	"status": "status", "状态": "status",
	"cancel": "cancel", "取消": "cancel",
}

// subcommand reads the subcommand a /collab text names, and its argument.
// A first word of letters only, in a text that mentions no side, is a
// subcommand; one the bot does not know is answered with the help. Any
// other text starts a collaboration.
func subcommand(text string) (name, arg string, ok bool) {
	text = strings.TrimSpace(text)
	word, arg, _ := strings.Cut(text, " ")
	if known, found := subcommands[strings.ToLower(word)]; found {
		return known, strings.TrimSpace(arg), true
	}
	if word == "" || strings.Contains(text, "<@") || strings.Contains(text, "<!subteam^") {
		return "", "", false
	}
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return "", "", false
		}
	}
	return "", word, true
}

// subcommandEntry records a subcommand; it answers no collaboration, so
// its partition follows the command's own id.
func subcommandEntry(cmd slack.SlashCommand) (entry, bool, error) {
	if _, _, ok := subcommand(cmd.Text); !ok {
		return entry{}, false, nil
	}
	data, err := json.Marshal(cmd)
	if err != nil {
		return entry{}, true, fmt.Errorf("encode subcommand: %w", err)
	}
	id := collabID(cmd)
	return entry{Kind: kindSubcommand, Collab: "sub:" + id, Key: "sub:" + id, Data: data}, true, nil
}

// handleSubcommand answers a subcommand privately, in the reader's
// language; a redelivered one is answered once.
func (b *Bot) handleSubcommand(ctx context.Context, key string, cmd slack.SlashCommand) error {
	first, err := b.store.Once(ctx, key, 24*time.Hour)
	if err != nil {
		return notRecorded{err}
	}
	if !first {
		return nil
	}
	lang := b.readerLang(ctx, cmd.UserID, detectLang(b.cfg.Lang, cmd.Text))
	name, arg, _ := subcommand(cmd.Text)
	var m render.Message
	switch name {
	case "list":
		m, err = b.list(ctx, lang, cmd)
	case "status", "cancel":
		m, err = b.aboutOne(ctx, lang, name, cmd.UserID, cmd.ChannelID, arg)
	case "help":
		m = b.msgs.Help(lang, "")
	default:
		m = b.msgs.Help(lang, arg)
	}
	if err != nil {
		b.log.Error("answer subcommand", "command", name, "user", cmd.UserID, "err", err)
		m = b.msgs.Unavailable(lang)
	}
	return b.respond(ctx, cmd.ResponseURL, m)
}

// list answers /collab list: what is open in the channel, and what waits
// on the person who asked.
func (b *Bot) list(ctx context.Context, lang string, cmd slack.SlashCommand) (render.Message, error) {
	here, err := b.store.OpenInChannel(ctx, cmd.ChannelID)
	if err != nil {
		return render.Message{}, err
	}
	mine, err := b.store.Mine(ctx, cmd.UserID)
	if err != nil {
		return render.Message{}, err
	}
	return b.msgs.List(lang, cmd.UserID, b.listed(ctx, here), b.listed(ctx, mine)), nil
}

// aboutOne answers /collab status and /collab cancel, which name one
// collaboration. Only its people, or someone in its channel, learn of it;
// cancel only asks to confirm: the button's click cancels, through the
// flow like the root message's Cancel.
func (b *Bot) aboutOne(ctx context.Context, lang, name, user, channel, arg string) (render.Message, error) {
	if arg == "" {
		return b.msgs.Note(lang, name+".need_link", ""), nil
	}
	c, err := b.collabOfArg(ctx, arg)
	switch {
	case errors.Is(err, flows.ErrNotFound):
		return b.msgs.Note(lang, "status.not_found", arg), nil
	case err != nil:
		return render.Message{}, err
	}
	involved := c.CreatedBy == user || len(c.SidesOf(user)) > 0
	if !involved && c.Channel != channel {
		return b.msgs.Note(lang, "status.not_found", arg), nil
	}
	it := b.listed(ctx, []flows.Collab{c})[0]
	switch {
	case name == "status":
		return b.msgs.Status(lang, user, it), nil
	case c.State.Final():
		return b.noticeIn(lang, &c, flows.NoticeClosed), nil
	case !involved:
		return b.noticeIn(lang, &c, flows.NoticeNotAllowed), nil
	}
	return b.msgs.CancelConfirm(lang, it), nil
}

// noticeIn renders a notice about c in lang rather than c's language.
func (b *Bot) noticeIn(lang string, c *flows.Collab, n flows.Notice) render.Message {
	rc := *c
	rc.Lang = lang
	return b.msgs.Notice(&rc, n)
}
