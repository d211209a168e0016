package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Action ids are a contract with the handlers that route button clicks.
const (
	ActionAccept = "collab_accept"
	ActionRevise = "collab_revise"
	ActionRedo   = "collab_redo"
	ActionCancel = "collab_cancel"
	// ActionCandidateYes and ActionCandidateNo answer "Does ‹offer› cover
	// ‹need›?"; the value names the pair (Action.Side, Need, Offer).
	ActionCandidateYes = "collab_candidate_yes"
	ActionCandidateNo  = "collab_candidate_no"
	// ActionSprint answers "How long is a sprint?"; the value holds the
	// length in days (Action.Days).
	ActionSprint = "collab_sprint"
)

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}

func header(id, s string) slack.Block {
	return slack.NewHeaderBlock(plain(s), slack.HeaderBlockOptionBlockID(id))
}

// section is a mrkdwn section; callers keep s within maxSection.
func section(id, s string) slack.Block {
	return slack.NewSectionBlock(mrkdwn(s), nil, nil, slack.SectionBlockOptionBlockID(id))
}

func fields(id string, fs ...string) slack.Block {
	objs := make([]*slack.TextBlockObject, len(fs))
	for i, f := range fs {
		objs[i] = mrkdwn(f)
	}
	return slack.NewSectionBlock(nil, objs, nil, slack.SectionBlockOptionBlockID(id))
}

func context(id string, texts ...string) slack.Block {
	els := make([]slack.MixedElement, len(texts))
	for i, t := range texts {
		els[i] = mrkdwn(t)
	}
	return slack.NewContextBlock(id, els...)
}

func divider(id string) slack.Block {
	d := slack.NewDividerBlock()
	d.BlockID = id
	return d
}

// button carries a in its value so a click is routed without a lookup.
func button(actionID, label string, a Action) *slack.ButtonBlockElement {
	return slack.NewButtonBlockElement(actionID, a.Encode(), plain(label))
}

// sideMention is the markup that notifies a side; a malformed id (which
// the command parser should never let through) is shown as text instead.
func sideMention(p flows.Party) string {
	switch {
	case !slackID.MatchString(p.ID):
	case p.Kind == flows.KindGroup:
		return "<!subteam^" + p.ID + ">"
	default:
		return "<@" + p.ID + ">"
	}
	return clip(p.Name(), maxName)
}
