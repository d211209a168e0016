package bot

import (
	"context"
	"fmt"

	"github.com/collabbot/collabbot/flows"
)

// runFollowUp carries out the effects of timers and commitment clicks:
// a nudge in the collab's thread, a commitment reminder in the
// agreement's thread, and the pinned summary brought up to date.
func (b *Bot) runFollowUp(ctx context.Context, d *delivery, e flows.Effect) error {
	c := d.c
	switch e.Kind {
	case flows.Nudge:
		_, err := b.post(ctx, d, e, c.RootTS, b.msgs.Nudge(c, e.Side, e.Question))
		return err
	case flows.RemindCommitment:
		if c.AgreementTS == "" || e.Item >= len(c.Commitments) {
			return permanent{fmt.Errorf("commitment %d has no agreement to follow up", e.Item)}
		}
		_, err := b.post(ctx, d, e, c.AgreementTS, b.msgs.Reminder(c, e.Item))
		return err
	case flows.UpdateAgreement:
		if c.AgreementTS == "" {
			return permanent{fmt.Errorf("no agreement to update")}
		}
		_, _, _, err := b.api.UpdateMessageContext(ctx, c.Channel, c.AgreementTS, msgOptions(b.msgs.Agreement(c, flows.Propose(c)))...)
		return err
	}
	return permanent{fmt.Errorf("unknown effect %q", e.Kind)}
}

// lookInAgreementThread finds reminders an earlier attempt posted in the
// agreement's thread before a crash, once per delivery.
func (b *Bot) lookInAgreementThread(ctx context.Context, d *delivery) error {
	if d.sawAgreement || d.c.AgreementTS == "" {
		return nil
	}
	d.sawAgreement = true
	return b.scan(ctx, d, b.threadPages(ctx, d.c.Channel, d.c.AgreementTS))
}

// Metadata event types of reminders, so that neither they nor anything
// reading the thread takes them for prompts.
const (
	eventNudge    = "collab_nudge"
	eventReminder = "collab_reminder"
	eventRestored = "collab_restored"
)

// ownEventTypes are the metadata types of the bot's messages that are
// not prompts and carry no contract metadata of their own.
var ownEventTypes = map[flows.EffectKind]string{
	flows.Nudge:            eventNudge,
	flows.RemindCommitment: eventReminder,
	flows.NoteRestored:     eventRestored,
}
