package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// maxThreadPages bounds how much of a thread a collaboration is made
// again from: 200 messages a page, far more than a collaboration writes.
const maxThreadPages = 25

// errNoRecord: the thread does not hold what its collaboration is made
// again from (its root came from an earlier version, or the
// collaboration was over: its follow-ups are not in the thread).
var errNoRecord = errors.New("thread holds no record to rebuild its collaboration from")

// rebuild makes collaboration id again from its thread when Redis lost
// it: the root's metadata gives how it began, the people's replies are
// replayed through the flow (each counts once: a reply replayed here and
// then handled from its own event is taken once), and the
// bot's own messages say what was already posted and what clicks the
// thread does not keep did (a question asked again, a later version).
// What was decided but is not in the thread (a prompt lost with the
// record) is posted now. It runs on the collaboration's owner, one event
// at a time: a collaboration found saved meanwhile is left as it is.
func (b *Bot) rebuild(ctx context.Context, id, channel, thread string) error {
	msgs, err := b.readThread(ctx, channel, thread)
	if err != nil {
		return err
	}
	c, err := b.replay(ctx, id, channel, thread, msgs)
	if err != nil {
		return err
	}
	err = b.withStoreRetry(ctx, func() error { return b.store.Create(ctx, &c) })
	switch {
	case errors.Is(err, flows.ErrDuplicate):
		return nil
	case err != nil:
		return notRecorded{fmt.Errorf("save rebuilt collab %s: %w", id, err)}
	}
	b.log.Info("collab rebuilt from its thread", "collab", id, "state", c.State, "messages", len(msgs))
	if err := b.store.IndexThread(ctx, channel, thread, id); err != nil {
		b.log.Warn("index rebuilt collab's thread", "collab", id, "err", err)
	}
	b.collabs.putThread(channel+":"+thread, id)
	b.collabs.put(c)
	b.setTimers(ctx, flows.Timers{}, &c)
	// The event that asked for the rebuild is still to be handled: its
	// intake entry is not acked with the rebuild's delivery.
	return b.deliver(context.WithValue(ctx, entryAckKey{}, (*entryAck)(nil)), &c, 0)
}

// readThread reads a whole thread, root first, in ts order.
func (b *Bot) readThread(ctx context.Context, channel, thread string) ([]slack.Message, error) {
	page := b.threadPages(ctx, channel, thread)
	var all []slack.Message
	cursor := ""
	for range maxThreadPages {
		msgs, next, err := page(cursor)
		if err != nil {
			return nil, fmt.Errorf("read thread %s: %w", thread, err)
		}
		all = append(all, msgs...)
		if next == "" {
			break
		}
		cursor = next
	}
	slices.SortStableFunc(all, func(x, y slack.Message) int { return compareTS(x.Timestamp, y.Timestamp) })
	return all, nil
}

func compareTS(a, b string) int {
	switch {
	case flows.LaterTS(a, b):
		return 1
	case flows.LaterTS(b, a):
		return -1
	}
	return 0
}

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
		rp.next(flows.Shown{Version: v, TS: m.Timestamp}, false)
	}
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

// orRebuild runs handle, an event of collaboration id's thread; when the
// collaboration is gone from Redis it is rebuilt from the thread and
// handle runs again, unless the event had taken effect before the loss
// showed (its effects ran, then their record found nothing to save to).
// found is false when it cannot be: the thread could not be read or
// holds no record.
func (b *Bot) orRebuild(ctx context.Context, id, channel, thread string, handle func() error) (found bool, err error) {
	err = handle()
	if !errors.Is(err, flows.ErrNotFound) || thread == "" {
		return !errors.Is(err, flows.ErrNotFound), err
	}
	if err := b.rebuild(ctx, id, channel, thread); err != nil {
		if errors.As(err, new(notRecorded)) {
			return true, err // Redis is away: the event waits for it
		}
		b.log.Info("collab not rebuilt from its thread", "collab", id, "err", err)
		return false, nil
	}
	if errors.As(err, new(effectsRan)) {
		return true, nil
	}
	err = handle()
	return !errors.Is(err, flows.ErrNotFound), err
}

// effectsRan marks a failure to record what an event's effects did: the
// event took effect in Slack.
type effectsRan struct{ error }

func (e effectsRan) Unwrap() error { return e.error }
