package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestPlanSentence: a clash reads as one plan: the lead time plainly, with
// a speed-up the date does not count; the date asked, the date proposed
// and the standard path side by side, with whose offers bring the date
// forward; the parts with their dates and which is in time, plainly that
// nothing can be had when nothing can, and whether the event the date
// serves is met.
func TestPlanSentence(t *testing.T) {
	d, a, b := march, ofA, ofB
	phased := mediate.Conflict{
		Need: a("40 款 3/10 前上架"), Work: "40 款上架", Deadline: d(10), Lead: b("前后按 7 个工作日算"), LeadPhrase: "7 个工作日",
		MiddleGround: d(13), AfterDeadline: true,
		Shortening: &mediate.Shortening{By: b("走班车能省 2 个工作日"), Phrase: "5 个工作日"},
		Phases:     []mediate.Phase{{From: a("前 15 个今天定"), Text: "前 15 个今天定", Due: d(9)}, {From: a("剩下 25 个"), Text: "剩下 25 个", Due: d(13), Rest: true}},
	}
	late := mediate.Conflict{
		Need: a("the laptops by Thu 3/12"), Work: "The laptops", Deadline: d(12), Lead: b("5 business days"), LeadPhrase: "5 business days",
		MiddleGround: d(13), AfterDeadline: true, Event: "the first stop is Tuesday 3/17", EventDate: d(17),
		Shortening: &mediate.Shortening{By: b("3 instead of 5"), Phrase: "3 business days", Used: true},
		Standard:   d(20), Cuts: []mediate.Item{b("3 instead of 5")},
	}
	onCondition := mediate.Conflict{
		Need: a("offer 3/10 前发出去"), Work: "offer 发出去", Deadline: d(10), Lead: b("一共需要 7 个工作日"), LeadPhrase: "7 个工作日",
		MiddleGround: d(13), AfterDeadline: true,
		Shortening: &mediate.Shortening{By: b("单独报的话 7 个工作日能压到 4 个工作日"), Phrase: "4 个工作日", Unmet: true},
	}
	tests := []struct {
		lang string
		cf   mediate.Conflict
		want []string
	}{
		{"zh", onCondition, []string{"仓储物流需要7个工作日（满足所提条件可缩到4个工作日）。"}},
		{"en", onCondition, []string{"needs 7 个工作日 (4 个工作日 on the condition it names)."}},
		{"zh", phased, []string{"电商运营要求：40 款上架；仓储物流需要7个工作日（用提速办法可缩到5个工作日，但只适用于部分工作）。",
			"原定3月10日（周二）→建议改到3月13日（周五）。分批交付：前 15 个今天定（3月9日（周一）前，赶得上）；剩下 25 个（3月13日（周五）前）"}},
		{"en", phased, []string{"needs 7 个工作日 (5 个工作日 with the speed-up, which fits only part of it).",
			"Asked Tue Mar 10 → proposed Fri Mar 13. In parts: 前 15 个今天定, by Mon Mar 9 (in time); 剩下 25 个, by Fri Mar 13."}},
		{"en", late, []string{"电商运营 wants the laptops; 仓储物流 needs 5 business days. Asked Thu Mar 12 → proposed Fri Mar 13 (standard path: Fri Mar 20), sooner with what 仓储物流 offers (below).",
			"No part of it was offered for the date asked: 电商运营, can you work with that, or which part do you need by then?", "still before “the first stop is Tuesday 3/17” (Tue Mar 17)"}},
		{"zh", late, []string{"仓储物流需要5 business days。原定3月12日（周四）→建议改到3月13日（周五），按常规流程要到3月20日（周五），能提前靠的是仓储物流提供的办法（见下）。",
			"目前没有哪部分能在原定日期前交付，请电商运营确认能否接受，或说明原定日期前最少需要哪一部分", "还赶得上3月17日（周二）的“the first stop is Tuesday 3/17”"}},
	}
	for _, tt := range tests {
		l := newTestRenderer(t).loc(tt.lang)
		got := l.plan(tt.cf, sideNames{"电商运营", "仓储物流"}, 80)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("plan(%s) lacks %q:\n%s", tt.lang, w, got)
			}
		}
		if len(tt.cf.Phases) > 0 {
			continue // a part may be due the day proposed
		}
		for _, date := range []string{"3月12日", "3月13日", "Thu Mar 12", "Fri Mar 13"} {
			if strings.Count(got, date) > 1 {
				t.Errorf("plan(%s) says %q twice:\n%s", tt.lang, date, got)
			}
		}
		if strings.Contains(got, "提速后") || strings.Contains(got, "with the speed-up)") {
			t.Errorf("plan(%s) says a speed-up the date counts as a second lead time:\n%s", tt.lang, got)
		}
	}
	before := phased
	before.Event, before.EventDate = "渠道大会", d(11)
	if got := newTestRenderer(t).loc("zh").plan(before, sideNames{"销售部", "法务部"}, 80); !strings.Contains(got, "到3月11日（周三）的“渠道大会”时，能到位的只有先交付的那部分。") {
		t.Errorf("an event met by the first part only must say so:\n%s", got)
	}
	part := late
	part.MiddleGround, part.Shortening = d(30), nil
	part.ByDeadline = []mediate.Item{b("We can do a first-pass review of the architecture within 3 business days")}
	got := newTestRenderer(t).loc("en").plan(part, sideNames{"Sales", "IT"}, 80)
	for _, w := range []string{"What can be done by the date asked: do a first-pass review", "For “the first stop is Tuesday 3/17” (Tue Mar 17) that is what there will be; the rest is not ready before Mon Mar 30."} {
		if !strings.Contains(got, w) {
			t.Errorf("what the event still gets must be said, without \"we can\": lacks %q:\n%s", w, got)
		}
	}
	missed := late
	missed.MiddleGround = d(18)
	if got := newTestRenderer(t).loc("en").plan(missed, sideNames{"Sales", "IT"}, 80); !strings.Contains(got, "That is after “the first stop is Tuesday 3/17”") {
		t.Errorf("a date after the event must say so:\n%s", got)
	}
}

