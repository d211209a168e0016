package mediate

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

func TestIsStatement(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		text string
		want bool
	}{
		// The side's own work, a duration, a step order, a judgement, a third party's demand.
		{"样品到了先做来料检验和尺寸，1 天", true},
		{"然后装整锁跑高低温循环和 96 小时盐雾，一共 5 个工作日", true},
		{"10 万次开关寿命要 9 个工作日", true},
		{"换电机不是换个料号那么简单", true},
		{"验证过了还得小批量试产一次（500 台）才能切量产", true},
		{"老供应商框架合同 11/30 到期，他们要我们 11/20（周五）前回续签量", true},
		{"Our security review takes 10 business days", true},
		{"数据清洗加报表开发需要8个工作日", true},
		{"排班要跟每个店长逐一确认，需要4个工作日", true},
		{"The legal review needs 10 business days", true},
		{"2 sprints to build, validate and shadow-test", true},
		{"需要2天做兼容性测试", true},
		{"Receiving and putaway for 300 SKUs takes 8 working days from today", true},
		{"Independent model validation takes 20 business days once it has the data, and that's a regulatory requirement", true},
		{"需要3天做兼容性测试，请周五前给样机", false},
		{"3 weeks to review, so please send the draft early", false},
		{"需要2天", false},
		{"We need 1 day of testing and the device list", false},
		{"审核需要3天，周五前要拿到结果", false},
		{"last rollout we had 60 tickets in the first hour", true},
		{"上一轮大促仓库直接爆了", true},
		{"last-mile delivery for the two new stores", false},
		{"Signed floor plan by Fri 11/13. The builder needs 10 business days and the doors open 12/1", false},
		{"It's not as simple as swapping a part number", true},
		// what the work yields right after its length, a step it counts from, an aside on how
		{"审核周期：收到全套终稿后 5 个工作日出意见（要逐条对广告法和保健食品广告审查规定）", true},
		{"审批流程是这样的：拿到完整的录用名单以后，核编制、CFO 签字，一共需要 7 个工作日，这个没法省", true},
		{"印刷厂的周期是拿到签字稿后制版、打样、印刷、检验一共 10 个工作日，端午他们放假", true},
		{"成套 hi-fi + clickable prototype 要 10 working days from PRD sign-off", true},
		{"The fix itself is ~5 business days, then it soaks in staging", true},
		{"a full booth set is 15 business days for us, counted from approved copy", true},
		{"Not negotiable for billing code", true},
		{"full booth package = 8 business days from copy lock + screenshots", true},
		{"customers keep finding out on twitter before we tell them", true},
		{"ok so here's where we are", true},
		{"请在拿到名单后 3 个工作日内开通账号", false},
		{"Installation is two branches a day, so four business days for the eight", true},
		{"vendor ships 10 business days after PO", true},
		{"the mold supplier quotes 6 weeks", true},
		// the side's own next step
		{"we can book the auditors this week", true},
		{"we'll have to get Legal's sign-off by Friday", false},
		{"我们可以先把数据导出来", true},
		{"we can start once you send the brief, please send it by Friday", false},
		{"can we get the brief by Friday", false},
		{"尾款 10/31 晚 8 点开付，11/1-11/3 每天出库估计要到 6 万单（平时 1.5 万）", true},
		{"Traffic is projected to triple during the sale", true},
		{"review doesn't start until all of it is in", true},
		// when the side's own count starts is a rule of its process
		{"the clock doesn't start on drafts", true},
		{"资料不全不起算", true},
		{"Last year leads went into a spreadsheet and honestly half never made it into pipeline", true},
		// Requests, however phrased.
		{"正常一项一项排就是 15 个工作日，样品至少要 30 套", false},
		{"这个得有供应商懂电机的人直接配合", false},
		{"想要新供应商最近一年的失效分析报告", false},
		{"所以最晚 11/18（周三）要研发给个结论", false},
		{"上线前一周做一次设计走查", false},
		{"给设计规范文档留出两周时间", false},
		{"5 台笔记本", false},
		{"预计下周需要 3 个测试", false},
		{"目前每单都要人工核对，希望能接上自动对账", false},
		{"The campaign plan at least 4 weeks before launch, for load testing", false},
		{"written feedback: right now it arrives a week or more after an interview", false},
		{"We need the contract reviewed, legal takes 5 days", false},
		{"They want us to get your sign-off by Friday", false},
		{"海报11月12日前要定稿，印厂要留一周", false},
		{"We need the brochure final by Nov 12, the printer takes a week", false},
	}
	for _, c := range cases {
		e := newEntry(SideB, c.text, at, timeread.Calendar{})
		if got := isStatement(e); got != c.want {
			t.Errorf("isStatement(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
