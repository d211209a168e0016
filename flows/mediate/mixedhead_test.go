package mediate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Answers that mix English into Chinese: an English phrase ends its head
// at a preposition, a counted noun phrase is what is asked for, a
// container named the Chinese way holds what its modifier names, and
// "part-time" is one word.
func TestMixedLanguageHeads(t *testing.T) {
	at := time.Date(2026, 10, 13, 10, 0, 0, 0, time.UTC)
	tests := []struct{ name, need, offer string }{
		{"a preposition ends the head", "- 过去两年的 shift rosters 和 temp agency invoices，要按天、按班次，10/16（周五）前给到",
			"- rosters 2024-2026 from Kronos export + agency invoices (PDF, sorry), 10/15（周四）给"},
		{"a counted noun phrase", "- 一个固定的 FTE 口径: part-time、agency temp 各算几个 FTE, 不然每次算出来都对不上",
			"- FTE 口径我们有标准定义, 这周内发给你们"},
		{"a container the Chinese way", "- overtime per team, weekly — because of the legal cap, 超了要罚",
			"- 一个 overtime dashboard, overtime hours by team, 每周一更新"},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		if len(p.Matches) != 1 {
			t.Errorf("%s: matches = %+v, want %q met by %q", tt.name, p.Matches, tt.need, tt.offer)
		}
	}
}

// A pack of papers ("spec pack", "welcome pack") is a document, not
// packing: it does not meet a need to pack up the office.
func TestPackOfPapers(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- the lab equipment packed up before the move", "", "", "- full spec pack for the levellers (drawings, pit dims), I can send it today"))
	if len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
	p = mediate.Build(input(at, "- the full spec for the dock levellers", "", "", "- full spec pack for the levellers (drawings, pit dims), I can send it today"))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the spec", p.Matches)
	}
}

// A character pair that ends in a determiner ("到各" in "送到各个门店") is
// no word: it is no evidence that "全部到各RDC" delivers to the stores.
func TestDeterminerPairIsNoWord(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	if p := mediate.Build(input(at, "- 要送到各个门店，不是只到RDC就完事", "", "", "- 现有3万台9月15日前全部到各RDC")); len(p.Matches) > 0 {
		t.Errorf("matches = %+v, want none", p.Matches)
	}
}

// The new one of a thing is not the old one: "旧楼的网络保留到 5/15" does
// not get the new floor's network up by 5/8.
func TestNewIsNotOld(t *testing.T) {
	at := time.Date(2026, 4, 27, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ need, offer string }{
		{"- 新楼层网络 5/8（周五）前要通", "- 旧楼的网络保留到 5/15"},
		{"- the new office's wifi working on day one", "- we keep the old office's wifi running until the 15th"},
	} {
		if p := mediate.Build(input(at, tt.need, "", "", tt.offer)); len(p.Matches) > 0 {
			t.Errorf("matches = %+v, want none", p.Matches)
		}
	}
	if p := mediate.Build(input(at, "- 新楼层网络 5/8（周五）前要通", "", "", "- 新楼层的网络 5/7 前调通")); len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the new floor's network", p.Matches)
	}
}

// Who receives a thing ends at the verb after it ("给研发岗加签约奖金"),
// and a quoted name labels the thing after it ("签约奖金走“招聘费用”科目"):
// the bonus is what both items are about.
func TestRecipientAndLabelAreNoHead(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 今年想给研发岗加签约奖金 5000/人，不知道这个钱走哪个科目、要谁批", "",
		"", "- 签约奖金走\"招聘费用\"科目，今年还剩 40 万额度，部门负责人+我这边批就行"))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the bonus's account", p.Matches)
	}
}

// A need and an offer that share only the name of a side, said in its
// short form ("需要市场确认…" and "每周四下午市场周会" of 市场部), share nothing
// to ask about.
func TestShortNameOnly(t *testing.T) {
	at := time.Date(2026, 9, 21, 10, 0, 0, 0, time.UTC)
	in := input(at, "", "- 每周四下午市场周会，法务想来随时来", "- 需要市场确认单个奖品价值不超过5万，超了按反不正当竞争法是违规的", "")
	in.A.Name, in.B.Name = "市场部", "法务部"
	if p := mediate.Build(in); len(p.Matches)+len(p.Candidates) > 0 {
		t.Errorf("matches %+v, candidates %+v; want neither", p.Matches, p.Candidates)
	}
}

