package flows

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// State is where a collaboration stands. The legal transitions are:
//
//	Collecting -> Proposed   both sides have answered every question
//	Proposed   -> Collecting a side asked to redo one of its answers
//	Proposed   -> Agreed     one member of each side accepted the current version
//	Collecting -> Cancelled  a side or the creator cancelled
//	Proposed   -> Cancelled  likewise
//	Collecting -> Expired    COLLAB_EXPIRE_AFTER passed since the start (a Tick)
//	Proposed   -> Expired    likewise
//
// Agreed, Cancelled and Expired are final; an agreement's commitments are
// still followed up.
type State string

const (
	Collecting State = "collecting"
	Proposed   State = "proposed"
	Agreed     State = "agreed"
	Cancelled  State = "cancelled"
	Expired    State = "expired"
)

// States lists every state, for tests and documentation.
var States = []State{Collecting, Proposed, Agreed, Cancelled, Expired}

// Final reports whether nothing can change the collaboration any more.
func (s State) Final() bool { return s == Agreed || s == Cancelled || s == Expired }

// Event is something a person did that may move a collaboration on.
type Event interface{ user() string }

// Reply is a thread reply: an answer to the writer's side's pending question.
type Reply struct {
	User, Text, TS, TZ string
}

// MaxAnswer is the longest answer taken, in characters: enough for any
// real answer, and it keeps a collaboration's stored size bounded.
const MaxAnswer = 4000

// Accept is a click on a proposal's Accept button, At its moment in the
// clicking user's zone (the agreement is dated by the last one). On is
// the ts of the message clicked: a click counts only on the proposal
// message it was made on.
type Accept struct {
	User    string
	Version int
	At      time.Time
	On      string
}

// Revise is a click on a proposal's Request changes button: the user is
// then asked which answer to redo.
type Revise struct {
	User    string
	Version int
	On      string
	// Trigger, when set, lets the Slack side answer the click with a
	// form: the user edits the side's answers there (OpenRevision).
	Trigger string
}

// RootRefused reports that Slack refused the root message for good (the
// bot is not in the channel): the collaboration ends before it began.
type RootRefused struct{}

// Redo picks the answer a side will give again.
type Redo struct {
	User     string
	Version  int
	Question Question
	At       time.Time // when it was picked: the question's reminder counts from then
}

// Cancel ends the collaboration without agreement.
type Cancel struct{ User string }

func (e Reply) user() string     { return e.User }
func (e Accept) user() string    { return e.User }
func (e Revise) user() string    { return e.User }
func (e Redo) user() string      { return e.User }
func (e Cancel) user() string    { return e.User }
func (RootRefused) user() string { return "" }

// Start returns the effects that open a new collaboration: the root
// message, then the first question to each side.
func Start(c Collab) (Collab, []Effect) {
	c.State = Collecting
	for i := range c.Sides {
		c.Sides[i].Asking = QGoal
		c.asked(SideAt(i), c.CreatedAt)
	}
	return c, []Effect{
		{Kind: PostRoot},
		{Kind: Prompt, Side: SideA, Question: QGoal},
		{Kind: Prompt, Side: SideB, Question: QGoal},
	}
}

// Next is the transition function: it returns the collaboration after ev
// and the effects to carry out. It never mutates c's shared slices and has
// no side effects, so it can be retried after a concurrent update.
func Next(c Collab, ev Event) (Collab, []Effect, error) {
	switch ev := ev.(type) {
	case Tick:
		return tick(c, ev)
	case CommitmentDone:
		return commitmentDone(c, ev)
	case MoreTime:
		return moreTime(c, ev)
	case Restore:
		return restore(c, ev)
	}
	if c.State.Final() {
		return closed(c, ev)
	}
	switch ev := ev.(type) {
	case Reply:
		return reply(c, ev)
	case Edit:
		return edit(c, ev)
	case Revision:
		return revision(c, ev)
	case Accept:
		return accept(c, ev)
	case Revise:
		return revise(c, ev)
	case Redo:
		return redo(c, ev)
	case Cancel:
		return cancel(c, ev)
	case RootRefused:
		c.State = Cancelled
		return c, nil, nil
	case Confirm:
		return confirm(c, ev)
	case SprintLength:
		return sprintLength(c, ev)
	}
	return c, nil, fmt.Errorf("collab %s: unknown event %T", c.ID, ev)
}

