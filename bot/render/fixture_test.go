package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// newTestRenderer fails the test on any message missing from a catalog
// and dates agreements on a fixed day.
func newTestRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r.miss = func(lang, id string, err error) { t.Errorf("catalog %s lacks %q: %v", lang, id, err) }
	return r.WithClock(func() time.Time { return time.Date(2026, 3, 5, 9, 30, 0, 0, time.UTC) })
}

// hostile is user text that must never break a message or reach Slack as
// markup.
type hostile struct {
	name  string
	text  string
	items int // items per list in the proposal
}

var hostileInputs = []hostile{
	{"normal", "Launch the spring campaign page", 2},
	{"empty", "", 0},
	{"40k chars", strings.Repeat("a", 40000), 1},
	{"40k markup", strings.Repeat("<!channel> &<>", 40000/14), 3},
	{"markup", "<!channel> <@U1> <https://x|y> & < > <!here> <!subteam^S9>", 2},
	{"only <>&", strings.Repeat("<>&", 200), 2},
	{"emoji", strings.Repeat("👍🏽 great 🎉 ", 50), 2},
	{"10 items", "ship it <!here>", 10},
	{"30 items", "item <@U1>", 30},
	{"300+ char item", strings.Repeat("é", 298) + "<!channel>" + strings.Repeat("&", 40), 10},
	{"newlines and bullets", "- one <!here>\n- two\n\n* three；四", 4},
}

// collab returns a collaboration whose every user-typed text is s: topic,
// handles and answers. Side A is a user group, side B a user.
func collab(lang, s string) *flows.Collab {
	ans := func(u string) [3]flows.Answer {
		var a [3]flows.Answer
		for i := range a {
			a[i] = flows.Answer{Text: s, User: u, TS: "1772600000.000100", TZ: "Asia/Shanghai"}
		}
		return a
	}
	return &flows.Collab{
		ID: "c0ffee", Channel: "C1", RootTS: "1772600000.000001", Topic: s, Lang: lang,
		CreatedBy: "U9", CreatedAt: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC),
		State: flows.Proposed, Version: 3, Accepted: [2]string{"UACC1", ""},
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S1", Handle: s, Members: []string{"U1"}, Asking: flows.QDone, Answers: ans("U1")},
			{Kind: flows.KindUser, ID: "U2", Handle: s, Asking: flows.QDone, Answers: ans("U2")},
		},
	}
}

// proposal returns a proposal with n items in every list, each item s.
func proposal(s string, n int) mediate.Proposal {
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	items := func(side mediate.Side) []mediate.Item {
		out := make([]mediate.Item, n)
		for i := range out {
			out[i] = mediate.Item{Side: side, Text: s}
		}
		return out
	}
	p := mediate.Proposal{
		CollabID: "c0ffee", Version: 3, Lang: "en", Topic: s, NameA: s, NameB: s,
		Goals: mediate.Goals{Company: s, A: s, B: s, AServes: s, BServes: s},
		Read: [2]mediate.Reading{
			{Needs: items(mediate.SideA), Offers: items(mediate.SideA)},
			{Needs: items(mediate.SideB), Offers: items(mediate.SideB)},
		},
		Open: items(mediate.SideA),
		Balance: mediate.Balance{
			AGivesB: items(mediate.SideA), BGivesA: items(mediate.SideB), AlsoA: items(mediate.SideA), AlsoB: items(mediate.SideB),
			ForGoalA: items(mediate.SideA), ForGoalB: items(mediate.SideB), Lopsided: mediate.SideA,
		},
	}
	for i := range n {
		side, otherSide := mediate.SideA, mediate.SideB
		if i%2 == 1 {
			side, otherSide = otherSide, side
		}
		p.Matches = append(p.Matches, mediate.Match{
			Need: mediate.Item{Side: side, Text: s}, Offer: mediate.Item{Side: otherSide, Text: s}, Terms: []string{s},
		})
		p.Candidates = append(p.Candidates, mediate.Match{
			Need: mediate.Item{Side: side, Text: s}, Offer: mediate.Item{Side: otherSide, Text: s}, Terms: []string{s},
		})
		p.Conflicts = append(p.Conflicts, mediate.Conflict{
			Need: mediate.Item{Side: side, Text: s}, Deadline: day, Lead: mediate.Item{Side: otherSide, Text: s},
			LeadDays: i + 1, MiddleGround: day.AddDate(0, 0, i+1), HalfDay: []string{"am", "pm", ""}[i%3],
			LeadParty: []string{"", s}[i%2], LeadPhrase: []string{s, ""}[i%2], AfterDeadline: i%3 != 2,
			Helps: items(side), ByDeadline: items(otherSide)[:i%2*n],
			Prerequisite: &mediate.Commitment{Owner: side, What: s, Due: day},
			Work:         s, Event: s, EventDate: day.AddDate(0, 0, i%3),
			Shortening: []*mediate.Shortening{nil, {By: mediate.Item{Side: otherSide, Text: s}, Phrase: s, Used: i%2 == 0}}[i%2],
			Phases:     []mediate.Phase{{From: mediate.Item{Side: otherSide, Text: s}, Text: s, Due: day}, {Text: s, Rest: true}},
		})
		p.Commitments = append(p.Commitments, mediate.Commitment{
			Owner: side, What: s, Due: day.AddDate(0, 0, i), HalfDay: []string{"", "am", "pm"}[i%3],
			Recurring: []string{"", s, "every Monday"}[i%3], From: day.AddDate(i%2, 0, 0),
		})
	}
	return p
}
