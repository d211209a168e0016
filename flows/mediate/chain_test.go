package mediate_test

import (
	"slices"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestChainedSteps: a side that describes its work step by step ("X 到了先
// 做…；然后…；一共 N 个工作日") states context, not needs, and its lead
// time counts from the day the other side's offer delivers X.
func TestChainedSteps(t *testing.T) {
	at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC) // a Tuesday
	for _, steps := range []string{
		"测试机到了先做开箱检查，1 天。然后跑兼容性和压力测试，一共 8 个工作日。这个不是走个流程那么简单。",
		"测试机到了先做开箱检查，1 天；\n然后跑兼容性和压力测试，要 7 个工作日；\n正常排下来一共 8 个工作日",
	} {
		in := input(at, "11/13（周五）前要你们给个评估结论，我们好定采购计划", "测试机今天下单，2 个工作日到",
			steps, "每周四有评审会，可以现场过进度")
		p := mediate.Build(in)
		if len(p.Open) != 0 {
			t.Errorf("%q: open = %+v, want none: the steps are context", steps, p.Open)
		}
		k := conflictOn(t, p, "评估结论")
		if k.Prerequisite == nil || !k.Prerequisite.Due.Equal(day("2026-11-05", time.UTC)) {
			t.Errorf("%q: prerequisite = %+v, want the test units due when they arrive, 2026-11-05", steps, k.Prerequisite)
		}
		if !k.MiddleGround.Equal(day("2026-11-17", time.UTC)) || !k.AfterDeadline {
			t.Errorf("%q: middle ground = %v, want 8 working days from 2026-11-05: 2026-11-17", steps, k.MiddleGround)
		}
	}
}

// TestFastTrack: an offer that shortens the lead time on a dated condition
// moves the middle ground when the step the work waits for is due by then,
// and is listed among what helps; when it cannot be met, the old length
// stands (the offer may still be listed: an earlier step would meet it).
func TestFastTrack(t *testing.T) {
	at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC) // a Tuesday
	fast := "If the docs arrive by Nov 5, we can run the review on the fast track: 6 business days instead of 10"
	tests := []struct {
		docs, want string
		after      bool
	}{
		{"We'll send the architecture docs today", "2026-11-11", false},
		{"We'll send the architecture docs on Nov 6", "2026-11-20", true},
	}
	for _, tt := range tests {
		in := input(at, "We need the security review done by Nov 12 for the customer signing", tt.docs,
			"Once we have the architecture docs, the review takes 10 business days", fast)
		k := conflictOn(t, mediate.Build(in), "security review")
		if !k.MiddleGround.Equal(day(tt.want, time.UTC)) || k.AfterDeadline != tt.after {
			t.Errorf("%q: middle ground %v (after the deadline: %v), want %s", tt.docs, k.MiddleGround, k.AfterDeadline, tt.want)
		}
		if !tt.after && !slices.ContainsFunc(k.Helps, func(it mediate.Item) bool { return it.Text == fast }) {
			t.Errorf("%q: helps = %+v, want the fast track", tt.docs, k.Helps)
		}
	}
}

// TestTimeBuyers: when the middle ground still falls after the deadline,
// an offer of either side that buys time (a short contract, an extension)
// is what can be decided by the deadline, committed by that date.
func TestTimeBuyers(t *testing.T) {
	at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	extend := "We can extend the current vendor licence by one month at list price"
	in := input(at, "We need your go/no-go on the new vendor by Nov 10, the old licence renews then", extend,
		"The security review of the new vendor takes 10 business days", "Weekly status update every Friday")
	p := mediate.Build(in)
	k := conflictOn(t, p, "go/no-go")
	if !k.AfterDeadline || !slices.ContainsFunc(k.ByDeadline, func(it mediate.Item) bool { return it.Text == extend }) {
		t.Errorf("by the deadline = %+v, want the licence extension", k.ByDeadline)
	}
	if !slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
		return c.What == extend && c.Owner == mediate.SideA && c.Due.Equal(day("2026-11-10", time.UTC))
	}) {
		t.Errorf("commitments = %+v, want Ops to decide the extension by 2026-11-10", p.Commitments)
	}
}

// TestAwaitedNeed: a need that says the work does not start until what it
// asks is in makes the lead time count from the offer that delivers it.
func TestAwaitedNeed(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "We need the vendor onboarded by Mar 12 for the kickoff", "We'll send the vendor's tax forms and bank details on Wednesday",
		"- tax forms and bank details for the vendor\n- onboarding doesn't start until all of it is in\n- vendor onboarding = 4 business days",
		"- a buddy for the first week")
	k := conflictOn(t, mediate.Build(in), "onboarded")
	if k.Prerequisite == nil || !k.Prerequisite.Due.Equal(day("2026-03-11", time.UTC)) || !k.MiddleGround.Equal(day("2026-03-17", time.UTC)) {
		t.Errorf("prerequisite %+v, middle ground %v; want the forms on 2026-03-11 and 4 business days after: 2026-03-17", k.Prerequisite, k.MiddleGround)
	}
}