func notify(user string, n Notice) Effect {
	return Effect{Kind: Notify, User: user, Notice: n}
}

// closed answers clicks on a finished collaboration; replies in its thread
// are ordinary conversation and are left alone, as is a late refusal.
func closed(c Collab, ev Event) (Collab, []Effect, error) {
	switch ev.(type) {
	case Reply, Edit, RootRefused:
		return c, nil, nil
	}
	return c, []Effect{notify(ev.user(), NoticeClosed)}, nil
}

// answeringSide picks the side a reply speaks for: the writer's side with
// a pending question (side A first when the writer belongs to both).
func answeringSide(c *Collab, user string) (Side, bool) {
	mine := c.SidesOf(user)
	for _, s := range mine {
		if c.Side(s).Asking != QDone {
			return s, true
		}
	}
	if len(mine) > 0 {
		return mine[0], false
	}
	return "", false
}

func reply(c Collab, ev Reply) (Collab, []Effect, error) {
	if LaterTS(ev.TS, c.LastReplyTS) {
		c.LastReplyTS = ev.TS
	}
	s, asked := answeringSide(&c, ev.User)
	switch {
	case answered(&c, ev):
		// Taken already: redelivered after the record of having seen it
		// went (a collab rebuilt from its thread replays its replies).
		return c, nil, nil
	case s == "":
		return c, []Effect{notify(ev.User, NoticeNotMember)}, nil
	case !asked || c.State != Collecting:
		return c, []Effect{notify(ev.User, NoticeNotAsked)}, nil
	case strings.TrimSpace(ev.Text) == "":
		return c, []Effect{notify(ev.User, NoticeEmpty)}, nil
	case utf8.RuneCountInString(ev.Text) > MaxAnswer:
		return c, []Effect{notify(ev.User, NoticeTooLong)}, nil
	}
	p := c.Side(s)
	q := p.Asking
	p.Answers[q] = Answer{Text: ev.Text, User: ev.User, TS: ev.TS, TZ: ev.TZ}
	if !p.Redo && ev.TS != "" {
		p.inOrder(q)
	}
	var effects []Effect
	if p.Redo || q == QValue {
		p.Asking, p.Redo = QDone, false
	} else {
		p.Asking = q + 1
		c.asked(s, TSTime(ev.TS))
		effects = append(effects, Effect{Kind: Prompt, Side: s, Question: p.Asking})
	}
	if c.Sides[0].Asking == QDone && c.Sides[1].Asking == QDone {
		c.State = Proposed
		c.Version++
		c.Accepted = [2]string{}
		propose(&c)
		effects = append(effects, Effect{Kind: PostProposal, Version: c.Version})
	}
	return c, append(effects, Effect{Kind: UpdateRoot}), nil
}

// answered reports whether the reply is one of c's answers already: the
// same writer, moment and text.
func answered(c *Collab, ev Reply) bool {
	for _, p := range c.Sides {
		for _, a := range p.Answers {
			if ev.TS != "" && a.TS == ev.TS && a.User == ev.User && a.Text == ev.Text {
				return true
			}
		}
	}
	return false
}

// inOrder keeps a side's first answers in the order they were written:
// a reply that reached the bot after a later one (two replicas recorded
// them in the other order) answers the earlier question, and the later
// replies move one question on. The answer just given is at q.
func (p *Party) inOrder(q Question) {
	for k := q; k > QGoal && LaterTS(p.Answers[k-1].TS, p.Answers[k].TS); k-- {
		p.Answers[k-1], p.Answers[k] = p.Answers[k], p.Answers[k-1]
	}
}

