package flows

import (
	"strings"
	"unicode/utf8"
)

// Edit is a thread reply its writer changed (Slack's message_changed). TS
// is the changed message's ts: the text replaces the answer that message
// gave, if it is still its side's answer to that question and no
// proposal is on the table.
type Edit struct {
	User, Text, TS string
}

func (e Edit) user() string { return e.User }

// Notices about edited replies.
const (
	NoticeEditRecorded Notice = "edit_recorded" // the edited reply is the answer now
	NoticeEditLate     Notice = "edit_late"     // the proposal is out: Request changes instead
)

// answerAt finds the answer message ts gave: its side and question.
func answerAt(c *Collab, ts string) (Side, Question, bool) {
	for i, p := range c.Sides {
		for _, q := range Questions {
			if p.Answers[q].TS == ts {
				return SideAt(i), q, true
			}
		}
	}
	return "", QDone, false
}

// edit replaces an answer with its edited text. An edit of a message that
// is no answer (or no longer the latest one) is ordinary conversation.
func edit(c Collab, ev Edit) (Collab, []Effect, error) {
	s, q, ok := answerAt(&c, ev.TS)
	if !ok || ev.TS == "" || c.Side(s).Answers[q].User != ev.User || c.Side(s).Answers[q].Text == ev.Text {
		return c, nil, nil
	}
	switch {
	case c.State != Collecting:
		return c, []Effect{notify(ev.User, NoticeEditLate)}, nil
	case strings.TrimSpace(ev.Text) == "":
		return c, []Effect{notify(ev.User, NoticeEmpty)}, nil
	case utf8.RuneCountInString(ev.Text) > MaxAnswer:
		return c, []Effect{notify(ev.User, NoticeTooLong)}, nil
	}
	c.Side(s).Answers[q].Text = ev.Text
	return c, []Effect{notify(ev.User, NoticeEditRecorded)}, nil
}
