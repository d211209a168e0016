package mediate_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
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

// TestPrerequisiteNamesTheStep: the step a lead time waits for is not an
// offer of the requester that shares only how things are handed over
// ("send"): sending every post draft is not sending the product dossier.
func TestPrerequisiteNamesTheStep(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "We need the approved claims list for the new serum by 3/6", "We'll send you every post draft 2 days before it goes live",
		"- Every post draft before it goes live",
		"- Approved claims list, 5 business days after you send the product dossier")
	k := conflictOn(t, mediate.Build(in), "claims")
	if k.Prerequisite != nil && strings.Contains(k.Prerequisite.What, "post draft") {
		t.Errorf("prerequisite = %+v, want no post drafts: the work waits for the product dossier", k.Prerequisite)
	}
}

// TestRequesterStepCommitted: a lead time that waits for a step of the
// requester's that no offer gives ("after you send the product dossier")
// makes that step the requester's commitment: due at once when the need
// clashes, else on the last working day that still makes the deadline,
// and the work is due when its lead time from there ends.
func TestRequesterStepCommitted(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	for _, tc := range []struct {
		name, need, lead, step, stepDue, workDue string
	}{
		{"clash", "We need the approved claims list by 3/6", "Approved claims list, 5 business days after you send the product dossier",
			"send the product dossier", "2026-03-02", ""},
		{"in time", "We need the approved claims list by 3/20", "Approved claims list, 5 business days after you send the product dossier",
			"send the product dossier", "2026-03-13", "2026-03-20"},
		{"received", "3月20日前要拿到活动方案", "收到你们的预算单后5个工作日出活动方案",
			"提供预算单", "2026-03-13", "2026-03-20"},
	} {
		in := input(at, tc.need, "- a launch calendar", "- the launch calendar", tc.lead)
		in.Calendar = timeread.Calendar{Holidays: timeread.HolidaysNone}
		p := mediate.Build(in)
		has := func(owner mediate.Side, what, due string) bool {
			return slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
				return c.Owner == owner && strings.Contains(c.What, what) && c.Due.Equal(day(due, time.UTC))
			})
		}
		if !has(mediate.SideA, tc.step, tc.stepDue) {
			t.Errorf("%s: commitments = %+v, want Ops to %q by %s", tc.name, p.Commitments, tc.step, tc.stepDue)
		}
		if tc.workDue != "" && !has(mediate.SideB, tc.lead[:12], tc.workDue) {
			t.Errorf("%s: commitments = %+v, want the work by %s", tc.name, p.Commitments, tc.workDue)
		}
	}
}

// TestClashReading: a date after two things joined by "and" dates both
// ("a working machine and their accounts on the morning of the 8th");
// "biz days" are working days; a length after "for" ("the usage forecast
// for 12 months") is how far a thing reaches, no lead time.
func TestClashReading(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "We need every one of them to have a working machine and their accounts on the morning of the 8th", "- the final hire list today",
		"- the final hire list", "- provisioning is 6 biz days (image, SSO, mailbox)")
	k := conflictOn(t, mediate.Build(in), "working machine")
	if !k.MiddleGround.Equal(day("2026-06-09", time.UTC)) {
		t.Errorf("middle ground %v, want 6 working days from Mon 6/1: 2026-06-09", k.MiddleGround)
	}
	in = input(at, "- the GPU capacity contract signed by 6/30", "- tech eval doc comparing the 3 vendors",
		"- We need the usage forecast for 12 months before we can negotiate anything", "- 7 business days for legal review once we have the forecast")
	for _, k := range mediate.Build(in).Conflicts {
		if strings.Contains(k.Lead.Text, "12 months") {
			t.Errorf("conflict %+v, want no lead time read from the forecast's 12 months", k)
		}
	}
}

// TestNeedHandsOver: a need that says when the requester hands its input
// over ("供应商合同周三（6/10）发给法务") starts the other side's work then; of
// two paths to the work, the slower one ("常规 5 个工作日") is neither a help
// to the faster one nor a second commitment.
func TestNeedHandsOver(t *testing.T) {
	at := time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "供应商合同周三（6/10）发给法务，法务最晚 6/11 要审完", "- 采购清单今天给",
		"- 合同要 word 版", "- 合同审核常规 5 个工作日\n- 用标准模板签，审核 2 个工作日")
	in.B.Name = "法务部"
	in.Calendar = timeread.Calendar{Holidays: timeread.HolidaysCN}
	p := mediate.Build(in)
	k := conflictOn(t, p, "审完")
	if !k.MiddleGround.Equal(day("2026-06-12", time.UTC)) || k.Prerequisite == nil || !k.Prerequisite.Due.Equal(day("2026-06-10", time.UTC)) {
		t.Errorf("middle ground %v, prerequisite %+v; want the contract on 6/10 and 2 working days after: 2026-06-12", k.MiddleGround, k.Prerequisite)
	}
	if k.Shortening != nil || slices.ContainsFunc(k.Helps, func(it mediate.Item) bool { return strings.Contains(it.Text, "常规") }) {
		t.Errorf("shortening %+v, helps %+v; want the standard path no help", k.Shortening, k.Helps)
	}
	if slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool { return strings.Contains(c.What, "常规") }) {
		t.Errorf("commitments = %+v, want no commitment to the standard path", p.Commitments)
	}
}

