package mediate_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
)

func build(t *testing.T, name string) mediate.Proposal {
	t.Helper()
	s, err := scenario.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return mediate.Build(s.Input(time.UTC))
}

func conflictOn(t *testing.T, p mediate.Proposal, need string) mediate.Conflict {
	t.Helper()
	for _, c := range p.Conflicts {
		if strings.Contains(c.Need.Text, need) {
			return c
		}
	}
	t.Fatalf("no conflict on %q: %+v", need, p.Conflicts)
	return mediate.Conflict{}
}

// TestMiddleGround: the middle ground is counted from the requester's own
// step when the lead time waits for it, says when it falls after the
// deadline, names a third party quoted for the lead time, and lists what
// was offered that can be had by the deadline.
func TestMiddleGround(t *testing.T) {
	poc := conflictOn(t, build(t, "sales-se-poc"), "POC environment")
	if pre := poc.Prerequisite; pre == nil || !strings.Contains(pre.What, "SSO metadata") || pre.Owner != mediate.SideA ||
		!pre.Due.Equal(day("2027-03-04", time.UTC)) {
		t.Errorf("POC prerequisite = %+v, want Sales' SSO metadata due 2027-03-04", poc.Prerequisite)
	}
	if !poc.MiddleGround.Equal(day("2027-03-11", time.UTC)) || !poc.AfterDeadline {
		t.Errorf("POC middle ground %v (after deadline %v), want 2027-03-11 after the deadline", poc.MiddleGround, poc.AfterDeadline)
	}
	mold := conflictOn(t, build(t, "procurement-manufacturing-mold"), "housing mold")
	if mold.LeadParty != "Mold supplier" || !strings.Contains(mold.Lead.Text, "5 weeks") {
		t.Errorf("mold conflict = %+v, want the supplier's 5-week path, quoted as the supplier's", mold)
	}
	phased := conflictOn(t, build(t, "ops-tech-phased"), "会员中心改版")
	if len(phased.Phases) != 2 || phased.Phases[0].Text != "首页和开卡流程赶9月29日的版本" || !phased.Phases[0].Due.Equal(day("2026-09-29", time.UTC)) ||
		phased.Phases[1].Text != "权益页、积分页放到节后第一个版本" || !phased.Phases[1].Rest {
		t.Errorf("phases = %+v, want the first phase by 9月29日, then the rest", phased.Phases)
	}
	if len(phased.ByDeadline) != 0 {
		t.Errorf("by the deadline = %+v, want nothing beside the phases that say it", phased.ByDeadline)
	}
	if slices.ContainsFunc(phased.Helps, func(it mediate.Item) bool { return strings.Contains(it.Text, "流量预估") }) {
		t.Errorf("helps = %+v: the traffic estimate has nothing to do with the redesign", phased.Helps)
	}
}

// TestLeadTimeScope: a lead time stated for one piece of work binds the
// need it names, not every need with a date.
func TestLeadTimeScope(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "mango boxes by Wednesday\nkiwi crates by Wednesday", "", "mango boxes take 5 days", "kiwi crates\nmango boxes")
	p := mediate.Build(in)
	if len(p.Conflicts) != 1 || !strings.Contains(p.Conflicts[0].Need.Text, "mango") {
		t.Errorf("conflicts = %+v, want one, on the mango boxes", p.Conflicts)
	}
}

// TestTurnaroundScope: a lead time for other work, sharing only the place
// where the work happens, does not bind a need for a turnaround.
func TestTurnaroundScope(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "仓库之间互相调拨，希望48小时内完成", "", "从下单到仓库上架，正常要5个工作日", "")
	if p := mediate.Build(in); len(p.Conflicts) != 0 {
		t.Errorf("conflicts = %+v, want none", p.Conflicts)
	}
}

