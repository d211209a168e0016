package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// Metadata event types of the bot's own messages besides the proposal and
// the agreement; they name the collab and its language.
const (
	eventRoot   = "collab_root"
	eventPrompt = "collab_prompt"
)

// delivery is one pass over a collab's outbox: the collab, the messages
// found already posted (effect id -> ts), and the effects carried out by
// this work, over every pass it made (see redeliver).
type delivery struct {
	c                     *flows.Collab
	found                 map[string]string
	ran                   map[string]bool
	rootDue               bool // see deliverOutbox
	sawThread, sawChannel bool
	sawAgreement          bool // the agreement's thread, where reminders go
}

// carriedOut records that effect id was carried out (or dropped for good).
func (d *delivery) carriedOut(id string) {
	if d.ran == nil {
		d.ran = map[string]bool{}
	}
	d.ran[id] = true
}

// skips reports whether e was carried out by an earlier pass of this
// work and has nothing to record again: only a message it posted has, its
// ts, which running it again records without posting.
func (d *delivery) skips(e flows.Effect) bool {
	_, posted := d.found[e.ID]
	return d.ran[e.ID] && !(e.Posts() && posted)
}

// posted records the message effect id posted, so that no later pass of
// the same work posts it again.
func (d *delivery) posted(id, ts string) {
	if d.found == nil {
		d.found = map[string]string{}
	}
	d.found[id] = ts
}

// run carries out one effect. Effects that post record the message's ts
// in the collab, and skip posting what is already recorded or found.
func (b *Bot) run(ctx context.Context, d *delivery, e flows.Effect) error {
	c := d.c
	if c.RootTS == "" && e.Kind != flows.PostRoot {
		return permanent{fmt.Errorf("%s: the root message was never posted", e.Kind)}
	}
	var err error
	switch e.Kind {
	case flows.PostRoot:
		err = b.postRoot(ctx, d, e)
	case flows.UpdateRoot:
		m := b.msgs.Root(c)
		m.Metadata = rootMetadata(c)
		_, _, _, err = b.api.UpdateMessageContext(ctx, c.Channel, c.RootTS, msgOptions(m)...)
		if err == nil && c.State.Final() && c.ProposalTS != "" {
			// The proposal's buttons must not outlive the collaboration.
			b.update(ctx, c, c.ProposalTS, b.msgs.Proposal(c, flows.Propose(c)))
		}
		if err == nil {
			b.refreshHomes(ctx, c)
		}
	case flows.Prompt:
		_, err = b.post(ctx, d, e, c.RootTS, b.msgs.Prompt(c, e.Side, e.Question))
	case flows.NoteRestored:
		_, err = b.post(ctx, d, e, c.RootTS, b.msgs.Restored(c.Lang))
	case flows.PostProposal:
		err = b.postProposal(ctx, d, e)
	case flows.PostAgreement:
		err = b.postAgreement(ctx, d, e)
	case flows.OpenRevision:
		err = b.openRevision(ctx, c, e)
	case flows.Notify:
		m := b.noticeIn(b.readerLang(ctx, e.User, c.Lang), c, e.Notice)
		opts := append(msgOptions(m), slack.MsgOptionTS(c.RootTS))
		_, err = b.api.PostEphemeralContext(ctx, c.Channel, e.User, opts...)
	case flows.Nudge, flows.RemindCommitment, flows.UpdateAgreement:
		err = b.runFollowUp(ctx, d, e)
		if err == nil && e.Kind == flows.UpdateAgreement {
			b.refreshHomes(ctx, c) // a commitment's state changed
		}
	default:
		err = permanent{fmt.Errorf("unknown effect %q", e.Kind)}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", e.Kind, err)
	}
	return nil
}

func (b *Bot) postRoot(ctx context.Context, d *delivery, e flows.Effect) error {
	c := d.c
	if c.RootTS == "" {
		ts, err := b.post(ctx, d, e, "", b.msgs.Root(c))
		if err != nil {
			return err
		}
		c.RootTS, c.RootShown = ts, time.Now()
	}
	if err := b.store.IndexThread(ctx, c.Channel, c.RootTS, c.ID); err != nil {
		return fmt.Errorf("index thread: %w", err)
	}
	b.collabs.putThread(c.Channel+":"+c.RootTS, c.ID)
	b.refreshHomes(ctx, c)
	return nil
}

