package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// march is a day of March 2026; ofA and ofB are items of sides A and B.
func march(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }

func ofA(s string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: s} }

func ofB(s string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: s} }

// TestClashDatesSideBySide: the clash section says the date asked, the
// date proposed and the standard path side by side, then the offers that
// bring the date forward as its reason, once: not again as ways to speed
// it up, nor is the lead time quoted above; the step the work waits for
// stays a dated first step, and a speed-up the date does not count is
// still listed. A date that is the standard one says no standard path.
func TestClashDatesSideBySide(t *testing.T) {
	d, a, b := march, ofA, ofB
	names := a("the names and end dates, by Tuesday")
	spare, narrow := b("spare pool has 6 tablets already set up, skips the 2-day setup"), b("kiosk profile: approved in 2 business days instead of 4")
	vendor := b("we can ask the vendor to hurry the cases")
	lead := b("standard request = 4 business days approval, then 2 business days setup")
	cf := mediate.Conflict{
		Need: a("the tablets by Thu 3/12"), Deadline: d(12), Lead: lead, LeadPhrase: "4 business days approval, then 2 business days",
		MiddleGround: d(13), Standard: d(18), AfterDeadline: true,
		Shortening:   &mediate.Shortening{By: narrow, Phrase: "2 business days approval", Used: true},
		Cuts:         []mediate.Item{spare, narrow},
		Helps:        []mediate.Item{names, spare, narrow, vendor, lead},
		Prerequisite: &mediate.Commitment{Owner: mediate.SideA, What: names.Text, Due: d(10)},
	}
	p := mediate.Proposal{Conflicts: []mediate.Conflict{cf}}
	sides := sideNames{"Events", "IT"}
	tests := []struct {
		lang, id string
		want     []string
	}{
		{"en", "agreement.middle_ground", []string{
			"Events wants “the tablets by Thu 3/12”; IT needs 4 business days approval, then 2 business days (“",
			"\nAsked Thu Mar 12 → agreed *Fri Mar 13* (standard path: Wed Mar 18)\n",
			"\nSooner thanks to IT — ① spare pool has 6 tablets already set up, skips the 2-day setup ② kiosk profile: approved in 2 business days instead of 4\n",
			"\nTo speed it up: IT — we can ask the vendor to hurry the cases\n",
			"\nFirst, Events: the names and end dates, by Tue Mar 10", // the text's own "by Tuesday" is the date said once
		}},
		{"zh", "proposal.middle_ground", []string{
			"原定3月12日（周四）→建议改到：*3月13日（周五）*，按常规流程要到3月18日（周三）\n",
			"\n提前的依据——IT：① spare pool has 6 tablets already set up, skips the 2-day setup ② kiosk profile",
			"\n提速办法——IT：we can ask the vendor to hurry the cases\n",
			"\n前提（Events）：",
		}},
	}
	for _, tt := range tests {
		got := newTestRenderer(t).loc(tt.lang).conflicts(p, sides, tt.id, 0)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s clash lacks %q:\n%s", tt.lang, w, got)
			}
		}
		for _, once := range []string{"skips the 2-day setup", "instead of 4", "3月12日", "Thu Mar 12", "3月13日", "Fri Mar 13"} {
			if n := strings.Count(got, once); n > 1 {
				t.Errorf("%s clash says %q %d times, want once:\n%s", tt.lang, once, n, got)
			}
		}
		if strings.Contains(got, "standard request") && strings.Count(got, "standard request") > 1 {
			t.Errorf("%s clash lists the lead time again as a speed-up:\n%s", tt.lang, got)
		}
	}
	same := cf
	same.Standard, same.Cuts, same.MiddleGround = d(13), nil, d(13)
	p.Conflicts[0] = same
	if got := newTestRenderer(t).loc("en").conflicts(p, sides, "proposal.middle_ground", 0); strings.Contains(got, "standard path") || strings.Contains(got, "Sooner") {
		t.Errorf("a date that is the standard one names no standard path and no reason:\n%s", got)
	}
	locked := ofA("script and voiceover locked by Tue 3/3")
	first := cf
	first.Cuts, first.Helps = []mediate.Item{locked}, []mediate.Item{locked}
	first.Prerequisite = &mediate.Commitment{Owner: mediate.SideA, What: locked.Text, Due: d(3)}
	p.Conflicts[0] = first
	for lang, want := range map[string]string{"en": "That step is what brings the date forward.", "zh": "日期能提前，靠的就是这一步。"} {
		got := newTestRenderer(t).loc(lang).conflicts(p, sides, "proposal.middle_ground", 0)
		if n := strings.Count(got, "voiceover locked"); n != 1 || !strings.Contains(got, want) {
			t.Errorf("%s: the step the date counts is named %d times, want once, as the first step and the reason:\n%s", lang, n, got)
		}
	}
	final := ofA("the final copy today")
	early := cf
	early.Cuts = append([]mediate.Item{final}, cf.Cuts...)
	withPlan := mediate.Proposal{Conflicts: []mediate.Conflict{early}, Commitments: []mediate.Commitment{{Owner: mediate.SideA, What: final.Text, Due: d(11)}}}
	if got := newTestRenderer(t).loc("en").conflicts(withPlan, sides, "proposal.middle_ground", 0); strings.Count(got, final.Text) != 1 {
		t.Errorf("an offer named as the reason for the date is not listed again while it runs:\n%s", got)
	}
}