// TestDecisions: a pair the engine is unsure of is asked about, never
// called open; the needing side's yes makes it a match, its no drops it.
func TestDecisions(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	in := input(at, "Burnout survey participation above 70%", "", "", "Survey pushed to every team's standup")
	p := mediate.Build(in)
	if len(p.Candidates) != 1 || len(p.Matches) != 0 || len(p.Open) != 0 {
		t.Fatalf("matches %+v, candidates %+v, open %+v; want one candidate and nothing open", p.Matches, p.Candidates, p.Open)
	}
	c := p.Candidates[0]
	for _, yes := range []bool{true, false} {
		in.Decisions = []mediate.Decision{{Need: c.Need, Offer: c.Offer, Yes: !yes}, {Need: c.Need, Offer: c.Offer, Yes: yes}}
		q := mediate.Build(in)
		matched := len(q.Matches) == 1 && q.Matches[0].Confirmed && q.Matches[0].Need == c.Need
		if matched != yes || len(q.Candidates) != 0 || (len(q.Open) == 1) == yes {
			t.Errorf("decision %v: matches %+v, candidates %+v, open %+v", yes, q.Matches, q.Candidates, q.Open)
		}
	}
}

// TestRecurringCommitments: an offer that repeats is committed as
// recurring, from its first occurrence when the calendar says, never due
// once.
func TestRecurringCommitments(t *testing.T) {
	tests := []struct {
		scenario, what, from string
	}{
		{"hr-eng-interviews", "Written feedback within 2 days of each interview", ""}, // after each event
		{"ops-tech-phased", "10月1日到7日每天两人值班", "2026-10-01"},                           // daily, from the range's start
	}
	for _, tt := range tests {
		p := build(t, tt.scenario)
		i := slices.IndexFunc(p.Commitments, func(c mediate.Commitment) bool { return c.What == tt.what })
		if i < 0 {
			t.Errorf("%s: no commitment %q in %+v", tt.scenario, tt.what, p.Commitments)
			continue
		}
		c := p.Commitments[i]
		from := ""
		if !c.From.IsZero() {
			from = c.From.Format(time.DateOnly)
		}
		if c.Recurring == "" || !c.Due.IsZero() || from != tt.from {
			t.Errorf("%s: commitment %+v, want recurring from %q, no due date", tt.scenario, c, tt.from)
		}
	}
}

// TestRecurringStartsAtItsFirstOccurrence: a period the recurring work is
// about (Q4's orders) is no start; a range that opens the offer is.
func TestRecurringStartsAtItsFirstOccurrence(t *testing.T) {
	at := time.Date(2026, 8, 17, 10, 0, 0, 0, time.UTC) // a Monday
	for value, want := range map[string]string{
		"Every Thursday we'll send a forecast of Q4 packaging POs by week": "2026-08-20",
		"From Sept 1, every Monday a stock report":                         "2026-09-07",
	} {
		p := mediate.Build(input(at, "", value, "", ""))
		i := slices.IndexFunc(p.Commitments, func(c mediate.Commitment) bool { return c.What == value })
		if i < 0 {
			t.Errorf("no commitment %q in %+v", value, p.Commitments)
			continue
		}
		if c := p.Commitments[i]; c.Recurring == "" || c.From.Format(time.DateOnly) != want {
			t.Errorf("commitment %+v, want recurring from %s", c, want)
		}
	}
}

// TestOnceThenRecurring: an offer done once by its date and then on a
// cadence is two commitments, the first dated, the rest recurring.
func TestOnceThenRecurring(t *testing.T) {
	at := time.Date(2026, 3, 18, 10, 0, 0, 0, time.UTC) // a Wednesday
	for value, want := range map[string][2]string{
		"下周入职的名单今天就发给行政，之后每周四发下一周入职的名单":                                         {"2026-03-18", "2026-03-19"},
		"We'll send the hiring list by Friday, then every Monday the changes":   {"2026-03-20", "2026-03-23"},
		"The final list by Friday, and after that an updated list every Friday": {"2026-03-20", "2026-03-27"},
	} {
		p := mediate.Build(input(at, "", value, "", ""))
		if len(p.Commitments) != 2 {
			t.Errorf("%s: commitments %+v, want two", value, p.Commitments)
			continue
		}
		once, then := p.Commitments[0], p.Commitments[1]
		if once.Recurring != "" || once.Due.Format(time.DateOnly) != want[0] || then.Recurring == "" || then.From.Format(time.DateOnly) != want[1] {
			t.Errorf("%s: commitments %+v, want one due %s and one recurring from %s", value, p.Commitments, want[0], want[1])
		}
	}
}

