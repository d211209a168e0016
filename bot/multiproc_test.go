package bot_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// room is one collaboration of a multi-process test, in a channel of its
// own, driven as people would: each side answers once asked.
type room struct {
	f  *fleet
	ch string
}

// count is what the bot posted in the room.
type count struct{ roots, opsPrompts, techPrompts, proposals, agreements, pins int }

func (r room) root() string {
	for _, m := range r.f.slack.Messages(r.ch) {
		if m.BotID != "" && m.ThreadTS == "" && eventType(m) == "collab_root" {
			return m.TS
		}
	}
	return ""
}

func (r room) count() count {
	var c count
	for _, m := range r.f.slack.Messages(r.ch) {
		if m.BotID == "" {
			continue
		}
		switch eventType(m) {
		case "collab_root":
			c.roots++
		case "collab_proposal":
			c.proposals++
		case "collab_agreement":
			c.agreements++
		case "collab_prompt":
			c.opsPrompts += strings.Count(m.Text, "<!subteam^"+opsGroup+">")
			c.techPrompts += strings.Count(m.Text, "<!subteam^"+techGrp+">")
		}
	}
	c.pins = len(r.f.slack.Pins(r.ch))
	return c
}

func (r room) proposal() (slacktest.Message, bool) {
	for _, m := range r.f.slack.Messages(r.ch) {
		if eventType(m) == "collab_proposal" {
			return m, true
		}
	}
	return slacktest.Message{}, false
}

func (r room) reply(user, text string, twice bool) {
	root := r.root()
	_, env, err := r.f.slack.Reply(context.Background(), slacktest.Message{Channel: r.ch, User: user, Text: text, ThreadTS: root})
	if err != nil {
		r.f.t.Errorf("reply in %s: %v", r.ch, err)
		return
	}
	if twice { // Slack sends it again, to another connection
		_, _ = r.f.slack.Redeliver(context.Background(), env)
	}
}

func (r room) click(user string, twice bool) {
	p, _ := r.proposal()
	env, err := r.f.slack.Click(context.Background(), slacktest.Click{Channel: r.ch, User: user, MessageTS: p.TS, ActionID: "collab_accept"})
	if err != nil {
		r.f.t.Errorf("click in %s: %v", r.ch, err)
		return
	}
	if twice {
		_, _ = r.f.slack.Redeliver(context.Background(), env)
	}
}

// converse runs a whole collaboration: both sides answer at once, a
// stranger chats in the thread, both accept. Every third event is
// delivered twice, to another replica.
func (r room) converse(i int) {
	if r.command(i) {
		r.talk(i)
	}
}

// command starts collaboration i; false when Slack did not take it.
func (r room) command(i int) bool {
	env, err := r.f.slack.SlashCommand(context.Background(), r.ch, opsAna, "/collab", fmt.Sprintf("%s %s %s %d", opsRef, techRef, topicEN, i))
	if err != nil {
		r.f.t.Errorf("command in %s: %v", r.ch, err)
		return false
	}
	if i%3 == 0 {
		_, _ = r.f.slack.Redeliver(context.Background(), env)
	}
	return true
}

// talk runs collaboration i from its first prompts to its pinned
// agreement.
func (r room) talk(i int) {
	r.f.waitLong(r.ch+" first prompts", func() bool { c := r.count(); return c.opsPrompts == 1 && c.techPrompts == 1 })
	for q := range 3 {
		var wg sync.WaitGroup
		wg.Go(func() { r.reply(opsBo, opsAnswers[q], (i+q)%3 == 1) })
		wg.Go(func() { r.reply(techCy, techAnswers[q], (i+q)%3 == 2) })
		wg.Go(func() { r.reply(stranger, "anyone for lunch?", false) })
		wg.Wait()
		if q < 2 {
			r.f.waitLong(fmt.Sprintf("%s prompts %d", r.ch, q+2), func() bool {
				c := r.count()
				return c.opsPrompts == q+2 && c.techPrompts == q+2
			})
		}
	}
	r.f.waitLong(r.ch+" proposal", func() bool { _, ok := r.proposal(); return ok })
	var wg sync.WaitGroup
	wg.Go(func() { r.click(opsAna, i%2 == 0) })
	wg.Go(func() { r.click(techCy, i%2 == 1) })
	wg.Wait()
	r.f.waitLong(r.ch+" pinned agreement", func() bool { return r.count().pins > 0 })
}

// check asserts every effect happened once and every answer is stored
// under its question.
func (r room) check(t *testing.T) {
	t.Helper()
	if got, want := r.count(), (count{1, 3, 3, 1, 1, 1}); got != want {
		t.Errorf("%s: %+v, want %+v", r.ch, got, want)
	}
	id, err := r.f.store.ThreadCollab(t.Context(), r.ch, r.root())
	if err != nil {
		t.Fatalf("%s: %v", r.ch, err)
	}
	var c flows.Collab
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		c, err = r.f.store.Get(t.Context(), id)
		if err != nil {
			t.Fatalf("%s: %v", r.ch, err)
		}
		if len(c.Outbox) == 0 || time.Now().After(deadline) {
			break
		}
	}
	r.f.settle()
	if got, want := r.count(), (count{1, 3, 3, 1, 1, 1}); got != want {
		t.Errorf("%s after the outbox emptied: %+v, want %+v", r.ch, got, want)
	}
	for q := range 3 {
		if a, b := c.Sides[0].Answers[q].Text, c.Sides[1].Answers[q].Text; a != opsAnswers[q] || b != techAnswers[q] {
			t.Errorf("%s question %d: answers %q and %q", r.ch, q, a, b)
		}
	}
	if c.State != flows.Agreed || len(c.Outbox) != 0 {
		t.Errorf("%s: state %s, %d effects left", r.ch, c.State, len(c.Outbox))
	}
}

// Three bot processes on one Redis and one Slack that spreads envelopes
// over their connections and sends some twice, to another connection:
// fifty collaborations at once, and every root, prompt, proposal,
// agreement and pin happens exactly once. It logs reply → next prompt
// figures; COLLABS=n plays n collaborations instead.
func TestReplicasExactlyOnce(t *testing.T) {
	f := newFleet(t, 3)
	n := 50
	if v, err := strconv.Atoi(os.Getenv("COLLABS")); err == nil && v > 0 {
		n = v
	}
	rooms := make([]room, n)
	var wg sync.WaitGroup
	for i := range rooms {
		rooms[i] = room{f: f, ch: fmt.Sprintf("C0R%03d", i)}
		wg.Go(func() { rooms[i].converse(i) })
	}
	wg.Wait()
	f.settle()
	for _, r := range rooms {
		r.check(t)
	}
	logDelays(t, rooms)
}

