// Package flows is collabbot's domain: collaborations between two sides,
// their states, and the pure transition function that moves them on.
// It knows nothing of Slack or Redis.
package flows

import (
	"errors"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// Side names one of the two parties of a collaboration.
type Side string

const (
	SideA Side = "a"
	SideB Side = "b"
)

// Index returns 0 for side A and 1 for side B.
func (s Side) Index() int {
	if s == SideB {
		return 1
	}
	return 0
}

// Other returns the opposite side.
func (s Side) Other() Side {
	if s == SideB {
		return SideA
	}
	return SideB
}

// Sides lists both sides in order.
var sides = [2]Side{SideA, SideB}

// SideAt returns the side with index i (0 or 1).
func SideAt(i int) Side { return sides[i] }

// Question is one of the three questions asked of each side, in order.
type Question int

const (
	QGoal  Question = iota // goal, and how it serves the company goal
	QNeeds                 // needs from the other side, with deadlines
	QValue                 // value offered to the other side
	QDone                  // nothing is being asked
)

// Questions lists the three questions in the order they are asked.
var Questions = [3]Question{QGoal, QNeeds, QValue}

// String returns the stable name used in logs, button values and message keys.
func (q Question) String() string {
	switch q {
	case QGoal:
		return "goal"
	case QNeeds:
		return "needs"
	case QValue:
		return "value"
	}
	return "done"
}

// ParseQuestion is the inverse of Question.String for the three questions.
func ParseQuestion(s string) (Question, bool) {
	for _, q := range Questions {
		if q.String() == s {
			return q, true
		}
	}
	return QDone, false
}

// PartyKind tells whether a side is a Slack user group or a single user.
type PartyKind string

const (
	KindGroup PartyKind = "group"
	KindUser  PartyKind = "user"
)

// Answer is what a member of a side typed in reply to one question.
type Answer struct {
	Text string `json:"text"`
	User string `json:"user"`
	TS   string `json:"ts"` // Slack message ts: the moment the answer was written
	TZ   string `json:"tz"` // IANA zone of the writer, for reading dates
}

// Answered reports whether the answer has been given.
func (a Answer) Answered() bool { return a.TS != "" }

// Party is one side of a collaboration and its progress.
type Party struct {
	Kind    PartyKind `json:"kind"`
	ID      string    `json:"id"`     // S… for a group, U… for a user
	Handle  string    `json:"handle"` // display name without '@'
	Members []string  `json:"members"`
	Asking  Question  `json:"asking"` // the question awaiting this side's answer
	Redo    bool      `json:"redo"`   // the pending answer revises an earlier one
	Answers [3]Answer `json:"answers"`
	// AskedAt is when the pending question was asked; Nudged records that
	// its one reminder was sent. TZ is the side's zone before any member
	// has written (a user side's profile zone).
	AskedAt time.Time `json:"asked_at,omitzero"`
	Nudged  bool      `json:"nudged,omitempty"`
	TZ      string    `json:"tz,omitempty"`
}

// Name is how the side is shown in text: its handle, or its id.
func (p Party) Name() string {
	if p.Handle != "" {
		return p.Handle
	}
	return p.ID
}

// Has reports whether user may speak for the side.
func (p Party) Has(user string) bool {
	if p.Kind == KindUser {
		return p.ID == user
	}
	for _, m := range p.Members {
		if m == user {
			return true
		}
	}
	return false
}

// Collab is one collaboration: everything needed to continue it after a
// restart lives here and is saved as one value.
type Collab struct {
	ID      string `json:"id"`
	Rev     int64  `json:"rev"` // bumped by the store on every save
	Channel string `json:"channel"`
	RootTS  string `json:"root_ts,omitempty"` // root message; the thread's ts
	// RootShown is when the root message was last updated.
	RootShown time.Time `json:"root_shown,omitzero"`
	Topic     string    `json:"topic"`
	Lang      string    `json:"lang"` // "en" or "zh"
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	State     State     `json:"state"`
	Sides     [2]Party  `json:"sides"`
	Version   int       `json:"version"`  // current proposal version; 0 before the first
	Accepted  [2]string `json:"accepted"` // per side, who accepted the current version
	// ProposalTS and AgreementTS record posted messages, so they are
	// posted once and can be updated later; ProposalTS shows version
	// ProposalVersion, which lags Version until the new one is posted.
	ProposalTS      string `json:"proposal_ts,omitempty"`
	ProposalVersion int    `json:"proposal_version,omitempty"`
	AgreementTS     string `json:"agreement_ts,omitempty"`
	// LastReplyTS is the newest thread reply taken into account: after a
	// restart, newer replies in the thread were missed and are replayed.
	LastReplyTS string `json:"last_reply_ts,omitempty"`
	// AgreedAt is when the last acceptance was given, in its giver's zone.
	AgreedAt time.Time `json:"agreed_at,omitzero"`
	// Decisions are the needing sides' answers to "does this offer cover
	// that need?", read by the engine for every later version.
	Decisions []Decision `json:"decisions,omitempty"`
	// Outbox holds effects decided but not yet carried out; it is saved
	// with the state so a crash between the two loses nothing.
	Outbox []Effect `json:"outbox,omitempty"`
	// Seq counts the effects ever queued; it numbers their ids.
	Seq int `json:"seq,omitempty"`
	// TZ is the zone dates are read in when a writer's profile has none,
	// as configured when the collab began, so a later change does not
	// alter what was proposed.
	TZ string `json:"tz,omitempty"`
	// Calendar counts working days and sprints for this collab's lead
	// times, as configured when it began (holidays by its language unless
	// COLLAB_HOLIDAYS says otherwise).
	Calendar timeread.Calendar `json:"calendar,omitzero"`
	// Proposal is the current version's proposal, built once when the
	// version was made.
	Proposal *mediate.Proposal `json:"proposal,omitempty"`
	// Commitments are the agreement's dated commitments and their
	// follow-ups, set when the collaboration is agreed.
	Commitments []Commitment `json:"commitments,omitempty"`
}

// Side returns the party for s.
func (c *Collab) Side(s Side) *Party { return &c.Sides[s.Index()] }

// SidesOf returns the sides user may speak for, in order A, B.
func (c *Collab) SidesOf(user string) []Side {
	var out []Side
	for i, p := range c.Sides {
		if p.Has(user) {
			out = append(out, SideAt(i))
		}
	}
	return out
}

// Errors the domain reports; adapters map their own failures onto these.
var (
	ErrNotFound  = errors.New("collab not found")
	ErrDuplicate = errors.New("event already handled")
	ErrConflict  = errors.New("collab changed concurrently")
	// ErrFenced: a newer owner of the collab's partition holds it now.
	ErrFenced = errors.New("collab taken over by a newer owner")
	// ErrTooLarge: the collab outgrew what can be stored; retrying
	// cannot help.
	ErrTooLarge = errors.New("collab too large to store")
)
