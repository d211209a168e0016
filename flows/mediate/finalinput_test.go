package mediate_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// A review that counts from the final version ("收到全套终稿后 5 个工作日")
// starts when the requester's dated offer of the very thing to review is
// in, the one of its dated offers that shares clearly most with the need:
// scripts finalised Wednesday 4/29, then 五一, then five working days is
// the make-up Saturday 5/9, after the Friday 5/8 asked.
func TestReviewCountsFromFinalVersion(t *testing.T) {
	at := time.Date(2026, 4, 27, 10, 0, 0, 0, time.UTC) // a Monday
	in := input(at, "- 12 条 KOL 脚本要法务审完，最晚 5月8日（周五）前给结论，达人档期都排好了",
		"- 12 条脚本这周三（4/29）全部定稿，一次性打包给法务\n- 达人的营业执照、MCN 授权书明天（4/28）就能发过来",
		"- 审核周期：收到全套终稿后 5 个工作日出意见", "")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-05-09", time.UTC)) {
		t.Errorf("conflicts = %+v, want one with the middle ground 2026-05-09", p.Conflicts)
	}
}

// A lead time for other work than the need's (a workaround script) is no
// faster path to it: the fix's own length binds the fix asked for.
func TestOtherWorkIsNoFasterPath(t *testing.T) {
	at := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC) // a Wednesday
	p := mediate.Build(input(at, "- dup-charge bug FIXED by fri 11/13, if it double-charges again we're toast", "",
		"- The fix itself is ~5 business days, then it soaks 3 business days in staging, so 8 business days",
		"- a refund-check script that flags double charges every morning, 2 business days to build"))
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-11-16", time.UTC)) {
		t.Errorf("conflicts = %+v, want one ending 2026-11-16, eight business days on", p.Conflicts)
	}
}

// A faster path on a condition the requester has not met ("If you're OK
// reusing the counters…, that's 8 business days") does not settle the
// clash; the standard length binds, counted from the step it names
// ("counted from approved copy", offered for Mon 3/9).
func TestConditionalPathLeavesTheClash(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC) // a Wednesday
	p := mediate.Build(input(at, "- We need print ready files for the whole booth by Fri 3/20", "- approved copy (EN) and the renders by Mon 3/9",
		"- a full booth set is 15 business days for us, counted from approved copy",
		"- If you're OK reusing the 6 counters as they are, it's only the back wall and banners, that's 8 business days"))
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-03-30", time.UTC)) {
		t.Errorf("conflicts = %+v, want one ending 2026-03-30, 15 business days from the copy", p.Conflicts)
	}
}

// Where a thing goes is not the thing ("For the big screen on the back
// wall we need a loop video" is not met by "back wall can jump the
// queue"), and a part that jumps the queue is no path to the whole: the
// full package's length binds the files for the back wall and counters.
func TestPartIsNoPathToTheWhole(t *testing.T) {
	at := time.Date(2026, 3, 18, 10, 0, 0, 0, time.UTC) // a Wednesday
	p := mediate.Build(input(at, "- print-ready files for the back wall and the two demo counters by Friday 3/27\n- For the big screen on the back wall we need a 30-second loop video",
		"- Copy for all booth pieces gets locked this Friday 3/20",
		"- full booth package = 8 business days from copy lock", "- back wall can jump the queue: 5 business days if it's first"))
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-04-01", time.UTC)) {
		t.Errorf("conflicts = %+v, want the full package by 2026-04-01", p.Conflicts)
	}
	if slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return strings.Contains(m.Need.Text, "loop video") }) {
		t.Errorf("matches = %+v, want the video unmet", p.Matches)
	}
}

// A date in brackets after a day named by an event ("搬家前一天（2/6）")
// is the day the thing is done, even in an item that also asks.
func TestRelativeDayDated(t *testing.T) {
	at := time.Date(2026, 1, 19, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 搬家当天要有人在新楼接设备", "- 可以要求搬家公司按标签装箱，搬家前一天（2/6）开个交底会", "", ""))
	if !slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
		return strings.Contains(c.What, "交底会") && c.Due.Equal(day("2026-02-06", time.UTC))
	}) {
		t.Errorf("commitments = %+v, want the briefing on 2026-02-06", p.Commitments)
	}
}

// A faster path on a condition the requester has not met is said with
// its length, unused: "单独报的话 7 个工作日能压到 4 个工作日".
func TestUnmetFastTrackSaysHowFast(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	in := input(at, "- offer 必须 9月30日（周三）前发出去", "- 最终录用名单 9/23 给到财务",
		"- 拿到完整的录用名单以后，核编制、CFO 签字，一共需要 7 个工作日", "- 研发岗可以走加急：单独报的话 7 个工作日能压到 4 个工作日")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	if len(p.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v, want one", p.Conflicts)
	}
	if s := p.Conflicts[0].Shortening; s == nil || !s.Unmet || s.Used || s.Phrase != "4 个工作日" {
		t.Errorf("shortening = %+v, want 4 个工作日 on a condition not met", s)
	}
}

