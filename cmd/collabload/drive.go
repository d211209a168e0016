package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// collab is one collaboration to play. Each has its own channel, two user
// groups of one member each, and a sample scenario's answers.
type collab struct {
	channel string
	groups  [2]slacktest.Group
	users   [2]slacktest.User
	answers [2][3]string // goal, needs, value of each side
	topic   string
}

// planCollabs lays out n collaborations, taking the scenarios in turn.
func planCollabs(n int, scenarios []scenario.Scenario) []collab {
	out := make([]collab, n)
	for i := range out {
		sc := scenarios[i%len(scenarios)]
		tz := "America/New_York"
		if sc.Lang == "zh" {
			tz = "Asia/Shanghai"
		}
		c := collab{channel: fmt.Sprintf("C0LOAD%05d", i), topic: sc.Topic}
		for s, side := range [2]scenario.Side{sc.Sides.A, sc.Sides.B} {
			ab := "AB"[s : s+1]
			c.users[s] = slacktest.User{ID: fmt.Sprintf("U0LOAD%05d%s", i, ab), Name: fmt.Sprintf("load%d%s", i, ab), TZ: tz}
			// Slack handles have no spaces: "Customer Support" is @customer-support.
			h := strings.ToLower(strings.Join(strings.Fields(side.Name), "-"))
			c.groups[s] = slacktest.Group{ID: fmt.Sprintf("S0LOAD%05d%s", i, ab), Handle: h, Users: []string{c.users[s].ID}}
			c.answers[s] = [3]string{strings.TrimSpace(side.Goal), strings.TrimSpace(side.Needs), strings.TrimSpace(side.Value)}
		}
		out[i] = c
	}
	return out
}

func (c collab) register(srv *slacktest.Server) {
	for s := range 2 {
		srv.AddUser(c.users[s])
		srv.AddGroup(c.groups[s])
	}
}

// Kinds of handled events.
const (
	kindSlash = "slash"
	kindReply = "reply"
	kindClick = "click"
)

// sent is an envelope the load sent, and when: just before the call to
// the fake Slack, so it includes building and writing the envelope.
type sent struct {
	kind, id string
	at       time.Time
}

// result is what one collaboration measured.
type result struct {
	sent []sent
	// prompt latencies: the ts of a side's reply to the ts of the bot's
	// next prompt to that side (both stamped by the fake Slack's clock,
	// which is the wall clock, when it stored the message).
	prompts []time.Duration
	// lastClick is when the later of the two Accept clicks was sent (our
	// own clock, just before the call); summarize pairs it with the time
	// the fake Slack answered pins.add.
	lastClick time.Time
	err       error
}

// drive plays every collaboration, at most concurrency at once.
func drive(ctx context.Context, srv *slacktest.Server, plan []collab, concurrency int) []result {
	results := make([]result, len(plan))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(concurrency, len(plan)) {
		wg.Go(func() {
			for i := range next {
				results[i] = play(ctx, srv, plan[i])
			}
		})
	}
	started := 0
dispatch:
	for started < len(plan) {
		select {
		case next <- started:
			started++
		case <-ctx.Done():
			break dispatch
		}
	}
	close(next)
	wg.Wait()
	for i := started; i < len(plan); i++ {
		results[i].err = fmt.Errorf("%s: not started: %w", plan[i].channel, ctx.Err())
	}
	return results
}

// play runs one collaboration: /collab, each side answering its three
// questions as they come, both accepting, then the pinned agreement.
func play(ctx context.Context, srv *slacktest.Server, c collab) result {
	var r result
	if err := ctx.Err(); err != nil {
		r.err = fmt.Errorf("%s: not started: %w", c.channel, err)
		return r
	}
	text := fmt.Sprintf("<!subteam^%s|@%s> <!subteam^%s|@%s> %s", c.groups[0].ID, c.groups[0].Handle, c.groups[1].ID, c.groups[1].Handle, c.topic)
	at := time.Now()
	env, err := srv.SlashCommand(ctx, c.channel, c.users[0].ID, "/collab", text)
	if err != nil {
		r.err = fmt.Errorf("%s: /collab: %w", c.channel, err)
		return r
	}
	r.sent = append(r.sent, sent{kindSlash, env.EnvelopeID, at})
	var root string
	if err := srv.WaitInChannel(ctx, c.channel, func() bool { root = rootTS(srv, c.channel); return root != "" }); err != nil {
		r.err = fmt.Errorf("%s: no root message: %w", c.channel, err)
		return r
	}
	var sides [2]result
	var wg sync.WaitGroup
	for s := range 2 {
		wg.Go(func() { sides[s] = playSide(ctx, srv, c, root, s) })
	}
	wg.Wait()
	for _, sr := range sides {
		r.sent = append(r.sent, sr.sent...)
		r.prompts = append(r.prompts, sr.prompts...)
		if sr.lastClick.After(r.lastClick) {
			r.lastClick = sr.lastClick
		}
		if r.err == nil {
			r.err = sr.err
		}
	}
	if r.err != nil {
		return r
	}
	if err := srv.WaitInChannel(ctx, c.channel, func() bool { return len(srv.Pins(c.channel)) > 0 }); err != nil {
		r.err = fmt.Errorf("%s: agreement never pinned: %w", c.channel, err)
	}
	return r
}

