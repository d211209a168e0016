package mediate_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
	"github.com/collabbot/collabbot/flows/timeread"
)

func day(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		panic(err)
	}
	return t
}

// input is a collaboration where both sides answer at the same moment.
func input(at time.Time, needsA, valueA, needsB, valueB string) mediate.Input {
	party := func(name, needs, value string) mediate.Party {
		return mediate.Party{Name: name, Needs: mediate.Answer{Text: needs, At: at}, Values: mediate.Answer{Text: value, At: at}}
	}
	return mediate.Input{Topic: "a shared goal", A: party("Ops", needsA, valueA), B: party("Tech", needsB, valueB)}
}

// TestSeed is the article's example, in full.
func TestSeed(t *testing.T) {
	s, err := scenario.Load("ops-tech-launch")
	if err != nil {
		t.Fatal(err)
	}
	p := mediate.Build(s.Input(time.UTC))
	a := func(text string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: text} }
	b := func(text string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: text} }
	// The testers Tech puts on its own testing close the gap; the device
	// list meets Tech's other need and is in the plan, due before the
	// testing starts. Nothing says by how much: the date is the standard
	// one.
	want := []mediate.Conflict{{
		Need: a("活动页面明天上线"), Work: "活动页面上线", Deadline: day("2026-03-03", time.UTC),
		Lead: b("需要2天做兼容性测试"), LeadDays: 2, LeadPhrase: "2天", MiddleGround: day("2026-03-04", time.UTC),
		Helps:         []mediate.Item{b("优先调配2名测试人员")},
		AfterDeadline: true,
	}}
	if !reflect.DeepEqual(p.Conflicts, want) {
		t.Errorf("conflicts = %+v\nwant %+v", p.Conflicts, want)
	}
	wantMatches := []mediate.Match{
		{Need: a("技术部优先安排人手"), Offer: b("优先调配2名测试人员"), Terms: []string{"人手/测试人员"}},
		{Need: b("需要核心用户的设备型号"), Offer: a("提供核心用户的设备型号清单"), Terms: []string{"设备型号", "核心用户"}},
	}
	if !reflect.DeepEqual(p.Matches, wantMatches) {
		t.Errorf("matches = %+v\nwant %+v", p.Matches, wantMatches)
	}
	if len(p.Open) != 0 {
		t.Errorf("open = %q, want none: the deadline need and the lead time are in the conflict", p.Open)
	}
	// The testers and the device list close the gap: the testing waits for
	// them, so they are due the day the lead time was stated.
	wantCommit := []mediate.Commitment{
		{Owner: mediate.SideB, What: "优先调配2名测试人员", Due: day("2026-03-02", time.UTC)},
		{Owner: mediate.SideA, What: "提供核心用户的设备型号清单", Due: day("2026-03-02", time.UTC)},
		{Owner: mediate.SideB, What: "活动页面上线", Due: day("2026-03-04", time.UTC)},
	}
	if !reflect.DeepEqual(p.Commitments, wantCommit) {
		t.Errorf("commitments = %+v\nwant %+v", p.Commitments, wantCommit)
	}
	wantGoals := mediate.Goals{Company: s.Topic, A: s.Sides.A.Goal, B: s.Sides.B.Goal, AServes: "支撑公司季度用户增长目标"}
	if !reflect.DeepEqual(p.Goals, wantGoals) {
		t.Errorf("goals = %+v\nwant %+v: A's goal says what it serves, B's does not", p.Goals, wantGoals)
	}
	wantAlso := [2][]mediate.Item{{a("上线后一周内反馈用户数据")}, {b("把页面加载时间从5秒降到1秒")}}
	if got := [2][]mediate.Item{p.Balance.AlsoA, p.Balance.AlsoB}; !reflect.DeepEqual(got, wantAlso) {
		t.Errorf("offers that meet no need = %q, want %q", got, wantAlso)
	}
	if p.NameA != "运营部" || p.NameB != "技术部" || p.Topic != s.Topic || p.CollabID != s.Name || p.Version != 1 || p.Lang != "zh" {
		t.Errorf("header = %q %q %q %q %d %q", p.NameA, p.NameB, p.Topic, p.CollabID, p.Version, p.Lang)
	}
}

