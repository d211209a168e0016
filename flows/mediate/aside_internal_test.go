package mediate

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// TestDateAsideIsNoHead: a bracket that opens with a date says more about
// when ("（2/14调休上班）"), so its words are never the head; a bracket of
// other words ("（按渠道）") may be.
func TestDateAsideIsNoHead(t *testing.T) {
	tests := []struct {
		text string
		head string
		want bool
	}{
		{"节前最后一天（2/14调休上班）下班后开始打包", "#leave", false},
		{"调休上班那天下班后开始打包", "#leave", true},
		// a bracket naming the version a thing comes in is no head either
		{"安全培训手册（英文版）下周发", "#english", false},
		{"安全培训手册（英文版）下周发", "#guide", true},
	}
	for _, tt := range tests {
		e := &entry{Item: Item{Text: tt.text}}
		e.terms = termsOf(tt.text)
		if got := slices.Contains(headFrom(e, 0, len(tt.text)), tt.head); got != tt.want {
			t.Errorf("%q: head %v holds %s = %v, want %v", tt.text, headFrom(e, 0, len(tt.text)), tt.head, got, tt.want)
		}
	}
	if !dateAside("每日花费（3/1") || dateAside("每日花费（按渠道") || dateAside("每日花费（3/1）") {
		t.Error("dateAside reads brackets wrongly")
	}
}

// TestForcedIsNoAsk: what a condition forces ("再改就得重新排印刷") is no
// request, so the clause before it is where the item asks.
func TestForcedIsNoAsk(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"需求文档一次定死，上线后再改就得重新排期", 0},
		{"一旦延期就要重新报批", -1},
		{"需求文档已经有了，评审要尽快", len("需求文档已经有了，")},
		// 省得, like 免得, gives the reason
		{"报表每周一发，省得每次都得来要", 0},
		// what the side will do with it is the purpose
		{"培训材料提前三天发给我们，我们要准备场地", 0},
	}
	for _, tt := range tests {
		if tt.want < 0 {
			if !forcedBy(tt.text) {
				t.Errorf("forcedBy(%q) = false, want true", tt.text)
			}
			continue
		}
		if got := askingClause(tt.text); got != tt.want {
			t.Errorf("askingClause(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestQuestionAsks: a clause that puts a question of how much or who
// ("最多能报多少", "运费谁出") asks for its answer, so the item asks there
// rather than in a later clause that only says how soon.
func TestQuestionAsks(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"每家门店最多能领多少张券，明天能给最好，店长都在催", 0},
		{"寄回样品的运费谁出，这周定下来最好", 0},
		{"冷库还能放几天的货，心里要有数", 0},
		// a question others put is the reason, not the ask
		{"经销商老来问返点怎么算，手上没有一份成文的返点政策", len("经销商老来问返点怎么算，")},
		// what a side says it lacks is what it asks
		{"展会快到了，我们没有能直接发给观众的产品手册", len("展会快到了，")},
		// 问题 is a problem, no question reported
		{"这批退货的问题到底多少件，周五前给个数", 0},
		// a few days past is no question
		{"前几天仓库盘点过，盘点表要一份", len("前几天仓库盘点过，")},
	}
	for _, tt := range tests {
		if got := askingClause(tt.text); got != tt.want {
			t.Errorf("askingClause(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestHeadOfWhatIsSent: a bracket that says what a thing holds is no
// head, nor is who a thing is sent to when a modifier names them.
func TestHeadOfWhatIsSent(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"渠道价目表（含返点比例）下周一发", []string{"#pricing_sheet"}},
		{"要一份能直接发给大客户的价格表", []string{"#pricing_sheet"}},
		{"报销材料（发票、行程单）月底前交", []string{"#reimburse"}},
	}
	for _, tt := range tests {
		if got := newEntry(SideA, tt.text, time.Time{}, timeread.Calendar{}).head; !slices.Equal(got, tt.want) {
			t.Errorf("head of %q = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestBesideIsNoQualifier: a thing handed over beside another ("PRD +
// 埋点 list") is not qualified by it, so a need that qualifies the same
// head otherwise ("最终版埋点方案") is not told apart from it; a word
// further off still qualifies.
func TestBesideIsNoQualifier(t *testing.T) {
	read := func(text string) *entry { return newEntry(SideA, text, time.Time{}, timeread.Calendar{}) }
	need := read("上线前要拿到最终版埋点方案")
	if qualifiedApartBy(need, read("PRD + 埋点 list 周五给到"), "#tracking") {
		t.Error("the PRD handed over beside the tracking list tells it apart")
	}
	if !qualifiedApartBy(read("首单用户的流失分析报告"), read("渠道归因报告周五给到"), "#report") {
		t.Error("two reports qualified apart are not told apart")
	}
}

// TestPeopleQualified: a concept that qualifies 人 ("试用期没过的人") says
// which people; the people are the head. 人数 and 人力 are words of their own.
func TestPeopleQualified(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"这个月转正的人要单独标出来", []string{"#staff"}},
		{"离职的人数每月报一次", nil},
	}
	for _, tt := range tests {
		got := newEntry(SideA, tt.text, time.Time{}, timeread.Calendar{}).head
		if tt.want == nil && slices.Equal(got, []string{"#staff"}) || tt.want != nil && !slices.Equal(got, tt.want) {
			t.Errorf("head of %q = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestCapIsAMeasure: a limit right after what it limits ("押金最多先付一半",
// "差旅费上限") measures that thing, which stays the head.
func TestCapIsAMeasure(t *testing.T) {
	for text, want := range map[string]string{"场馆押金最多先付一半": "#deposit", "差旅费上限周五前发": "#travel"} {
		if got := newEntry(SideB, text, time.Time{}, timeread.Calendar{}).head; !slices.Equal(got, []string{want}) {
			t.Errorf("head of %q = %v, want [%s]", text, got, want)
		}
	}
}

// TestPivotAgent: who stands between an ask and a verb of giving is asked
// to act; a thing that only comes out ("报告出来") is not.
func TestPivotAgent(t *testing.T) {
	for text, word := range map[string]string{"需要 QA 给一个账号": "QA", "希望财务出一版口径": "财务", "希望报告出来后再定": "报告"} {
		e := newEntry(SideA, text, time.Time{}, timeread.Calendar{})
		i := strings.Index(text, word)
		at := slices.IndexFunc(e.terms, func(u term) bool { return u.start <= i && i < u.end })
		if at < 0 {
			t.Fatalf("no term at %q in %q", word, text)
		}
		if got, want := pivotAgent(text, e.terms[at]), word != "报告"; got != want {
			t.Errorf("pivotAgent(%q, %q) = %v, want %v", text, word, got, want)
		}
	}
}