// TestOwnNameHalf: a need that names the lead time's side only as who is
// to act ("w/o legal touching every one") does not take the lead time
// from the dated need its work is for.
func TestOwnNameHalf(t *testing.T) {
	at := time.Date(2026, 9, 28, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "- a partner contract we can send out ourselves w/o legal touching every single one\n- to know \"Lumio\" is safe to use as a product name before the labels go to print on 10/9\n- can we name the rival brand in our ads or not",
		"- launch calendar w/ owners",
		"- one person on your side to talk to", "- Name clearance goes through outside counsel, who quote 10 business days from instruction")
	in.B.Name = "Legal"
	k := conflictOn(t, mediate.Build(in), "Lumio")
	if !k.MiddleGround.Equal(day("2026-10-12", time.UTC)) {
		t.Errorf("middle ground %v, want 10 business days from today: 2026-10-12", k.MiddleGround)
	}
}

// TestStepsOnTop: a length "on top of that" follows the work stated
// before it; an order waits for the count of what to order; "two branches
// a day" is a rate, no lead time.
func TestStepsOnTop(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "- new card readers live in all 8 branches before the spring sale starts Mar 13", "- reader count per branch, can send today",
		"We need an exact count of readers per branch before we can place the order, and the vendor takes 8 business days from the PO to deliver the readers. Installation is two branches a day, so four business days for the eight on top of that.",
		"- a support hotline during the rollout")
	k := conflictOn(t, mediate.Build(in), "card readers")
	if !k.MiddleGround.Equal(day("2026-03-18", time.UTC)) || k.Prerequisite == nil || !strings.Contains(k.Prerequisite.What, "count") {
		t.Errorf("middle ground %v, prerequisite %+v; want the count today, 8 then 4 business days: 2026-03-18", k.MiddleGround, k.Prerequisite)
	}
}

// TestDueOnWorkingDay: an offer ready in calendar days that end on a
// weekend is had on the next working day.
func TestDueOnWorkingDay(t *testing.T) {
	at := time.Date(2026, 8, 27, 10, 0, 0, 0, time.UTC) // a Thursday
	p := mediate.Build(input(at, "- laptops for all 14, need them by Fri 9/11 so we can set up desks\n- a room for orientation\n- badge photos on day one", "- the hire list\n- an orientation agenda",
		"- the hire list\n- a room with power strips", "- 6 refurbished laptops in stock, ready in 2 days\n- guest wifi in every meeting room\n- a VPN how-to video"))
	if !slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
		return strings.Contains(c.What, "refurbished") && c.Due.Equal(day("2026-08-31", time.UTC))
	}) {
		t.Errorf("commitments = %+v, want the laptops on Monday 2026-08-31, not Saturday", p.Commitments)
	}
}

// TestByDeadlineOwnWork: what can be had by the date asked shares the
// work itself, not only the step the work waits for ("拿到客户 IdP metadata").
func TestByDeadlineOwnWork(t *testing.T) {
	at := time.Date(2026, 6, 29, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "- A 公司要的 SSO 功能，7/15 前要 demo 给他们看", "- 客户的 IdP metadata 7/1 能给",
		"- 客户的 IdP metadata", "- SSO 拿到客户 IdP metadata 后开发+测试 12 个工作日\n- 工单系统可以加一个 customer-facing ETA 字段，下周做")
	in.Calendar = timeread.Calendar{Holidays: timeread.HolidaysCN}
	k := conflictOn(t, mediate.Build(in), "SSO")
	if slices.ContainsFunc(k.ByDeadline, func(it mediate.Item) bool { return strings.Contains(it.Text, "ETA") }) {
		t.Errorf("by the deadline %+v, want nothing that shares only the customer of the step", k.ByDeadline)
	}
}

// TestDueAfterDatedStep: an offer whose time counts from a step the
// requester dates ("after we get the name list", the list by Mon 8/31) is
// due when that time ends, not "to agree".
func TestDueAfterDatedStep(t *testing.T) {
	at := time.Date(2026, 8, 27, 10, 0, 0, 0, time.UTC) // a Thursday
	p := mediate.Build(input(at, "- email and Slack accounts working on day 1\n- a room for orientation", "- final list of names + start dates by Mon 8/31",
		"- the name list with start dates", "- accounts (email, Slack) created 3 business days after we get the name list\n- guest wifi in every meeting room"))
	if !slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
		return strings.Contains(c.What, "accounts") && c.Owner == mediate.SideB && c.Due.Equal(day("2026-09-03", time.UTC))
	}) {
		t.Errorf("commitments = %+v, want the accounts 3 business days after the list: 2026-09-03", p.Commitments)
	}
}

// TestDueBeforeDayOff: a date that falls on a day off is met on the
// working day before it, unless the commitment says it is done then.
func TestDueBeforeDayOff(t *testing.T) {
	at := time.Date(2026, 4, 6, 10, 0, 0, 0, time.UTC) // a Monday
	p := mediate.Build(input(at, "- a status page customers can subscribe to\n- engineers on site for the move", "",
		"", "- We'll set up a public status page with email subscriptions by May\n- Two engineers on site Saturday 5/16 for the move\n- CSAT survey results by May"))
	due := func(what string) time.Time {
		i := slices.IndexFunc(p.Commitments, func(c mediate.Commitment) bool { return strings.Contains(c.What, what) })
		if i < 0 {
			t.Fatalf("commitments = %+v, want one on %q", p.Commitments, what)
		}
		return p.Commitments[i].Due
	}
	if d := due("status page"); !d.Equal(day("2026-05-29", time.UTC)) {
		t.Errorf("status page due %v, want Friday 2026-05-29, the working day before the end of May", d)
	}
	if d := due("engineers on site"); !d.Equal(day("2026-05-16", time.UTC)) {
		t.Errorf("engineers due %v, want Saturday 2026-05-16, the day they said", d)
	}
	if d := due("CSAT"); !d.Equal(day("2026-05-29", time.UTC)) {
		t.Errorf("CSAT results due %v, want Friday 2026-05-29: CSAT names no Saturday", d)
	}
}
