package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// replay makes the collaboration from its thread's messages, in ts order.
func (b *Bot) replay(ctx context.Context, id, channel, thread string, msgs []slack.Message) (flows.Collab, error) {
	if len(msgs) == 0 || msgs[0].Timestamp != thread || msgs[0].BotID == "" || msgs[0].Metadata.EventType != eventRoot {
		return flows.Collab{}, errNoRecord
	}
	r := readRoot(msgs[0].Metadata.EventPayload)
	if !r.ok || r.c.ID != id || r.state.Final() {
		return flows.Collab{}, errNoRecord
	}
	start := r.c
	start.Channel, start.RootTS, start.RootShown = channel, thread, time.Now()
	if err := b.rebuildMembers(ctx, &start.Sides); err != nil {
		return flows.Collab{}, err
	}
	c, effects := flows.Start(start)
	c.Calendar = b.calendar(c.Lang)
	rp := &replaying{b: b, c: c, owed: effects[1:]} // the root is the thread's
	rp.seq(msgs[0])
	for _, m := range msgs[1:] {
		rp.seq(m)
		switch {
		case m.BotID != "":
			rp.botMessage(m)
		case b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimestamp, m.Timestamp):
			rp.reply(ctx, m)
		}
	}
	if rp.unread {
		return flows.Collab{}, errNoRecord
	}
	if !rp.sameAsShown() {
		rp.next(flows.Remade{}, true)
	}
	rp.acceptances(r)
	return rp.collab(), nil
}

// rebuildMembers gives each group side its members as Slack lists them
// now, so the replies are judged by who may answer for a side.
func (b *Bot) rebuildMembers(ctx context.Context, sides *[2]flows.Party) error {
	for i := range sides {
		if sides[i].Kind != flows.KindGroup {
			continue
		}
		members, err := b.groups.members(ctx, b.api, sides[i].ID)
		if err != nil {
			return fmt.Errorf("members of group %s: %w", sides[i].ID, err)
		}
		sides[i].Members = members
	}
	return nil
}

// replaying is a replay in progress: the collaboration so far, the
// posts its replies called for that the thread has not shown yet, and
// the highest effect number the thread's messages carry. unread marks a
// prompt that does not say what it asks (an earlier version posted it):
// the thread cannot tell what was asked.
type replaying struct {
	b      *Bot
	c      flows.Collab
	owed   []flows.Effect
	maxSeq int
	unread bool
	shown  map[string]any // the metadata of the proposal on the table
}

// seq notes the effect number m carries, so effects queued after the
// rebuild get ids no message of the thread has.
func (rp *replaying) seq(m slack.Message) {
	fx, ok := strings.CutPrefix(effectOf(m), rp.c.ID+".")
	if n, err := strconv.Atoi(fx); ok && err == nil {
		rp.maxSeq = max(rp.maxSeq, n)
	}
}

// next runs ev through the flow; the effects it returns were carried out
// when the thread was written, except the posts kept as owed.
func (rp *replaying) next(ev flows.Event, keep bool) {
	c, effects, err := flows.Next(rp.c, ev)
	if err != nil {
		rp.b.log.Warn("replay thread", "collab", rp.c.ID, "err", err)
		return
	}
	rp.c = c
	for _, e := range effects {
		if keep && (e.Kind == flows.Prompt || e.Kind == flows.PostProposal) {
			rp.owed = append(rp.owed, e)
		}
	}
}

func (rp *replaying) reply(ctx context.Context, m slack.Message) {
	text := clean(unescape(m.Text))
	tz := rp.b.users.zone(ctx, rp.b.api, m.User)
	rp.next(flows.Reply{User: m.User, Text: text, TS: m.Timestamp, TZ: tz}, true)
}

// botMessage replays one of the bot's messages of the collaboration.
func (rp *replaying) botMessage(m slack.Message) {
	p := m.Metadata.EventPayload
	if id, _ := p["collab_id"].(string); id != rp.c.ID {
		return
	}
	switch m.Metadata.EventType {
	case eventPrompt:
		s, q, ok := asked(p)
		rp.unread = rp.unread || !ok
		if ok && !rp.paid(flows.Effect{Kind: flows.Prompt, Side: s, Question: q}) {
			rp.next(flows.Reopen{Side: s, Question: q, At: flows.TSTime(m.Timestamp)}, false)
		}
	case eventNudge:
		if s, q, ok := asked(p); ok {
			rp.next(flows.Reminded{Side: s, Question: q}, false)
		}
	case render.EventProposal:
		v := number(p["version"])
		rp.paid(flows.Effect{Kind: flows.PostProposal, Version: v})
		if v == rp.c.Version+1 && rp.c.State == flows.Proposed && rp.c.ProposalVersion == rp.c.Version {
			rp.explain(p)
		}
		rp.next(flows.Shown{Version: v, TS: m.Timestamp}, false)
		if rp.c.ProposalTS == m.Timestamp {
			rp.shown = p
		}
	}
}