// TestOfferOnRequestCommitsNobody: an offer nobody asked for that stands
// only if the other side wants it, or that states a thing already done,
// sets no date; one that names its own date does.
func TestOfferOnRequestCommitsNobody(t *testing.T) {
	at := time.Date(2026, 8, 17, 10, 0, 0, 0, time.UTC)
	for value, want := range map[string]bool{
		"Internal audit has time for process walkthroughs this quarter if you want one": false,
		"需要的话，下周五前可以安排一次流程走查":                                                           false,
		"Process walkthroughs for your team by Sep 30":                                  true,
		"查勘员 App 的定位轨迹数据9月30日前已经接进数仓了":                                                  false,
		"机房的 UPS 电池组9月30日前刚换完，全院停电也能撑 2 小时":                                             false,
		"异常检测模型已经跑了半年，名单9月30日前可以给一次":                                                    true,
	} {
		p := mediate.Build(input(at, "", value, "", ""))
		if got := slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool { return c.What == value }); got != want {
			t.Errorf("offer %q committed = %v, want %v: %+v", value, got, want, p.Commitments)
		}
	}
}

// TestGoalsServe: a goal's clause that says what it serves is quoted; a
// goal that says nothing of the kind gets nothing.
func TestGoalsServe(t *testing.T) {
	tests := []struct{ goal, want string }{
		{"Zero downtime during the campaign, to protect user trust", "to protect user trust"},
		{"四季度研发新增40人到岗，支撑明年三条新产品线的人手", "支撑明年三条新产品线的人手"},
		{"Hire 25 engineers by end of Q2 so the roadmap isn't blocked", "so the roadmap isn't blocked"},
		{"Win the Helios Bank deal this quarter", ""},
		{"让业务部门的关键决策都有数据支撑，今年核心看板覆盖率做到 80%。", ""},
	}
	for _, tt := range tests {
		in := input(time.Now(), "", "", "", "")
		in.A.Goal = mediate.Answer{Text: tt.goal}
		if got := mediate.Build(in).Goals.AServes; got != tt.want {
			t.Errorf("goal %q serves %q, want %q", tt.goal, got, tt.want)
		}
	}
}

// TestLeadReading: a total of steps is the lead time, a duration saved or
// spent without result is none, and a weekday after a date only names
// its day.
func TestLeadReading(t *testing.T) {
	at := time.Date(2026, 10, 12, 10, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		name, need, lead, wantPhrase string
	}{
		{"total", "40 款 10/20 前在华南仓上架", "订车要 2 个工作日，上架再 5 个工作日，前后按 7 个工作日算", "7 个工作日"},
		{"saved", "laptops by Wednesday", "loaner laptops, skips the 3-day build", ""},
		{"without result", "结论 10/14 前给到", "光靠他们传话，来回一周都问不清楚结论", ""},
		{"weekday after a date", "合同 10/30（周五）前续签", "合同审核要 5 个工作日", ""},
		{"one period of a series", "复盘会 10/16 前开完", "复盘会避开每月最后一周", ""},
		{"the old length", "入职培训材料 10/14 前定稿", "入职培训从两周压到一周", "一周"},
		{"a period to avoid", "年会彩排别排在10月13日", "年会彩排准备要3个工作日", ""},
		{"a date to steer clear of", "年会彩排最好错开 10/13 前后的大促", "年会彩排准备要3个工作日", ""},
		{"a word that is no period to avoid", "Redlines approved by Oct 20", "Outside counsel takes 3 weeks on any change to the cap", "3 weeks"},
		{"as soon as possible", "A demo environment ASAP", "Setting up a demo environment takes 3 business days", ""},
		{"how long it is kept", "访问日志审计报告 10/14 前给到", "访问日志要留存180天", ""},
		{"an event in the sentence before", "我们10月20日开发布会。需要法务看一下新闻稿", "新闻稿审核要10个工作日", ""},
		{"an event in the clause before", "我们10月20日开发布会，需要法务看一下新闻稿", "新闻稿审核要10个工作日", ""},
		{"an event beside an English need", "The launch event is on October 20, and we need Legal to look at the press release", "Press release review takes 10 business days", ""},
		{"a date the need counts from", "10月13日定稿，之后不要再改新闻稿", "新闻稿审核要10个工作日", "10个工作日"},
		{"a need due by the event it points to", "客户10月16日签约，签约之前新闻稿要审完", "新闻稿审核要10个工作日", "10个工作日"},
		{"a need due on the day it points to", "10月16日新人入职，当天就要审完新闻稿", "新闻稿审核要10个工作日", "10个工作日"},
		{"how long it is kept, in English", "Access log audit by Oct 14", "We keep the access logs for 90 days", ""},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", tt.lead, ""))
		got := ""
		if len(p.Conflicts) == 1 {
			got = p.Conflicts[0].LeadPhrase
		}
		if got != tt.wantPhrase || len(p.Conflicts) > 1 {
			t.Errorf("%s: conflicts %+v, want lead phrase %q", tt.name, p.Conflicts, tt.wantPhrase)
		}
	}
}