func TestWorkInSentence(t *testing.T) {
	tests := []struct{ lang, give, want string }{
		{"en", "Laptops set up for the new hires", "laptops set up for the new hires"},
		{"en", "CRM access for contractors", "CRM access for contractors"},
		{"en", "Legal's redlines back", "Legal's redlines back"},
		{"zh", "所有合同模板更新完", "所有合同模板更新完"},
		{"en", "", "the need as typed"},
	}
	for _, tt := range tests {
		cf := mediate.Conflict{Need: mediate.Item{Text: "the need as typed"}, Work: tt.give}
		if got := newTestRenderer(t).loc(tt.lang).work(cf); got != tt.want {
			t.Errorf("work(%s, %q) = %q, want %q", tt.lang, tt.give, got, tt.want)
		}
	}
}

// TestPlanOrder: each side's commitments read as a plan, by date, then
// what repeats, then what has no date yet.
func TestPlanOrder(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	cs := []mediate.Commitment{
		{Owner: mediate.SideB, What: "undated"},
		{Owner: mediate.SideB, What: "weekly", Recurring: "every Monday", From: d(9)},
		{Owner: mediate.SideB, What: "late", Due: d(20)},
		{Owner: mediate.SideA, What: "only"},
		{Owner: mediate.SideB, What: "early", Due: d(6)},
	}
	var got []string
	for _, cm := range byOwner(cs)[1] {
		got = append(got, cm.What)
	}
	if want := []string{"early", "late", "weekly", "undated"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("byOwner order = %v, want %v", got, want)
	}
}

