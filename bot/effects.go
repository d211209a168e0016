package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// run carries out one effect. Effects that post record the message's ts
// in c, and skip posting when it is already recorded, so replaying an
// outbox does not post twice what was saved as posted.
func (b *Bot) run(ctx context.Context, c *flows.Collab, e flows.Effect) error {
	if c.RootTS == "" && e.Kind != flows.PostRoot {
		return permanent{fmt.Errorf("%s: the root message was never posted", e.Kind)}
	}
	var err error
	switch e.Kind {
	case flows.PostRoot:
		err = b.postRoot(ctx, c)
	case flows.UpdateRoot:
		_, _, _, err = b.api.UpdateMessageContext(ctx, c.Channel, c.RootTS, msgOptions(b.msgs.Root(c))...)
		if err == nil && c.State.Final() && c.ProposalTS != "" {
			// The proposal's buttons must not outlive the collaboration.
			b.update(ctx, c, c.ProposalTS, b.msgs.Proposal(c, b.propose(c)))
		}
	case flows.Prompt:
		_, err = b.post(ctx, c.Channel, c.RootTS, b.msgs.Prompt(c, e.Side, e.Question))
	case flows.PostProposal:
		err = b.postProposal(ctx, c, e.Version)
	case flows.PostAgreement:
		err = b.postAgreement(ctx, c)
	case flows.Notify:
		m := b.msgs.Notice(c, e.Notice)
		opts := append(msgOptions(m), slack.MsgOptionTS(c.RootTS))
		_, err = b.api.PostEphemeralContext(ctx, c.Channel, e.User, opts...)
	default:
		err = permanent{fmt.Errorf("unknown effect %q", e.Kind)}
	}
	if err != nil {
		return classify(fmt.Errorf("%s: %w", e.Kind, err))
	}
	return nil
}

func (b *Bot) postRoot(ctx context.Context, c *flows.Collab) error {
	if c.RootTS == "" {
		ts, err := b.post(ctx, c.Channel, "", b.msgs.Root(c))
		if err != nil {
			return err
		}
		c.RootTS = ts
	}
	if err := b.store.IndexThread(ctx, c.Channel, c.RootTS, c.ID); err != nil {
		return fmt.Errorf("index thread: %w", err)
	}
	b.collabs.putThread(c.Channel+":"+c.RootTS, c.ID)
	return nil
}

func (b *Bot) postProposal(ctx context.Context, c *flows.Collab, version int) error {
	if version != c.Version || c.ProposalVersion == version {
		return nil // superseded, or posted before a crash
	}
	ts, err := b.post(ctx, c.Channel, c.RootTS, b.msgs.Proposal(c, b.propose(c)))
	if err != nil {
		return err
	}
	if c.ProposalTS != "" {
		b.update(ctx, c, c.ProposalTS, b.msgs.Replaced(c, c.ProposalVersion, version))
	}
	c.ProposalTS, c.ProposalVersion = ts, version
	return nil
}

// update rewrites a message the bot posted earlier. It is best effort:
// the conversation does not depend on it, so a failure is only logged.
func (b *Bot) update(ctx context.Context, c *flows.Collab, ts string, m render.Message) {
	if _, _, _, err := b.api.UpdateMessageContext(ctx, c.Channel, ts, msgOptions(m)...); err != nil {
		b.log.Warn("update message", "collab", c.ID, "ts", ts, "err", err)
	}
}

// postAgreement posts the summary in the channel, where people find it,
// and pins it.
func (b *Bot) postAgreement(ctx context.Context, c *flows.Collab) error {
	if c.AgreementTS == "" {
		ts, err := b.post(ctx, c.Channel, "", b.msgs.Agreement(c, b.propose(c)))
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

// post sends m to channel, in the thread when threadTS is set.
func (b *Bot) post(ctx context.Context, channel, threadTS string, m render.Message) (string, error) {
	opts := msgOptions(m)
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
	}
	_, ts, err := b.api.PostMessageContext(ctx, channel, opts...)
	return ts, err
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

// refusals are Slack errors that the same call will meet again: waiting
// would block the collaboration, so the effect is dropped and logged.
var refusals = map[string]bool{
	"channel_not_found": true, "not_in_channel": true, "is_archived": true, "invalid_blocks": true,
	"msg_too_long": true, "no_text": true, "invalid_metadata": true, "restricted_action": true,
	"message_not_found": true, "cant_update_message": true, "thread_not_found": true,
	"user_not_in_channel": true, "no_permission": true, "missing_scope": true,
	"not_pinnable": true, "too_many_pins": true, "ekm_access_denied": true,
}

// classify marks the errors Slack will answer the same way next time;
// everything else (network, 5xx, rate limits, internal_error, …) is
// retried.
func classify(err error) error {
	var slackErr slack.SlackErrorResponse
	if errors.As(err, &slackErr) && refusals[slackErr.Err] {
		return permanent{err}
	}
	return err
}

// propose runs the engine on the collaboration's current answers.
func (b *Bot) propose(c *flows.Collab) mediate.Proposal {
	return mediate.Build(proposalInput(c, b.cfg.DefaultTZ))
}