// TestWork: the work a clashing need asks for reads on its own after
// "wants … by …": without its date, its lead-in or a clause that names
// only a person or a verb.
func TestWork(t *testing.T) {
	tests := []struct{ scenario, need, want string }{
		{"hr-finance-bonus", "年终奖", "年终奖到账"},
		{"support-eng-triage", "批量退款", "客服后台支持批量退款"},
		{"legal-sales-christmas", "redlines", "Approval of the customer's redlines on liability"},
		{"ops-tech-scanners", "picking app", "the new picking app on the handheld scanners"},
		{"procurement-production-chunjie", "PCB", "PCB板"},
	}
	for _, tt := range tests {
		if got := conflictOn(t, build(t, tt.scenario), tt.need).Work; got != tt.want {
			t.Errorf("%s: work = %q, want %q", tt.scenario, got, tt.want)
		}
	}
}

// TestHelpsActOnTheLeadTime: only an offer that acts on the work behind
// the lead time, or says it speeds something up, is named as a way to
// close the gap; a standing practice or a schedule about something else
// is not, and is not due the day the lead time was stated.
func TestHelpsActOnTheLeadTime(t *testing.T) {
	p := build(t, "cs-rd-onsite")
	cf := conflictOn(t, p, "故障说明报告")
	if len(cf.Helps) != 1 || !strings.Contains(cf.Helps[0].Text, "日志") {
		t.Errorf("helps = %+v, want only the logs the analysis works on", cf.Helps)
	}
	for _, cm := range p.Commitments {
		if strings.Contains(cm.What, "提工单") && !cm.Due.IsZero() {
			t.Errorf("%q due %v: a standing practice sets no date", cm.What, cm.Due)
		}
	}
}

// TestByDeadlineKeepsTheEvent: when the whole review comes after the
// deadline and the event behind it, the part offered that fits before the
// deadline (a first-pass review within 3 business days) is what the
// requester can have by then, and it is not listed again as unused.
func TestByDeadlineKeepsTheEvent(t *testing.T) {
	p := build(t, "partnerships-security-signing")
	cf := conflictOn(t, p, "Security sign-off")
	if len(cf.ByDeadline) != 1 || !strings.Contains(cf.ByDeadline[0].Text, "first-pass review") {
		t.Errorf("by deadline = %+v, want the first-pass review", cf.ByDeadline)
	}
	if !cf.AfterDeadline || !cf.EventDate.Equal(day("2026-03-20", time.UTC)) {
		t.Errorf("after deadline %v, event %v: want the whole late and the signing day kept", cf.AfterDeadline, cf.EventDate)
	}
	for _, it := range p.Balance.AlsoB {
		if it == cf.Lead || it == cf.ByDeadline[0] {
			t.Errorf("%q listed as also offered, though the plan uses it", it.Text)
		}
	}
}

// TestByDeadlineIsAboutTheWork: what can be had by a clash's deadline is
// about what the need asks for, not about a word of its setting.
func TestByDeadlineIsAboutTheWork(t *testing.T) {
	at := time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC) // a Monday
	p := mediate.Build(input(at,
		"We need six more infusion pumps on the unit by Friday Oct 16", "",
		"", "new pumps: vendor lead time is 15 business days\nbreak room ice machine swapped this week with the one from the closed 3 West unit\nthe vendor can rent us 4 pumps in 3 business days"))
	if len(p.Conflicts) != 1 {
		t.Fatalf("conflicts %+v, want the pumps' one", p.Conflicts)
	}
	var got []string
	for _, it := range p.Conflicts[0].ByDeadline {
		got = append(got, it.Text)
	}
	if !slices.Contains(got, "the vendor can rent us 4 pumps in 3 business days") || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "ice machine") }) {
		t.Errorf("by the deadline: %q, want the rented pumps and not the ice machine", got)
	}
}