// TestPrerequisiteIsNoSpeedUp: the step a lead time waits for is named
// once, as the first step, not again as a way to speed the work up; a
// real speed-up beside it is still listed.
func TestPrerequisiteIsNoSpeedUp(t *testing.T) {
	d := time.Date(2026, 8, 24, 0, 0, 0, 0, time.UTC)
	paper := mediate.Item{Side: mediate.SideA, Text: "The customer's paper is in your inbox today"}
	fast := mediate.Item{Side: mediate.SideB, Text: "a fast-track review for standard terms"}
	cf := mediate.Conflict{
		Need: mediate.Item{Side: mediate.SideA, Text: "MSA redlines by Wednesday"}, Deadline: d.AddDate(0, 0, 2),
		Lead: mediate.Item{Side: mediate.SideB, Text: "4 business days from the paper"}, LeadPhrase: "4 business days",
		MiddleGround: d.AddDate(0, 0, 4), AfterDeadline: true, Helps: []mediate.Item{paper},
		Prerequisite: &mediate.Commitment{Owner: mediate.SideA, What: paper.Text, Due: d},
	}
	l := newTestRenderer(t).loc("en")
	p := mediate.Proposal{Conflicts: []mediate.Conflict{cf}}
	names := sideNames{"Sales", "Legal"}
	if got := l.conflicts(p, names, "proposal.middle_ground", 0); strings.Contains(got, "speed it up") || !strings.Contains(got, "The customer's paper") {
		t.Errorf("the step waited for must be named once, as the first step:\n%s", got)
	}
	p.Conflicts[0].Helps = []mediate.Item{paper, fast}
	if got := l.conflicts(p, names, "proposal.middle_ground", 0); !strings.Contains(got, "To speed it up: Legal — a fast-track review") {
		t.Errorf("a real speed-up must still be listed:\n%s", got)
	}
}

// TestCommittedOfferNotRepeated: an offer already in the plan as its
// side's commitment is not listed again among what the side also offers.
func TestCommittedOfferNotRepeated(t *testing.T) {
	training := mediate.Item{Side: mediate.SideB, Text: "quarterly contract review training for new AEs"}
	channel := mediate.Item{Side: mediate.SideB, Text: "a deal-desk channel with legal in it"}
	p := mediate.Proposal{
		Balance:     mediate.Balance{AlsoB: []mediate.Item{training, channel}},
		Commitments: []mediate.Commitment{{Owner: mediate.SideB, What: training.Text}},
	}
	got := newTestRenderer(t).loc("en").value(p, sideNames{"Sales", "Legal"})
	if strings.Contains(got, "training") || !strings.Contains(got, "Legal also offers: a deal-desk channel") {
		t.Errorf("a committed offer must not be listed again:\n%s", got)
	}
}

// TestFirstClauseSaysSomething: a goal's first clause stands for the goal
// in the summary only when it says something on its own.
func TestFirstClauseSaysSomething(t *testing.T) {
	for give, want := range map[string]string{
		"Sign Acme ($1.2M ARR) this quarter. It's the biggest deal":                                              "Sign Acme ($1.2M ARR) this quarter",
		"Safe, on time and under 250 people in the hall":                                                         "Safe, on time and under 250 people in the hall",
		"Every new starter has a working, managed laptop and accounts on day one, and every leaver loses access": "Every new starter has a working, managed laptop and accounts on day one",
		"春招签下80个应届生，签约后违约率低于10%":                                                                                 "春招签下80个应届生",
		"国庆前后的出险高峰里，平均结案时效从 7 天压到 5 天，投诉量不超过去年同期":                                                                "平均结案时效从 7 天压到 5 天",
		"During the flu surge, keep door-to-provider time under 30 minutes":                                      "keep door-to-provider time under 30 minutes",
	} {
		if got := firstClause(give); got != want {
			t.Errorf("firstClause(%q) = %q, want %q", give, got, want)
		}
	}
}

// A date proposed on a weekend is a make-up working day, and says so.
func TestProposedWeekendSaysMakeUpDay(t *testing.T) {
	sat := time.Date(2026, 10, 10, 0, 0, 0, 0, time.UTC)
	cf := mediate.Conflict{
		Need: ofA("offer 9/30 前发出去"), Work: "offer 发出去", Deadline: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
		Lead: ofB("一共需要 7 个工作日"), LeadPhrase: "7 个工作日", MiddleGround: sat, AfterDeadline: true,
	}
	for lang, want := range map[string]string{"zh": "10月10日（周六，调休上班）", "en": "Sat Oct 10 (a make-up working day)"} {
		if got := newTestRenderer(t).loc(lang).plan(cf, sideNames{"人力", "财务"}, 80); !strings.Contains(got, want) {
			t.Errorf("plan(%s) lacks %q:\n%s", lang, want, got)
		}
	}
}
