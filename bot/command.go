package bot

import (
	"context"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

var (
	// token is one word, or one <…> mention whose label may hold spaces.
	token    = regexp.MustCompile(`<[^>]*>|[^\s<]+`)
	groupRef = regexp.MustCompile(`^<!subteam\^([A-Z0-9]+)(?:\|@?([^>]*))?>$`)
	userRef  = regexp.MustCompile(`^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$`)
)

// request is a /collab command read from its text.
type request struct {
	sides [2]flows.Party
	topic string
}

// parseCommand reads `<side A> <side B> <topic>`. The sides' members are
// resolved later; a Problem says what is wrong with the text, and arg
// quotes the offending part.
func parseCommand(text string) (r request, problem render.Problem, arg string) {
	spans := token.FindAllStringIndex(text, 2)
	fields := make([]string, len(spans))
	for i, s := range spans {
		fields[i] = text[s[0]:s[1]]
	}
	if len(fields) == 0 {
		return r, render.ProblemEmpty, ""
	}
	for i := range 2 {
		if i >= len(fields) {
			return r, render.ProblemOneSide, ""
		}
		p, ok := parseSide(fields[i])
		if !ok {
			return r, render.ProblemNotASide, unescape(fields[i])
		}
		r.sides[i] = p
	}
	if r.sides[0].Kind == r.sides[1].Kind && r.sides[0].ID == r.sides[1].ID {
		return r, render.ProblemSameSide, ""
	}
	r.topic = strings.TrimSpace(clean(unescape(text[spans[1][1]:])))
	switch {
	case r.topic == "":
		return r, render.ProblemNoTopic, ""
	case len([]rune(r.topic)) > render.MaxTopic:
		return r, render.ProblemTopicTooLong, ""
	}
	return r, render.ProblemNone, ""
}

func parseSide(tok string) (flows.Party, bool) {
	if m := groupRef.FindStringSubmatch(tok); m != nil {
		return flows.Party{Kind: flows.KindGroup, ID: m[1], Handle: m[2]}, true
	}
	if m := userRef.FindStringSubmatch(tok); m != nil {
		return flows.Party{Kind: flows.KindUser, ID: m[1], Handle: m[2]}, true
	}
	return flows.Party{}, false
}

// collabID derives the id from Slack's trigger id, so a redelivered
// command maps to the same collaboration and is recognised by the store.
func collabID(cmd slack.SlashCommand) string {
	sum := sha256.Sum256([]byte(cmd.TeamID + "/" + cmd.TriggerID))
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:10]))
}

// detectLang picks the collaboration's language: the configured one, or
// with "auto" Chinese when the topic holds Han characters.
func detectLang(setting, topic string) string {
	if setting == "en" || setting == "zh" {
		return setting
	}
	for _, r := range topic {
		if unicode.Is(unicode.Han, r) {
			return "zh"
		}
	}
	return "en"
}

// startCollab creates the collaboration a /collab command asks for and
// delivers its first effects. It is idempotent on the command's identity:
// a redelivered command, on any replica, only finishes what the first
// delivery left.
func (b *Bot) startCollab(ctx context.Context, id string, cmd slack.SlashCommand) error {
	switch _, err := b.load(ctx, id); {
	case err == nil:
		return b.finish(ctx, id)
	case !errors.Is(err, flows.ErrNotFound):
		return err
	}
	lang := b.usageLang(ctx, cmd)
	req, problem, arg := parseCommand(cmd.Text)
	if problem == render.ProblemNone {
		problem, arg = b.resolveSides(ctx, &req)
	}
	if problem != render.ProblemNone {
		return b.respond(ctx, cmd.ResponseURL, b.msgs.Usage(lang, problem, arg))
	}
	b.sideZones(ctx, &req.sides)
	c, effects := flows.Start(flows.Collab{
		ID: id, Channel: cmd.ChannelID, Topic: req.topic, Lang: detectLang(b.cfg.Lang, req.topic),
		CreatedBy: cmd.UserID, CreatedAt: b.now().UTC(), Sides: req.sides, TZ: b.cfg.DefaultTZ.String(),
	})
	c.Calendar = b.calendar(c.Lang)
	c.Queue(effects...)
	err := b.withStoreRetry(ctx, func() error { return b.store.Create(ctx, &c) })
	switch {
	case errors.Is(err, flows.ErrDuplicate):
		return b.finish(ctx, id)
	case err != nil:
		return notRecorded{err}
	}
	b.log.Info("collab started", "collab", id, "channel", c.Channel, "lang", c.Lang)
	b.collabs.put(c)
	b.setTimers(ctx, flows.Timers{}, &c)
	if err := b.deliver(ctx, &c, 0); err != nil {
		return err
	}
	if c.RootTS == "" && (len(c.Outbox) == 0 || c.Outbox[0].Kind != flows.PostRoot) {
		return b.rootRefused(ctx, id, cmd.ResponseURL, lang)
	}
	return nil
}