// TestAnswerTimes reads each answer's dates against its own moment and
// zone: 明天 written just after midnight in Shanghai is two UTC days later.
func TestAnswerTimes(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	lead := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // 需要2天 -> 2026-03-04
	tests := []struct {
		name         string
		deadlineAt   time.Time
		wantConflict bool
	}{
		{"明天 is 03-03 in Shanghai, before the lead time", time.Date(2026, 3, 2, 23, 0, 0, 0, shanghai), true},
		{"明天 is 03-04 in Shanghai (still 03-02 in UTC), no conflict", time.Date(2026, 3, 3, 0, 30, 0, 0, shanghai), false},
	}
	for _, tt := range tests {
		in := input(lead, "", "", "需要2天做兼容性测试", "")
		in.A.Needs = mediate.Answer{Text: "活动页面明天上线", At: tt.deadlineAt}
		p := mediate.Build(in)
		if got := len(p.Conflicts) == 1; got != tt.wantConflict {
			t.Errorf("%s: conflicts = %+v, want conflict %v", tt.name, p.Conflicts, tt.wantConflict)
		}
	}
}

// TestPairs states, one need and one offer at a time, what the matcher
// must pair and what it must not.
func TestPairs(t *testing.T) {
	tests := []struct {
		need, offer string
		want        bool
	}{
		{"more servers for the launch", "two extra servers", true},
		{"服务器扩容", "extra servers before the peak", true},
		{"load test report", "提供压测报告", true},
		{"测试人手", "two QA staff for testing", true},
		{"Servers", "server capacity", true},
		{"testing of the checkout", "we test the checkout", true},
		{"设备型号清单", "核心用户的设备型号", true},
		{"需要提供支持", "提供支持", false},                                                           // only generic words
		{"we need help soon", "we provide help", false},                                     // only generic words
		{"需要2天", "优先调配2名", false},                                                           // a number and a generic word
		{"send the product dossier", "we send every post draft", false},                     // only a hand-over verb
		{"screenshots of the pricing page for the deck", "a 3-page memo on pricing", false}, // a count of pages is no page
		{"a one-week trial of the scanner", "a 2-week trial of the scanner", true},
		{"sit-stand desks for the analysts", "height-adjustable desks on the fourth floor", true},
		{"the support team to pack up its cubicles", "each agent boxes up their own things the night before", true},
		{"日志打包发给我们", "搬家前各自收拾打包", false}, // bundling files is no packing
		{"pre-prod", "a staging env", true},
		{"an invite to our GitLab", "invites to the code repo", true},
		{"non-engineers", "two engineers", false}, // non- names the others
		{"tell us before you ship anything that changes screens, our macros break", "the changelog draft goes out two days ahead of every release", true}, // a draft gives what it drafts
		{"草稿箱里的邮件", "合同初稿", false},
		{"the seating plan for the new floor, who sits where", "a seat map with every analyst's name by Friday, our manager is away until then", true},
		{"no more monitors bought on team cards", "we'll get leads to stop buying kit on team cards", true}, // bought is buying
		{"one person in finance we can go to, not a shared inbox", "Marta is your POC for anything billing", true},
		{"a POC environment for the bank's architects", "Marta is your POC for anything billing", false},
		{"five content creators", "two beauty influencers", true},
		{"a written comparison of the three couriers", "our ops memo comparing the couriers, already done", true},
		{"our approval limits per manager, ours are out of date", "the signing authority matrix, updated in March", true}, // a matrix carries what it lays out
		{"a runbook for sev-1s", "a P1 runbook", true},
		{"a runbook for sev-1s", "the runbook for database restores", false},
		{"a DOA unit swapped within a week", "the signing authority matrix, updated in March", false},
		{"somebody to explain the badge printer to the 3 remote temps", "a recorded badge printer how-to", true}, // a how-to explains
		{"an explanation of the new expense rules", "a tutorial on the expense rules", true},
		{"2-factor on every new laptop", "MFA on all laptops from day one", true},                               // a count joined to a word the lexicon knows keeps its meaning
		{"a working machine for each of the 6 interns on day one", "we image and deliver to their desks", true}, // imaging sets up a device
		{"a welcome kit for each intern", "we image and deliver to their desks", false},
		{"approved copy for the paid social ads", "supplier payments approved weekly", false}, // paid ads are bought, no payment is asked
		{"paid leave for Dana", "payment to Dana by Friday", false},
		{"a written answer on data residency", "we write the release copy", false}, // "written" is in writing
		{"the kilns can't go by courier", "kilns moved by a freight crew", true},   // a denied verb still follows its subject
		{"a stand at the careers fair", "a short standup every morning", false},    // a standup is a meeting
		{"a loss adjuster", "adjustments to the stockroom", false},
		{"footrests (requested since last winter…)", "We will finally order the footrests your designers keep raising", true}, // an adverb between modal and verb
		{"活动页面明天上线", "把页面加载时间从5秒降到1秒", false},
		{"VPN setup guide in plain language", "Office Wi-Fi troubleshooting guide", false},
		{"Marketing budget approval for the Q3 campaign", "Campaign performance report after launch", false},
		{"dashboard of live order numbers", "a checkout that handles 3x the peak", false},
		// Both name a checkout, though they share one word among many.
		{"Deposit + final payment checkout live by Nov 1", "A checkout that handles 3x the expected peak", true},
		// A page, and the load time of a page.
		{"The page live tomorrow", "Faster page load", false},
		{"Campaign plan", "A plan for load tests", false},
		{"Badge access to the office", "Access to the HR system", false},
		{"Server logs", "Servers sized for the peak", false},
		// The same thing in other words or another language.
		{"开发排期", "开发档期已经排好", true},
		{"A point person in Legal", "An owner on our team for the deal", true},
		{"final designs for the checkout flow", "checkout 全流程高保真 mockups", true},
		{"user survey results", "用户调研报告", true},
		{"发布会前要有印好的纸质版 200 本", "印刷厂要 5 个工作日", true}, // printed copies come from printing
		{"hard copies of the handbook for every desk", "the print shop needs a week", true},
		{"Hartmann (packaging) paid before the discount lapses", "Hartmann payment released the same week", true}, // paid is a payment
		{"法务最晚 6/15 要审完", "审核 2 个工作日", true},                                                                      // reviewed is the review done
		{"sign-off on the budget", "budget approval within 2 days", true},
		{"two testers for the release", "testing support for the release", true},
		{"我们最急的是退款流程，现在要走5步", "退款改成一步提交", true},
		{"Experiment hypotheses written down", "A hypothesis doc template filled in for each test", true}, // a container of them
		// One shared word, different things.
		{"Help sizing experiments", "Experiment readout dashboard", false},
		{"A clear on-call compensation policy", "On-call page data for the last 6 months", false},
		{"新人入职当天电脑和代码权限到位", "新人入职第一周的培训全部由我们来排", false},
		{"海外达人坑位费付清", "国内对公付款走加急，当天到账", false},
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		if got := len(p.Matches) == 1; got != tt.want {
			t.Errorf("need %q, offer %q: matched %v (%+v), want %v", tt.need, tt.offer, got, p.Matches, tt.want)
		}
	}
}

