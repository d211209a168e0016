package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

const channel = "C0COLLAB"

// People of the test workspace: two groups and a stranger.
const (
	opsAna   = "U0OPSANA"
	opsBo    = "U0OPSBO"
	techCy   = "U0TECHCY"
	stranger = "U0STRANGE"
	opsGroup = "S0OPS"
	techGrp  = "S0TECH"
)

var (
	opsRef  = "<!subteam^" + opsGroup + "|@ops>"
	techRef = "<!subteam^" + techGrp + "|@tech>"
)

// harness is a fake Slack, a real Redis and one running bot.
type harness struct {
	t     *testing.T
	slack *slacktest.Server
	store *store.Store
	stop  func() // stops the running bot and waits for it
}

func newHarness(t *testing.T, opts ...slacktest.Option) *harness {
	t.Helper()
	return newHarnessOn(t, store.New(redistest.Client(t), redistest.Prefix(t)), opts...)
}

// newHarnessOn is newHarness with a store of the test's choosing.
func newHarnessOn(t *testing.T, st *store.Store, opts ...slacktest.Option) *harness {
	t.Helper()
	srv := slacktest.New(append([]slacktest.Option{slacktest.WithPingInterval(200 * time.Millisecond)}, opts...)...)
	t.Cleanup(srv.Close)
	addPeople(srv)
	h := &harness{t: t, slack: srv, store: st}
	h.startBot()
	t.Cleanup(func() { h.stop() })
	return h
}

// addPeople fills the workspace: two groups and a stranger.
func addPeople(srv *slacktest.Server) {
	for _, u := range []slacktest.User{
		{ID: opsAna, Name: "ana", TZ: "Asia/Shanghai"},
		{ID: opsBo, Name: "bo", TZ: "Europe/Berlin"},
		{ID: techCy, Name: "cy", TZ: "Asia/Shanghai"},
		{ID: stranger, Name: "sam", TZ: ""},
	} {
		srv.AddUser(u)
	}
	srv.AddGroup(slacktest.Group{ID: opsGroup, Handle: "ops", Users: []string{opsAna, opsBo}})
	srv.AddGroup(slacktest.Group{ID: techGrp, Handle: "tech", Users: []string{techCy}})
}

// startBot starts a bot instance on the harness's Slack and store, and
// waits until its socket is connected.
func (h *harness) startBot() {
	h.t.Helper()
	h.stop = h.runBot(testConfig())
}

// testConfig is the bot configuration the tests start with.
func testConfig() bot.Config {
	return bot.Config{Lang: "auto", PingInterval: 2 * time.Second, StoreRetry: 2 * time.Second, MembersTTL: time.Nanosecond,
		IntakeWait: 100 * time.Millisecond}
}

// runBot starts a bot with cfg on the harness's Slack and store, waits
// until it is connected, and returns what stops it.
func (h *harness) runBot(cfg bot.Config) (stop func()) {
	h.t.Helper()
	api := bot.NewSlackClient("xoxb-test", "xapp-1-test", h.slack.URL())
	b, err := bot.New(api, h.store, cfg)
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				h.t.Errorf("bot stopped with %v", err)
			}
		case <-time.After(20 * time.Second):
			h.t.Error("bot did not stop within 20s")
		}
	}
	h.waitConnected(b)
	return stop
}

// waitConnected polls: the bot's connection is not state the fake Slack
// can signal a change of.
func (h *harness) waitConnected(b *bot.Bot) {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !b.Connected() {
		if time.Now().After(deadline) {
			h.t.Fatal("bot did not connect within 15s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitFor waits up to 15 s for cond, failing the test with what.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	h.waitUpTo(15*time.Second, what, cond)
}

// waitUpTo waits up to d for cond, failing the test with what.
func (h *harness) waitUpTo(d time.Duration, what string, cond func() bool) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	if err := h.slack.WaitFor(ctx, cond); err != nil {
		h.t.Fatalf("waiting for %s: %v", what, err)
	}
}

func (h *harness) command(user, text string) slacktest.Envelope {
	h.t.Helper()
	env, err := h.slack.SlashCommand(context.Background(), channel, user, "/collab", text)
	if err != nil {
		h.t.Fatalf("send /collab: %v", err)
	}
	return env
}

// start runs /collab and returns the root message's ts once both sides
// have their first question.
func (h *harness) start(user, text string) string {
	h.t.Helper()
	before := h.rootTS()
	h.command(user, text)
	var root string
	h.waitFor("root message and two prompts", func() bool {
		root = h.rootTS()
		return root != before && len(h.botThread(root)) >= 2
	})
	return root
}

// rootTS is the ts of the newest top-level bot message that has a thread
// role (not an agreement summary), or "".
func (h *harness) rootTS() string {
	msgs := h.slack.Messages(channel)
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.BotID != "" && m.ThreadTS == "" && eventType(m) == "collab_root" {
			return m.TS
		}
	}
	return ""
}

// botThread lists the bot's messages in the thread, root excluded.
func (h *harness) botThread(root string) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range h.slack.Thread(channel, root) {
		if m.BotID != "" && m.TS != root {
			out = append(out, m)
		}
	}
	return out
}

