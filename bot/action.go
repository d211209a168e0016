package bot

import (
	"context"
	"errors"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

func (b *Bot) onInteraction(ctx context.Context, cb slack.InteractionCallback) {
	if cb.Type != slack.InteractionTypeBlockActions {
		return
	}
	for _, a := range cb.ActionCallback.BlockActions {
		ev, act, ok := clickEvent(cb.User.ID, a)
		if !ok {
			continue
		}
		accept, isAccept := ev.(flows.Accept)
		// Retries carry the same trigger id: the click counts once.
		key := "act:" + cb.TriggerID + ":" + a.ActionID
		b.work.Do(collabKey(act.Collab), func() {
			ectx, cancel := b.eventContext(ctx)
			defer cancel()
			if isAccept {
				accept.At = b.userTime(ectx, cb.User.ID, a.ActionTs)
				ev = accept
			}
			if err := b.apply(ectx, act.Collab, key, ev); err != nil {
				b.log.Error("handle click", "collab", act.Collab, "action", a.ActionID, "err", err)
				if errors.As(err, new(notRecorded)) {
					b.tellUnavailable(ectx, cb.Channel.ID, act.Thread, cb.User.ID, b.cfg.Lang)
				}
			}
		})
	}
}

// clickEvent turns one of the bot's buttons into a flow event.
func clickEvent(user string, a *slack.BlockAction) (flows.Event, render.Action, bool) {
	act, err := render.DecodeAction(a.Value)
	if err != nil || act.Collab == "" {
		return nil, act, false
	}
	switch a.ActionID {
	case render.ActionAccept:
		return flows.Accept{User: user, Version: act.Version}, act, true
	case render.ActionRevise:
		return flows.Revise{User: user, Version: act.Version}, act, true
	case render.ActionRedo:
		q, ok := flows.ParseQuestion(act.Question)
		return flows.Redo{User: user, Version: act.Version, Question: q}, act, ok
	case render.ActionCancel:
		return flows.Cancel{User: user}, act, true
	case render.ActionCandidateYes, render.ActionCandidateNo:
		return candidateClick(user, a.ActionID, act)
	}
	return nil, act, false
}