// rootRefused ends a collaboration whose root message Slack refused for
// good (the bot is not in the channel), and tells whoever started it why.
func (b *Bot) rootRefused(ctx context.Context, id, responseURL, lang string) error {
	err := b.apply(ctx, id, "", flows.RootRefused{})
	return errors.Join(err, b.respond(ctx, responseURL, b.msgs.Usage(lang, render.ProblemNotInChannel, "")))
}

// resolveSides loads each group's members, so only they can answer for it,
// and names the sides whose mention came without a label.
func (b *Bot) resolveSides(ctx context.Context, r *request) (render.Problem, string) {
	for i := range r.sides {
		p := &r.sides[i]
		if p.Kind == flows.KindUser {
			if problem, arg := b.checkUser(ctx, p); problem != render.ProblemNone {
				return problem, arg
			}
			continue
		}
		if p.Handle == "" {
			p.Handle = b.sideName(ctx, *p)
		}
		members, err := b.groups.members(ctx, b.api, p.ID)
		var slackErr slack.SlackErrorResponse
		switch {
		case err == nil && len(members) > 0:
		case err == nil || errors.As(err, &slackErr):
			b.log.Info("user group not usable", "group", p.ID, "err", err)
			return render.ProblemUnknownGroup, "@" + p.Name()
		default:
			b.log.Error("look up user group", "group", p.ID, "err", err)
			return render.ProblemUnavailable, ""
		}
		p.Members = members
	}
	return render.ProblemNone, ""
}

// checkUser refuses a person who can never answer: the bot itself, any
// bot, a deactivated or unknown user. It names the side when its mention
// came without a label.
func (b *Bot) checkUser(ctx context.Context, p *flows.Party) (render.Problem, string) {
	if p.ID == b.self {
		return render.ProblemCannotAnswer, "@" + p.Name()
	}
	u, err := b.api.GetUserInfoContext(ctx, p.ID)
	var slackErr slack.SlackErrorResponse
	switch {
	case errors.As(err, &slackErr):
		b.log.Info("side cannot answer", "user", p.ID, "err", err)
		return render.ProblemCannotAnswer, "@" + p.Name()
	case err != nil:
		b.log.Error("look up user", "user", p.ID, "err", err)
		return render.ProblemUnavailable, ""
	case u.Deleted || u.IsBot:
		return render.ProblemCannotAnswer, "@" + u.Name
	}
	if p.Handle == "" {
		p.Handle = u.Name
	}
	return render.ProblemNone, ""
}

// sideName looks up a side's handle; "" leaves the id shown.
func (b *Bot) sideName(ctx context.Context, p flows.Party) string {
	if p.Kind == flows.KindUser {
		u, err := b.api.GetUserInfoContext(ctx, p.ID)
		if err != nil {
			b.log.Warn("name a side", "user", p.ID, "err", err)
			return ""
		}
		return u.Name
	}
	groups, err := b.api.GetUserGroupsContext(ctx)
	if err != nil {
		b.log.Warn("name a side", "group", p.ID, "err", err)
		return ""
	}
	for _, g := range groups {
		if g.ID == p.ID {
			return g.Handle
		}
	}
	return ""
}

// respond answers a slash command privately through its response_url.
func (b *Bot) respond(ctx context.Context, url string, m render.Message) error {
	msg := &slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text}
	if len(m.Blocks) > 0 {
		msg.Blocks = &slack.Blocks{BlockSet: m.Blocks}
	}
	if err := slack.PostWebhookContext(ctx, url, msg); err != nil {
		return fmt.Errorf("respond to command: %w", err)
	}
	return nil
}