// TestSideNamesAreContent: a side called Engineering offering engineers
// meets a need for engineers, as any other side would.
func TestSideNamesAreContent(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, name := range []string{"Engineering", "Platform"} {
		in := input(at, "Engineers on the interview panels", "", "", "Two engineers per day on interview panels")
		in.B.Name = name
		if p := mediate.Build(in); len(p.Matches) != 1 {
			t.Errorf("side %q: matches %+v, want the engineers matched", name, p.Matches)
		}
	}
}

// TestOwnOffersNeverMeetOwnNeeds: matches cross the sides.
func TestOwnOffersNeverMeetOwnNeeds(t *testing.T) {
	p := mediate.Build(input(time.Now(), "kiwi crates", "kiwi crates", "", ""))
	if len(p.Matches) != 0 || len(p.Open) != 1 {
		t.Errorf("matches %+v, open %+v; want no match and the need open", p.Matches, p.Open)
	}
}

// fruit returns n items that each side can meet exactly: "kiwi crates",
// "mango crates", ...
func fruit(from, n int) string {
	names := []string{"kiwi", "mango", "papaya", "lychee", "durian", "guava", "quince", "medlar"}
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "%s %s\n", names[i], names[i]+"s")
	}
	return b.String()
}

func TestBalance(t *testing.T) {
	tests := []struct {
		aGives, bGives int
		want           mediate.Side
	}{
		{0, 0, ""},
		{1, 0, ""}, // one thing for nothing: not clear enough to say
		{0, 1, ""},
		{2, 0, mediate.SideA}, // several things for nothing
		{0, 3, mediate.SideB},
		{2, 1, ""},
		{3, 1, ""}, // uneven, but both sides give what the other asked for
		{4, 2, ""},
		{3, 2, ""},
		{2, 2, ""},
		{1, 3, ""},
	}
	for _, tt := range tests {
		// A offers fruit 0..aGives that B needs; B offers fruit 4.. that A
		// needs. Both also ask for something nobody offers, so that neither
		// asked for nothing.
		in := input(time.Now(), fruit(4, tt.bGives)+"quince jam", fruit(0, tt.aGives), fruit(0, tt.aGives)+"medlar jam", fruit(4, tt.bGives))
		p := mediate.Build(in)
		if len(p.Balance.AGivesB) != tt.aGives || len(p.Balance.BGivesA) != tt.bGives || p.Balance.Lopsided != tt.want {
			t.Errorf("A gives %d, B gives %d: balance %+v, want lopsided %q", tt.aGives, tt.bGives, p.Balance, tt.want)
		}
	}
}

