package mediate_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// big is a 40,000-character answer (Slack's message limit): many short
// items sharing words, in both languages.
func big() string {
	var b strings.Builder
	for i := 0; b.Len() < 40000; i++ {
		b.WriteString([]string{"- 服务器扩容明天上线\n", "- servers by Friday; load test 2 days\n", "1. 设备型号清单需要3天\n", "kiwi crates "}[i%4])
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("\n")
	}
	return b.String()
}

func FuzzItems(f *testing.F) {
	for _, s := range []string{"", "a\nb", "- 1. x；y;z\r\n", "（一）预算\n①人手", "None", big(), "\xff\xfe-\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		items := mediate.Items(text)
		if len(items) > mediate.MaxItems {
			t.Fatalf("%d items, more than %d", len(items), mediate.MaxItems)
		}
		for i, it := range items {
			overflow := i == mediate.MaxItems-1
			if it == "" || strings.TrimSpace(it) != it || strings.ContainsAny(it, "\r\n") {
				t.Fatalf("item %q is empty, untrimmed or spans lines", it)
			}
			if !overflow && (!strings.Contains(text, it) || strings.ContainsAny(it, ";；")) {
				t.Fatalf("item %q is not a piece of the answer %q", it, text)
			}
		}
	})
}

func FuzzBuild(f *testing.F) {
	f.Add("活动页面明天上线\n技术部优先安排人手", "提供核心用户的设备型号清单", "需要2天做兼容性测试\n需要核心用户的设备型号", "优先调配2名测试人员", int64(0))
	f.Add("servers by Nov 1", "the plan 4 weeks ahead", "peak traffic", "extra servers; 5 working days", int64(-8*3600))
	f.Add(big(), big(), big(), big(), int64(9*3600))
	f.Fuzz(func(t *testing.T, needsA, valueA, needsB, valueB string, offset int64) {
		loc := time.FixedZone("writer", int(offset%(14*3600)))
		at := time.Date(2026, 3, 2, 10, 0, 0, 0, loc)
		in := input(at, needsA, valueA, needsB, valueB)
		p := mediate.Build(in)
		checkAccounted(t, in, p)
	})
}

// checkAccounted holds a proposal to what every proposal must be: every
// need is met, in a conflict, or open, and never both met and open;
// matches cross the sides and say why.
func checkAccounted(t *testing.T, in mediate.Input, p mediate.Proposal) {
	t.Helper()
	for _, m := range slices.Concat(p.Matches, p.Candidates) {
		if m.Need.Side == m.Offer.Side || len(m.Terms) == 0 {
			t.Fatalf("match %+v pairs one side with itself or has no terms", m)
		}
		if slices.Contains(p.Open, m.Need) {
			t.Fatalf("need %q is both met (or asked about) and open", m.Need.Text)
		}
	}
	for _, m := range p.Candidates {
		if slices.ContainsFunc(p.Matches, func(o mediate.Match) bool { return o.Need == m.Need && o.Offer == m.Offer }) {
			t.Fatalf("pair %q <- %q both matched and asked about", m.Need.Text, m.Offer.Text)
		}
	}
	for _, side := range []mediate.Side{mediate.SideA, mediate.SideB} {
		needs := in.A.Needs.Text
		if side == mediate.SideB {
			needs = in.B.Needs.Text
		}
		for _, text := range mediate.Items(needs) {
			it := mediate.Item{Side: side, Text: text}
			met := slices.ContainsFunc(slices.Concat(p.Matches, p.Candidates), func(m mediate.Match) bool { return m.Need == it })
			inConflict := slices.ContainsFunc(p.Conflicts, func(c mediate.Conflict) bool { return c.Need == it || c.Lead == it })
			if !met && !inConflict && !slices.Contains(p.Open, it) {
				t.Fatalf("need %s %q dropped: not met, not asked about, not in a conflict, not open", side, text)
			}
		}
	}
	for _, c := range p.Conflicts {
		if !c.MiddleGround.After(c.Deadline) || c.Need.Side == c.Lead.Side {
			t.Fatalf("conflict %+v: middle ground not after the deadline, or one side against itself", c)
		}
	}
	for _, it := range p.Open {
		needs := in.A.Needs.Text
		if it.Side == mediate.SideB {
			needs = in.B.Needs.Text
		}
		if !slices.Contains(mediate.Items(needs), it.Text) {
			t.Fatalf("open point %s %q is not a need of that side", it.Side, it.Text)
		}
	}
}

// TestLargeAnswers: four 40,000-character answers (Slack's cap) are read
// whole, whether they hold many items or one long line, and every item
// is accounted for. How long it takes is BenchmarkLargeAnswers's to say.
func TestLargeAnswers(t *testing.T) {
	for name, s := range largeAnswers() {
		in := input(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), s, s, s, s)
		p := mediate.Build(in)
		if len(p.Matches)+len(p.Open)+len(p.Candidates) == 0 {
			t.Errorf("%s: nothing read", name)
		}
		checkAccounted(t, in, p)
	}
}

// BenchmarkLargeAnswers times the answers of TestLargeAnswers.
func BenchmarkLargeAnswers(b *testing.B) {
	for name, s := range largeAnswers() {
		in := input(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), s, s, s, s)
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				mediate.Build(in)
			}
		})
	}
}

// largeAnswers are answers of about 40,000 characters, by shape.
func largeAnswers() map[string]string {
	line := strings.Repeat("服务器扩容 servers 测试 3天内 by Friday 需要2天 ", 40000/60)
	var distinct strings.Builder
	for i := 0; distinct.Len() < 40000; i++ {
		fmt.Fprintf(&distinct, "item%d needs widget%d by Friday; 需要%d天\n", i, i%50, i%9+1)
	}
	return map[string]string{"many items": big(), "one line": line, "distinct items": distinct.String()}
}
