package bot

import (
	"context"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// click is a press of one of the bot's buttons, as recorded at intake.
// MessageTS is the message it was pressed on.
type click struct {
	User, Channel, Thread, MessageTS string
	Ephemeral                        bool
	ActionID, Value, ActionTS        string
	Trigger                          string // lets the bot open a form in answer
}

// handleClick runs a click through the flow; key makes a redelivered
// click count once.
func (b *Bot) handleClick(ctx context.Context, id, key string, c click) error {
	ev, ok := b.clickEvent(ctx, c)
	if !ok {
		return nil
	}
	lost, err := b.orRebuild(ctx, id, c.Channel, c.Thread, c.ActionTS, func() error {
		return b.apply(ctx, id, key, ev)
	})
	if lost {
		b.log.Info("click on a collab that is gone", "collab", id, "user", c.User)
	}
	return err
}

// clickEvent turns a click into a flow event; proposal buttons name the
// message they were on, so a click counts only there.
func (b *Bot) clickEvent(ctx context.Context, c click) (flows.Event, bool) {
	act, err := render.DecodeAction(c.Value)
	if err != nil {
		return nil, false
	}
	on := c.MessageTS
	if c.Ephemeral {
		on = ""
	}
	switch c.ActionID {
	case render.ActionAccept:
		return flows.Accept{User: c.User, Version: act.Version, On: on, At: b.userTime(ctx, c.User, c.ActionTS)}, true
	case render.ActionRevise:
		return flows.Revise{User: c.User, Version: act.Version, On: on, Trigger: c.Trigger}, true
	case render.ActionRedo:
		q, ok := flows.ParseQuestion(act.Question)
		return flows.Redo{User: c.User, Version: act.Version, Question: q, At: b.now()}, ok
	case render.ActionCancel:
		return flows.Cancel{User: c.User}, true
	case render.ActionCandidateYes, render.ActionCandidateNo:
		return candidateClick(c, act, on)
	case render.ActionSprint:
		return flows.SprintLength{User: c.User, Version: act.Version, Days: act.Days, On: on}, true
	case render.ActionDone:
		return flows.CommitmentDone{User: c.User, Item: act.Item}, true
	case render.ActionMoreTime:
		return flows.MoreTime{User: c.User, Item: act.Item}, true
	}
	return nil, false
}
