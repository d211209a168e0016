package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		give string
		max  int
		want string
	}{
		{"fits", "plain", 10, "plain"},
		{"escapes", "<!channel> & <@U1>", 100, "&lt;!channel&gt; &amp; &lt;@U1&gt;"},
		{"cuts with ellipsis", "abcdefghij", 5, "abcd…"},
		{"never splits an entity", "ab<cd", 6, "ab…"},
		{"entity kept whole when it fits", "ab<cd", 7, "ab&lt;…"},
		{"one line", "a\n\n b\tc", 10, "a b c"},
		{"astral runes count twice", "👍👍👍", 5, "👍👍…"},
		{"invalid UTF-8 replaced", "a\xffb", 10, "a\uFFFDb"},
		{"cuts at a word, not inside one", "Forecast scrub with managers every Friday", 30, "Forecast scrub with managers…"},
		{"no dangling function word", "Send the list of the top 3 reviewers", 30, "Send the list of the top 3…"},
		{"no dangling quantifier", "A written attestation from every AE each quarter", 34, "A written attestation…"},
		{"drops a trailing article", "A sales ops person to triage the disputes", 36, "A sales ops person to triage…"},
		{"prefers the clause", "Net 45 by default for enterprise, net 60 with CFO sign-off", 45, "Net 45 by default for enterprise…"},
		{"cuts before an aside", "Invoices portals accept (Ariba, Coupa)", 30, "Invoices portals accept…"},
		{"chinese at a clause mark", "合同模板更新要在月底前定稿，报价单格式也要统一", 16, "合同模板更新要在月底前定稿…"},
		{"chinese at an enumeration mark", "法务审合同、财务审报价、采购审供应商资质", 14, "法务审合同、财务审报价…"},
		{"a boundary too early is not used", "ab, cdefghijklmnop", 12, "ab, cdefghi…"},
	}
	for _, tt := range tests {
		if got := clip(tt.give, tt.max); got != tt.want {
			t.Errorf("%s: clip(%q, %d) = %q, want %q", tt.name, tt.give, tt.max, got, tt.want)
		}
		if got := clip(tt.give, tt.max); width(got) > tt.max {
			t.Errorf("%s: clip(%q, %d) is %d units wide", tt.name, tt.give, tt.max, width(got))
		}
	}
}

// TestBriefPrefersAWholeClause: a phrase standing for an item ends after
// a whole clause, without "…", rather than further on mid-clause; a comma
// inside a list, after a condition or before what belongs to the clause
// is no such end.
func TestBriefPrefersAWholeClause(t *testing.T) {
	tests := []struct {
		name, give string
		max        int
		want       string
	}{
		{"clause after a comma", "ping us when a carrier misses a pickup, we find out next morning right now", 50, "ping us when a carrier misses a pickup"},
		{"short whole clause over a long cut", "new scanners, half of them die mid-shift and the rest are slow to charge", 60, "new scanners"},
		{"a list is no clause", "copy, rules and banners for the landing page of the spring campaign", 30, "copy, rules and banners…"},
		{"a condition waits for its clause", "If a Looker template table is good enough, it's 6 business days", 50, "If a Looker template table is good enough…"},
		{"what comes with it belongs", "staging gets frozen Wed, with seeded test partner accounts for whoever tests", 60, "staging gets frozen Wed…"},
		{"a clause with its own subject", `one definition of "on-time", finance and we report different numbers every week`, 50, `one definition of "on-time"`},
		{"a short run that ends the text", "every AE checks the roadmap status page before a demo, starting this week", 60, "every AE checks the roadmap status page before a demo"},
		{"chinese clause", "明年各部门 headcount 计划，11/13 前给到财务，按月更新", 30, "明年各部门 headcount 计划"},
	}
	for _, tt := range tests {
		if got := brief(tt.give, tt.max); got != tt.want {
			t.Errorf("%s: brief(%q, %d) = %q, want %q", tt.name, tt.give, tt.max, got, tt.want)
		}
	}
}

func TestCutForMetadata(t *testing.T) {
	long := strings.Repeat("界", 301)
	tests := []struct{ give, want string }{
		{"  <!here> & you  ", "<!here> & you"},
		{long, long[:300*len("界")]},
	}
	for _, tt := range tests {
		if got := cut(tt.give); got != tt.want {
			t.Errorf("cut(%.40q) = %.40q, want %.40q", tt.give, got, tt.want)
		}
	}
}

func TestLinesShowHowManyAreLeftOut(t *testing.T) {
	r := newTestRenderer(t)
	tests := []struct {
		lang  string
		lines int
		width int
		want  string
	}{
		{"en", 30, 10, "+18 more"},
		{"zh", 30, 10, "还有18项"},
		{"en", 5, 1000, "+3 more"}, // only two 1000-unit lines fit in a section
		{"en", 2, 10, ""},
	}
	for _, tt := range tests {
		ls := make([]string, tt.lines)
		for i := range ls {
			ls[i] = strings.Repeat("x", tt.width)
		}
		got := r.loc(tt.lang).lines("*Title*", ls, maxSection)
		if width(got) > maxSection {
			t.Errorf("lines(%d × %d) is %d units wide", tt.lines, tt.width, width(got))
		}
		if tt.want == "" && strings.Count(got, "\n") != tt.lines {
			t.Errorf("lines(%d × %d) left some out: %q", tt.lines, tt.width, got)
		}
		if tt.want != "" && !strings.HasSuffix(got, "\n"+tt.want) {
			t.Errorf("lines(%d × %d) in %s ends %q, want %q", tt.lines, tt.width, tt.lang, got[max(0, len(got)-30):], tt.want)
		}
	}
}

