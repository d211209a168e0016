package flows

import (
	"strings"
	"unicode/utf8"
)

// OpenRevision asks the Slack side to open the form in which User edits
// Side's answers to proposal Version, in answer to the click that gave
// Trigger. Should the form not open, the user is offered the redo
// buttons instead (NoticeChooseRedo).
const OpenRevision EffectKind = "open_revision"

// NoticeUnchanged tells a user their revision changed no answer.
const NoticeUnchanged Notice = "unchanged"

// Revision is a submitted revision form: the new text of each of Side's
// answers ("" or the same text leaves one as it was), written at TS in
// zone TZ.
type Revision struct {
	User    string
	Side    Side
	Version int
	Answers [3]string
	TS, TZ  string
}

func (e Revision) user() string { return e.User }

// revision replaces the side's answers that changed. The next version is
// proposed at once, unless the other side is redoing an answer in the
// thread: then it follows that answer, as after a Redo.
func revision(c Collab, ev Revision) (Collab, []Effect, error) {
	switch {
	case ev.Side != SideA && ev.Side != SideB || !c.Side(ev.Side).Has(ev.User):
		return c, []Effect{notify(ev.User, NoticeNotMember)}, nil
	case ev.Version != c.Version || c.Version == 0:
		return c, []Effect{notify(ev.User, NoticeStale)}, nil
	case c.Side(ev.Side).Asking != QDone:
		return c, []Effect{notify(ev.User, NoticeRevising)}, nil
	}
	p := c.Side(ev.Side)
	changed := false
	for _, q := range Questions {
		text := ev.Answers[q]
		if strings.TrimSpace(text) == "" || text == p.Answers[q].Text {
			continue
		}
		if utf8.RuneCountInString(text) > MaxAnswer {
			return c, []Effect{notify(ev.User, NoticeTooLong)}, nil
		}
		p.Answers[q] = Answer{Text: text, User: ev.User, TS: ev.TS, TZ: ev.TZ}
		changed = true
	}
	if !changed {
		return c, []Effect{notify(ev.User, NoticeUnchanged)}, nil
	}
	c.Accepted = [2]string{}
	if c.Side(ev.Side.Other()).Asking != QDone {
		c.State = Collecting
		return c, []Effect{{Kind: UpdateRoot}}, nil
	}
	c.State = Proposed
	return c, reproposed(&c), nil
}
