package mediate_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// TestLeadTimeReading: a lead time reaches the dated need it is about
// however the two are written, and its middle ground counts every step:
// steps one after the other ("3 business days, then … another 2") end when
// the last one does, counted from the requester's step they wait for
// ("要等…后"), or that the side's own first step waits for ("after we place
// the order, and we place it once…"), or the one dated offer that names
// the step, or from the day the side says the work's input goes in ("样品
// 3/4 送检") or that it passes on for its own input ("厂家说最快 3/5 到货，到货后…"),
// or, when its step names only the input as a whole ("材料齐了以后"), the last
// date the requester hands in what the need asks to be worked on; a
// shorter length for input of a kind ("自查过的可以压到 3 个工作日") binds when the
// requester offers that step, as does a saving of plain days off working
// days ("调试能少 3 天") whatever the dates around it ("3/5" names no 3-day
// step); the plural of an abbreviation names the abbreviation; a span
// offered from the input ("in 7 business days from sample receipt") is the
// work's lead time, counted from the requester's dated step, and "rush is
// 3 business days" its fast track, from the day the requester's input
// reaches the lab whatever it calls it ("so the lab has them Tue 3/3"); a
// lead time from a step no offer dates ("from arrival") counts from the
// one event the need dates before its deadline ("3/3 到仓"), when that step
// is an arrival (an approval is not: "培训 3/4 开场" starts no review), whose
// date a later clause with a date of its own does not take over; an item
// of only a condition and a length right after it ("with the 3 extra
// temps, 4 business days") is its faster path, and "cartons first," a
// first part; a step may open the item in a clause of its own ("once we
// have the final FAQ, macros…"), and a part timed before "the other 3
// languages" is no faster path to all; a leased line is network; a date
// whose clause ends before an event ("3/9 广告投放开始前") is the need's; a need
// stays a need when a buffer follows its date.
func TestLeadTimeReading(t *testing.T) {
	for _, tc := range []struct {
		name, at, want, holidays  string
		needs, need, offerA, lead string
	}{
		{name: "then", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "The supplier refund paid out by Thursday 3/5", need: "The supplier refund",
			offerA: "Supplier bank details are on the ticket",
			lead:   "Refunds go through AP review, 3 business days, then the bank transfer takes another 2 business days"},
		{name: "wait", at: "2026-06-08", want: "2026-06-17", holidays: "cn",
			needs: "培训场地的押金6月12日前要退回来", need: "培训场地的押金",
			offerA: "场地验收单6月10日交给财务",
			lead:   "退押金要等场地验收单到了再走流程，复核3个工作日，之后银行退款还要2个工作日"},
		{name: "in hand", at: "2026-02-02", want: "2026-02-14", holidays: "cn",
			needs: "年终奖 2/12 前要发到员工卡上", need: "年终奖",
			offerA: "2/5（周四）把每人奖金明细表给财务",
			lead:   "奖金明细到手后核对、走审批、银行代发一共 7 个工作日"},
		{name: "signed", at: "2026-04-24", want: "2026-05-07", holidays: "cn",
			needs: "五一前（4/30 前）要补齐 N95 口罩 2 万只", need: "N95",
			offerA: "今天把规格型号报给采购",
			lead:   "采购合同最快周一（4/27）签，供应商到货要 5 个工作日"},
		{name: "how many of each", at: "2026-09-14", want: "2026-09-21", holidays: "cn",
			needs: "海报和价签 9/18（周五）前一定要送到每家店", need: "海报和价签",
			offerA: "明天（9/15）把每家店要几套物料报给市场",
			lead:   "印刷厂拿到数量后要 5 个工作日才能送到店"},
		{name: "an event on a date", at: "2026-09-22", want: "2026-10-20", holidays: "cn",
			needs: "2 个冷库的 mapping 报告，飞检前 10/14 要拿到", need: "mapping 报告",
			offerA: "mapping protocol template 我们出",
			lead:   "mapping 找第三方做，vendor 说排期要 10 个工作日，出报告再 5 个工作日"},
		{name: "own step waits for the requester's", at: "2026-06-29", want: "2026-07-10", holidays: "none",
			needs: "14 standing desks assembled on the third floor by Thursday 7/9", need: "14 standing desks",
			offerA: "The final floor plan goes to procurement on Thursday 7/2",
			lead:   "Desks ship 6 business days after we place the order, and we place it once Workplace sends the final floor plan"},
		{name: "a common term names the dated step", at: "2026-05-28", want: "2026-06-08", holidays: "cn",
			needs: "展台搭建的尾款6月5日前要付出去\n报销的发票能不能当天审", need: "展台搭建的尾款",
			offerA: "搭建商的发票明天（5/29）转给财务\n发票抬头统一用公司全称",
			lead:   "付款得等发票验真后走审批，审批5个工作日，然后出纳付款再要1个工作日"},
		{name: "keeping named in another clause", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "框架合同3月4日前要审完", need: "框架合同",
			lead: "法务对赔偿条款有保留意见，框架合同审核要5个工作日"},
		{name: "plural abbreviation", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "The DPA signed off by Friday 3/6\nA legal contact for pricing questions", need: "The DPA signed off",
			lead: "DPAs go to outside counsel, they quote 5 business days"},
		{name: "input handed in on a day", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "新包装的检测报告 3/6 前要拿到", need: "新包装的检测报告",
			lead: "外部实验室检测要 3 个工作日出报告，首批样品 3/4 下线当天送检"},
		{name: "input handed in, said next", at: "2026-03-02", want: "2026-03-06", holidays: "none",
			needs: "The charger certificate by Thursday 3/5", need: "The charger certificate",
			lead: "The certification lab needs 3 business days for a report; samples go to the lab on Tue 3/3"},
		{name: "a leased line is network", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "新办公室的网络 3/6 前要通\n门禁卡要把新址权限提前开好", need: "新办公室的网络",
			lead: "新址专线从提交申请到开通要 5 个工作日"},
		{name: "the input as a whole", at: "2026-03-02", want: "2026-03-12", holidays: "none",
			needs: "海报和活动规则 3/9 前要过完合规审核", need: "海报和活动规则",
			offerA: "海报 3/3 给，活动规则 3/5 给",
			lead:   "审核是材料齐了以后 5 个工作日出意见"},
		{name: "a dated step before the work", at: "2026-03-02", want: "2026-03-06", holidays: "none",
			needs: "电梯年检报告 3/4 前要拿到", need: "电梯年检报告",
			lead: "电梯由检测机构 3/3（周二）到场检验，报告出来要 3 个工作日"},
		{name: "a dated survey, then the work", at: "2026-03-02", want: "2026-03-06", holidays: "none",
			needs: "The list of affected tenants by Wed 3/4", need: "The list of affected tenants",
			lead: "affected tenants per floor: the site survey is Tue 3/3, then we need 3 business days to map units to tenants"},
		{name: "a dated hand-over, then the work", at: "2026-03-02", want: "2026-03-10", holidays: "none",
			needs: "5 printed catalogues by Fri 3/6", need: "5 printed catalogues",
			lead: "catalogue files go to the printer Tue 3/3, the printer needs 5 business days"},
		{name: "the vouchers as a whole", at: "2026-03-02", want: "2026-03-11", holidays: "none",
			needs: "两台设备的尾款必须 3/9（周一）前付出去", need: "两台设备的尾款",
			offerA: "两台设备的发票和验收单 3/4 给到财务",
			lead:   "10 万以上的付款走三级审批，单据齐全后 5 个工作日到账"},
		{name: "a submission as a whole", at: "2026-03-02", want: "2026-03-17", holidays: "none",
			needs: "Compliance sign-off on the trade-show banners by Fri 3/13", need: "Compliance sign-off on the trade-show banners",
			offerA: "final banner artwork goes to compliance Tue 3/3",
			lead:   "Compliance sign-off takes 10 business days from a complete submission"},
		{name: "shorter for input of a kind", at: "2026-03-02", want: "2026-03-10", holidays: "none",
			needs: "海报和活动规则 3/9 前要过完合规审核", need: "海报和活动规则",
			offerA: "海报 3/3 给，活动规则 3/5 给\n送审前先按负面清单自查一遍",
			lead:   "审核是材料齐了以后 5 个工作日出意见，按负面清单自查过的可以压到 3 个工作日"},
		{name: "a stated arrival", at: "2026-03-02", want: "2026-03-12", holidays: "none",
			needs: "新模具 3/6 前要能上压机试模", need: "新模具",
			offerA: "压机可以腾出两个整白班给设备部调试",
			lead:   "新模具厂家说最快 3/5 到货，到货后验收、调试要 5 个工作日"},
		{name: "a saving on a met condition", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "新模具 3/6 前要能上压机试模", need: "新模具",
			offerA: "压机可以腾出两个整白班给设备部调试",
			lead:   "新模具厂家说最快 3/5 到货，到货后验收、调试要 5 个工作日。如果能给我们两个整白班占着压机，调试能少 3 天"},
		{name: "before an event on the date", at: "2026-03-02", want: "2026-03-12", holidays: "none",
			needs: "3/9（周一）广告投放开始前，要拿到试听课视频", need: "试听课视频",
			lead: "试听课视频录制剪辑要 8 个工作日"},
		{name: "a step in an opening clause, the rest later", at: "2026-03-02", want: "2026-03-12", holidays: "none",
			needs: "Help-center FAQ macros live in every language by Wed 3/11", need: "Help-center FAQ macros",
			offerA: "Final FAQ locked Thu 3/5",
			lead:   "once we have the final FAQ, macros are written and translated in 5 business days; English can go live after 2 business days, the other 3 languages 3 business days later"},
		{name: "a span from the input, and a rush", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "allergen test results in hand by Fri 3/6", need: "allergen test results",
			offerA: "trial run Tue 3/3, samples go out by courier the same day so the lab has them Wed 3/4\nrush lab fees come out of our project budget",
			lead:   "our outside lab turns allergen tests around in 7 business days from sample receipt; rush is 3 business days at +150% cost, if your budget covers it"},
		{name: "from an arrival the need dates", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "第一批 4 个柜子 3/3（周二）到仓，需要 3/6（周五）前全部 receive 完上架，3/10 促销开始前库存要可售", need: "第一批 4 个柜子",
			offerA: "临时工预算总部已经批了",
			lead:   "receiving 4 containers at once: 6 business days from arrival to everything shelved; with the 3 extra temps, 4 business days; tell us which SKUs are priority and we receive those cartons first, they're sellable 2 business days after arrival"},
		{name: "an event the step is not", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			needs: "培训 3/4（周三）开场，需要 3/6（周五）前把培训报告交上去", need: "培训报告",
			lead: "培训报告要等主管审批后 5 个工作日出"},
		{name: "the requester's units reach the lab", at: "2026-03-02", want: "2026-03-06", holidays: "none",
			needs: "safety test report in hand by Thu 3/5", need: "safety test report",
			offerA: "pilot build Mon 3/2, units go out by courier the same day so the lab has them Tue 3/3",
			lead:   "our outside lab turns safety tests around in 3 business days from sample receipt"},
		{name: "buffer after the date", at: "2026-09-01", want: "2026-09-11", holidays: "cn",
			needs: "宣传册9月10日前要定稿，印刷还得留三天", need: "宣传册9月10日前要定稿",
			lead: "宣传册设计要8个工作日"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(day(tc.at, time.UTC).Add(10*time.Hour), tc.needs, tc.offerA, "", tc.lead)
			in.Calendar = timeread.Calendar{Holidays: tc.holidays}
			c := conflictOn(t, mediate.Build(in), tc.need)
			if !c.MiddleGround.Equal(day(tc.want, time.UTC)) {
				t.Errorf("middle ground %s, want %s", c.MiddleGround.Format(time.DateOnly), tc.want)
			}
		})
	}
}

