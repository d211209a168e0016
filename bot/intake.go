package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// ackTimeout bounds an ack: after the socket closes, an ack would block.
const ackTimeout = 5 * time.Second

// recordTimeout bounds recording one envelope: Slack wants the ack within
// 3 s; a Redis write takes well under a millisecond, so the rest is for
// riding out a short outage.
const recordTimeout = 2 * time.Second

// Kinds of recorded events.
const (
	kindCommand = "command"
	kindReply   = "reply"
	kindClick   = "click"
	kindRetry   = "retry" // carry out a collab's outbox again
)

// entry is one event as recorded in the intake stream: the collaboration
// it belongs to, its dedupe key, its Slack ts (for ordering) and its
// payload as JSON.
type entry struct {
	Kind, Collab, Key, TS string
	Data                  []byte
	id                    string // stream entry id, once read back
	part                  int
}

func (e entry) fields() map[string]any {
	return map[string]any{"kind": e.Kind, "collab": e.Collab, "key": e.Key, "ts": e.TS, "data": e.Data}
}

func entryOf(f map[string]string) entry {
	return entry{Kind: f["kind"], Collab: f["collab"], Key: f["key"], TS: f["ts"], Data: []byte(f["data"])}
}

// partitionOf spreads collaborations over the intake partitions; every
// event of one collaboration lands in the same one.
func partitionOf(collab string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(collab))
	return int(h.Sum32() % uint32(n))
}

// origin says where to tell a person that their event was not recorded.
type origin struct {
	channel, thread, user, lang, responseURL string
}

// whileSlackWaits retries fn until it succeeds, fails for good or ctx (the
// time Slack gives an ack) ends: Redis may be failing over.
func whileSlackWaits(ctx context.Context, fn func() error) error {
	err := fn()
	for wait := 20 * time.Millisecond; err != nil && !errors.As(err, new(permanent)) && ctx.Err() == nil; wait *= 2 {
		sleep(ctx, wait)
		err = fn()
	}
	return err
}

// record appends e to its collaboration's partition.
func (b *Bot) record(ctx context.Context, e entry) error {
	_, err := b.store.Record(ctx, partitionOf(e.Collab, b.cfg.Partitions), e.fields())
	return err
}

// intake turns an envelope's payload into the entries to record: none for
// what the bot ignores (its own posts, other threads).
func (b *Bot) intake(ctx context.Context, data any, raw json.RawMessage) ([]entry, origin, error) {
	switch d := data.(type) {
	case slack.SlashCommand:
		if e, ok, err := subcommandEntry(d); ok {
			return []entry{e}, origin{channel: d.ChannelID, user: d.UserID, lang: b.defaultLang(), responseURL: d.ResponseURL}, err
		}
		return commandEntry(d, b.cfg.Lang)
	case slackevents.EventsAPIEvent:
		if h, ok := d.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok {
			return homeEntry(h), origin{user: h.User}, nil
		}
		return b.replyEntry(ctx, d, raw)
	case slack.InteractionCallback:
		if d.Type == slack.InteractionTypeViewSubmission {
			return submissionEntry(d)
		}
		return clickEntries(d, b.cfg.Lang)
	}
	return nil, origin{}, nil
}

func commandEntry(cmd slack.SlashCommand, lang string) ([]entry, origin, error) {
	from := origin{channel: cmd.ChannelID, user: cmd.UserID, lang: detectLang(lang, cmd.Text), responseURL: cmd.ResponseURL}
	data, err := json.Marshal(cmd)
	if err != nil {
		return nil, from, fmt.Errorf("encode command: %w", err)
	}
	id := collabID(cmd)
	return []entry{{Kind: kindCommand, Collab: id, Key: "cmd:" + id, Data: data}}, from, nil
}