// TestUnrequestedOffers: offers that meet no need are kept, apart, and do
// not count in the balance: nobody said they need them. A side that
// asked for nothing is never the lopsided one.
func TestUnrequestedOffers(t *testing.T) {
	p := mediate.Build(input(time.Now(), fruit(4, 2), "cake for the team\nmusic playlist", "medlar jam", fruit(4, 2)))
	if len(p.Balance.AlsoA) != 2 || len(p.Balance.AGivesB) != 0 || len(p.Balance.BGivesA) != 2 || p.Balance.Lopsided != mediate.SideB {
		t.Errorf("balance %+v, want A's two offers apart and B lopsided", p.Balance)
	}
	p = mediate.Build(input(time.Now(), fruit(4, 1), "", "", fruit(4, 1)))
	if len(p.Balance.BGivesA) != 1 || p.Balance.Lopsided != "" {
		t.Errorf("balance %+v, want B giving 1 and nobody lopsided: B asked for nothing", p.Balance)
	}
	// B only says how long its own work takes: that asks for nothing either.
	p = mediate.Build(input(time.Now(), fruit(4, 2), "", "Packing takes 5 business days on our side", fruit(4, 2)))
	if len(p.Balance.BGivesA) != 2 || p.Balance.Lopsided != "" {
		t.Errorf("balance %+v, want B giving 2 and nobody lopsided: B only stated its own lead time", p.Balance)
	}
}

// TestOffersForTheGoal: an offer nobody asked for that serves the other
// side's goal is credited to the balance.
func TestOffersForTheGoal(t *testing.T) {
	in := input(time.Now(), "medlar jam", "a weekly churn dashboard", "quince jam", "")
	in.B.Goal = mediate.Answer{Text: "Cut churn by a third"}
	p := mediate.Build(in)
	if len(p.Balance.ForGoalA) != 1 || len(p.Balance.AlsoA) != 0 {
		t.Errorf("balance %+v, want the dashboard credited to A for B's goal", p.Balance)
	}
}

// TestCommitmentDue: a matched offer is due by its need's deadline, or by
// the middle ground when that need is in conflict; an offer that meets
// two needs is committed once, by the earlier date.
func TestCommitmentDue(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at,
		"kiwi crates by Friday\nkiwi crates by March 20\nmango boxes tomorrow",
		"",
		"mango boxes take 5 days",
		"kiwi crates\nmango boxes")
	p := mediate.Build(in)
	want := []mediate.Commitment{
		{Owner: mediate.SideB, What: "kiwi crates", Due: day("2026-03-06", time.UTC)},
		{Owner: mediate.SideB, What: "mango boxes", Due: day("2026-03-07", time.UTC)},
	}
	if !reflect.DeepEqual(p.Commitments, want) {
		t.Errorf("commitments = %+v\nwant %+v", p.Commitments, want)
	}
}

// TestDeterministic: the same input gives the same proposal.
func TestDeterministic(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		first := mediate.Build(s.Input(time.UTC))
		for range 20 {
			if again := mediate.Build(s.Input(time.UTC)); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: Build differs between runs:\n%+v\n%+v", s.Name, first, again)
			}
		}
	}
}

// TestMaxItems: a pasted document is bounded, and its tail kept.
func TestMaxItems(t *testing.T) {
	var b strings.Builder
	for i := range mediate.MaxItems + 5 {
		fmt.Fprintf(&b, "item %d\n", i)
	}
	items := mediate.Items(b.String())
	last := items[len(items)-1]
	if len(items) != mediate.MaxItems || !strings.HasPrefix(last, fmt.Sprintf("item %d; ", mediate.MaxItems-1)) || !strings.HasSuffix(last, fmt.Sprintf("item %d", mediate.MaxItems+4)) {
		t.Errorf("got %d items, last %q", len(items), last)
	}
}