// An act named either way round is one thing: "销量预测" and "预估销量".
func TestVerbalHeadEitherWay(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- 9/9（周三）前按 SKU 给预估销量，保守/正常/爆 三档", "- 销量预测请给到SKU级，别只给一个总数", ""))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the forecast", p.Matches)
	}
}

// "设计定稿" is the final design, met by the design finalised; a length
// that counts from it ("大货生产要10个工作日，从设计定稿算") only names it as
// its step, and is met by nothing.
func TestFinalDesignAndItsStep(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- 礼盒设计稿今天下班前定稿给你们",
		"- 打样要先有设计定稿，拿到定稿后供应商打样要8个工作日\n- 大货生产要10个工作日，从设计定稿算，可以跟打样并行", ""))
	if len(p.Matches) != 1 || !strings.Contains(p.Matches[0].Need.Text, "打样要先有") {
		t.Errorf("matches = %+v, want the final design for the proofs only", p.Matches)
	}
}

// Someone named by a given name who takes charge ("Jana signs off",
// "Marcus owns the observability vendor") is the person a need asks for;
// a team doing so ("Legal signs off") names no person.
func TestGivenNameIsAPerson(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		need, offer string
		want        int
	}{
		{"- one person who signs off, last year we had five people with opinions", "- Jana signs off for marketing. only Jana", 1},
		{"- one technical owner per vendor who answers the vendor's questions", "- Marcus owns the observability vendor", 1},
		{"- one person who signs off, last year we had five people with opinions", "- Finance signs off on anything over budget", 0},
		{"- one person who signs off", "- Priya is the approver on our side", 1},
	} {
		if p := mediate.Build(input(at, "", tt.offer, tt.need, "")); len(p.Matches) != tt.want {
			t.Errorf("%q <- %q: matches = %+v, want %d", tt.need, tt.offer, p.Matches, tt.want)
		}
	}
}

// Whom a thing lets do something is not the thing ("投屏设备要能让访客的电
// 脑投"), and governing law is a concept ("挪威法管辖").
func TestCauseeAndGoverningLaw(t *testing.T) {
	at := time.Date(2026, 9, 7, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ need, offer string }{
		{"- 会议室的投屏设备要能让访客的电脑投，但是不能进内网", "- 投屏：会议室配无线投屏器，走访客网络，跟内网物理隔离"},
		{"- 客户要求 contract 用英文 + 挪威法管辖，这个能不能接受？", "- 挪威法管辖：可以接受，但争议解决要仲裁"},
	} {
		if p := mediate.Build(input(at, tt.need, "", "", tt.offer)); len(p.Matches) != 1 {
			t.Errorf("%q <- %q: matches = %+v, want one", tt.need, tt.offer, p.Matches)
		}
	}
}

// A list of users is a segment ("高价值沉睡用户名单" and "新口径分群"), and
// suggestions for segments are no list of users.
func TestSegmentAndSuggestion(t *testing.T) {
	at := time.Date(2026, 5, 25, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "- 高价值沉睡用户名单，6月1日周一就要\n- 能不能给几个分群建议？", "",
		"", "- 新口径分群：开发+校验要6个工作日\n- 分群建议可以给，RFM三档"))
	got := map[string]string{}
	for _, m := range p.Matches {
		got[m.Need.Text] = m.Offer.Text
	}
	if !strings.Contains(got["高价值沉睡用户名单，6月1日周一就要"], "新口径分群") || !strings.Contains(got["能不能给几个分群建议？"], "分群建议") {
		t.Errorf("matches = %+v, want the list from the segment and the suggestions from the suggestions", p.Matches)
	}
}

// A word after "to" is a verb, not the thing named: "get them to fill in
// whatever questionnaire you use" offers the questionnaire.
func TestWordAfterToIsAVerb(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "", "- I can get them to fill in whatever questionnaire you use, they turned the last one around in a day",
		"- our SIG Lite questionnaire completed by the vendor", ""))
	if len(p.Matches) != 1 {
		t.Errorf("matches = %+v, want the questionnaire", p.Matches)
	}
}
