package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Notice renders a private (ephemeral) message to one user. For
// NoticeChooseRedo it carries one Redo button per question (action id
// collab_redo), each in its own block so their action ids stay unique
// within a block.
func (r *Renderer) Notice(c *flows.Collab, n flows.Notice) Message {
	l := r.loc(c.Lang)
	text := l.T("notice."+string(n), args{"Topic": l.item(c.Topic), "Version": c.Version, "Max": flows.MaxAnswer})
	blocks := []slack.Block{section("notice_text", text)}
	if n == flows.NoticeChooseRedo {
		for _, q := range flows.Questions {
			act := Action{Collab: c.ID, Thread: c.RootTS, Version: c.Version, Question: q.String()}
			b := button(ActionRedo, l.T("notice.redo_button", nil), act)
			blocks = append(blocks, slack.NewSectionBlock(mrkdwn(l.T("notice.redo_"+q.String(), nil)), nil,
				slack.NewAccessory(b), slack.SectionBlockOptionBlockID("redo_"+q.String())))
		}
	}
	return Message{Text: text, Blocks: blocks}
}

// Unavailable tells a user privately that what they just did was not
// recorded, because the store could not be reached, and should be repeated.
func (r *Renderer) Unavailable(lang string) Message {
	text := r.loc(lang).T("unavailable", nil)
	return Message{Text: text, Blocks: []slack.Block{section("unavailable", text)}}
}

// Restored tells a thread, in lang, that its collab was rebuilt from the
// thread after the bot's storage lost it, and what that means.
func (r *Renderer) Restored(lang string) Message {
	text := r.loc(lang).T("restored", nil)
	return Message{Text: text, Blocks: []slack.Block{context("restored", text)}}
}

// Lost tells a thread, in lang, that the bot no longer holds its collab
// and how to start again.
func (r *Renderer) Lost(lang string) Message {
	text := r.loc(lang).T("lost", nil)
	return Message{Text: text, Blocks: []slack.Block{section("lost", text)}}
}
