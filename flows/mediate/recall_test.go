package mediate_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestAskedAbout states pairs a mediator would at least ask about: the
// offer names what the need asks for in other words, so the pair is
// matched or put to the needing side, never left open.
func TestAskedAbout(t *testing.T) {
	tests := []struct{ need, offer string }{
		// owning as a verb names an owner; a laptop is a device, as gear is
		{"a named person who owns each laptop on the road", "Each stop has one AE leading it and they can own the gear that week"},
		// "everyone" names no one in particular: the module is asked for
		{`everyone on the trip does the "Travel & Public Wi-Fi" module (20 min) before leaving`, "We'll get everyone through whatever training you need before they fly out"},
		// a hotspot is network access
		{"pls fix the connectivity thing, hotel and venue wifi kept killing the VPN", "4 LTE hotspots in our travel kit"},
		// someone from a department is one of its people; "reachable"
		// after a noun says how to reach it, not what it is
		{"Someone from engineering we can page when a key account is down", "An on-call engineer reachable by CSMs for P1 incidents"},
		{"Someone to check the ingredient list on the gift tin", "We review nutrition labels within 2 days of getting the artwork"},
		// "fewer tiny" says how many and how big, not what: shipments
		{"Fewer tiny shipments, the dock handled 60 shipments last week", "We'll combine orders into one shipment a week instead of 60 small ones"},
		// what is left after a season is the leftover stock, by either word
		{"季末剩余库存不能压在仓里", "季末剩下的样衣我们拿去做员工内购"},
		// what the laptops are for does not make them other laptops
		{"They need laptops that can get into the CRM so leads go in on the spot.", "loaner pool has 4 laptops already imaged + MDM enrolled"},
	}
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		if len(p.Matches)+len(p.Candidates) != 1 {
			t.Errorf("need %q, offer %q: matches %+v, candidates %+v; want the pair matched or asked about", tt.need, tt.offer, p.Matches, p.Candidates)
		}
	}
}

// TestOwnIsNotOwner: "own" before a noun is a possessive, not an owner.
func TestOwnIsNotOwner(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "a named person who owns each laptop on the road", "", "", `"Lead Capture" CRM role (create/edit own leads, no export)`))
	if len(p.Matches)+len(p.Candidates) != 0 {
		t.Errorf("matches %+v, candidates %+v; want none", p.Matches, p.Candidates)
	}
}

// TestMatchedAcrossWordings states pairs a mediator matches outright
// though they share no head word.
func TestMatchedAcrossWordings(t *testing.T) {
	tests := []struct{ need, offer string }{
		// someone from a group is met by a person of that group
		{"Someone from the data team we can ask during US hours", "A data engineer on the analytics channel from 9am ET"},
		// a person named and described between commas does what is asked
		{"We need somebody who signs off on every press release", "Ana, our comms lead, approves all press releases"},
		// paying for a thing is its budget
		{"A budget for a product photo session", "We'll book and pay for the photographer for the product shoot"},
		// a supplier's bids for a purchase are its written quotes
		{"Two competitive bids documented for any purchase over $20k", "We have 2 written quotes on file from last month"},
		// a food's printed facts are one thing by any name; a shopper asking
		// how long it keeps asks its shelf life, a preservative is an additive
		{"外包装上的营养成分表得有人审一下，商超会挑", "营养成分表我们来看，设计稿发过来 2 天回复"},
		{"导购常被顾客问这款能放多久、加没加防腐剂，答不上来", "给导购出一份问答：保质期、储存方式、添加剂"},
		// CAPI is the short form of the conversions API
		{"The conversions API for Snapchat wired up before the sale", "CAPI integration for Snapchat this sprint"},
		// a suspicion of foul play is met by the detection of anomalies
		{"我们一直怀疑有几家经销商返利偏高，想知道是哪几家、有没有猫腻", "经销商返利的异常检测已经跑了三个月，可疑名单每月给一次"},
		// registering the assets is keeping their inventory
		{"门店调拨的时候，要有人负责登记资产，别弄丢了", "资产盘点：每件设备贴码，调拨前后各扫一次"},
		// each names the other's qualifier of the video: one video, for
		// recruiting, shot on the floor
		{"现在招人只发文字没人看，中介要门店实拍的视频", "中介要招聘视频的话，门店随时配合实拍"},
		// before new hires take their posts is their onboarding
		{"新员工上岗前的安全教育得有人讲，门店自己讲不了", "入职安全教育由行政和安保一起做，每批新人到岗当天上午"},
		// wanting to learn a skill asks for training in it
		{"店长们下季度想学点怎么带新人、怎么跟年轻人沟通", "门店主管「带教」课程，4 月开班，店长优先报名"},
		// headlines are copy
		{"We need someone to look over our headlines before we submit them", "legal office hours every Thursday for copy questions before you submit"},
		// going over the figures together once a month is a meeting, and a
		// standup is one
		{"每月想跟财务对一次预算执行的数字", "每月初的财务例会给我们留 15 分钟"},
		{"上线那几天每天碰一下进度", "每天早上的上线站会"},
	}
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		if p := mediate.Build(input(at, tt.need, "", "", tt.offer)); len(p.Matches) != 1 {
			t.Errorf("need %q, offer %q: matches %+v, candidates %+v; want a match", tt.need, tt.offer, p.Matches, p.Candidates)
		}
	}
}