// TestBuiltBeforeItRepeats: a deadline "in time for" a dated event is the
// need's; the offer that meets the clashing need is first had at the middle
// ground however often it repeats after, and is no speed-up; the statement
// of the work is due when its length is up, not on the day it starts.
func TestBuiltBeforeItRepeats(t *testing.T) {
	at := time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC) // a Monday
	p := mediate.Build(input(at, "",
		"Forecast dashboard by region and segment, refreshed daily. Building and validating the model takes 15 business days, we can kick off today.",
		"we need a weekly forecast view per region, ideally in time for the QBR on Oct 16", ""))
	if len(p.Conflicts) != 1 || p.Conflicts[0].MiddleGround.Format(time.DateOnly) != "2026-10-26" {
		t.Fatalf("conflicts %+v, want one with middle ground 2026-10-26", p.Conflicts)
	}
	if holds(p.Conflicts[0].Helps, "dashboard") {
		t.Errorf("helps %q: the dashboard is what is delivered, not a speed-up", texts(p.Conflicts[0].Helps))
	}
	want := map[string]string{
		"Forecast dashboard by region and segment, refreshed daily":                       "2026-10-26",
		"Building and validating the model takes 15 business days, we can kick off today": "2026-10-26",
	}
	checkDue(t, p.Commitments, want)
}

// checkDue checks that commitments are those of want, by their text, each
// one-off and due on its date.
func checkDue(t *testing.T, cs []mediate.Commitment, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, c := range cs {
		if c.Recurring != "" {
			t.Errorf("commitment %+v, want none recurring", c)
		}
		got[c.What] = c.Due.Format(time.DateOnly)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("commitments %+v, want %v", cs, want)
	}
}

// TestStartDateIsNoDueDate: an offer that says how long its work takes and
// when its order is placed commits to placing it by its day and to the
// work when the length is up, a later start day being its first day of
// work; a bare start is no step of its own.
func TestStartDateIsNoDueDate(t *testing.T) {
	at := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC) // a Monday
	for value, want := range map[string]map[string]string{
		"原材料 supplier 的 lead time 是 18 个 working days，今天就能下单":                     {"原材料 supplier 的 lead time 是 18 个 working days": "2026-12-10", "今天就能下单": "2026-11-16"},
		"Fixing the criticals takes about 12 working days, we can start tomorrow": {"Fixing the criticals takes about 12 working days, we can start tomorrow": "2026-12-02"},
		"设计稿已经做好了，今天就送IP方审，IP方审稿要10个工作日":                                          {"今天就送IP方审": "2026-11-16", "设计稿已经做好了，IP方审稿要10个工作日": "2026-11-30"},
		"The build takes 18 business days, we can kick off today":                 {"The build takes 18 business days, we can kick off today": "2026-12-10"},
	} {
		checkDue(t, mediate.Build(input(at, "", value, "", "")).Commitments, want)
	}
}

// TestRestOfDoneWork: an offer that says part of the work is done and how
// long the rest takes commits to the rest, named without the done part.
func TestRestOfDoneWork(t *testing.T) {
	at := time.Date(2026, 6, 15, 10, 0, 0, 0, time.UTC) // a Monday
	p := mediate.Build(input(at, "积分商城本周四要上线", "", "", "积分商城开发已完成，联调加回归测试还要4个工作日"))
	if len(p.Commitments) != 1 || p.Commitments[0].Due.Format(time.DateOnly) != "2026-06-19" || p.Commitments[0].Plain != "联调加回归测试" {
		t.Errorf("commitments %+v, want the testing due 2026-06-19", p.Commitments)
	}
}

