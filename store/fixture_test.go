package store_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// fullCollab returns a collab with every field set, unicode included.
func fullCollab(id string) flows.Collab {
	return flows.Collab{
		ID:        id,
		Channel:   "C0123",
		RootTS:    "1712345678.000100",
		RootShown: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		Topic:     "提升 GMV — \"presale\" <&> 🚀",
		Lang:      "zh",
		CreatedBy: "U0CREATOR",
		CreatedAt: time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.UTC),
		State:     flows.Proposed,
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S0OPS", Handle: "运营", Members: []string{"U1", "U2"},
				AskedAt: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), Nudged: true, TZ: "Asia/Shanghai",
				Asking: flows.QDone, Redo: true, Answers: [3]flows.Answer{
					{Text: "明天上线活动页", User: "U1", TS: "1712345679.000200", TZ: "Asia/Shanghai"},
					{Text: "需要兼容性测试;\n- 核心机型", User: "U2", TS: "1712345680.000300", TZ: "Asia/Shanghai"},
					{Text: "提供核心用户机型 ✓", User: "U1", TS: "1712345681.000400", TZ: "Asia/Shanghai"},
				}},
			{Kind: flows.KindUser, ID: "U0TECH", Handle: "tech-lead", Members: []string{"U0TECH"},
				Asking: flows.QValue, Answers: [3]flows.Answer{
					{Text: "ship safely", User: "U0TECH", TS: "1712345682.000500", TZ: "Europe/Berlin"},
					{Text: "2 days of testing", User: "U0TECH", TS: "1712345683.000600", TZ: "Europe/Berlin"},
				}},
		},
		Version:         3,
		Accepted:        [2]string{"U1", "U0TECH"},
		ProposalTS:      "1712345690.000700",
		ProposalVersion: 3,
		AgreementTS:     "1712345699.000800",
		LastReplyTS:     "1712345683.000600",
		AgreedAt:        time.Date(2026, 3, 3, 9, 30, 0, 0, time.FixedZone("", 8*3600)),
		Seq:             3,
		TZ:              "Asia/Shanghai",
		Calendar:        timeread.Calendar{Holidays: timeread.HolidaysCN, SprintDays: 14},
		Decisions:       []flows.Decision{{Need: flows.ItemRef{Side: flows.SideA, Index: 1}, Offer: flows.ItemRef{Side: flows.SideB}, Yes: true, NeedTS: "1712345678.000200", OfferTS: "1712345680.000400"}},
		Proposal:        &mediate.Proposal{CollabID: id, Version: 3, Lang: "zh", Topic: "提升 GMV", NameA: "运营", NameB: "tech-lead"},
		Commitments: []flows.Commitment{{Owner: flows.SideA, What: "提供核心用户机型", Due: time.Date(2026, 3, 5, 9, 0, 0, 0, time.FixedZone("", 8*3600)),
			RemindAt: time.Date(2026, 3, 6, 9, 0, 0, 0, time.FixedZone("", 8*3600)), Reminded: 1, Overdue: true, DoneBy: "U2", Postponed: 1}},
		Outbox: []flows.Effect{
			{Kind: flows.PostProposal, Version: 3},
			{Kind: flows.Prompt, Side: flows.SideB, Question: flows.QValue},
			{Kind: flows.Notify, User: "U2", Notice: flows.NoticeAccepted},
		},
	}
}

// TestFullCollabSetsEveryField keeps the round-trip fixture complete when
// flows.Collab gains a field. Rev is the store's to set.
func TestFullCollabSetsEveryField(t *testing.T) {
	c := fullCollab("x")
	v := reflect.ValueOf(c)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		if name != "Rev" && v.Field(i).IsZero() {
			t.Errorf("fullCollab leaves Collab.%s zero", name)
		}
	}
	p := reflect.ValueOf(c.Sides[0])
	for i := range p.NumField() {
		if p.Field(i).IsZero() {
			t.Errorf("fullCollab leaves Sides[0].%s zero", p.Type().Field(i).Name)
		}
	}
}