// TestKeptIsNoLeadTime: how long something is kept or stays valid is a
// fact about a process, not the time work takes, so it clashes with no
// deadline.
func TestKeptIsNoLeadTime(t *testing.T) {
	at := day("2026-03-02", time.UTC).Add(10 * time.Hour)
	for _, lead := range []string{"Audit logs are retained for 90 days, we export them on request", "服务器日志要留存180天，现在只有30天"} {
		in := input(at, "The audit evidence pack by Friday 3/6\n审计要的日志4月底前要导出来", "", "", lead)
		if p := mediate.Build(in); len(p.Conflicts) > 0 {
			t.Errorf("%q: conflicts %+v, want none", lead, p.Conflicts)
		}
	}
}

// TestOwnCaseIsNoLeadTime: a span that names the period a figure covers
// ("未来三个月每月的用量") is no lead time, and a lead time of a case the side
// supposes ("有新产品的话") or of its own work under way ("扩容在推进") binds
// no dated need it shares nothing with.
func TestOwnCaseIsNoLeadTime(t *testing.T) {
	at := day("2026-08-25", time.UTC).Add(10 * time.Hour)
	for _, lead := range []string{"生产要给未来三个月每月的用量，不要每周变", "新模具开模要45天，有新产品的话尽早说",
		"退货仓扩容在推进，不过改造要3周", "We need usage figures for the next 3 months"} {
		in := input(at, "9月4日前要有个固定对接人", "", "", lead)
		if p := mediate.Build(in); len(p.Conflicts) > 0 {
			t.Errorf("%q: conflicts %+v, want none", lead, p.Conflicts)
		}
	}
}

