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
	// asked are the questions the replay asked, in order; shown those
	// the thread's first-time prompts ask.
	asked []flows.Asked
	shown map[flows.Asked]bool
	// posted is the newest proposal version in the thread, at proposalTS.
	posted     int
	proposalTS string
}

// newReplay starts replaying c, which start's effects began.
func newReplay(c flows.Collab, start []flows.Effect) *replay {
	r := &replay{c: c, shown: map[flows.Asked]bool{}}
	r.ask(start)
	return r
}

// ask notes the questions effects ask.
func (r *replay) ask(effects []flows.Effect) {
	for _, e := range effects {
		if e.Kind == flows.Prompt {
			r.asked = append(r.asked, flows.Asked{Side: e.Side, Question: e.Question})
		}
	}
}

// restore is the event that completes the replay with what the thread
// showed besides the replies.
func (r *replay) restore() flows.Restore {
	ev := flows.Restore{Posted: r.posted, ProposalTS: r.proposalTS}
	for _, a := range r.asked {
		if !r.shown[a] {
			ev.Unasked = append(ev.Unasked, a)
		}
	}
	return ev
}

// replayMessage runs one thread message through the flow: a person's
// reply as the answer it was, a prompt asking a side to revise as the
// click that asked for it. The bot's other prompts and its proposals say
// what was posted.
func (b *Bot) replayMessage(ctx context.Context, r *replay, m slack.Message) error {
	if b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimestamp, m.Timestamp) {
		ev := flows.Reply{User: m.User, Text: clean(unescape(m.Text)), TS: m.Timestamp, TZ: b.users.zone(ctx, b.api, m.User)}
		effects, err := r.step(ev)
		r.ask(effects)
		return err
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
	if !redo {
		r.shown[flows.Asked{Side: s, Question: q}] = true
		return nil
	}
	if user := anyMember(r.c.Side(s)); user != "" {
		// The prompt shows the question it asks again: its effect is done.
		ev := flows.Redo{User: user, Version: r.c.Version, Question: q, At: flows.TSTime(m.Timestamp)}
		_, err := r.step(ev)
		return err
	}
	return nil
}

// step moves the replayed collab on by ev.
func (r *replay) step(ev flows.Event) ([]flows.Effect, error) {
	next, effects, err := flows.Next(r.c, ev)
	if err != nil {
		return nil, fmt.Errorf("replay collab %s: %w", r.c.ID, err)
	}
	r.c = next
	return effects, nil
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
