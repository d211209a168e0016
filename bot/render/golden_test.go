package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// opsTech is the article's example, in Chinese: operations wants the page
// live tomorrow morning, tech needs two days of testing.
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
	models := mediate.Item{Side: mediate.SideA, Text: "提供核心用户的设备型号清单"}
	testers := mediate.Item{Side: mediate.SideB, Text: "优先调配2名测试人员"}
	p := mediate.Proposal{
		CollabID: "opstech1", Version: 1, Lang: "zh", Topic: c.Topic, NameA: "运营部", NameB: "技术部",
		Goals: mediate.Goals{
			Company: c.Topic, Shared: []string{"上线"}, ATopic: []string{"活动页面", "上线"}, BTopic: []string{"上线"},
			A: "活动页面尽快上线，带来5万新用户，支撑公司季度用户增长目标",
			B: "保证系统稳定，上线后零重大故障，守住公司口碑",
		},
		Matches: []mediate.Match{
			{Need: mediate.Item{Side: mediate.SideB, Text: "需要核心用户的设备型号"}, Offer: models, Terms: []string{"设备型号"}},
			{Need: mediate.Item{Side: mediate.SideA, Text: "技术部优先安排人手"}, Offer: testers, Terms: []string{"优先"}},
		},
		Conflicts: []mediate.Conflict{{
			Need: mediate.Item{Side: mediate.SideA, Text: "活动页面明天上午上线"}, Deadline: day(3),
			Lead: mediate.Item{Side: mediate.SideB, Text: "需要2天做兼容性测试"}, LeadDays: 2,
			MiddleGround: day(4), HalfDay: "am", GivesA: []mediate.Item{models}, GivesB: []mediate.Item{testers},
		}},
		Balance: mediate.Balance{
			AGivesB: []mediate.Item{models}, AlsoA: []mediate.Item{{Side: mediate.SideA, Text: "上线后一周内反馈用户数据"}},
			BGivesA: []mediate.Item{testers}, AlsoB: []mediate.Item{{Side: mediate.SideB, Text: "把页面加载时间从5秒降到1秒"}},
		},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideA, What: "提供核心用户的设备型号清单", Due: day(2)},
			{Owner: mediate.SideB, What: "优先调配2名测试人员做兼容性测试", Due: day(3)},
			{Owner: mediate.SideB, What: "活动页面上线", Due: day(4), HalfDay: "am"},
		},
	}
	return c, p
}

// presale is the article's second example, in English, with an open
// point and a lopsided exchange.
func presale() (*flows.Collab, mediate.Proposal) {
	c := &flows.Collab{
		ID: "presale1", Channel: "C2", RootTS: "1790575200.000100", Topic: "Singles' Day presale with deposit & final payment", Lang: "en",
		CreatedAt: time.Date(2026, 9, 28, 9, 0, 0, 0, time.UTC), State: flows.Agreed, Version: 2,
		Accepted: [2]string{"U0BIZ", "U0TECH"},
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S0BIZ", Handle: "business"},
			{Kind: flows.KindUser, ID: "U0TECH", Handle: "tina"},
		},
	}
	plan := mediate.Item{Side: mediate.SideA, Text: "The full campaign plan one month ahead"}
	servers := mediate.Item{Side: mediate.SideB, Text: "Extra servers sized for the peak traffic, and a load test of the checkout"}
	p := mediate.Proposal{
		CollabID: "presale1", Version: 2, Lang: "en", Topic: c.Topic, NameA: "business", NameB: "tina",
		Goals: mediate.Goals{
			Company: c.Topic, Shared: []string{"GMV", "campaign"}, ATopic: []string{"presale"},
			A: "Grow presale orders by 40% to lift the company's GMV this quarter",
			B: "Zero downtime during the campaign, to protect user trust (and GMV)",
		},
		Matches: []mediate.Match{
			{Need: mediate.Item{Side: mediate.SideB, Text: "The campaign plan at least 4 weeks before launch, for load testing"}, Offer: plan, Terms: []string{"campaign", "plan"}},
			{Need: mediate.Item{Side: mediate.SideB, Text: "Peak traffic estimates"}, Offer: mediate.Item{Side: mediate.SideA, Text: "Expected peak traffic figures per hour"}, Terms: []string{"peak", "traffic"}},
			{Need: mediate.Item{Side: mediate.SideA, Text: "Servers that survive the peak traffic"}, Offer: servers, Terms: []string{"servers", "peak", "traffic"}},
		},
		Open: []mediate.Item{{Side: mediate.SideA, Text: "A dashboard of live order numbers <soon>"}},
		Balance: mediate.Balance{
			AGivesB:  []mediate.Item{plan, {Side: mediate.SideA, Text: "Expected peak traffic figures per hour"}},
			BGivesA:  []mediate.Item{servers},
			AlsoB:    []mediate.Item{{Side: mediate.SideB, Text: "On-call <!here> engineer & war room"}},
			Lopsided: mediate.SideA,
		},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideA, What: "The full campaign plan", Due: time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)},
			{Owner: mediate.SideB, What: "Extra servers and a load test of the checkout"},
		},
	}
	return c, p
}

// TestGolden compares rendered proposals and agreements with
// testdata/*.golden: the plain text a person reads, with the metadata,
// and the Block Kit JSON. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	r := newTestRenderer(t)
	for lang, fixture := range map[string]func() (*flows.Collab, mediate.Proposal){"zh": opsTech, "en": presale} {
		c, p := fixture()
		onTable := *c
		onTable.State = flows.Proposed
		for kind, m := range map[string]Message{"proposal": r.Proposal(&onTable, p), "agreement": r.Agreement(c, p)} {
			meta, err := json.MarshalIndent(m.Metadata, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			blocks, err := json.MarshalIndent(m.Blocks, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkMessage(t, rendered{name: kind + "." + lang, m: m, allowed: []string{"<@" + c.Accepted[0] + ">", "<@" + c.Accepted[1] + ">"}})
			text := "text: " + m.Text + "\n\n" + PlainText(m) + "\n\nmetadata: " + string(meta) + "\n"
			golden(t, kind+"."+lang+".golden", []byte(text))
			golden(t, kind+"."+lang+".json.golden", append(blocks, '\n'))
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./bot/render -update and review the diff.\ngot:\n%s", path, got)
	}
}