// sameAsShown reports whether the proposal the replayed answers give is
// the one the thread shows on the table, as its metadata says: clicks the
// thread does not keep (a revision form, a yes or no on a suggested pair)
// may have made that one.
func (rp *replaying) sameAsShown() bool {
	if rp.c.State != flows.Proposed || rp.shown == nil || rp.c.ProposalVersion != rp.c.Version {
		return true // nothing on the table, or the current version is still to be posted
	}
	return rp.shows(&rp.c, rp.shown)
}

// shows reports whether c's proposal has the metadata payload.
func (rp *replaying) shows(c *flows.Collab, payload map[string]any) bool {
	md := rp.b.msgs.Proposal(c, flows.Propose(c)).Metadata
	var now map[string]any
	data, err := json.Marshal(md.EventPayload)
	if err == nil {
		err = json.Unmarshal(data, &now)
	}
	return err == nil && reflect.DeepEqual(now, payload)
}

// explain finds the yes or no on a suggested pair that turned the
// proposal on the table into the next version, whose metadata is
// payload, and replays it: the click is not in the thread, the version
// it made is.
func (rp *replaying) explain(payload map[string]any) {
	p := flows.Propose(&rp.c)
	for _, m := range p.Candidates {
		needing := flows.Side(m.Need.Side)
		need := flows.ItemRef{Side: needing, Index: slices.Index(p.Read[needing.Index()].Needs, m.Need)}
		offer := flows.ItemRef{Side: needing.Other(), Index: slices.Index(p.Read[needing.Other().Index()].Offers, m.Offer)}
		for _, yes := range []bool{true, false} {
			ev := flows.Confirm{User: speaker(*rp.c.Side(needing)), Version: rp.c.Version, Need: need, Offer: offer, Yes: yes}
			next, _, err := flows.Next(rp.c, ev)
			if err == nil && next.Version == rp.c.Version+1 && rp.shows(&next, payload) {
				rp.c = next
				return
			}
		}
	}
}

// speaker is someone who may speak for side p.
func speaker(p flows.Party) string {
	if p.Kind == flows.KindUser || len(p.Members) == 0 {
		return p.ID
	}
	return p.Members[0]
}

// paid strikes the owed post e off, reporting whether it was owed.
func (rp *replaying) paid(e flows.Effect) bool {
	i := slices.IndexFunc(rp.owed, func(o flows.Effect) bool {
		return o.Kind == e.Kind && o.Side == e.Side && o.Question == e.Question && o.Version == e.Version
	})
	if i >= 0 {
		rp.owed = slices.Delete(rp.owed, i, i+1)
	}
	return i >= 0
}

// acceptances replays the acceptance of the current version the root
// last showed: the click is not in the thread.
func (rp *replaying) acceptances(r rootRecord) {
	if r.state != flows.Proposed || r.version != rp.c.Version {
		return
	}
	for _, u := range r.accepted {
		if u != "" {
			rp.next(flows.Accept{User: u, Version: r.version}, false)
		}
	}
}

// collab is the replayed collaboration with its owed posts still due,
// and the root brought up to date, queued.
func (rp *replaying) collab() flows.Collab {
	c := rp.c
	var due []flows.Effect
	for _, e := range rp.owed {
		switch {
		case e.Kind == flows.Prompt && c.State == flows.Collecting && c.Side(e.Side).Asking == e.Question,
			e.Kind == flows.PostProposal && c.State == flows.Proposed && e.Version == c.Version && c.ProposalVersion != e.Version:
			due = append(due, e)
		}
	}
	c.Outbox, c.Seq, c.Rev = nil, rp.maxSeq, 0
	c.Queue(append(due, flows.Effect{Kind: flows.UpdateRoot})...)
	return c
}
