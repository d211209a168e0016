package mediate

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A Chinese verb with 不了 or 排不下 cannot be done whatever the verb; the
// same characters elsewhere are no refusal.
func TestRefusesPotentialComplement(t *testing.T) {
	tests := []struct {
		give string
		want bool
	}{
		{"模板我们填不了，只能财务弄", true},
		{"返点政策我们定不了", true},
		{"这版排不下，加不了", true},
		{"周末的人手我们出不了", true},
		{"会议室放不下三十个人", true},
		{"内部借调这个月实在排不出人", true},
		{"十月抽不出时间做培训", true},
		{"看不出问题的话就按原计划", false},
		{"我们不了解这个流程，需要培训", false},
		{"填不了的部分可以先空着，但我们会补齐", false},
		{"每周一提供上周的数据", false},
		{"We can't sign a two-year lock-in", true},
		// not holding what is asked, or pointing to who does
		{"We don't keep a KOL contact list, that's with PR", true},
		{"客户名单不归我们管，得问销售", true},
		{"直播当天法务不值班", true},
		{"refunds offline are not supported by the vendor, sorry", true},
		{"Nobody on call over the holiday weekend", true},
		{"We don't have the raw logs, but we can share the weekly summary", false},
		{"Parking passes are a Facilities thing, not us", true},
		{"Exports to Excel are not supported by the billing tool", true},
		{"Offline returns aren't supported, but the store can log them for a later refund", false},
		{"The price book sits with Sales Ops, not our team", true},
		{"食堂不归厂务管，那是行政部的事", true},
		{"门店配送我们只管到RDC，最后一公里是渠道物流商的事", true},
		{"App 日志涉及用户隐私，要信息安全和法务审批，这个我们说了不算", true},
		{"Per-stop pay is an HR/payroll question, check with them", true},
		{"That's a question for Procurement", true},
		{"保密的事我们全程跟，合同归我们管", false},
		{"dark mode 这期不做, it's not in the design system yet", true},
		{"fyi a liability cap above 2x fees isn't mine to approve, that's the CFO", true},
		{"按订单口径的预估业绩不能拿来算提成", true},
		{"we don't do email templates, that's design + the Braze admin", true},
		{"CCTV 是 facilities 的，不在 IT scope", true},
		{"Badge access isn't mine btw, that's the security desk", true},
		{"Admin console refund action: any new admin action is 8 working days including security review, can't skip that one", false},
		{"新线 4 周交付，这个压不了", false},
		{"门禁名单这个在 HR 系统里，我们没有权限导，要找 HRIS", true},
		{"sending customer data to a vendor isn't our decision, that needs a DPA and that's Legal", true},
		{"dark mode 这期不做，但下期可以排", false},
		{"这是大家的事，我们每周同步一次进度", false},
		{"Any question on the form, ping me directly", false},
		{"Floor plans not used since the move are archived monthly", false},
		// what an offer prevents is no refusal
		{"A naming template with validation, so bad names can't be saved", false},
		{"上线前统一做一次检查，以免数据对不上", false},
		// a thing kept as it is for a stated time
		{"差旅标准本季度不调整，年底统一看", true},
		{"加班餐补今年暂不涨", true},
		{"Per diem rates: no change this year, the board reviews them in December", true},
		{"调整后的排班表本周五给", false},
		{"不调休的同事按加班算", false},
		{"目前不调休，周六照常上班", false},
	}
	for _, tt := range tests {
		if got := refuses(tt.give); got != tt.want {
			t.Errorf("refuses(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}

// A need that forbids something is asked about only with an offer that
// forbids or denies too; 别 inside a word (别家, 区别) forbids nothing.
func TestDeniesNothing(t *testing.T) {
	at := time.Date(2026, 1, 28, 10, 0, 0, 0, time.UTC)
	e := func(s string) *entry { return newEntry(SideA, s, at, timeread.Calendar{}) }
	for _, tc := range []struct {
		need, offer string
		want        bool
	}{
		{"召回公告要法务看过才能发，客服别自己先挂出去", "小程序上可以挂召回公告", true},
		{"召回公告要法务看过才能发，客服别自己先挂出去", "公告我们不会自己挂", false},
		{"年会场地定金本周五前付给酒店，不然场地就放给别家了", "场地定金最多先付一半", false},
		{"don't email customers directly", "we'll email every customer the notice", true},
		{"想用测评视频里的原话做宣传，不知道要不要授权", "内容使用授权书模板，随时可以要", false},
		{"Phishing simulation 能不能别在新人入职第一周发", "新人入职 30 天内不进 phishing simulation 名单", false},
	} {
		if got := deniesNothing(e(tc.need), e(tc.offer)); got != tc.want {
			t.Errorf("deniesNothing(%q, %q) = %v, want %v", tc.need, tc.offer, got, tc.want)
		}
	}
}
