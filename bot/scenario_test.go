package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// TestScenariosThroughTheBot plays every sample collaboration, in English,
// Chinese and mixed, from /collab to the pinned agreement through the
// running bot, answers written on the scenario's day in Shanghai, and
// checks the proposal's and the agreement's metadata against what a good
// proposal contains.
func TestScenariosThroughTheBot(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		t.Run(sc.Name, func(t *testing.T) {
			start, began := sc.Today.At(10, shanghai), time.Now()
			h := newHarness(t, slacktest.WithClock(func() time.Time { return start.Add(time.Since(began)) }))
			root := h.start(opsAna, opsRef+" "+techRef+" "+sc.Topic)
			a := sc.Sides.A
			b := sc.Sides.B
			h.answer(root, opsAna, answers{a.Goal, a.Needs, a.Value}, techCy, answers{b.Goal, b.Needs, b.Value})
			p, _ := h.proposal(root)
			checkScenario(t, sc, meta(p).EventPayload)

			h.accept(root, opsBo, techCy)
			h.waitFor("pinned agreement", func() bool { _, ok := h.agreement(); return ok && len(h.slack.Pins(channel)) == 1 })
			agreement, _ := h.agreement()
			got := meta(agreement).EventPayload
			checkScenario(t, sc, got)
			if got["accepted_by_a"] != opsBo || got["accepted_by_b"] != techCy || got["collab_id"] != meta(p).EventPayload["collab_id"] {
				t.Errorf("agreement metadata = %v", got)
			}
			if agreement.TS != h.slack.Pins(channel)[0] {
				t.Errorf("pinned %v, want the agreement %s", h.slack.Pins(channel), agreement.TS)
			}
		})
	}
}

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