// A bot process killed with SIGKILL at each step of a collaboration, and
// another started: every effect still happens exactly once and no event
// is lost. A stalled Slack answer holds the process at the step.
func TestKillAtEachStep(t *testing.T) {
	f := newFleet(t, 1)
	r := room{f: f, ch: "C0KILL"}
	proc := "r1"
	killDuring := func(step, method string, do func()) {
		t.Helper()
		f.slack.Stall(method, 1)
		before := len(f.slack.Calls())
		do()
		f.waitLong(step+": stalled "+method, func() bool {
			calls := f.slack.Calls()
			for _, c := range calls[before:] {
				if c.Method == method {
					return true
				}
			}
			return false
		})
		f.kill(proc)
		f.slack.Release(method)
		proc = f.startProc()
	}
	cmd := func() {
		if _, err := f.slack.SlashCommand(context.Background(), r.ch, opsAna, "/collab", opsRef+" "+techRef+" "+topicEN); err != nil {
			t.Fatal(err)
		}
	}
	killDuring("command acked", "usergroups.users.list", cmd)
	f.waitLong("first prompts", func() bool { c := r.count(); return c.opsPrompts == 1 && c.techPrompts == 1 })

	killDuring("reply acked", "usergroups.users.list", func() { r.reply(opsBo, opsAnswers[0], false) })
	f.waitLong("ops' second prompt", func() bool { return r.count().opsPrompts == 2 })
	killDuring("prompt posted, not recorded", "chat.postMessage", func() { r.reply(techCy, techAnswers[0], false) })
	f.waitLong("tech's second prompt", func() bool { return r.count().techPrompts == 2 })
	for q := 1; q < 3; q++ {
		r.reply(opsBo, opsAnswers[q], false)
		r.reply(techCy, techAnswers[q], false)
		if q < 2 {
			f.waitLong("next prompts", func() bool { c := r.count(); return c.opsPrompts == q+2 && c.techPrompts == q+2 })
		}
	}
	f.waitLong("proposal", func() bool { _, ok := r.proposal(); return ok })
	killDuring("click acked", "usergroups.users.list", func() { r.click(opsAna, false) })
	f.waitLong("acceptance noted", func() bool { return len(f.ephemeralsFor(opsAna)) > 0 })
	killDuring("agreement posted, not pinned", "pins.add", func() { r.click(techCy, false) })
	f.waitLong("pin", func() bool { return r.count().pins > 0 })
	f.settle()
	r.check(t)
}

// promptDelays are, for each prompt that follows an answer, the time from
// the answer's ts to the prompt's ts.
func (r room) promptDelays() []time.Duration {
	var out []time.Duration
	last := map[string]string{} // side mention -> ts of its newest answer
	for _, m := range r.f.slack.Messages(r.ch) {
		switch {
		case m.BotID == "" && m.User == opsBo:
			last["<!subteam^"+opsGroup+">"] = m.TS
		case m.BotID == "" && m.User == techCy:
			last["<!subteam^"+techGrp+">"] = m.TS
		case eventType(m) == "collab_prompt":
			for ref, ts := range last {
				if strings.Contains(m.Text, ref) {
					out = append(out, tsTime(m.TS).Sub(tsTime(ts)))
					delete(last, ref)
				}
			}
		}
	}
	return out
}

func tsTime(ts string) time.Time {
	var sec, us int64
	fmt.Sscanf(ts, "%d.%d", &sec, &us)
	return time.Unix(sec, us*1000)
}

// logDelays prints the reply → next prompt figures of rooms.
func logDelays(t *testing.T, rooms []room) {
	var all []time.Duration
	for _, r := range rooms {
		all = append(all, r.promptDelays()...)
	}
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	t.Logf("reply → next prompt over %d prompts: p50 %v, p99 %v, max %v", len(all),
		all[len(all)/2], all[len(all)*99/100], all[len(all)-1])
}