func TestWithoutPhrase(t *testing.T) {
	tests := []struct{ text, phrase, want string }{
		{"活动页面明天上线", "明天", "活动页面上线"},
		{"新人名单和证件照今天就发给行政", "今天", "新人名单和证件照发给行政"},
		{"Deposit + final payment checkout live by Nov 1", "Nov 1", "Deposit + final payment checkout live"},
		{"Ship the API before Friday, please", "Friday", "Ship the API, please"},
		{"Contract signed by 3/31 (vendor's Q-end discount)", "3/31", "Contract signed (vendor's Q-end discount)"},
		{"合同 3/31 前签好（季度末折扣）", "3/31", "合同签好（季度末折扣）"},
		{"各职级薪资带宽（2026 年新版）今天下班前发给招聘组", "今天", "各职级薪资带宽（2026 年新版）下班前发给招聘组"},
		{"KA订单明细（分门店分颜色）明天（9/8）中午前给到供应链", "明天", "KA订单明细（分门店分颜色）中午前给到供应链"},
		{"新楼工位图（最终版座位表）1/23 周五前给 IT", "1/23", "新楼工位图（最终版座位表）给 IT"},
		{"明天", "明天", "明天"},
		{"by Friday we need it", "Friday", "by we need it"},
		{"no phrase here", "", "no phrase here"},
	}
	for _, tt := range tests {
		if got := mediate.WithoutPhrase(tt.text, tt.phrase); got != tt.want {
			t.Errorf("withoutPhrase(%q, %q) = %q, want %q", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// TestOfferDates: with no date from its need, an offer is due by the date
// it names itself, unless that date counts from an event or repeats; the
// plan says it without that date, which it gives beside it.
func TestOfferDates(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at,
		"kiwi crates\nmango boxes\npapaya boxes\n用户数据",
		"",
		"",
		"kiwi crates by Friday\nmango boxes within a week after launch\npapaya boxes every Wednesday\n上线后一周内反馈用户数据")
	p := mediate.Build(in)
	want := []mediate.Commitment{
		{Owner: mediate.SideB, What: "kiwi crates by Friday", Plain: "kiwi crates", Due: day("2026-03-06", time.UTC)},
		{Owner: mediate.SideB, What: "mango boxes within a week after launch"},
		{Owner: mediate.SideB, What: "papaya boxes every Wednesday", Recurring: "every Wednesday", From: day("2026-03-04", time.UTC)},
		{Owner: mediate.SideB, What: "上线后一周内反馈用户数据"},
	}
	if !reflect.DeepEqual(p.Commitments, want) {
		t.Errorf("commitments = %+v\nwant %+v", p.Commitments, want)
	}
}

// TestHalfDay: a need that names a half day keeps it in its conflict's
// middle ground and in the commitment; a plain date never gains one.
func TestHalfDay(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for need, half := range map[string]string{"活动页面明天上午上线": "am", "page live tomorrow afternoon": "pm", "活动页面明天上线": ""} {
		p := mediate.Build(input(at, need, "", "需要2天做兼容性测试", ""))
		if len(p.Conflicts) != 1 || len(p.Commitments) != 1 {
			t.Fatalf("%s: conflicts %+v, commitments %+v", need, p.Conflicts, p.Commitments)
		}
		k, c := p.Conflicts[0], p.Commitments[0]
		if k.HalfDay != half || c.HalfDay != half || !k.MiddleGround.Equal(day("2026-03-04", time.UTC)) || !c.Due.Equal(k.MiddleGround) {
			t.Errorf("%s: middle ground %v %q, due %v %q; want 2026-03-04 %q", need, k.MiddleGround, k.HalfDay, c.Due, c.HalfDay, half)
		}
	}
}

// TestSameHeadOfferIsAsked: an offer headed by what a need asks for, with
// more words in common, is asked about; the need is not called open while
// the very offer that may meet it is listed as also offered.
func TestSameHeadOfferIsAsked(t *testing.T) {
	need := "Non-standard terms flagged at least 5 business days before signature"
	offer := "Non-standard terms flagged in the deal room channel"
	p := mediate.Build(input(time.Now(), "", offer, need, ""))
	if len(p.Candidates) != 1 || p.Candidates[0].Need.Text != need || p.Candidates[0].Offer.Text != offer {
		t.Errorf("candidates %+v, want %q asked about for %q", p.Candidates, offer, need)
	}
	for _, it := range p.Open {
		if it.Text == need {
			t.Errorf("%q is open beside the offer %q", need, offer)
		}
	}
}

// TestCommitmentDatesComeFromTheAnswers: a lead time that counts from an
// event or from each request, and a need that only asks for speed, set
// no date; an offer with its own lead time is due when that time is up.
func TestCommitmentDatesComeFromTheAnswers(t *testing.T) {
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		need, offer string
		want        time.Time
	}{
		{"Credit checks done at proposal stage", "Credit checks in 2 business days once we have the legal entity name", time.Time{}},
		{"Discount approvals turned around fast", "Deal desk SLA: discount approvals within 1 business day", time.Time{}},
		{"试产后FAI报告也要尽快给我们", "FAI报告试产结束后2个工作日内给", time.Time{}},
		{"A security review of the vendor", "The security review takes 5 business days", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		var got *mediate.Commitment
		for i, cm := range p.Commitments {
			if cm.What == tt.offer {
				got = &p.Commitments[i]
			}
		}
		if got == nil {
			t.Errorf("%q: no commitment in %+v (matches %+v)", tt.offer, p.Commitments, p.Matches)
			continue
		}
		if !got.Due.Equal(tt.want) {
			t.Errorf("%q due %s, want %s", tt.offer, got.Due.Format(time.DateOnly), tt.want.Format(time.DateOnly))
		}
	}
}

// TestDurationFromTodayIsALeadTime: "takes 8 working days from today" is
// how long the work takes, so it clashes with a deadline it cannot meet.
func TestDurationFromTodayIsALeadTime(t *testing.T) {
	at := time.Date(2026, 9, 21, 9, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "All 300 SKUs put away by Sep 29", "", "Receiving and putaway for 300 SKUs takes 8 working days from today", ""))
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("conflicts = %+v, want the putaway's 8 working days against Sep 29, middle ground Oct 1", p.Conflicts)
	}
}

// TestPlainCommitments: a commitment is said beside its owner and date
// without the date it was read from and without "we can", a Chinese day
// word before what is done then included; a date that is its own clause,
// a start, how fast, or names a thing stays.
func TestPlainCommitments(t *testing.T) {
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) // a Monday
	tests := []struct{ offer, want string }{
		{"Final copy and the discount rules by Wednesday Nov 4", "Final copy and the discount rules"},
		{"We can send the scanner models by Wednesday", "send the scanner models"},
		{"各部门年终奖分配方案11月20日前给财务", "各部门年终奖分配方案给财务"},
		{"年终奖名单和金额11月20日给到财务", "年终奖名单和金额给到财务"},
		{"H1 各渠道 ROI 报表，11月15日前给", ""},
		{"11月14日起IT可以进场施工", ""},
		{"首页和开卡流程赶11月29日的版本", ""},
		{"Postmortem written within one business day", ""},
		{"邀请名单明天（11/3）发过去，重点嘉宾标红", "邀请名单发过去，重点嘉宾标红"},
		{"脚本初稿 11/4 给到", "脚本初稿给到"},
		{"11/9（周一）前按 SKU 给预估销量", "按 SKU 给预估销量"},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, "", tt.offer, "", ""))
		var got []string
		for _, cm := range p.Commitments {
			got = append(got, cm.Plain)
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: plain %q, want %q", tt.offer, got, tt.want)
		}
	}
}