func (b *Bot) replyEntry(ctx context.Context, ev slackevents.EventsAPIEvent, raw json.RawMessage) ([]entry, origin, error) {
	m, ok := ev.InnerEvent.Data.(*slackevents.MessageEvent)
	if ok && m.SubType == "message_changed" {
		return b.editEntry(ctx, m)
	}
	if !ok || !b.isAnswer(m.User, m.BotID, m.SubType, m.ThreadTimeStamp, m.TimeStamp) {
		return nil, origin{}, nil
	}
	msg := threadMsg{Channel: m.Channel, Thread: m.ThreadTimeStamp, User: m.User, Text: m.Text, TS: m.TimeStamp}
	from := origin{channel: msg.Channel, thread: msg.Thread, user: msg.User, lang: detectLang(b.cfg.Lang, msg.Text)}
	id, err := b.threadCollabWhileSlackWaits(ctx, msg.Channel, msg.Thread)
	if errors.Is(err, flows.ErrNotFound) {
		if parent := parentUser(raw); parent != "" && parent != b.self {
			b.collabs.putThread(msg.Channel+":"+msg.Thread, "") // a person's thread: never a collab's
			return nil, from, nil
		}
		b.work.Do("thread:"+msg.Channel+":"+msg.Thread, func() { b.orphanReply(ctx, msg) })
		return nil, from, nil
	}
	if err != nil {
		return nil, from, err
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return nil, from, fmt.Errorf("encode reply: %w", err)
	}
	return []entry{{Kind: kindReply, Collab: id, Key: "msg:" + msg.TS, TS: msg.TS, Data: data}}, from, nil
}

// parentUser reads who posted a thread's root from a message event's
// parent_user_id, which slack-go does not keep; "" when absent.
func parentUser(raw json.RawMessage) string {
	var p struct {
		Event struct {
			ParentUserID string `json:"parent_user_id"`
		} `json:"event"`
	}
	_ = json.Unmarshal(raw, &p) // absent or unreadable: the root is looked up
	return p.Event.ParentUserID
}

func clickEntries(cb slack.InteractionCallback, lang string) ([]entry, origin, error) {
	from := origin{channel: cb.Channel.ID, thread: cb.Container.ThreadTs, user: cb.User.ID, lang: lang}
	if cb.Type != slack.InteractionTypeBlockActions {
		return nil, from, nil
	}
	var out []entry
	for _, a := range cb.ActionCallback.BlockActions {
		act, err := render.DecodeAction(a.Value)
		if err != nil || act.Collab == "" {
			continue
		}
		c := click{
			User: cb.User.ID, Channel: cb.Channel.ID, Thread: act.Thread, MessageTS: cb.Container.MessageTs,
			Ephemeral: cb.Container.IsEphemeral, ActionID: a.ActionID, Value: a.Value, ActionTS: a.ActionTs,
			Trigger: cb.TriggerID,
		}
		data, err := json.Marshal(c)
		if err != nil {
			return nil, from, fmt.Errorf("encode click: %w", err)
		}
		// Retries carry the same trigger id: the click counts once.
		key := "act:" + cb.TriggerID + ":" + a.ActionID
		out = append(out, entry{Kind: kindClick, Collab: act.Collab, Key: key, TS: a.ActionTs, Data: data})
		from.thread = act.Thread
	}
	return out, from, nil
}

// tellNotRecorded tells a person, in their language, that what they did
// was not recorded and should be done again.
func (b *Bot) tellNotRecorded(ctx context.Context, from origin) {
	ctx, cancel := b.eventContext(ctx)
	defer cancel()
	if from.responseURL != "" {
		if err := b.respond(ctx, from.responseURL, b.msgs.Usage(from.lang, render.ProblemUnavailable, "")); err != nil {
			b.log.Error("tell user the command was not recorded", "user", from.user, "err", err)
		}
		return
	}
	b.tellUnavailable(ctx, from.channel, from.thread, from.user, from.lang)
}

func (b *Bot) ack(ctx context.Context, sock *socketmode.Client, envelopeID string) {
	actx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := sock.AckCtx(actx, envelopeID, nil); err != nil {
		b.log.Error("ack", "envelope", envelopeID, "err", err)
	}
}

// ackBadMessage acks an envelope slack-go could not parse, so Slack does
// not redeliver what will never parse, and logs it.
func (b *Bot) ackBadMessage(ctx context.Context, sock *socketmode.Client, ev socketmode.Event) {
	bad, ok := ev.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	var env struct {
		EnvelopeID string `json:"envelope_id"`
		Type       string `json:"type"`
	}
	if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
		b.ack(ctx, sock, env.EnvelopeID)
	}
	b.log.Warn("unreadable envelope", "type", env.Type, "err", bad.Cause)
}
