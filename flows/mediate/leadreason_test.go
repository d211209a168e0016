package mediate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// A notice someone asks of the needing side, given as the reason for its
// own deadline ("…15 working days notice, so we need X by 10/21"), is no
// time that side's work takes for the other side's needs.
func TestNoticeBehindOwnDeadlineIsNoLead(t *testing.T) {
	at := time.Date(2026, 10, 13, 10, 0, 0, 0, time.UTC) // a Tuesday
	p := mediate.Build(input(at, "- the shift rosters and temp agency invoices for the last two years by Fri 10/16", "- a daily forecast per shift",
		"- the agency wants 15 working days notice, so we need the forecast numbers by 10/21", "- rosters export plus agency invoices, Thu 10/15"))
	for _, k := range p.Conflicts {
		if strings.Contains(k.Lead.Text, "15 working days") {
			t.Errorf("conflict %q vs %q, want the notice read as the reason for B's own date", k.Need.Text, k.Lead.Text)
		}
	}
}

// How far ahead an offer delivers ("14 days ahead") is no time its work
// takes; notice it asks for ("sign up a week ahead") is.
func TestAheadOfferIsNoLead(t *testing.T) {
	at := time.Date(2026, 10, 13, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		offer string
		clash bool
	}{
		{"- a daily headcount forecast per shift, 14 days ahead, emailed at 7am", false},
		{"- 每天的分班次人数预测，提前 14 天，每天早上 7 点自动发邮件", false},
		{"- headcount forecast reviews run every Thursday, sign up a week ahead", true},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, "", tt.offer, "- the headcount forecast by Wed 10/14", ""))
		if got := len(p.Conflicts) > 0; got != tt.clash {
			t.Errorf("offer %q: clash %v, want %v (%+v)", tt.offer, got, tt.clash, p.Conflicts)
		}
	}
}

// A side that names whose business a thing is keeps no ban on it: "那是
// 渠道物流商的事" does not promise "别让门店自己联系物流商".
func TestPointingElsewhereGrantsNoBan(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 别让门店自己去联系物流商", "", "", "- 最后一公里配送是渠道物流商的事"))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none: pointing elsewhere is no promise", p.Matches)
	}
	p = mediate.Build(input(at, "- 别让门店自己去联系物流商", "", "", "- 门店不会自己联系物流商，我们统一对接"))
	if len(p.Matches) == 0 {
		t.Errorf("no match, want the side's own promise to meet the ban")
	}
}

// Getting a thing (拿到, 收到) says it is handed over, not what it is: two
// items that share only that share nothing.
func TestGettingIsNoThing(t *testing.T) {
	at := time.Date(2026, 10, 13, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- first version 要 8 个工作日, 从拿到 rosters 那天算", "- 我们最晚 10/21 要拿到 peak 那两周的 forecast numbers", ""))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// A clause that says how long a third party takes ("Amazon 审核要 5-7
// 天") asks for nothing and names no head: a design review offered is no
// answer to a need for the listing images.
func TestThirdPartyLengthAsksNothing(t *testing.T) {
	at := time.Date(2026, 7, 8, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- A+ 全套主图：7 张主图 + 5 个 A+ 模块，7月17日（周五）前要给到我们，Amazon 审核要 5-7 天", "",
		"", "- 每周三下午 design review，marketing 可以 join 直接提意见"))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// 审核 is a review as well as an approval: a need for legal to go over
// the copy (过一遍) is met by legal reviewing the copy.
func TestReviewInEitherWord(t *testing.T) {
	at := time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 包装盒和详情页的卖点文案要法务过一遍", "", "", "- 新品文案审核法务这边全程跟，有问题直接找我"))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the copy review", p.Matches)
	}
}
