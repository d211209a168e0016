package render

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// shortCase is a proposal built for the short-form tests: one match, one
// open need, one clash and a plan, in lang.
func shortCase(t *testing.T, lang string) (mediate.Proposal, *mediateTexts) {
	tx := textsFor(t, lang)
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	a, b := mediate.SideA, mediate.SideB
	need := mediate.Item{Side: a, Text: tx.Need}
	open := mediate.Item{Side: b, Text: tx.Open}
	p := mediate.Proposal{
		CollabID: "c0ffee", Version: 1, Lang: lang, Topic: tx.Topic, NameA: "Ops", NameB: "Tech",
		Goals:   mediate.Goals{Company: tx.Topic, A: tx.GoalA, B: tx.GoalB},
		Matches: []mediate.Match{{Need: need, Offer: mediate.Item{Side: b, Text: tx.Offer}, Terms: tx.Terms}},
		Open:    []mediate.Item{open},
		Conflicts: []mediate.Conflict{{
			Need: mediate.Item{Side: a, Text: tx.ClashNeed}, Deadline: day(3, 4), Lead: mediate.Item{Side: b, Text: tx.Lead},
			LeadDays: 7, LeadPhrase: tx.LeadPhrase, MiddleGround: day(3, 9), AfterDeadline: true,
		}},
		Commitments: []mediate.Commitment{
			{Owner: b, What: tx.Period, Due: day(3, 9)},
			{Owner: a, What: tx.SameDay, Due: day(3, 3)},
			{Owner: a, What: tx.Numbered, Due: day(3, 5)},
			{Owner: b, What: tx.Dangling, Due: day(3, 6)},
			{Owner: a, What: tx.Start, Due: day(3, 2)},
		},
	}
	return p, tx
}

// mediateTexts are what the sides typed in one language, and what the
// proposal and the agreement must and must not show of them
// (testdata/shortforms.json).
type mediateTexts struct {
	Topic, GoalA, GoalB, Need, Offer, Open, OpenShort, ClashNeed, Lead string
	LeadPhrase, Period, SameDay, Numbered, Dangling, Start             string
	Terms, Want, Absent, Agreement                                     []string
}

func textsFor(t *testing.T, lang string) *mediateTexts {
	t.Helper()
	raw, err := os.ReadFile("testdata/shortforms.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]*mediateTexts
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatal(err)
	}
	return all[lang]
}

// TestProposalSaysEachThingOnceAndShort: the summary says each side's goal
// once and short, with the company goal left to the header; a match shows
// both sides by their points and its first shared words; an open need is
// said once, in the summary; the clash section leaves the clash sentence
// and what can be had by the date to the summary; a plan line says a span
// of days, or the day work starts from, as its date, drops the date it
// already leads with, list numbers and a word that waits for more. In
// both languages.
func TestProposalSaysEachThingOnceAndShort(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		p, tx := shortCase(t, lang)
		got := PlainText(newTestRenderer(t).Proposal(collab(lang, tx.Topic), p))
		for _, w := range tx.Want {
			if !strings.Contains(got, w) {
				t.Errorf("%s proposal lacks %q:\n%s", lang, w, got)
			}
		}
		for _, w := range tx.Absent {
			if strings.Contains(got, w) {
				t.Errorf("%s proposal holds %q:\n%s", lang, w, got)
			}
		}
		if n := strings.Count(got, tx.OpenShort); n != 1 {
			t.Errorf("%s proposal says the open need %d times, want once:\n%s", lang, n, got)
		}
		if n := strings.Count(got, tx.Topic); n != 1 {
			t.Errorf("%s proposal says the company goal %d times, want once (the header):\n%s", lang, n, got)
		}
	}
}

// TestAgreementKeepsTheClashAndOpenNeeds: the pinned agreement, which has
// no summary above its details, tells the clash whole and names each open
// need, on one line.
func TestAgreementKeepsTheClashAndOpenNeeds(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		p, tx := shortCase(t, lang)
		c := collab(lang, tx.Topic)
		c.Accepted = [2]string{"UACC1", "UACC2"}
		got := PlainText(newTestRenderer(t).Agreement(c, p))
		for _, w := range tx.Agreement {
			if !strings.Contains(got, w) {
				t.Errorf("%s agreement lacks %q:\n%s", lang, w, got)
			}
		}
	}
}