// LaterTS reports whether Slack ts a is later than b ("" is earliest).
// A ts is seconds and microseconds in fixed-width digits, so a longer one
// is later and equal lengths compare as text.
func LaterTS(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// proposalClick checks what every proposal button needs: a member of a
// side clicking the current version while it is on the table.
func proposalClick(c *Collab, user string, version int, on string) (Side, *Effect) {
	mine := c.SidesOf(user)
	switch {
	case len(mine) == 0:
		e := notify(user, NoticeNotMember)
		return "", &e
	case version != c.Version, on != "" && c.ProposalTS != "" && on != c.ProposalTS:
		e := notify(user, NoticeStale)
		return "", &e
	case c.State != Proposed:
		e := notify(user, NoticeRevising)
		return "", &e
	}
	for _, s := range mine {
		if c.Accepted[s.Index()] == "" {
			return s, nil
		}
	}
	return mine[0], nil
}

func accept(c Collab, ev Accept) (Collab, []Effect, error) {
	s, e := proposalClick(&c, ev.User, ev.Version, ev.On)
	if e != nil {
		return c, []Effect{*e}, nil
	}
	if !Propose(&c).Agreeable() { // no button offers it; a forged click
		return c, []Effect{notify(ev.User, NoticeNothingToAccept)}, nil
	}
	// One person in both sides still counts once: agreement takes two.
	if c.Accepted[s.Index()] != "" || c.Accepted[s.Other().Index()] == ev.User {
		return c, []Effect{notify(ev.User, NoticeAlreadyAccepted)}, nil
	}
	c.Accepted[s.Index()] = ev.User
	if c.Accepted[0] != "" && c.Accepted[1] != "" {
		c.State = Agreed
		c.AgreedAt = ev.At
		c.Commitments = follow(&c)
		return c, []Effect{{Kind: PostAgreement, Version: c.Version}, {Kind: UpdateRoot}}, nil
	}
	return c, []Effect{notify(ev.User, NoticeAccepted), {Kind: UpdateRoot}}, nil
}

func revise(c Collab, ev Revise) (Collab, []Effect, error) {
	s, e := proposalClick(&c, ev.User, ev.Version, ev.On)
	if e != nil {
		return c, []Effect{*e}, nil
	}
	if ev.Trigger != "" {
		return c, []Effect{{Kind: OpenRevision, User: ev.User, Side: s, Version: c.Version, Trigger: ev.Trigger}}, nil
	}
	return c, []Effect{notify(ev.User, NoticeChooseRedo)}, nil
}

// redo reopens one answer of the clicking user's side. Several redos may
// be pending at once (one per side); the next version is proposed when
// all are answered.
func redo(c Collab, ev Redo) (Collab, []Effect, error) {
	mine := c.SidesOf(ev.User)
	switch {
	case len(mine) == 0:
		return c, []Effect{notify(ev.User, NoticeNotMember)}, nil
	case ev.Version != c.Version || c.Version == 0:
		return c, []Effect{notify(ev.User, NoticeStale)}, nil
	case ev.Question < QGoal || ev.Question > QValue:
		return c, nil, fmt.Errorf("collab %s: redo of unknown question %d", c.ID, ev.Question)
	}
	s := mine[0]
	p := c.Side(s)
	if p.Asking != QDone {
		return c, []Effect{notify(ev.User, NoticeRevising)}, nil
	}
	p.Asking, p.Redo = ev.Question, true
	c.asked(s, ev.At)
	c.State = Collecting
	c.Accepted = [2]string{}
	return c, []Effect{{Kind: Prompt, Side: s, Question: ev.Question}, {Kind: UpdateRoot}}, nil
}

func cancel(c Collab, ev Cancel) (Collab, []Effect, error) {
	if len(c.SidesOf(ev.User)) == 0 && ev.User != c.CreatedBy {
		return c, []Effect{notify(ev.User, NoticeNotAllowed)}, nil
	}
	c.State = Cancelled
	return c, []Effect{{Kind: UpdateRoot}}, nil
}
