package mediate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestPhasedInput: the requester's input comes in two parts; each part is
// delivered a lead time after it is ready, the part the speed-up holds
// (up to 12 pages) with the shorter lead time, and all of it when the last
// part has had its lead time, not the lead time from today.
func TestPhasedInput(t *testing.T) {
	cf := conflictOn(t, build(t, "localization-launch-batches"), "All 30 product pages")
	if len(cf.Phases) != 2 {
		t.Fatalf("phases = %+v, want two", cf.Phases)
	}
	first, rest := cf.Phases[0], cf.Phases[1]
	if !strings.HasPrefix(first.Text, "The first 12 pages") || !first.Ready.Equal(day("2026-10-12", time.UTC)) || !first.Due.Equal(day("2026-10-19", time.UTC)) {
		t.Errorf("first part = %+v, want the first 12 pages, ready 10-12, live 10-19 (5 business days with the in-house linguists)", first)
	}
	if !rest.Rest || !rest.Ready.Equal(day("2026-10-14", time.UTC)) || !rest.Due.Equal(day("2026-10-23", time.UTC)) {
		t.Errorf("rest = %+v, want ready 10-14, live 10-23 (7 business days: 18 pages do not fit the speed-up)", rest)
	}
	if !cf.MiddleGround.Equal(day("2026-10-23", time.UTC)) || !cf.AfterDeadline {
		t.Errorf("middle ground %v, want 2026-10-23, after the deadline", cf.MiddleGround)
	}
	if s := cf.Shortening; s == nil || s.Phrase != "5 business days" || s.Used {
		t.Errorf("shortening = %+v, want 5 business days, not used for all 30 pages", s)
	}
}

// TestPhasedOffer: the lead side offers a first part by a date and the
// rest later, in one sentence; the need names the event its date serves.
func TestPhasedOffer(t *testing.T) {
	cf := conflictOn(t, build(t, "legal-sales-templates-phased"), "所有合同模板")
	want := []mediate.Phase{
		{Text: "可以先改渠道代理合同，11月9日前给你们", Due: day("2026-11-09", time.UTC)},
		{Text: "其余模板放到12月初", Rest: true},
	}
	if len(cf.Phases) != 2 || cf.Phases[0].Text != want[0].Text || !cf.Phases[0].Due.Equal(want[0].Due) ||
		cf.Phases[1].Text != want[1].Text || !cf.Phases[1].Rest {
		t.Errorf("phases = %+v, want %+v", cf.Phases, want)
	}
	if cf.Event != "11月12日渠道大会上要现场签约" || !cf.EventDate.Equal(day("2026-11-12", time.UTC)) {
		t.Errorf("event = %q %v, want the channel conference on 11月12日", cf.Event, cf.EventDate)
	}
	if len(cf.Helps) != 0 {
		t.Errorf("helps = %+v: a split is no speed-up", cf.Helps)
	}
}

// TestShortening: a speed-up that says by how much, with its condition
// met, dates the middle ground; one that does not say keeps the honest
// date and is named as help; a third party's lead time is its own.
func TestShortening(t *testing.T) {
	it := conflictOn(t, build(t, "peopleops-it-express"), "Laptops")
	if s := it.Shortening; s == nil || !s.Used || s.Phrase != "8 business days" || !strings.Contains(s.By.Text, "express imaging queue") {
		t.Errorf("shortening = %+v, want the express queue, 8 business days, used", s)
	}
	if !it.MiddleGround.Equal(day("2027-01-25", time.UTC)) || it.Event == "" || !it.EventDate.Equal(day("2027-01-25", time.UTC)) {
		t.Errorf("middle ground %v, event %q %v: want 2027-01-25, the orientation day", it.MiddleGround, it.Event, it.EventDate)
	}
	legal := conflictOn(t, build(t, "marketing-legal-counsel"), "抽奖条款")
	if s := legal.Shortening; s == nil || s.Phrase != "" || s.Used || !legal.MiddleGround.Equal(day("2026-06-11", time.UTC)) {
		t.Errorf("shortening %+v, middle ground %v: want none counted, 2026-06-11", legal.Shortening, legal.MiddleGround)
	}
	if len(legal.Helps) != 1 || !strings.Contains(legal.Helps[0].Text, "加急通道") {
		t.Errorf("helps = %+v, want the fast lane, named", legal.Helps)
	}
	if legal.LeadParty != "外部律所" {
		t.Errorf("lead party = %q, want 外部律所", legal.LeadParty)
	}
}

// TestPhasedCommitments: each part of a split is committed with its own
// date, none for the part put off past the event the deadline serves (the
// summer sale), and neither the whole offer nor the lead time's work is
// committed again beside them.
func TestPhasedCommitments(t *testing.T) {
	p := build(t, "growth-web-checkout-phases")
	want := map[string]string{"the payment step": "2026-05-08", "the address and review steps in the release after the sale": ""}
	for _, cm := range p.Commitments {
		if cm.Owner != mediate.SideB {
			continue
		}
		if strings.Contains(cm.What, "two phases") || strings.Contains(cm.What, "full checkout redesign") {
			t.Errorf("commitment %q: the parts say it", cm.What)
		}
		if d, ok := want[cm.What]; ok {
			if d == "" && !cm.Due.IsZero() || d != "" && !cm.Due.Equal(day(d, time.UTC)) {
				t.Errorf("%q due %v, want %s", cm.What, cm.Due, d)
			}
			delete(want, cm.What)
		}
	}
	if len(want) > 0 {
		t.Errorf("parts not committed: %v in %+v", want, p.Commitments)
	}
}