// TestStandingPromise: a promise to refrain holds from now on, so it is
// committed with no due date, even when the need it meets names one; an
// offer that delivers by its own date and then holds is due by that date.
func TestStandingPromise(t *testing.T) {
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) // a Monday
	en := "No changes to the discount rules after Friday"
	tests := []struct {
		need, offer string
		standing    bool
	}{
		{en, "No rule changes once the copy is final", true},
		{"折扣规则周五之后不要再改", "折扣规则定稿后不再改动", true},
		{en, "The discount rules final by Wednesday, no changes after that", false},
	}
	for _, tt := range tests {
		cm, ok := onlyCommitment(t, at, tt.need, tt.offer)
		if ok && (cm.Standing != tt.standing || tt.standing && !cm.Due.IsZero() || !tt.standing && cm.Due.IsZero()) {
			t.Errorf("%q: standing %v due %v, want standing %v", tt.offer, cm.Standing, cm.Due, tt.standing)
		}
	}
}

// TestPractice: an offer that states how things are done from now on
// ("from today every…", "都按…") is kept from now on, its line without
// the words that say when it starts; one with a date of its own is due.
func TestPractice(t *testing.T) {
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		need, offer, plain string
		standing           bool
	}{
		{"We need to know why each return comes back", "From today every return gets a reason code at the dock", "every return gets a reason code at the dock", true},
		{"给我们的退货数据要有原因", "以后给你们的退货数据都按原因分类", "", true},
		{"We need to know why each return comes back", "The return report by Friday, every return is coded by reason", "", false},
	}
	for _, tt := range tests {
		cm, ok := onlyCommitment(t, at, tt.need, tt.offer)
		if ok && (cm.Standing != tt.standing || tt.standing && !cm.Due.IsZero() || tt.plain != "" && cm.Plain != tt.plain) {
			t.Errorf("%q: standing %v due %v plain %q, want standing %v plain %q", tt.offer, cm.Standing, cm.Due, cm.Plain, tt.standing, tt.plain)
		}
	}
}