// TestMatchedInContext states pairs a mediator matches among the other
// items of a collaboration, which set the weight of each word.
func TestMatchedInContext(t *testing.T) {
	tests := []struct{ name, needs, offers, need, offer string }{
		// a person of a group asked for at a place is met by that group
		// staffing it; "it would be great to have" only says how much the
		// side wants it
		{"a person staffed",
			"It would be great to have a medical person at the stand for the questions reps can't answer\nThe stand posters reviewed by Friday\nA plain list of the claims we may make",
			"Medical Affairs will staff the stand on all three days\nA medical review of each poster within 3 days\nThe claims deck, today",
			"It would be great", "Medical Affairs"},
		// an answer on whether something may be done is about that thing,
		// which an offer saying it is fine settles; net-45 with a hyphen is
		// payment terms
		{"a verdict on a question",
			"Get the supplier set up by Friday Aug 21\nA straight answer on whether we can offer net-45 instead of net-15\nBudget owner sign-off on the order",
			"The supplier sends the packet on Wednesday Aug 19\nNet-45 is fine for this supplier without CFO approval, they are under $100k a year\nFP&A confirmed the budget covers the order",
			"A straight answer", "Net-45"},
	}
	for _, tt := range tests {
		p := mediate.Build(input(time.Date(2026, 8, 17, 10, 0, 0, 0, time.UTC), tt.needs, "", "", tt.offers))
		found := slices.ContainsFunc(p.Matches, func(m mediate.Match) bool {
			return strings.HasPrefix(m.Need.Text, tt.need) && strings.HasPrefix(m.Offer.Text, tt.offer)
		})
		if !found {
			t.Errorf("%s: matches %+v, candidates %+v; want %q met by %q", tt.name, p.Matches, p.Candidates, tt.need, tt.offer)
		}
	}
}

// TestOffererNamed: a need that names the side it asks of, to say whose
// the thing is ("采购的对接人" put to Purchasing), is met by that side's offer,
// which need not name itself; another side's contact is another contact.
func TestOffererNamed(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	build := func(offerer string) mediate.Proposal {
		return mediate.Build(mediate.Input{Topic: "新品上市活动",
			A: mediate.Party{Name: "研发部", Needs: mediate.Answer{Text: "希望有个固定的采购对接人，别每次问料都要到处找人", At: at}},
			B: mediate.Party{Name: offerer, Values: mediate.Answer{Text: "这次活动指定小李做对接人", At: at}}})
	}
	if p := build("采购部"); len(p.Matches) != 1 {
		t.Errorf("offered by Purchasing: matches %+v, want the contact matched", p.Matches)
	}
	if p := build("仓储部"); len(p.Matches) != 0 {
		t.Errorf("offered by the warehouse: matches %+v, want none", p.Matches)
	}
}
