package mediate_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// texts are the texts of items, for messages.
func texts(is []mediate.Item) []string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = it.Text
	}
	return out
}

func holds(is []mediate.Item, part string) bool {
	return slices.ContainsFunc(is, func(it mediate.Item) bool { return strings.Contains(it.Text, part) })
}

// TestStandardPathAndCuts: the date proposed is said beside the standard
// path, the lead time as stated from when the work starts (the names on
// Thursday, then 4 + 2 business days), and the offers that make up the
// difference are named: the step a spare pool skips and the shorter
// approval of a narrower profile. The requester's briefing before the
// show meets another of IT's needs: it is in the plan, not a speed-up.
func TestStandardPathAndCuts(t *testing.T) {
	cf := conflictOn(t, build(t, "events-it-booth-tablets"), "tablets by Friday")
	if !cf.MiddleGround.Equal(day("2026-05-11", time.UTC)) || !cf.Standard.Equal(day("2026-05-15", time.UTC)) {
		t.Errorf("proposed %v, standard path %v: want May 11 beside May 15", cf.MiddleGround, cf.Standard)
	}
	if len(cf.Cuts) != 2 || !holds(cf.Cuts, "skips the 2-day setup") || !holds(cf.Cuts, "2 business days instead of 4") {
		t.Errorf("cuts = %q, want the spare pool and the kiosk profile", texts(cf.Cuts))
	}
	if holds(cf.Helps, "briefing") {
		t.Errorf("helps = %q: the briefing shortens nothing", texts(cf.Helps))
	}
	if !holds(cf.Helps, "names") {
		t.Errorf("helps = %q, want the step the request waits for kept", texts(cf.Helps))
	}
}

// TestCutsNameWhatShortens: the offer a shorter length is conditional on
// is the requester's ("…, or 6 if the voiceover is final": the locked
// script and voiceover), not the lead time itself; a stated saving is its
// own offer; a speed-up that fits only part of the work, or a split, moves
// no date off the standard path and names no cut.
func TestCutsNameWhatShortens(t *testing.T) {
	tests := []struct {
		scenario string
		cut      string // "" when the date is the standard one
	}{
		{"video-studio-alternative-length", "Script and voiceover locked"},
		{"design-poster-alternative-length", "商品白底图今天发给你们"},
		{"status-page-saving-next", "which saves 3 business days"},
		{"localization-launch-batches", ""},
		{"finance-marketing-double11", ""},
	}
	for _, tt := range tests {
		p := build(t, tt.scenario)
		if len(p.Conflicts) == 0 {
			t.Fatalf("%s: no clash", tt.scenario)
		}
		cf := p.Conflicts[0]
		switch {
		case tt.cut == "" && (len(cf.Cuts) > 0 || !cf.Standard.IsZero()):
			t.Errorf("%s: cuts %q, standard %v: want the standard date, nothing cut", tt.scenario, texts(cf.Cuts), cf.Standard)
		case tt.cut != "" && (len(cf.Cuts) != 1 || !holds(cf.Cuts, tt.cut) || !cf.Standard.After(cf.MiddleGround)):
			t.Errorf("%s: cuts %q, standard %v after %v: want %q", tt.scenario, texts(cf.Cuts), cf.Standard, cf.MiddleGround, tt.cut)
		}
	}
}

// TestRequesterOffersElsewhereNoSpeedUp: offers of the requester that
// meet the lead side's other needs (a front-end engineer on site, a
// weekly planning meeting) are in the plan, not ways to close the gap;
// the lead side's fast lane still is.
func TestRequesterOffersElsewhereNoSpeedUp(t *testing.T) {
	for _, name := range []string{"ops-data-618-forecast", "hr-rd-guoqing", "admin-it-office-opening"} {
		p := build(t, name)
		for _, cf := range p.Conflicts {
			for _, h := range cf.Helps {
				if h.Side == cf.Need.Side && !slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return m.Offer == h && m.Need == cf.Need }) &&
					(cf.Prerequisite == nil || cf.Prerequisite.What != h.Text) && !holds(cf.Cuts, h.Text) {
					t.Errorf("%s: %q is listed to speed up %q", name, h.Text, cf.Lead.Text)
				}
			}
		}
	}
}

// TestLeadSideSpeedsUpByStaffing: the lead side's offer about the work
// behind its lead time speeds it up when it puts people on it (the
// testers for the testing); a tracker, a template, a report or more work
// for a third party does not.
func TestLeadSideSpeedsUpByStaffing(t *testing.T) {
	tests := []struct{ scenario, offer string }{
		{"legal-sales-christmas", "goes to outside counsel too"},
		{"onboarding-ten", "Equipment order tracker"},
		{"data-growth-sprints", "sample-size calculator"},
		{"pilot-run-factory", "试产质检报告"},
	}
	for _, tt := range tests {
		for _, cf := range build(t, tt.scenario).Conflicts {
			if holds(cf.Helps, tt.offer) {
				t.Errorf("%s: %q is listed to speed up %q", tt.scenario, tt.offer, cf.Lead.Text)
			}
		}
	}
	if cf := conflictOn(t, build(t, "ops-tech-launch"), "明天上线"); !holds(cf.Helps, "测试人员") {
		t.Errorf("helps = %q, want the testers put on the testing", texts(cf.Helps))
	}
}

// TestOtherOffersNotDueAtOnce: when the lead side named the step its work
// waits for (the temps' names), the requester's other offers that meet
// its needs (a briefing before the show) are not inputs to that work, so
// they are not due the day the lead time was stated; the step is due when
// the requester said.
func TestOtherOffersNotDueAtOnce(t *testing.T) {
	p := build(t, "events-it-booth-tablets")
	for _, cm := range p.Commitments {
		switch {
		case strings.Contains(cm.What, "briefing") && !cm.Due.IsZero():
			t.Errorf("%q due %v: the briefing is no input to the device request", cm.What, cm.Due)
		case strings.Contains(cm.What, "names") && !cm.Due.Equal(day("2026-05-07", time.UTC)):
			t.Errorf("%q due %v, want May 7, when the agency sends them", cm.What, cm.Due)
		}
	}
}

// TestNoSpeedUpInAWordAlone: the requester's offer that meets another need
// of the lead side and names the same thing ("laptop") only in a quoted
// label is not an input the lead time's work waits for, and one that says
// a step can't be skipped saves nothing: it is neither a help nor due at
// once.
func TestNoSpeedUpInAWordAlone(t *testing.T) {
	at := time.Date(2026, 8, 10, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at,
		"We need 40 laptops imaged and ready to hand out by Monday Aug 24",
		`We'll add a "return your laptop" step to the offboarding checklist so managers can't skip it anymore`,
		"Leavers' laptops actually come back, we lost 9 devices last quarter",
		"Laptops: our vendor needs 15 working days from PO to imaged delivery"))
	cf := conflictOn(t, p, "40 laptops")
	if holds(cf.Helps, "return your laptop") || holds(cf.Cuts, "return your laptop") {
		t.Errorf("helps = %q, cuts = %q: the offboarding step shortens nothing", texts(cf.Helps), texts(cf.Cuts))
	}
	for _, c := range p.Commitments {
		if strings.Contains(c.What, "return your laptop") && !c.Due.IsZero() {
			t.Errorf("commitment %+v: nobody said when", c)
		}
	}
}