// TestClashingOfferMeetsTheNeed: an offer whose lead time clashes with a
// need's deadline, and names the need's work, is an offer of that work,
// in time or not, unless the needing side said it is not.
func TestClashingOfferMeetsTheNeed(t *testing.T) {
	in := input(day("2026-11-09", time.UTC).Add(10*time.Hour), "员工手册电子版11月20日前要定稿，后面排版上线还得留两天",
		"终稿文字本周五（11/13）给到你们", "", "手册改版拿到终稿文字后要6个工作日")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	c := conflictOn(t, p, "员工手册")
	pair := func(m mediate.Match) bool { return m.Need == c.Need && m.Offer == c.Lead }
	if !slices.ContainsFunc(p.Matches, pair) {
		t.Fatalf("matches %+v, want the need paired with %q", p.Matches, c.Lead.Text)
	}
	in.Decisions = []mediate.Decision{{Need: c.Need, Offer: c.Lead, Yes: false}}
	if p := mediate.Build(in); slices.ContainsFunc(p.Matches, pair) {
		t.Errorf("matches %+v after a no, want the pair gone", p.Matches)
	}
}

// TestFasterPath: a faster path offered for the work a lead time states
// ("加急…能压到 3 个工作日", "走加急，2 个工作日出意见", "4 business days
// instead of 10, if …") is that lead time's fast track, not a lead time of
// its own: the clash stays with the stated lead time and its middle ground
// is the faster one. A condition that names no date is met when the
// requester offers what it asks, and not otherwise.
func TestFasterPath(t *testing.T) {
	for _, tc := range []struct {
		name, needs, offerA, needsB, offerB string
		lead, want                          string // "" want: no clash
	}{
		{name: "speed word, new length only", needs: "供货合同 3/3 前要审完", needsB: "法务常规审核 5 个工作日",
			offerB: "可以走加急，2 个工作日出意见", lead: "常规审核", want: "2026-03-04"},
		{name: "speed word in time", needs: "供货合同 3/4 前要审完", needsB: "法务常规审核 5 个工作日",
			offerB: "可以走加急，2 个工作日出意见"},
		{name: "cut to, a sum before it", needs: "检测报告 3/4 前要拿到", needsB: "第三方检测常规 6 个工作日出报告",
			offerB: "加急检测多付 2000 元，能压到 3 个工作日", lead: "常规 6 个工作日", want: "2026-03-05"},
		{name: "a faster path for other things", needs: "Launch copy signed off by Thursday 3/5", needsB: "Copy review takes 10 business days",
			offerB: "expedited shipping on spare parts, 2 business days", lead: "10 business days", want: "2026-03-16"},
		{name: "rush service in time", needs: "Launch copy signed off by Thursday 3/5", needsB: "Copy review takes 10 business days",
			offerB: "Rush service available, 2 business days"},
		{name: "undated condition met", needs: "Launch copy signed off by Thursday 3/5", offerA: "we only use approved claims in the copy",
			needsB: "Copy review takes 10 business days", offerB: "fast-track: 4 business days instead of 10, if the copy uses only approved claims",
			lead: "10 business days", want: "2026-03-06"},
		{name: "undated condition unmet", needs: "Launch copy signed off by Thursday 3/5", offerA: "we send the copy today",
			needsB: "Copy review takes 10 business days", offerB: "fast-track: 4 business days instead of 10, if the copy uses only approved claims",
			lead: "10 business days", want: "2026-03-16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), tc.needs, tc.offerA, tc.needsB, tc.offerB)
			in.Calendar = timeread.Calendar{Holidays: "none"}
			p := mediate.Build(in)
			if tc.want == "" {
				if len(p.Conflicts) > 0 {
					t.Errorf("conflicts %+v, want none: the faster path is in time", p.Conflicts)
				}
				return
			}
			if len(p.Conflicts) != 1 {
				t.Fatalf("conflicts %+v, want one", p.Conflicts)
			}
			c := p.Conflicts[0]
			if !strings.Contains(c.Lead.Text, tc.lead) || !c.MiddleGround.Equal(day(tc.want, time.UTC)) {
				t.Errorf("conflict with %q, middle ground %s; want %q, %s", c.Lead.Text, c.MiddleGround.Format(time.DateOnly), tc.lead, tc.want)
			}
		})
	}
}

