package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
)

// TestScenariosThroughTheBot plays every sample collaboration, in English,
// Chinese and mixed, from /collab to the end through the running bot,
// answers written on the scenario's day in Shanghai. What the engine
// finds is measured over the whole corpus by flows/mediate's tests; what
// the bot owns is checked here: the proposal's and the agreement's
// metadata carry exactly what the engine built for the version, and an
// agreement is pinned when there is something to accept, never when
// there is not. The reference collaborations are also checked against
// their every expectation.
func TestScenariosThroughTheBot(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		t.Run(sc.Name, func(t *testing.T) {
			h, root := playScenario(t, sc)
			p, _ := h.proposal(root)
			c := h.storedCollab(root)
			if c.Proposal == nil || c.Proposal.Version != c.Version {
				t.Fatalf("stored collab version %d has proposal %+v", c.Version, c.Proposal)
			}
			got := meta(p).EventPayload
			checkPayload(t, "proposal", got, wantPayload(t, c, *c.Proposal, false))
			if referenceScenarios[sc.Name] {
				checkScenario(t, sc, got)
			}
			if nothingToAccept(*c.Proposal) {
				h.checkNoAgreement(root, p)
				return
			}
			h.checkAgreement(root, sc, p)
		})
	}
}

// referenceScenarios are the product's reference collaborations: the
// engine must find all they expect, whatever else it is tuned for.
var referenceScenarios = map[string]bool{"ops-tech-launch": true, "presale-load": true}

// playScenario starts sc's collaboration on a fake Slack whose clock
// reads 10:00 on the scenario's day in Shanghai, has both sides answer,
// and returns once the proposal is posted.
func playScenario(t *testing.T, sc scenario.Scenario) (*harness, string) {
	t.Helper()
	start, began := sc.Today.At(10, shanghai(t)), time.Now()
	h := newHarness(t, slacktest.WithClock(func() time.Time { return start.Add(time.Since(began)) }))
	root := h.start(opsAna, opsRef+" "+techRef+" "+sc.Topic)
	a, b := sc.Sides.A, sc.Sides.B
	h.answer(root, opsAna, answers{a.Goal, a.Needs, a.Value}, techCy, answers{b.Goal, b.Needs, b.Value})
	return h, root
}

func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// storedCollab is the thread's collaboration as the store holds it.
func (h *harness) storedCollab(root string) flows.Collab {
	h.t.Helper()
	c, err := h.store.Get(h.t.Context(), collabOf(h.t, h, root))
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// nothingToAccept reports whether p meets no need and holds no
// commitment: an agreement on it would be empty.
func nothingToAccept(p mediate.Proposal) bool {
	return len(p.Matches) == 0 && len(p.Commitments) == 0
}

// checkAgreement has both sides accept proposal p and checks that the
// agreement pinned carries what was accepted, and who accepted it.
func (h *harness) checkAgreement(root string, sc scenario.Scenario, p slacktest.Message) {
	t := h.t
	t.Helper()
	h.accept(root, opsBo, techCy)
	h.waitFor("pinned agreement", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })
	agreement, _ := h.agreement()
	got := meta(agreement).EventPayload
	c := h.storedCollab(root)
	if c.Accepted != [2]string{opsBo, techCy} {
		t.Errorf("stored acceptances %v, want %s and %s", c.Accepted, opsBo, techCy)
	}
	checkPayload(t, "agreement", got, wantPayload(t, c, *c.Proposal, true))
	if referenceScenarios[sc.Name] {
		checkScenario(t, sc, got)
	}
	if got["version"] != meta(p).EventPayload["version"] {
		t.Errorf("agreement on version %v, proposal was %v", got["version"], meta(p).EventPayload["version"])
	}
	if agreement.TS != h.slack.Pins(channel)[0] {
		t.Errorf("pinned %v, want the agreement %s", h.slack.Pins(channel), agreement.TS)
	}
}

// checkNoAgreement checks that proposal p, which has nothing to accept,
// offers only Request changes and says why, and that once the bot has
// carried out everything it decided, no agreement is posted or pinned.
func (h *harness) checkNoAgreement(root string, p slacktest.Message) {
	t := h.t
	t.Helper()
	var ids []string
	for _, b := range buttons(t, p.Blocks) {
		if b[0] == "collab_accept" || b[0] == "collab_revise" {
			ids = append(ids, b[0])
		}
	}
	if !slices.Equal(ids, []string{"collab_revise"}) {
		t.Errorf("proposal with nothing to accept has buttons %v, want only collab_revise", ids)
	}
	if why := texts(t, p); !strings.Contains(why, nothingAgreed[str(meta(p).EventPayload["lang"])]) {
		t.Errorf("proposal does not say there is nothing to accept:\n%s", why)
	}
	h.waitStored(root, "proposal posted and outbox empty", func(c flows.Collab) bool {
		return c.ProposalVersion == c.Version && len(c.Outbox) == 0
	})
	if a, ok := h.agreement(); ok || len(h.slack.Pins(channel)) > 0 {
		t.Errorf("agreement %v posted, pins %v, with nothing to accept", meta(a).EventPayload, h.slack.Pins(channel))
	}
}

// nothingAgreed begins, per language, the line a proposal with nothing
// to accept shows instead of the Accept button.
var nothingAgreed = map[string]string{"en": "Nothing can be agreed yet", "zh": "目前还没有可以接受的内容"}

func checkScenario(t *testing.T, sc scenario.Scenario, got map[string]any) {
	t.Helper()
	if got["lang"] != sc.Lang {
		t.Errorf("lang = %v, want %s", got["lang"], sc.Lang)
	}
	matches := objects(got["matches"])
	for _, want := range sc.Expect.Matches {
		if !hasPair(matches, want) {
			t.Errorf("missing match %+v in %v", want, matches)
		}
	}
	for _, m := range matches {
		ok := false
		for _, p := range append(append([]scenario.Pair{}, sc.Expect.Matches...), sc.Expect.Allowed...) {
			ok = ok || pairIs(m, p)
		}
		if !ok {
			t.Errorf("false match: %v", m)
		}
	}
	conflicts := objects(got["conflicts"])
	for _, want := range sc.Expect.Conflicts {
		found := false
		for _, c := range conflicts {
			found = found || (c["need_side"] == want.Need.Side && strings.Contains(str(c["need"]), want.Need.Text) &&
				c["middle_ground"] == want.MiddleGround.String())
		}
		if !found {
			t.Errorf("missing conflict %+v in %v", want, conflicts)
		}
	}
	open := objects(got["open"])
	for _, want := range sc.Expect.Open {
		found := false
		for _, o := range open {
			found = found || (o["side"] == want.Side && strings.Contains(str(o["need"]), want.Text))
		}
		if !found {
			t.Errorf("missing open point %+v in %v", want, open)
		}
	}
}

func pairIs(m map[string]any, p scenario.Pair) bool {
	return m["need_side"] == p.Need.Side && strings.Contains(str(m["need"]), p.Need.Text) &&
		m["offer_side"] == p.Offer.Side && strings.Contains(str(m["offer"]), p.Offer.Text)
}

func hasPair(ms []map[string]any, p scenario.Pair) bool {
	for _, m := range ms {
		if pairIs(m, p) {
			return true
		}
	}
	return false
}

func objects(v any) []map[string]any {
	list, _ := v.([]any)
	out := make([]map[string]any, 0, len(list))
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }
