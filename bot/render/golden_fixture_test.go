package render

import (
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// opsTech is the article's example, in Chinese: operations wants the page
// live tomorrow morning, tech needs two days of testing; one pair the
// engine is unsure of is asked about.
func opsTech() (*flows.Collab, mediate.Proposal) {
	c := &flows.Collab{
		ID: "opstech1", Channel: "C1", RootTS: "1772416800.000100", Topic: "春季活动页面上线，提升活动转化率", Lang: "zh",
		CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), State: flows.Agreed, Version: 1,
		Accepted: [2]string{"U0OPS", "U0TECH"},
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S0OPS", Handle: "运营部"},
			{Kind: flows.KindGroup, ID: "S0TECH", Handle: "技术部"},
		},
	}
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	a := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: s} }
	b := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: s} }
	models, feedback := a("提供核心用户的设备型号清单"), a("上线后一周内反馈用户数据")
	testers, speed := b("优先调配2名测试人员"), b("把页面加载时间从5秒降到1秒")
	p := mediate.Proposal{
		CollabID: "opstech1", Version: 1, Lang: "zh", Topic: c.Topic, NameA: "运营部", NameB: "技术部",
		Goals: mediate.Goals{
			Company: c.Topic, AServes: "支撑公司季度用户增长目标", BServes: "守住公司口碑",
			A: "活动页面尽快上线，带来5万新用户，支撑公司季度用户增长目标",
			B: "保证系统稳定，上线后零重大故障，守住公司口碑",
		},
		Read: [2]mediate.Reading{
			{Needs: []mediate.Item{a("活动页面明天上午上线"), a("技术部优先安排人手")}, Offers: []mediate.Item{models, feedback}},
			{Needs: []mediate.Item{b("需要核心用户的设备型号"), b("上线前拿到活动的预估流量")}, Offers: []mediate.Item{testers, speed}},
		},
		Matches: []mediate.Match{
			{Need: b("需要核心用户的设备型号"), Offer: models, Terms: []string{"设备型号"}},
			{Need: a("技术部优先安排人手"), Offer: testers, Terms: []string{"人手", "人员"}},
		},
		Candidates: []mediate.Match{{Need: b("上线前拿到活动的预估流量"), Offer: feedback, Terms: []string{"数据"}}},
		Conflicts: []mediate.Conflict{{
			Need: a("活动页面明天上午上线"), Work: "活动页面上线", Deadline: day(3),
			Lead: b("需要2天做兼容性测试"), LeadDays: 2, LeadPhrase: "2天",
			MiddleGround: day(4), HalfDay: "am", Helps: []mediate.Item{testers}, AfterDeadline: true,
		}},
		Balance: mediate.Balance{
			AGivesB: []mediate.Item{models}, AlsoA: []mediate.Item{feedback},
			BGivesA: []mediate.Item{testers}, ForGoalB: []mediate.Item{speed},
		},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideA, What: "提供核心用户的设备型号清单", Due: day(2)},
			{Owner: mediate.SideB, What: "优先调配2名测试人员做兼容性测试", Due: day(3)},
			{Owner: mediate.SideB, What: "活动页面上线", Due: day(4), HalfDay: "am"},
			{Owner: mediate.SideB, What: "同步测试进度", Recurring: "每天", From: day(3)},
		},
	}
	return c, p
}

// presale is the article's second example, in English: the capacity comes
// from a third party whose lead time runs past the launch, so the proposal
// says what can be had by then; an open point, a recurring commitment.
func presale() (*flows.Collab, mediate.Proposal) {
	c := &flows.Collab{
		ID: "presale1", Channel: "C2", RootTS: "1790575200.000100", Topic: "Singles' Day presale with deposit & final payment", Lang: "en",
		CreatedAt: time.Date(2026, 9, 28, 9, 0, 0, 0, time.UTC), State: flows.Agreed, Version: 2,
		AgreedAt: time.Date(2026, 9, 29, 16, 0, 0, 0, time.UTC),
		Accepted: [2]string{"U0BIZ", "U0TECH"},
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S0BIZ", Handle: "business"},
			{Kind: flows.KindUser, ID: "U0TECH", Handle: "tina"},
		},
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	a := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: s} }
	b := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: s} }
	plan, peak := a("The full campaign plan one month ahead"), a("Expected peak traffic figures per hour")
	servers, loadTest := b("Extra servers sized for the peak traffic"), b("A load test of the checkout on today's servers")
	warRoom := b("On-call <!here> engineer & war room, every Monday")
	p := mediate.Proposal{
		CollabID: "presale1", Version: 2, Lang: "en", Topic: c.Topic, NameA: "business", NameB: "tina",
		Goals: mediate.Goals{
			Company: c.Topic, AServes: "to lift the company's GMV this quarter", BServes: "to protect user trust (and GMV)",
			A: "Grow presale orders by 40% to lift the company's GMV this quarter",
			B: "Zero downtime during the campaign, to protect user trust (and GMV)",
		},
		Read: [2]mediate.Reading{
			{Needs: []mediate.Item{a("Servers that survive the peak traffic by Fri Oct 16"), a("A dashboard of live order numbers <soon>")}, Offers: []mediate.Item{plan, peak}},
			{Needs: []mediate.Item{b("The campaign plan at least 4 weeks before launch, for load testing"), b("Peak traffic estimates")}, Offers: []mediate.Item{servers, loadTest, warRoom}},
		},
		Matches: []mediate.Match{
			{Need: b("The campaign plan at least 4 weeks before launch, for load testing"), Offer: plan, Terms: []string{"campaign", "plan"}},
			{Need: b("Peak traffic estimates"), Offer: peak, Terms: []string{"peak", "traffic"}},
			{Need: a("Servers that survive the peak traffic by Fri Oct 16"), Offer: servers, Terms: []string{"servers", "peak", "traffic"}},
		},
		Conflicts: []mediate.Conflict{{
			Need: a("Servers that survive the peak traffic by Fri Oct 16"), Work: "servers that survive the peak traffic", Deadline: day(10, 16),
			Lead: b("Our cloud provider needs 4 weeks to add capacity"), LeadDays: 28, LeadPhrase: "4 weeks", LeadParty: "our cloud provider",
			MiddleGround: day(10, 26), Helps: []mediate.Item{plan, peak}, ByDeadline: []mediate.Item{loadTest}, AfterDeadline: true,
			Prerequisite: &mediate.Commitment{Owner: mediate.SideA, What: "send the full campaign plan", Due: day(9, 28)},
		}},
		Open: []mediate.Item{a("A dashboard of live order numbers <soon>")},
		Balance: mediate.Balance{
			AGivesB: []mediate.Item{plan, peak},
			BGivesA: []mediate.Item{servers},
			AlsoB:   []mediate.Item{warRoom},
		},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideA, What: "Send the full campaign plan", Due: day(9, 28)},
			{Owner: mediate.SideA, What: "Expected peak traffic figures per hour", Due: day(10, 2)},
			{Owner: mediate.SideB, What: "Load test of the checkout on today's servers", Due: day(10, 16)},
			{Owner: mediate.SideB, What: "Extra servers sized for the peak traffic", Due: day(10, 26)},
			{Owner: mediate.SideB, What: "On-call engineer & war room", Recurring: "every Monday", From: day(10, 5)},
		},
	}
	return c, p
}