// TestWaitsForTheWorkedThing: a side that says its work waits for what the
// requester hands in counts its lead time from the requester's dated
// offer of the very thing the need asks to be worked on; without such a
// wait, the lead time counts from when it was stated.
func TestWaitsForTheWorkedThing(t *testing.T) {
	at := day("2026-03-02", time.UTC).Add(10 * time.Hour)
	for lead, want := range map[string]string{
		"法务审核 3 个工作日，材料要一次给齐，缺一份不开始算": "2026-03-09",
		"法务审核 3 个工作日": "",
	} {
		in := input(at, "春季目录的 20 页文案和图片，3/6 前要审完", "20 页文案和图片 3/4 全部交给法务", lead, "")
		in.Calendar = timeread.Calendar{Holidays: "none"}
		p := mediate.Build(in)
		switch {
		case want == "" && len(p.Conflicts) > 0:
			t.Errorf("%q: conflicts %+v, want none", lead, p.Conflicts)
		case want != "" && (len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day(want, time.UTC)) || p.Conflicts[0].Prerequisite == nil):
			t.Errorf("%q: conflicts %+v, want one from the pages handed in, to %s", lead, p.Conflicts, want)
		}
	}
}

// TestSpanToAResult: a span counted from a step to a result ("从拿到需求到
// 人员到岗") is about the dated need that asks for that result, whatever
// else its words share with other needs; a plain word for the step names
// the need of its side that spells it out, so the span counts from the
// requester's dated offer that meets that need (dated by its weekday); a
// numbered day after a time word ("节后 3/2") is the need's own.
func TestSpanToAResult(t *testing.T) {
	in := input(day("2026-02-23", time.UTC).Add(10*time.Hour),
		"节后 3/2 开工要补 30 名普工到岗\n新人上岗前的安全教育得有人组织，车间自己没人手讲",
		"用工计划（岗位、人数、到岗日期）周三（2/25）给到 HR",
		"招工需求（岗位、人数、到岗日期）要先定下来\n劳务公司从拿到需求到人员到岗，要 5 个工作日", "")
	in.Calendar = timeread.Calendar{Holidays: "none"}
	c := conflictOn(t, mediate.Build(in), "普工到岗")
	if !c.MiddleGround.Equal(day("2026-03-04", time.UTC)) || c.Prerequisite == nil || !strings.Contains(c.Prerequisite.What, "用工计划") {
		t.Errorf("middle ground %s from %+v, want 2026-03-04 from the hiring plan", c.MiddleGround.Format(time.DateOnly), c.Prerequisite)
	}
}

// TestFirstPartReadyInItsTime: a part offered first ("先上一版日报", "先给一个
// 日报") that can be had by the deadline is committed for when its own lead
// time ends, even when it names a later bound.
func TestFirstPartReadyInItsTime(t *testing.T) {
	for _, part := range []string{"3/6 前可以先上一版日报，2 个工作日能出", "可以先给一个日报，2 个工作日"} {
		in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), "销售看板 3/6 前要上线", "", "",
			"完整的销售看板要接 4 个系统，8 个工作日\n"+part)
		in.Calendar = timeread.Calendar{Holidays: "none"}
		p := mediate.Build(in)
		c := conflictOn(t, p, "销售看板")
		if !slices.ContainsFunc(c.ByDeadline, func(it mediate.Item) bool { return it.Text == part }) {
			t.Errorf("%q: by the deadline %+v, want the first part", part, c.ByDeadline)
		}
		if !slices.ContainsFunc(p.Commitments, func(cm mediate.Commitment) bool {
			return cm.What == part && cm.Due.Equal(day("2026-03-04", time.UTC))
		}) {
			t.Errorf("%q: commitments %+v, want the part due 2026-03-04", part, p.Commitments)
		}
	}
}

// TestPhasedLeadTime: an offer that phases the work ("phase it: … 10% of
// users one sprint after specs, then ramp to 100% at the end of sprint 2")
// times its first phase, not the whole: the whole clashes on the lead
// time stated for all of it, and each phase is due in its own time from
// when the work starts, the last when all of it is ready.
func TestPhasedLeadTime(t *testing.T) {
	in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), "new onboarding flow live for all users by Friday Mar 27",
		"final specs by Thursday Mar 5", "This is 2 sprints of work once the specs are final",
		"phase it: behind a flag to 10% of users one sprint after specs, then ramp to 100% at the end of sprint 2")
	in.Calendar = timeread.Calendar{Holidays: "none", SprintDays: 14}
	c := conflictOn(t, mediate.Build(in), "onboarding flow")
	if !strings.Contains(c.Lead.Text, "2 sprints") || !c.MiddleGround.Equal(day("2026-04-02", time.UTC)) {
		t.Errorf("conflict with %q, middle ground %s; want the 2 sprints, 2026-04-02", c.Lead.Text, c.MiddleGround.Format(time.DateOnly))
	}
	if len(c.Phases) != 2 || !c.Phases[0].Due.Equal(day("2026-03-19", time.UTC)) || !c.Phases[1].Due.Equal(day("2026-04-02", time.UTC)) ||
		strings.HasPrefix(c.Phases[1].Text, "then") {
		t.Errorf("phases %+v, want 10%% on 2026-03-19, then 100%% on 2026-04-02", c.Phases)
	}
}