// A bot process paused (SIGSTOP) past its lease while it handles a reply,
// between loading the collab and saving it, and resumed after another
// process took its partitions over and is handling the same reply: the
// paused one's save is refused (its fencing token is older), so it posts
// nothing alongside the new owner, and the collaboration ends with every
// effect once.
func TestPausedOwnerIsFenced(t *testing.T) {
	f := newFleet(t, 1)
	r := room{f: f, ch: "C0PAUSE"}
	if _, err := f.slack.SlashCommand(context.Background(), r.ch, opsAna, "/collab", opsRef+" "+techRef+" "+topicEN); err != nil {
		t.Fatal(err)
	}
	f.waitLong("first prompts", func() bool { c := r.count(); return c.opsPrompts == 1 && c.techPrompts == 1 })
	stalledCalls := func(n int) func() bool {
		return func() bool { return f.calls("usergroups.users.list") >= n }
	}
	before := f.calls("usergroups.users.list")
	f.slack.Stall("usergroups.users.list", 1)
	r.reply(opsBo, opsAnswers[0], false)
	f.waitLong("r1 loaded the collab", stalledCalls(before+1))
	f.signal("r1", syscall.SIGSTOP)
	f.slack.Release("usergroups.users.list") // r1 reads the answer once resumed
	f.slack.Stall("usergroups.users.list", 1)
	f.startProc()
	f.waitLong("r2 took the partition over and handles the reply", stalledCalls(before+2))
	f.signal("r1", syscall.SIGCONT)
	// Its save is refused as fenced, or, should its lease check run
	// first, its work on the entry stops before an effect: either way it
	// posts nothing. (Later it may take partitions back, with a newer
	// token, and rightly handle the entry itself.)
	f.waitLogged("r1 gave the reply up", "r1", "partition taken over", "event left pending", "effects pending, will retry")
	if c := r.count(); c.opsPrompts != 1 {
		t.Errorf("the paused owner posted: %d prompts for ops, want 1", c.opsPrompts)
	}
	t.Logf("paused owner's save refused by its fencing token: %v", f.logged("r1", "partition taken over"))
	f.slack.Release("usergroups.users.list")
	f.waitLong("ops' second prompt", func() bool { return r.count().opsPrompts == 2 })
	for q := range 3 {
		if q > 0 {
			r.reply(opsBo, opsAnswers[q], false)
		}
		r.reply(techCy, techAnswers[q], false)
		if q < 2 {
			f.waitLong("next prompts", func() bool { c := r.count(); return c.opsPrompts == q+2 && c.techPrompts == q+2 })
		}
	}
	f.waitLong("proposal", func() bool { _, ok := r.proposal(); return ok })
	r.click(opsAna, false)
	r.click(techCy, false)
	f.waitLong("pin", func() bool { return r.count().pins > 0 })
	r.check(t)
}

// A replica giving its partitions back while a Slack call of theirs hangs
// past the lease (root posts answered only later) keeps them until that
// work is done: whichever replica reads them next finds nothing to do
// twice, whether they go back because another replica joins or because
// the first one is stopped.
func TestHandoffWaitsForWorkInFlight(t *testing.T) {
	for _, tc := range []struct {
		name    string
		rooms   int
		handOff func(f *fleet) (wait func())
	}{
		{"another replica joins", 4, func(f *fleet) func() { f.startProc(); return func() {} }},
		{"the replica is stopped", 2, func(f *fleet) func() {
			wait := f.terminate("r1")
			f.startProc()
			return wait
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFleet(t, 1)
			before := f.calls("chat.postMessage")
			f.slack.Stall("chat.postMessage", tc.rooms)
			rooms := make([]room, tc.rooms)
			for i := range rooms {
				rooms[i] = room{f: f, ch: fmt.Sprintf("C0HAND%d", i)}
				rooms[i].command(i)
			}
			f.waitLong("root posts in flight", func() bool { return f.calls("chat.postMessage") >= before+tc.rooms })
			stopped := tc.handOff(f)
			time.Sleep(5 * time.Second) // more than two leases
			f.slack.Release("chat.postMessage")
			stopped()
			var wg sync.WaitGroup
			for i, r := range rooms {
				wg.Go(func() { r.talk(i) })
			}
			wg.Wait()
			f.settle()
			for _, r := range rooms {
				r.check(t)
			}
		})
	}
}

// A replica stopped while a Slack call of its work never answers stops
// within a few leases all the same, and the replica that takes its
// partitions over finishes that work, posting nothing twice.
func TestStopWhileSlackHangs(t *testing.T) {
	f := newFleet(t, 1)
	r := room{f: f, ch: "C0HUNG"}
	before := f.calls("chat.postMessage")
	f.slack.Stall("chat.postMessage", 1) // never released
	r.command(1)
	f.waitLong("root post in flight", func() bool { return f.calls("chat.postMessage") > before })
	start := time.Now()
	stopped := f.terminate("r1")
	f.startProc()
	stopped()
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("r1 stopped %v after SIGTERM, want within a few leases", d.Round(time.Second))
	}
	t.Logf("r1 stopped %v after SIGTERM", time.Since(start).Round(100*time.Millisecond))
	r.talk(1)
	f.settle()
	r.check(t)
}