// TestPlanCountsFromTheStep: the summary's sentence says when a lead time
// that waits for a dated step starts, so the standard path can be
// checked: "from Tue Mar 10", "从3月10日（周二）起".
func TestPlanCountsFromTheStep(t *testing.T) {
	cf := mediate.Conflict{
		Need: ofA("the tablets by Thu 3/12"), Work: "the tablets", Deadline: march(12), Lead: ofB("4 business days"), LeadPhrase: "4 business days",
		MiddleGround: march(16), AfterDeadline: true,
		Prerequisite: &mediate.Commitment{Owner: mediate.SideA, What: "the names", Due: march(10)},
	}
	for lang, want := range map[string]string{"en": "IT needs 4 business days from Tue Mar 10.", "zh": "IT从3月10日（周二）起需要4 business days。"} {
		if got := newTestRenderer(t).loc(lang).plan(cf, sideNames{"Events", "IT"}, 80); !strings.Contains(got, want) {
			t.Errorf("plan(%s) lacks %q:\n%s", lang, want, got)
		}
	}
	cf.Prerequisite = nil
	if got := newTestRenderer(t).loc("en").plan(cf, sideNames{"Events", "IT"}, 80); strings.Contains(got, " from ") {
		t.Errorf("a lead time that waits for no step names no start:\n%s", got)
	}
}

// TestWaitingSaidOnce: what the requester can do while two clashes run is
// said under the first of them only.
func TestWaitingSaidOnce(t *testing.T) {
	d, a, b := march, ofA, ofB
	one := mediate.Conflict{Need: a("3 nurses from 3/12"), Deadline: d(12), Lead: b("the agency needs 3 business days"), MiddleGround: d(16), AfterDeadline: true}
	two := mediate.Conflict{Need: a("2 doctors on board by 3/13"), Deadline: d(13), Lead: b("onboarding takes 5 business days"), MiddleGround: d(17), AfterDeadline: true}
	p := mediate.Proposal{Conflicts: []mediate.Conflict{one, two}, Commitments: []mediate.Commitment{{Owner: mediate.SideA, What: "the rota for the holiday", Due: d(11)}}}
	got := newTestRenderer(t).loc("en").conflicts(p, sideNames{"Medical", "HR"}, "proposal.middle_ground", 0)
	if n := strings.Count(got, "the rota for the holiday"); n != 1 {
		t.Errorf("the waiting time's work is said %d times, want once:\n%s", n, got)
	}
}

// TestWaitingSkipsConditions: what the requester does only if needed is
// no use of the waiting time.
func TestWaitingSkipsConditions(t *testing.T) {
	d, a, b := march, ofA, ofB
	cf := mediate.Conflict{Need: a("the name cleared by 3/12"), Deadline: d(12), Lead: b("counsel quotes 10 business days"), MiddleGround: d(16), AfterDeadline: true}
	p := mediate.Proposal{Conflicts: []mediate.Conflict{cf}, Commitments: []mediate.Commitment{
		{Owner: mediate.SideA, What: "we have budget for outside counsel if it comes to that", Due: d(2)},
		{Owner: mediate.SideA, What: "final creative locked", Due: d(4)},
	}}
	got := newTestRenderer(t).loc("en").conflicts(p, sideNames{"Marketing", "Legal"}, "proposal.middle_ground", 0)
	if strings.Contains(got, "budget for outside counsel") || !strings.Contains(got, "final creative locked") {
		t.Errorf("waiting time lists a conditional offer, or misses the task:\n%s", got)
	}
}