func (h *harness) reply(root, user, text string) slacktest.Envelope {
	h.t.Helper()
	_, env, err := h.slack.Reply(context.Background(), slacktest.Message{Channel: channel, User: user, Text: text, ThreadTS: root})
	if err != nil {
		h.t.Fatalf("reply: %v", err)
	}
	return env
}

func (h *harness) click(user string, m slacktest.Message, actionID, value string) slacktest.Envelope {
	h.t.Helper()
	env, err := h.slack.Click(context.Background(), slacktest.Click{Channel: channel, User: user, MessageTS: m.TS, ActionID: actionID, Value: value})
	if err != nil {
		h.t.Fatalf("click %s: %v", actionID, err)
	}
	return env
}

// prompts returns the bot's thread messages that mention ref.
func (h *harness) prompts(root, ref string) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range h.botThread(root) {
		if strings.Contains(m.Text, ref) && eventType(m) == "collab_prompt" {
			out = append(out, m)
		}
	}
	return out
}

// proposal returns the newest proposal message in the thread, if any.
func (h *harness) proposal(root string) (slacktest.Message, bool) {
	var last slacktest.Message
	found := false
	for _, m := range h.botThread(root) {
		if eventType(m) == "collab_proposal" {
			last, found = m, true
		}
	}
	return last, found
}

// agreement returns the agreement summary posted in the channel, if any.
func (h *harness) agreement() (slacktest.Message, bool) {
	for _, m := range h.slack.Messages(channel) {
		if eventType(m) == "collab_agreement" {
			return m, true
		}
	}
	return slacktest.Message{}, false
}

func (h *harness) ephemeralsFor(user string) []slacktest.Ephemeral {
	var out []slacktest.Ephemeral
	for _, e := range h.slack.Ephemerals() {
		if e.User == user {
			out = append(out, e)
		}
	}
	return out
}

type metadata struct {
	EventType    string         `json:"event_type"`
	EventPayload map[string]any `json:"event_payload"`
}

func meta(m slacktest.Message) metadata {
	var md metadata
	_ = json.Unmarshal(m.Metadata, &md)
	return md
}

func eventType(m slacktest.Message) string { return meta(m).EventType }

// buttons lists the (action_id, value) of every button in blocks.
func buttons(t *testing.T, blocks json.RawMessage) [][2]string {
	t.Helper()
	var out [][2]string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "button" {
				id, _ := v["action_id"].(string)
				val, _ := v["value"].(string)
				out = append(out, [2]string{id, val})
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	var v any
	if err := json.Unmarshal(blocks, &v); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	walk(v)
	return out
}

// button finds the value of the button with actionID in a message's blocks.
func button(t *testing.T, blocks json.RawMessage, actionID string) string {
	t.Helper()
	for _, b := range buttons(t, blocks) {
		if b[0] == actionID {
			return b[1]
		}
	}
	t.Fatalf("no button %s in %s", actionID, blocks)
	return ""
}

// texts returns every string in a message's text and blocks, decoded, as
// Slack would read them.
func texts(t *testing.T, m slacktest.Message) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(m.Text)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString("\n" + v)
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	if len(m.Blocks) > 0 {
		var v any
		if err := json.Unmarshal(m.Blocks, &v); err != nil {
			t.Fatalf("blocks: %v", err)
		}
		walk(v)
	}
	return b.String()
}

// redoButton finds, in an ephemeral's blocks, the collab_redo button for
// question q ("goal", "needs" or "value") and returns its value.
func redoButton(t *testing.T, blocks json.RawMessage, q string) string {
	t.Helper()
	for _, b := range buttons(t, blocks) {
		if b[0] != "collab_redo" {
			continue
		}
		if a, err := render.DecodeAction(b[1]); err == nil && a.Question == q {
			return b[1]
		}
	}
	t.Fatalf("no redo button for %s in %s", q, blocks)
	return ""
}

// clickEphemeral clicks a collab_redo button of the user's newest ephemeral.
func (h *harness) clickEphemeral(user, value string) {
	h.t.Helper()
	es := h.ephemeralsFor(user)
	e := es[len(es)-1]
	_, err := h.slack.Click(context.Background(), slacktest.Click{Channel: channel, User: user, MessageTS: e.TS, ActionID: "collab_redo", Value: value})
	if err != nil {
		h.t.Fatalf("click redo: %v", err)
	}
}

// The store is what the bot needs, scheduler included.
var (
	_ bot.Store     = (*store.Store)(nil)
	_ bot.Scheduler = (*store.Store)(nil)
)