// onlyCommitment builds a collaboration of one need and one offer and
// returns its one commitment; ok false (reported) when there is not one.
func onlyCommitment(t *testing.T, at time.Time, need, offer string) (mediate.Commitment, bool) {
	t.Helper()
	p := mediate.Build(input(at, "", offer, need, ""))
	if len(p.Commitments) != 1 {
		t.Errorf("%q: commitments %+v, want one", offer, p.Commitments)
		return mediate.Commitment{}, false
	}
	return p.Commitments[0], true
}

// TestClashingOfferCommitment: an offer whose lead time clashes is
// committed in the user's words, due on the middle ground, and said in the
// plan without its length.
func TestClashingOfferCommitment(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	offer := "销售看板要接 4 个系统，8 个工作日上线"
	in := input(at, "销售看板 3/6 前要上线", "", "", offer)
	in.Calendar = timeread.Calendar{Holidays: "none"}
	p := mediate.Build(in)
	i := slices.IndexFunc(p.Commitments, func(cm mediate.Commitment) bool { return cm.What == offer })
	if i < 0 || !p.Commitments[i].Due.Equal(day("2026-03-12", time.UTC)) || strings.Contains(p.Commitments[i].Plain, "8 个工作日") || p.Commitments[i].Plain == "" {
		t.Errorf("commitments %+v, want %q due 2026-03-12, said without its length", p.Commitments, offer)
	}
}

// A faster path whose condition the requester already offers, and that
// makes the deadline, leaves no clash: its offer meets the need and is due
// when it ends.
func TestFasterPathInTime(t *testing.T) {
	at := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	in := input(at,
		"- booth banners printed before the trade fair opens on Fri 5/15",
		"- the artwork files by Wed 5/6\n- a stock layout is fine for us, nothing fancy",
		"",
		"Custom banners are 10 business days from the day we get the artwork. If a stock layout is good enough, it's 5 business days.")
	in.Calendar = timeread.Calendar{Holidays: "none"}
	p := mediate.Build(in)
	if len(p.Conflicts) != 0 {
		t.Errorf("conflicts = %+v, want none", p.Conflicts)
	}
	fast := "If a stock layout is good enough, it's 5 business days"
	if !slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return m.Offer.Text == fast }) {
		t.Errorf("matches = %+v, want the faster path's offer", p.Matches)
	}
	i := slices.IndexFunc(p.Commitments, func(c mediate.Commitment) bool { return c.What == fast })
	if i < 0 || !p.Commitments[i].Due.Equal(day("2026-05-13", time.UTC)) {
		t.Errorf("commitments = %+v, want the faster path due Wed 5/13", p.Commitments)
	}
	in.A.Values.Text = "- the artwork files by Wed 5/6"
	if p := mediate.Build(in); len(p.Conflicts) != 1 {
		t.Errorf("without the stock layout offered: conflicts = %+v, want one", p.Conflicts)
	}
}