// playSide is one side's member: wait for each question, answer it, then
// accept the proposal.
func playSide(ctx context.Context, srv *slacktest.Server, c collab, root string, s int) result {
	var r result
	mention := "<!subteam^" + c.groups[s].ID + ">"
	var lastReply string
	for q := range 3 {
		var prompt slacktest.Message
		err := srv.WaitInChannel(ctx, c.channel, func() bool {
			ps := prompts(srv, c.channel, root, mention)
			if len(ps) > q {
				prompt = ps[q]
			}
			return len(ps) > q
		})
		if err != nil {
			r.err = fmt.Errorf("%s: question %d for side %d never came: %w", c.channel, q+1, s+1, err)
			return r
		}
		if lastReply != "" {
			r.prompts = append(r.prompts, tsTime(prompt.TS).Sub(tsTime(lastReply)))
		}
		at := time.Now()
		ts, env, err := srv.Reply(ctx, slacktest.Message{Channel: c.channel, User: c.users[s].ID, Text: c.answers[s][q], ThreadTS: root})
		if err != nil {
			r.err = fmt.Errorf("%s: side %d answer %d: %w", c.channel, s+1, q+1, err)
			return r
		}
		r.sent, lastReply = append(r.sent, sent{kindReply, env.EnvelopeID, at}), ts
	}
	var proposal slacktest.Message
	err := srv.WaitInChannel(ctx, c.channel, func() bool {
		var ok bool
		proposal, ok = findProposal(srv.Thread(c.channel, root))
		return ok
	})
	if err != nil {
		r.err = fmt.Errorf("%s: no proposal: %w", c.channel, err)
		return r
	}
	// Empty Value: the fake Slack sends the button's own value.
	click := slacktest.Click{Channel: c.channel, User: c.users[s].ID, MessageTS: proposal.TS, ActionID: render.ActionAccept}
	r.lastClick = time.Now()
	env, err := srv.Click(ctx, click)
	if err != nil {
		r.err = fmt.Errorf("%s: side %d accept: %w", c.channel, s+1, err)
		return r
	}
	r.sent = append(r.sent, sent{kindClick, env.EnvelopeID, r.lastClick})
	return r
}

// rootTS is the ts of the bot's first top-level message in channel, or "".
func rootTS(srv *slacktest.Server, channel string) string {
	for _, m := range srv.Messages(channel) {
		if m.BotID != "" && m.ThreadTS == "" {
			return m.TS
		}
	}
	return ""
}

// prompts lists the bot's questions in the thread that mention a side:
// thread replies whose metadata, if any, marks a prompt (proposals
// mention the sides too).
func prompts(srv *slacktest.Server, channel, root, mention string) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range srv.Thread(channel, root) {
		t := eventType(m)
		if m.BotID != "" && m.TS != root && (t == "" || t == "collab_prompt") && strings.Contains(m.Text, mention) {
			out = append(out, m)
		}
	}
	return out
}

// findProposal returns the newest proposal in a thread.
func findProposal(thread []slacktest.Message) (slacktest.Message, bool) {
	for i := len(thread) - 1; i >= 0; i-- {
		if eventType(thread[i]) == "collab_proposal" {
			return thread[i], true
		}
	}
	return slacktest.Message{}, false
}

// eventType is the event_type of m's metadata, "" when it has none.
func eventType(m slacktest.Message) string {
	var md struct {
		EventType string `json:"event_type"`
	}
	if m.Metadata == nil || json.Unmarshal(m.Metadata, &md) != nil {
		return ""
	}
	return md.EventType
}

// tsTime reads a Slack ts ("1764000000.000100") as a time; the fake
// Slack's ts are microseconds of its clock.
func tsTime(ts string) time.Time {
	sec, micro, _ := strings.Cut(ts, ".")
	s, _ := strconv.ParseInt(sec, 10, 64)
	us, _ := strconv.ParseInt(micro, 10, 64)
	return time.Unix(s, us*1000)
}
