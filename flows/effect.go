package flows

import (
	"strconv"
	"time"
)

// EffectKind names something the Slack side must do after a transition.
type EffectKind string

const (
	PostRoot      EffectKind = "post_root"      // post the root message and open the thread
	UpdateRoot    EffectKind = "update_root"    // refresh the root message's status
	Prompt        EffectKind = "prompt"         // ask Side its Question in the thread
	PostProposal  EffectKind = "post_proposal"  // post proposal Version in the thread
	PostAgreement EffectKind = "post_agreement" // post the agreement in the channel and pin it
	Notify        EffectKind = "notify"         // tell User privately (ephemeral) about Notice
	Nudge         EffectKind = "nudge"          // remind Side of its pending Question in the thread
	// RemindCommitment follows up commitment Item in the agreement's thread.
	RemindCommitment EffectKind = "remind_commitment"
	UpdateAgreement  EffectKind = "update_agreement" // refresh the pinned summary
)

// Notice names a private message to one user.
type Notice string

const (
	NoticeNotMember       Notice = "not_member"        // user belongs to neither side
	NoticeNotAsked        Notice = "not_asked"         // the side has no pending question
	NoticeEmpty           Notice = "empty_answer"      // the reply held no text
	NoticeStale           Notice = "stale_version"     // a button of an older proposal
	NoticeRevising        Notice = "revising"          // a revision is in progress
	NoticeNothingToAccept Notice = "nothing_to_accept" // the proposal holds no match and no commitment
	NoticeAccepted        Notice = "accepted"          // acceptance recorded, waiting for the other side
	NoticeAlreadyAccepted Notice = "already_accepted"
	NoticeChooseRedo      Notice = "choose_redo"     // which answer to redo (with buttons)
	NoticeClosed          Notice = "closed"          // the collaboration is agreed or cancelled
	NoticeNotAllowed      Notice = "not_allowed"     // only sides or the creator may cancel
	NoticeTooLong         Notice = "too_long"        // the answer is over MaxAnswer characters
	NoticeEffectFailed    Notice = "effect_failed"   // Slack refused one of the collab's messages for good
	NoticeCommitmentDone  Notice = "commitment_done" // the commitment was recorded as done already
	NoticeMoreTime        Notice = "more_time"       // the commitment's due day moved a working week on
)

// Effect is one thing to do; it is plain data so it can wait in the outbox.
// ID is stable ("<collab id>.<seq>"): the message an effect posts carries
// it, so after a crash between posting and recording the message is found
// instead of posted again. Tries counts failed attempts. NotBefore, when
// set, is the earliest time to carry it out (a root update merged with
// the ones before it waits for its turn).
type Effect struct {
	ID        string     `json:"id,omitempty"`
	Tries     int        `json:"tries,omitempty"`
	Kind      EffectKind `json:"kind"`
	Side      Side       `json:"side,omitempty"`
	Question  Question   `json:"question,omitempty"`
	Version   int        `json:"version,omitempty"`
	User      string     `json:"user,omitempty"`
	Notice    Notice     `json:"notice,omitempty"`
	Item      int        `json:"item,omitempty"`    // a commitment's index
	Trigger   string     `json:"trigger,omitempty"` // the click an OpenRevision answers
	NotBefore time.Time  `json:"not_before,omitzero"`
}

// Queue appends effects to c's outbox, giving each the next stable id.
// It copies the outbox first, so a Collab shared with a cache is not
// changed behind its back.
func (c *Collab) Queue(effects ...Effect) {
	out := make([]Effect, len(c.Outbox), len(c.Outbox)+len(effects))
	copy(out, c.Outbox)
	for _, e := range effects {
		c.Seq++
		e.ID = c.ID + "." + strconv.Itoa(c.Seq)
		out = append(out, e)
	}
	c.Outbox = out
}

// Posts reports whether the effect posts a message that carries its ID.
func (e Effect) Posts() bool {
	switch e.Kind {
	case PostRoot, Prompt, PostProposal, PostAgreement, Nudge, RemindCommitment, NoteRestored:
		return true
	}
	return false
}
