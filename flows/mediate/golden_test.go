package mediate_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
)

// TestScenarios plays every scenario file and holds the proposal to its
// expectations: every expected match, conflict and open point is present,
// and nothing is matched, in conflict or open that the file does not name.
func TestScenarios(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 8 {
		t.Fatalf("found %d scenarios, want the 2 given and at least 6 more", len(all))
	}
	for _, s := range all {
		t.Run(s.Name, func(t *testing.T) {
			checkRefs(t, s)
			p := mediate.Build(s.Input(time.UTC))
			checkMatches(t, s, p)
			checkConflicts(t, s, p)
			checkOpen(t, s, p)
			checkBalance(t, s, p)
		})
	}
}

// has reports whether it is the item ref names.
func has(ref scenario.Ref, it mediate.Item) bool {
	return string(it.Side) == ref.Side && strings.Contains(strings.ToLower(it.Text), strings.ToLower(ref.Text))
}

func hasPair(pairs []scenario.Pair, m mediate.Match) bool {
	return slices.ContainsFunc(pairs, func(p scenario.Pair) bool { return has(p.Need, m.Need) && has(p.Offer, m.Offer) })
}

// checkRefs fails when a fragment of the file names no item or several,
// which would make the expectation meaningless.
func checkRefs(t *testing.T, s scenario.Scenario) {
	t.Helper()
	count := func(ref scenario.Ref, answer func(scenario.Side) string) int {
		n := 0
		for _, text := range mediate.Items(answer(s.Party(ref.Side))) {
			if has(ref, mediate.Item{Side: mediate.Side(ref.Side), Text: text}) {
				n++
			}
		}
		return n
	}
	needs := func(p scenario.Side) string { return p.Needs }
	any := func(p scenario.Side) string { return p.Needs + "\n" + p.Value }
	values := func(p scenario.Side) string { return p.Value }
	check := func(ref scenario.Ref, answer func(scenario.Side) string, what string) {
		if n := count(ref, answer); n != 1 {
			t.Errorf("%s %s %q names %d items, want 1", what, ref.Side, ref.Text, n)
		}
	}
	for _, p := range append(slices.Clone(s.Expect.Matches), s.Expect.Allowed...) {
		check(p.Need, needs, "need")
		check(p.Offer, values, "offer")
	}
	for _, c := range s.Expect.Conflicts {
		check(c.Need, needs, "conflict need")
		check(c.LeadTime, any, "lead time")
	}
	for _, o := range s.Expect.Open {
		check(o, needs, "open need")
	}
}

func checkMatches(t *testing.T, s scenario.Scenario, p mediate.Proposal) {
	t.Helper()
	for _, want := range s.Expect.Matches {
		if !slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return hasPair([]scenario.Pair{want}, m) }) {
			t.Errorf("missing match: need %s %q <- offer %s %q", want.Need.Side, want.Need.Text, want.Offer.Side, want.Offer.Text)
		}
	}
	for _, m := range p.Matches {
		if len(m.Terms) == 0 {
			t.Errorf("match without terms: %q <- %q", m.Need.Text, m.Offer.Text)
		}
		if !hasPair(s.Expect.Matches, m) && !hasPair(s.Expect.Allowed, m) {
			t.Errorf("false match: need %s %q <- offer %s %q, terms %q", m.Need.Side, m.Need.Text, m.Offer.Side, m.Offer.Text, m.Terms)
		}
	}
}

func checkConflicts(t *testing.T, s scenario.Scenario, p mediate.Proposal) {
	t.Helper()
	same := func(want scenario.Conflict, got mediate.Conflict) bool {
		return has(want.Need, got.Need) && has(want.LeadTime, got.Lead) && want.MiddleGround.Same(got.MiddleGround)
	}
	for _, want := range s.Expect.Conflicts {
		if !slices.ContainsFunc(p.Conflicts, func(c mediate.Conflict) bool { return same(want, c) }) {
			t.Errorf("missing conflict: %q vs %q, middle ground %s; got %s", want.Need.Text, want.LeadTime.Text, want.MiddleGround, conflicts(p))
		}
	}
	for _, got := range p.Conflicts {
		if !slices.ContainsFunc(s.Expect.Conflicts, func(w scenario.Conflict) bool { return same(w, got) }) {
			t.Errorf("unexpected conflict: %s", conflicts(mediate.Proposal{Conflicts: []mediate.Conflict{got}}))
		}
	}
}

func conflicts(p mediate.Proposal) string {
	var b strings.Builder
	for _, c := range p.Conflicts {
		fmt.Fprintf(&b, "[%q by %s vs %q (%d days) -> %s] ", c.Need.Text, c.Deadline.Format(time.DateOnly),
			c.Lead.Text, c.LeadDays, c.MiddleGround.Format(time.DateOnly))
	}
	return b.String()
}

// checkOpen wants every expected open point, and no other open need than
// one whose only defensible matches are optional (allowed).
func checkOpen(t *testing.T, s scenario.Scenario, p mediate.Proposal) {
	t.Helper()
	for _, want := range s.Expect.Open {
		if !slices.ContainsFunc(p.Open, func(it mediate.Item) bool { return has(want, it) }) {
			t.Errorf("missing open point %s %q; open: %q", want.Side, want.Text, p.Open)
		}
	}
	for _, got := range p.Open {
		expected := slices.ContainsFunc(s.Expect.Open, func(r scenario.Ref) bool { return has(r, got) })
		optional := slices.ContainsFunc(s.Expect.Allowed, func(a scenario.Pair) bool { return has(a.Need, got) })
		if !expected && !optional {
			t.Errorf("unexpected open point %s %q", got.Side, got.Text)
		}
	}
}

func checkBalance(t *testing.T, s scenario.Scenario, p mediate.Proposal) {
	t.Helper()
	want := mediate.Side(s.Expect.Lopsided)
	if want == "none" {
		want = ""
	}
	if s.Expect.Lopsided != "" && p.Balance.Lopsided != want {
		t.Errorf("lopsided = %q, want %q (A gives %d, B gives %d)", p.Balance.Lopsided, want, len(p.Balance.AGivesB), len(p.Balance.BGivesA))
	}
}
