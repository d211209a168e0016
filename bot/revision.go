package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// kindRevision is a recorded submission of the revision form.
const kindRevision = "revision"

// submission is a revision form as recorded at intake.
type submission struct {
	User, Side string
	Version    int
	Answers    [3]string
}

// openRevision opens the revision form in answer to the Request changes
// click. Slack takes a trigger for 3 s only: when it refuses the form
// (an expired trigger, after a retry), the user gets the redo buttons in
// the thread instead, so Request changes never goes unanswered.
func (b *Bot) openRevision(ctx context.Context, c *flows.Collab, e flows.Effect) error {
	lang := b.readerLang(ctx, e.User, c.Lang)
	_, err := b.api.OpenViewContext(ctx, e.Trigger, b.msgs.RevisionForm(c, e.Side, lang))
	var refused slack.SlackErrorResponse
	if err == nil || !errors.As(err, &refused) {
		return err // a failure for now is retried; the trigger may expire meanwhile
	}
	b.log.Info("revision form refused; offering the redo buttons", "collab", c.ID, "user", e.User, "err", err)
	m := b.noticeIn(lang, c, flows.NoticeChooseRedo)
	_, err = b.api.PostEphemeralContext(ctx, c.Channel, e.User, append(msgOptions(m), slack.MsgOptionTS(c.RootTS))...)
	return err
}

// submissionEntry records a submitted revision form; other views are
// not the bot's. The view id is the key: a form is submitted once.
func submissionEntry(cb slack.InteractionCallback) ([]entry, origin, error) {
	from := origin{user: cb.User.ID}
	if cb.View.CallbackID != render.RevisionCallback {
		return nil, from, nil
	}
	ref, err := render.DecodeRevisionRef(cb.View.PrivateMetadata)
	if err != nil {
		return nil, from, nil // not a form this bot wrote
	}
	from.channel, from.thread = "", ref.Thread
	sub := submission{User: cb.User.ID, Side: ref.Side, Version: ref.Version}
	for _, q := range flows.Questions {
		sub.Answers[q] = cb.View.State.Values[render.RevisionBlockID(q)][render.RevisionAction].Value
	}
	data, err := json.Marshal(sub)
	if err != nil {
		return nil, from, fmt.Errorf("encode revision: %w", err)
	}
	return []entry{{Kind: kindRevision, Collab: ref.Collab, Key: "view:" + cb.View.ID, Data: data}}, from, nil
}

// handleRevision runs a submitted form through the flow. An input's value
// is plain text, not Slack markup: it is cleaned, not unescaped.
func (b *Bot) handleRevision(ctx context.Context, id, key string, data []byte) error {
	var sub submission
	if err := json.Unmarshal(data, &sub); err != nil {
		return fmt.Errorf("decode revision: %w", err)
	}
	ev := flows.Revision{User: sub.User, Side: flows.Side(sub.Side), Version: sub.Version,
		TS: slackTS(time.Now()), TZ: b.users.zone(ctx, b.api, sub.User)}
	for q, text := range sub.Answers {
		ev.Answers[q] = clean(text)
	}
	err := b.apply(ctx, id, key, ev)
	if errors.Is(err, flows.ErrNotFound) {
		b.log.Info("revision of a collab that is gone", "collab", id, "user", sub.User)
		return nil
	}
	return err
}

// slackTS writes t as a Slack ts: the moment a revision was written.
func slackTS(t time.Time) string { return fmt.Sprintf("%d.%06d", t.Unix(), t.Nanosecond()/1000) }