// TestStepTheDayAfter: a lead time counted from a step that its side says
// comes the day after the requester's ("cuts the PO the day after they get
// it") counts from that next day.
func TestStepTheDayAfter(t *testing.T) {
	for needB, want := range map[string]string{
		"a signed purchase request, procurement cuts the PO the day after they get it": "2026-03-06",
		"a signed purchase request": "2026-03-05",
	} {
		in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), "We need six standing desks on the floor by Wednesday 3/4",
			"The purchase request for the desks will be signed today", needB, "desks: the vendor ships 3 business days from the PO")
		in.Calendar = timeread.Calendar{Holidays: "none"}
		c := conflictOn(t, mediate.Build(in), "standing desks")
		if !c.MiddleGround.Equal(day(want, time.UTC)) {
			t.Errorf("%q: middle ground %s, want %s", needB, c.MiddleGround.Format(time.DateOnly), want)
		}
	}
}

// TestByDeadlineBearsOnTheWork: what a clash can have by its deadline is
// about the clashing work: an interim way for that work, not another
// temporary arrangement that shares a verb with it, nor something dated
// during a holiday ("五一期间" is no phase one).
func TestByDeadlineBearsOnTheWork(t *testing.T) {
	cpe, vpn := "专线开通前，先用 5G CPE 临时顶着，能撑 80 人左右日常办公", "五一期间 VPN 给全员临时开通，放假在家也能处理急事"
	in := input(day("2026-04-20", time.UTC).Add(10*time.Hour), "新办公室的网络 4/24 前要通", "", "新址专线从提交申请到开通要 10 个工作日", cpe+"\n"+vpn)
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	c := conflictOn(t, mediate.Build(in), "新办公室的网络")
	has := func(text string) bool {
		return slices.ContainsFunc(c.ByDeadline, func(it mediate.Item) bool { return it.Text == text })
	}
	if !has(cpe) || has(vpn) {
		t.Errorf("by the deadline %+v, want the 5G CPE and not the holiday VPN", c.ByDeadline)
	}
}