// TestReplyWithinRecurs: a promise to answer within a time is kept each
// time the other side asks: recurring, with no date of its own.
func TestReplyWithinRecurs(t *testing.T) {
	at := time.Date(2026, 8, 19, 10, 0, 0, 0, time.UTC)
	for _, value := range []string{"活动价报备我们24小时内回复", "Price filings: we reply within 24 hours", "there's an exception process, we turn those around in 48 hours"} {
		p := mediate.Build(input(at, "", value, "", ""))
		if len(p.Commitments) != 1 || p.Commitments[0].Recurring == "" || !p.Commitments[0].Due.IsZero() {
			t.Errorf("%s: commitments %+v, want one recurring, undated", value, p.Commitments)
		}
	}
}

// TestAheadOfEventHasNoDate: a step promised a set time before an event
// ("上播前48小时") counts back from that event, not on from today.
func TestAheadOfEventHasNoDate(t *testing.T) {
	at := time.Date(2026, 8, 19, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "直播脚本和直播间布景上播前品牌要审核", "", "", "直播脚本和直播间布景方案上播前48小时发品牌审核"))
	if len(p.Commitments) != 1 || !p.Commitments[0].Due.IsZero() {
		t.Errorf("commitments %+v, want one with no date", p.Commitments)
	}
}

// TestStartOfThirdPartyLead: an offer that starts a third party's lead
// time ("request the letters today; they need 3 weeks") is committed by
// its own date, and what the need asks when that lead time is up; it
// neither shortens the wait nor is had by the deadline.
func TestStartOfThirdPartyLead(t *testing.T) {
	at := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC) // a Wednesday
	p := mediate.Build(input(at, "the auditors want the legal letters from outside counsel on pending litigation by Nov 20", "", "",
		"We'll request the audit response letters from outside counsel today; they typically need 3 weeks."))
	want := map[string]string{
		"We'll request the audit response letters from outside counsel today":                              "2026-11-04",
		"We'll request the audit response letters from outside counsel today; they typically need 3 weeks": "2026-11-25",
	}
	checkDue(t, p.Commitments, want)
	cf := conflictOn(t, p, "legal letters")
	if holds(cf.Helps, "request") || holds(cf.ByDeadline, "request") {
		t.Errorf("helps %q, by the deadline %q: the request starts the wait, it neither shortens it nor delivers", texts(cf.Helps), texts(cf.ByDeadline))
	}
	if !strings.HasPrefix(cf.Work, "the legal letters") {
		t.Errorf("work %q, want what is asked without who asks it", cf.Work)
	}
}

// TestStartedLeadEndsAtTheMiddleGround: a clash's lead time that starts on
// its own date ("…10 business days, and we can start today") is committed
// at the middle ground, which a saving brings forward.
func TestStartedLeadEndsAtTheMiddleGround(t *testing.T) {
	p := build(t, "status-page-saving-next")
	cf := conflictOn(t, p, "refund status page")
	i := slices.IndexFunc(p.Commitments, func(c mediate.Commitment) bool { return strings.Contains(c.What, "build and test normally") })
	if i < 0 || !p.Commitments[i].Due.Equal(cf.MiddleGround) {
		t.Errorf("commitments %+v, want the build due on the middle ground %v", p.Commitments, cf.MiddleGround)
	}
}

// TestRecurrenceAfterEvent: a recurrence that starts once an event has
// happened ("上线后…每天", "after launch") begins then, which no answer
// dates, not on the day it was written; one whose event is dated begins
// on that date.
func TestRecurrenceAfterEvent(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	for offer, from := range map[string]string{
		"上线后头两周每天发一次数据日报":                       "0001-01-01",
		"weekly usage report after launch":      "0001-01-01",
		"10/20 预售开始后，每天上午 10 点前发前一天的定金数据":       "2026-10-20",
		"every Monday we send the usage report": "2026-09-21", // said on a Monday: from next week
		"eng mgr joins vendor calls Tue/Thu":    "2026-09-15",
	} {
		p := mediate.Build(input(at, "数据日报, usage report, 定金数据", "", "", offer))
		if len(p.Commitments) != 1 || p.Commitments[0].Recurring == "" || p.Commitments[0].From.Format(time.DateOnly) != from {
			t.Errorf("%q: commitments %+v, want one recurring from %s", offer, p.Commitments, from)
		}
	}
}
