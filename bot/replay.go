package bot

import (
	"context"
	"fmt"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// replay is a collab being rebuilt from its thread, message by message.
// The effects of the replayed events are not carried out: the thread
// shows they were, or restore asks for what it does not show.
type replay struct {
	c   flows.Collab
	seq int // the highest effect number the thread's messages carry
	// asked marks, per side, that its pending question is in the thread.
	asked [2]bool
	// posted is the newest proposal version in the thread, at proposalTS.
	posted     int
	proposalTS string
}

// restore is the event that completes the replay with what the thread
// showed besides the replies.
func (r *replay) restore() flows.Restore {
	ev := flows.Restore{Posted: r.posted, ProposalTS: r.proposalTS}
	for i := range ev.Unasked {
		ev.Unasked[i] = !r.asked[i]
	}
	return ev
}

// replayMessage runs one thread message through the flow: a person's
// reply as the answer it was, a prompt asking a side to revise as the
// click that asked for it. The bot's other messages only say what was
// posted.
func (b *Bot) replayMessage(ctx context.Context, r *replay, m slack.Message) error {
	if b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimestamp, m.Timestamp) {
		ev := flows.Reply{User: m.User, Text: clean(unescape(m.Text)), TS: m.Timestamp, TZ: b.users.zone(ctx, b.api, m.User)}
		return r.step(ev)
	}
	if !b.ownMessage(m) {
		return nil // another app's message says nothing of the collab
	}
	r.seq = max(r.seq, b.seqOf(m, r.c.ID))
	if v := proposalVersion(m); v >= r.posted && v > 0 {
		r.posted, r.proposalTS = v, m.Timestamp
	}
	s, q, redo, ok := promptOf(m)
	if !ok {
		return nil
	}
	if user := anyMember(r.c.Side(s)); redo && user != "" {
		ev := flows.Redo{User: user, Version: r.c.Version, Question: q, At: flows.TSTime(m.Timestamp)}
		if err := r.step(ev); err != nil {
			return err
		}
	}
	if r.c.Side(s).Asking == q {
		r.asked[s.Index()] = true
	}
	return nil
}

// step moves the replayed collab on by ev; a question it asks is not in
// the thread until its prompt is.
func (r *replay) step(ev flows.Event) error {
	next, effects, err := flows.Next(r.c, ev)
	if err != nil {
		return fmt.Errorf("replay collab %s: %w", r.c.ID, err)
	}
	for _, e := range effects {
		if e.Kind == flows.Prompt {
			r.asked[e.Side.Index()] = false
		}
	}
	r.c = next
	return nil
}

// anyMember is someone who may speak for the side, "" when none is known.
func anyMember(p *flows.Party) string {
	if p.Kind == flows.KindUser {
		return p.ID
	}
	if len(p.Members) > 0 {
		return p.Members[0]
	}
	return ""
}