// TestUnsplitFirstStep: a lead time followed by a later step, in an offer
// that splits nothing ("an MVP … one sprint after specs, then polish"),
// still times the work it names: another side's lead time for other work
// does not take its place.
func TestUnsplitFirstStep(t *testing.T) {
	in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), "new onboarding flow live for all users by Friday Mar 27",
		"final specs by Thursday Mar 5", "Legal review of the partner terms takes 4 sprints",
		"an MVP of the onboarding flow one sprint after specs, then polish")
	in.Calendar = timeread.Calendar{Holidays: "none", SprintDays: 14}
	if p := mediate.Build(in); len(p.Conflicts) > 0 {
		t.Errorf("conflicts %+v, want none: the MVP is in time", p.Conflicts)
	}
}

// TestStepAskedFirst: a side that asks the requester to do a step first
// ("要门店先报各店陈列量") before it describes its work counts that work from
// the requester's dated offer of the step, and a share of the goods timed
// on its own ("六成是常备的货…2 个工作日") is a part that goes first, not a
// faster path to all of them.
func TestStepAskedFirst(t *testing.T) {
	at := day("2026-03-02", time.UTC).Add(10 * time.Hour)
	in := input(at, "堆头商品 3/11 前要全部到店", "各店陈列量 3/3 就能报齐",
		"堆头商品要门店先报各店陈列量，我们汇总后给供应商下单。供应商备货到仓要 5 个工作日，配送到店再加 2 个工作日。",
		"堆头里大约六成是常备的货，报量后 2 个工作日就能配送到店")
	in.Calendar = timeread.Calendar{Holidays: "none"}
	c := conflictOn(t, mediate.Build(in), "堆头商品 3/11 前")
	if want := day("2026-03-12", time.UTC); !c.MiddleGround.Equal(want) {
		t.Errorf("middle ground %s, want %s", c.MiddleGround.Format(time.DateOnly), want.Format(time.DateOnly))
	}
}

// TestStepWordsNameAnotherNeed: a lead time whose step's words ("once it
// has the data") name only an undated need of the requester is about the
// dated need its work is for, counted from the requester's dated step.
func TestStepWordsNameAnotherNeed(t *testing.T) {
	at := day("2026-03-02", time.UTC).Add(10 * time.Hour)
	in := input(at, "Legal sign-off on the new contract template before the launch Mon 3/16\nThe vendor data feed inside our CRM",
		"Application data extract, decline reasons coded, delivered Fri 3/6",
		"We need the application data with the decline reasons coded.\nIndependent review takes 10 business days once it has the data, that's a regulatory requirement.", "")
	in.Calendar = timeread.Calendar{Holidays: "none"}
	c := conflictOn(t, mediate.Build(in), "Legal sign-off")
	if want := day("2026-03-20", time.UTC); !c.MiddleGround.Equal(want) {
		t.Errorf("middle ground %s, want %s", c.MiddleGround.Format(time.DateOnly), want.Format(time.DateOnly))
	}
}

// TestSprintsUnsized: with no sprint length, an item that counts sprints
// has no date and the proposal names it, so the sides can be asked how
// long a sprint is; with one, it is dated and nothing is asked.
func TestSprintsUnsized(t *testing.T) {
	in := input(day("2026-03-02", time.UTC).Add(10*time.Hour), "new onboarding flow live for all users by Friday Mar 27",
		"final specs by Thursday Mar 5", "This is 2 sprints of work once the specs are final",
		"onboarding flow behind a flag")
	p := mediate.Build(in)
	if len(p.Sprints) != 1 || !strings.Contains(p.Sprints[0].Text, "2 sprints") {
		t.Errorf("no sprint length: Sprints = %+v, want the item counting 2 sprints", p.Sprints)
	}
	if len(p.Conflicts) != 0 {
		t.Errorf("no sprint length: conflicts %+v, want none read from sprints", p.Conflicts)
	}
	in.Calendar = timeread.Calendar{Holidays: "none", SprintDays: 14}
	p = mediate.Build(in)
	if len(p.Sprints) != 0 || len(p.Conflicts) != 1 {
		t.Errorf("a 14-day sprint: Sprints = %+v and %d conflicts, want none and the clash", p.Sprints, len(p.Conflicts))
	}
}