// TestRecurringFromNeedStart: a recurring offer that meets a need with a
// start day of its own ("3/16 起试点") starts then, not on the day offered.
func TestRecurringFromNeedStart(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	tests := []struct{ need, offer, from string }{
		{"两个病区 3/16（周一）起试点单剂量口服药", "每天早上 8 点前按床位把口服药送到病区", "2026-03-16"},
		{"Starting Wed 3/18 we pilot the new intake desk and need the day's bookings", "every morning we send the day's bookings to the intake desk", "2026-03-18"},
		{"每天的口服药要按床位送到病区", "每天早上 8 点前按床位把口服药送到病区", "2026-03-02"},
	}
	for _, tt := range tests {
		cm, ok := onlyCommitment(t, at, tt.need, tt.offer)
		if ok && (cm.Recurring == "" || cm.From.Format(time.DateOnly) != tt.from) {
			t.Errorf("%q: recurring %q from %v, want from %s", tt.offer, cm.Recurring, cm.From, tt.from)
		}
	}
}

// TestInterjectionOffersNothing: "Heads up, …" flags what follows; it is
// no offer to notify, so it meets no need to be told.
func TestInterjectionOffersNothing(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, offer := range []string{"Heads up, the warehouse is closed on Good Friday", "提醒一下，清明节三天仓库不发货"} {
		p := mediate.Build(input(at, "", offer, "when a delivery fails, tell us the same day\n发货出问题要第一时间告诉我们", ""))
		if len(p.Matches) != 0 {
			t.Errorf("%q: matches %+v, want none", offer, p.Matches)
		}
	}
	p := mediate.Build(input(at, "", "we give you a heads-up the same day a delivery fails", "when a delivery fails, tell us the same day", ""))
	if len(p.Matches) != 1 {
		t.Errorf("an offer of notice: matches %+v, want one", p.Matches)
	}
}

// TestKindBySuffix: a Chinese compound that ends in 员 names a person in a
// role, one that ends in 检查 an inspection: a need for the one is not met
// by an offer of the other, and is by an offer of the same.
func TestKindBySuffix(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	offer := "每个仓库指定一名兼职安全员"
	for need, want := range map[string]int{"节后开工前做一次消防安全检查": 0, "每个仓库要有一名安全员": 1} {
		if p := mediate.Build(input(at, "", offer, need, "")); len(p.Matches) != want {
			t.Errorf("%q: matches %+v, want %d", need, p.Matches, want)
		}
	}
}

// TestRefreshOfBareFigures: where figures are the theme, a need that they
// refresh on their own is met by a dashboard that does, though the one
// says data and the other dashboard: neither names what it holds.
func TestRefreshOfBareFigures(t *testing.T) {
	in := input(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), "数据定时更新，省得每次手工导\n渠道数据的口径要统一", "", "", "看板每晚自动刷新\n数据字典下周给")
	in.Topic = "门店数据看板"
	p := mediate.Build(in)
	if !slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return m.Offer.Text == "看板每晚自动刷新" }) {
		t.Errorf("matches %+v, want the nightly refresh for the figures updated on their own", p.Matches)
	}
}

// TestReasonBeforeSo: a sentence the next one draws its request from ("…
// 所以…", "…so…") is the background of that request, not an open point of
// its own; a sentence that asks in so many words still is one.
func TestReasonBeforeSo(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		needs string
		open  int
	}{
		{"展会上最头疼的就是展架到得晚，去年开展第一天都没搭好。所以展架一定要提前一周到", 1},
		{"Last year the badges showed up an hour late. So the badges have to be on site the day before", 1},
		{"我们需要一份参展手册。所以展位图也要早点定", 2},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.needs, "", "", ""))
		if len(p.Open) != tt.open {
			t.Errorf("%q: open %+v, want %d", tt.needs, p.Open, tt.open)
		}
	}
}

// TestOfferForWhatItSays: an offer that names a dashboard to say how it
// refreshes is for the need that asks for the refresh; the need for the
// dashboard itself is met by the offer that builds it.
func TestOfferForWhatItSays(t *testing.T) {
	in := input(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), "月会要用一个看板，按区域看退货率\n数据要定时更新", "", "", "口径定好后看板开发 5 个工作日\n看板每晚自动刷新")
	in.Topic = "退货数据看板"
	p := mediate.Build(in)
	for _, m := range p.Matches {
		if strings.HasPrefix(m.Need.Text, "月会") && m.Offer.Text == "看板每晚自动刷新" {
			t.Errorf("the nightly refresh is matched with the dashboard for the meeting: %+v", p.Matches)
		}
	}
	if !slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return strings.HasPrefix(m.Need.Text, "月会") }) {
		t.Errorf("the dashboard for the meeting is not met: %+v", p.Matches)
	}
}
