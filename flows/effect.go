package flows

// EffectKind names something the Slack side must do after a transition.
type EffectKind string

const (
	PostRoot      EffectKind = "post_root"      // post the root message and open the thread
	UpdateRoot    EffectKind = "update_root"    // refresh the root message's status
	Prompt        EffectKind = "prompt"         // ask Side its Question in the thread
	PostProposal  EffectKind = "post_proposal"  // post proposal Version in the thread
	PostAgreement EffectKind = "post_agreement" // post the agreement in the channel and pin it
	Notify        EffectKind = "notify"         // tell User privately (ephemeral) about Notice
)

// Notice names a private message to one user.
type Notice string

const (
	NoticeNotMember       Notice = "not_member"    // user belongs to neither side
	NoticeNotAsked        Notice = "not_asked"     // the side has no pending question
	NoticeEmpty           Notice = "empty_answer"  // the reply held no text
	NoticeStale           Notice = "stale_version" // a button of an older proposal
	NoticeRevising        Notice = "revising"      // a revision is in progress
	NoticeAccepted        Notice = "accepted"      // acceptance recorded, waiting for the other side
	NoticeAlreadyAccepted Notice = "already_accepted"
	NoticeChooseRedo      Notice = "choose_redo" // which answer to redo (with buttons)
	NoticeClosed          Notice = "closed"      // the collaboration is agreed or cancelled
	NoticeNotAllowed      Notice = "not_allowed" // only sides or the creator may cancel
)

// Effect is one thing to do; it is plain data so it can wait in the outbox.
type Effect struct {
	Kind     EffectKind `json:"kind"`
	Side     Side       `json:"side,omitempty"`
	Question Question   `json:"question,omitempty"`
	Version  int        `json:"version,omitempty"`
	User     string     `json:"user,omitempty"`
	Notice   Notice     `json:"notice,omitempty"`
}