// A length that counts from a step ("copy 定稿后 10 个工作日") shares only
// that step with the offer of it: the offer is the step, not the work.
func TestStepIsNotTheWork(t *testing.T) {
	at := time.Date(2026, 7, 8, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- 三语 copy 已经写好, native speaker 审过, 明天 7/9 给到设计",
		"- 全套主图 + A+ 的标准排期是 copy 定稿后 10 个工作日", ""))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// What a need turns down ("手工导出的不行", "a PDF won't do") is no answer
// to it: the export access offered does not meet a need for API access.
func TestTurnedDownIsNoAnswer(t *testing.T) {
	at := time.Date(2026, 7, 8, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- 客服系统后台的导出权限可以开给数据组",
		"- 需要客服系统的API权限，数据每天自动同步到数仓，手工导出的不行", ""))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// A limit each month that falls on a day off ("每月5号前", 7/5 a Sunday)
// first falls on the working day before.
func TestMonthlyLimitBeforeDayOff(t *testing.T) {
	at := time.Date(2026, 6, 10, 10, 0, 0, 0, time.UTC)
	in := input(at, "- 每月的人力成本数据", "", "", "- 每月5号前出上月人力成本报表（按部门、按成本中心都有）")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	if !slices.ContainsFunc(p.Commitments, func(c mediate.Commitment) bool {
		return c.Recurring != "" && c.From.Equal(day("2026-07-03", time.UTC))
	}) {
		t.Errorf("commitments = %+v, want the report from Friday 2026-07-03", p.Commitments)
	}
}

// A line that only dates the use of what the line before asks for ("3月13
// 日周五 季度复盘会要用") is that need's deadline: the dashboard's lead time
// binds it.
func TestLineDatesTheUse(t *testing.T) {
	at := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC) // a Thursday
	in := input(at, "想要一个售后工单看板 能按故障类型看一次解决率\n3月13日周五 季度复盘会要用，老板点名要看", "- 指标口径今天就能定",
		"", "- 口径确认后 7 个工作日出看板第一版")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-03-16", time.UTC)) {
		t.Errorf("conflicts = %+v, want the dashboard by 2026-03-16", p.Conflicts)
	}
}

// What an offer shares with a need only where it declines it is no answer
// ("科目调整的事不在我们这，…我们可以帮你们准备材料" gives materials, not
// the adjustment), unless the need asks that something not be done.
func TestSharedOnlyWhereDeclined(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 抽奖奖品今年想做到20万，需要财务这边帮忙看看能不能从别的科目调", "",
		"", "- 科目调整的事不在我们这，要总经理办公会批，我们可以帮你们准备材料"))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
	p = mediate.Build(input(at, "- a freeze on other warehouse system changes during the rollout", "", "", "- we won't request any other system changes during the rollout, but we can log them"))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the freeze kept", p.Matches)
	}
}

// A clause of a need that forbids something ("不要每个面试官各打各的分") is
// met only by an offer that forbids or denies too: scheduling interviews
// in the afternoon meets neither it nor the template asked for.
func TestForbiddingPartNeedsADenial(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- 面试全部安排在下午2点到5点，上午不占用大家写代码的时间",
		"- 给个面试评分的标准模板，不要每个面试官各打各的分", ""))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// A need for someone at a dated call waits for no build: a lead time that
// names nothing of it does not bind it.
func TestCallWaitsForNoBuild(t *testing.T) {
	at := time.Date(2026, 3, 11, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 想要 factory 这边有人能 join 3/24 的 call，回答 capacity 问题", "",
		"", "- 物料齐套后 SMT + 组装 + 功能测试一共 10 个工作日"))
	if len(p.Conflicts) > 0 {
		t.Errorf("conflicts = %+v, want none", p.Conflicts)
	}
}

// Stock that moves part of the units asked ("现货 800 台，2 个工作日") is no
// path to all 2000, and the requester's plans after the event are no parts
// of the work: the 8 working days from the split plan bind.
func TestPartOfTheUnitsIsNoPath(t *testing.T) {
	at := time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC)
	in := input(at, "- 两个前置仓一共要进 2000 台 7kW 款，6月12日 开门红之前必须入仓",
		"- SKU 分仓计划明天（6/9）给到：华东 1200 / 华南 800\n- 大促结束后 6/22 之前给一个剩余库存的清单，没卖完的我们负责做后续的清仓活动",
		"", "- 工厂排产+干线运输到京东仓一共 8 个工作日，从拿到分仓计划开始算\n- 现在中央仓有 7kW 现货 800 台，2 个工作日能调拨到华东仓")
	in.Calendar = timeread.Calendar{Holidays: "cn"}
	p := mediate.Build(in)
	if len(p.Conflicts) != 1 || !p.Conflicts[0].MiddleGround.Equal(day("2026-06-22", time.UTC)) {
		t.Errorf("conflicts = %+v, want one ending 2026-06-22", p.Conflicts)
	}
}
