package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// sayOnceCase is a proposal with three commitments of side A, a need met
// by two offers and three needs nobody covers, of both sides.
func sayOnceCase() mediate.Proposal {
	a, b := mediate.SideA, mediate.SideB
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	need := mediate.Item{Side: a, Text: "a venue for 200 guests"}
	hall := mediate.Item{Side: b, Text: "the main hall, 180 seats"}
	roof := mediate.Item{Side: b, Text: "the roof terrace for 250 standing"}
	return mediate.Proposal{
		CollabID: "c0ffee", Version: 1, Lang: "en", Topic: "Summit", NameA: "Events", NameB: "Facilities",
		Matches: []mediate.Match{{Need: need, Offer: hall}, {Need: need, Offer: roof}},
		Open:    []mediate.Item{{Side: a, Text: "a big LED screen"}, {Side: a, Text: "parking for 80 cars"}, {Side: b, Text: "the guest list two days ahead"}},
		Commitments: []mediate.Commitment{
			{Owner: a, What: "Final floor plan", Due: day(9)},
			{Owner: a, What: "Guest list", Due: day(10)},
			{Owner: a, What: "Badge printing", Due: day(12)},
		},
	}
}

// TestProposalSaysEachThingOnce: a commitment is in the summary or in
// the rest of the plan, never both; a need met by two offers is said
// once; the needs nobody covers that the summary leaves out share one
// line, and the pinned agreement names all of them on one line.
func TestProposalSaysEachThingOnce(t *testing.T) {
	r, p := newTestRenderer(t), sayOnceCase()
	got := PlainText(r.Proposal(collab("en", "Summit"), p))
	for _, w := range []string{"Final floor plan", "Guest list", "Badge printing", "a venue for 200 guests"} {
		if n := strings.Count(got, w); n != 1 {
			t.Errorf("proposal says %q %d times, want once:\n%s", w, n, got)
		}
	}
	if !strings.Contains(got, "*Also on Events’s plan*\n• Thu Mar 12 — Badge printing") {
		t.Errorf("the rest of the plan is not under its side's title:\n%s", got)
	}
	c := collab("en", "Summit")
	c.Accepted = [2]string{"UACC1", "UACC2"}
	agreed := PlainText(r.Agreement(c, p))
	want := "• ⚠️ Nobody covers these yet: Events — a big LED screen, parking for 80 cars; Facilities — the guest list two days ahead\n"
	if !strings.Contains(agreed, want) {
		t.Errorf("agreement lacks %q:\n%s", want, agreed)
	}
}