func (b *Bot) postProposal(ctx context.Context, d *delivery, e flows.Effect) error {
	c := d.c
	if e.Version != c.Version || c.ProposalVersion == e.Version {
		return nil // superseded, or recorded as posted
	}
	ts, err := b.post(ctx, d, e, c.RootTS, b.msgs.Proposal(c, flows.Propose(c)))
	if err != nil {
		return err
	}
	if c.ProposalTS != "" {
		b.update(ctx, c, c.ProposalTS, b.msgs.Replaced(c, c.ProposalVersion, e.Version))
	}
	c.ProposalTS, c.ProposalVersion = ts, e.Version
	return nil
}

// postAgreement posts the summary in the channel, where people find it,
// and pins it; a pin already there counts as done.
func (b *Bot) postAgreement(ctx context.Context, d *delivery, e flows.Effect) error {
	c := d.c
	if c.AgreementTS == "" {
		ts, err := b.post(ctx, d, e, "", b.msgs.Agreement(c, flows.Propose(c)))
		if err != nil {
			return err
		}
		c.AgreementTS = ts
	}
	err := b.api.AddPinContext(ctx, c.Channel, slack.NewRefToMessage(c.Channel, c.AgreementTS))
	var slackErr slack.SlackErrorResponse
	if errors.As(err, &slackErr) && slackErr.Err == "already_pinned" {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pin agreement: %w", err)
	}
	return nil
}

// update rewrites a message the bot posted earlier. It is best effort:
// the conversation does not depend on it, so a failure is only logged.
func (b *Bot) update(ctx context.Context, c *flows.Collab, ts string, m render.Message) {
	if _, _, _, err := b.api.UpdateMessageContext(ctx, c.Channel, ts, msgOptions(m)...); err != nil {
		b.log.Warn("update message", "collab", c.ID, "ts", ts, "err", err)
	}
}

// post sends m for effect e to the channel, in the thread when threadTS
// is set, carrying e's id; a message found already posted is not sent
// again.
func (b *Bot) post(ctx context.Context, d *delivery, e flows.Effect, threadTS string, m render.Message) (string, error) {
	if ts, ok := d.found[e.ID]; ok {
		return ts, nil
	}
	opts := msgOptions(stamp(m, d.c, e))
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	_, ts, err := b.api.PostMessageContext(ctx, d.c.Channel, opts...)
	if err == nil {
		d.posted(e.ID, ts)
	}
	return ts, err
}

// stamp marks m with e's id in the block_id of its first block (the
// proposal's and agreement's metadata is a contract holding only its
// listed fields), and gives the root and prompts metadata of their own
// type naming the collab (see threadmeta.go).
func stamp(m render.Message, c *flows.Collab, e flows.Effect) render.Message {
	if len(m.Blocks) > 0 {
		m.Blocks = append([]slack.Block{withBlockID(m.Blocks[0], effectBlockID(e.ID))}, m.Blocks[1:]...)
	}
	switch {
	case m.Metadata != nil:
	case e.Kind == flows.PostRoot:
		m.Metadata = rootMetadata(c)
	default:
		md := slack.SlackMetadata{EventType: eventPrompt, EventPayload: map[string]any{"collab_id": c.ID, "lang": c.Lang}}
		if t, ok := ownEventTypes[e.Kind]; ok {
			md.EventType = t
		}
		if e.Kind == flows.Prompt {
			promptData(md.EventPayload, c, e)
		}
		m.Metadata = &md
	}
	return m
}

// msgOptions sends the text as render built it: escaping is render's job,
// so slack-go must not escape a second time.
func msgOptions(m render.Message) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false)}
	if len(m.Blocks) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks...))
	}
	if m.Metadata != nil {
		opts = append(opts, slack.MsgOptionMetadata(*m.Metadata))
	}
	return opts
}
