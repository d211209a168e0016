package flows

// NoteRestored posts in the thread that the collaboration was rebuilt
// from it, so people know why a proposal or a question comes again.
const NoteRestored EffectKind = "note_restored"

// Restore completes a collaboration rebuilt from its Slack thread after
// its record was lost: the thread's replies were replayed onto it, and
// this event adds what the thread shows besides. Posted is the newest
// proposal version posted there (0 for none) and ProposalTS its message;
// Unasked are the questions the replay asked that the thread does not
// show, in the order they were asked.
type Restore struct {
	Posted     int
	ProposalTS string
	Unasked    []Asked
}

// Asked names a question put to a side.
type Asked struct {
	Side     Side
	Question Question
}

func (Restore) user() string { return "" }

// restore numbers the next proposal after the ones posted, asks the
// questions the thread never showed (as the live path would have, even
// when their answers came already), and puts a proposal that was on the
// table up again. Who accepted it was known only to the lost record; a
// new version makes both sides accept again what they now see, rather
// than leaving a half-accepted proposal that nobody can tell apart from
// a fresh one.
func restore(c Collab, ev Restore) (Collab, []Effect, error) {
	if c.State.Final() {
		return c, nil, nil
	}
	effects := []Effect{{Kind: NoteRestored}}
	c.Version = max(c.Version, ev.Posted)
	if ev.ProposalTS != "" {
		c.ProposalTS, c.ProposalVersion = ev.ProposalTS, ev.Posted
	}
	for _, a := range ev.Unasked {
		effects = append(effects, Effect{Kind: Prompt, Side: a.Side, Question: a.Question})
	}
	c.Accepted = [2]string{}
	if c.State == Proposed {
		c.Version++
		propose(&c)
		effects = append(effects, Effect{Kind: PostProposal, Version: c.Version})
	}
	return c, append(effects, Effect{Kind: UpdateRoot}), nil
}