// TestJoinKeepsItemsWhole: items that hold a list or clause mark of their
// own are numbered, so the separator cannot split one in the reader's eye.
func TestJoinKeepsItemsWhole(t *testing.T) {
	r := newTestRenderer(t)
	tests := []struct {
		lang  string
		items []string
		want  string
	}{
		{"zh", []string{"实时数据看板", "退货质检"}, "实时数据看板、退货质检"},
		{"zh", []string{"权益页、积分页", "退货质检，三天内"}, "① 权益页、积分页 ② 退货质检，三天内"},
		{"en", []string{"demo data", "hotspots"}, "demo data, hotspots"},
		{"en", []string{"copy, rules", "hotspots"}, "① copy, rules ② hotspots"},
		{"zh", []string{"只有一项，带逗号"}, "只有一项，带逗号"},
	}
	for _, tt := range tests {
		if got := r.loc(tt.lang).join(tt.items, 400); got != tt.want {
			t.Errorf("join(%q) in %s = %q, want %q", tt.items, tt.lang, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	r := newTestRenderer(t) // today is Thu 2026-03-05
	wed := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	nextYear := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		give time.Time
		want string
	}{
		{"en", wed, "Wed Mar 4"},
		{"zh", wed, "3月4日（周三）"},
		{"en", nextYear, "Mon Jan 4, 2027"},
		{"zh", nextYear, "2027年1月4日（周一）"},
		{"en", time.Time{}, "no date"},
		{"zh", time.Time{}, "日期待定"},
	}
	for _, tt := range tests {
		if got := r.loc(tt.lang).date(tt.give); got != tt.want {
			t.Errorf("date(%v) in %s = %q, want %q", tt.give, tt.lang, got, tt.want)
		}
	}
	halves := []struct {
		lang string
		give time.Time
		half string
		want string
	}{
		{"en", wed, "am", "Wed Mar 4 (morning)"},
		{"zh", wed, "am", "3月4日（周三）上午"},
		{"en", wed, "pm", "Wed Mar 4 (afternoon)"},
		{"zh", wed, "pm", "3月4日（周三）下午"},
		{"en", wed, "", "Wed Mar 4"},
		{"en", wed.Add(9 * time.Hour), "", "Wed Mar 4"}, // a time of day alone says nothing
		{"en", time.Time{}, "am", "no date"},
	}
	for _, tt := range halves {
		if got := r.loc(tt.lang).day(tt.give, tt.half); got != tt.want {
			t.Errorf("day(%v, %q) in %s = %q, want %q", tt.give, tt.half, tt.lang, got, tt.want)
		}
	}
}

// Lead times are quoted in the writer's words when the engine kept them,
// else in days, or weeks when the days make whole weeks, as a native
// writer counts them.
func TestLeadTimes(t *testing.T) {
	r := newTestRenderer(t)
	tests := []struct {
		lang   string
		days   int
		phrase string
		want   string
	}{
		{"zh", 14, "", "两周"},
		{"zh", 2, "", "2天"},
		{"zh", 14, "半个月", "半个月"},
		{"en", 1, "", "1 day"},
		{"en", 21, "", "3 weeks"},
		{"en", 7, "", "1 week"},
		{"en", 10, "", "10 days"},
		{"en", 7, "5 working days", "5 working days"},
	}
	for _, tt := range tests {
		cf := mediate.Conflict{LeadDays: tt.days, LeadPhrase: tt.phrase}
		if got := r.loc(tt.lang).leadTime(cf); got != tt.want {
			t.Errorf("leadTime(%d, %q) in %s = %q, want %q", tt.days, tt.phrase, tt.lang, got, tt.want)
		}
	}
}

// TestTrimDanglingZh: a short form does not end on a word that waits for
// what follows, and keeps the words that end in 的 themselves.
func TestTrimDanglingZh(t *testing.T) {
	for give, want := range map[string]string{
		"设计稿来写，至少":       "设计稿来写",
		"新员工入职的":         "新员工入职",
		"看看还需要别的":        "看看还需要别的",
		"周报里有的":          "周报里有的",
		"说明这次培训的目的":      "说明这次培训的目的",
		"提供验收标准以及":       "提供验收标准",
		"新址弱电间钥匙给 IT 一把": "新址弱电间钥匙给 IT 一把",
		"请你们把":           "请你们",
	} {
		checkText(t, "trimDanglingZh", trimDanglingZh, give, want)
	}
}
