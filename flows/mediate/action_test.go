package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestReturnIsNoDelivery: sending goods back and delivering them are two
// jobs on the same goods; the same job in other words still meets.
func TestReturnIsNoDelivery(t *testing.T) {
	at := time.Date(2026, 4, 20, 10, 0, 0, 0, time.UTC)
	for need, want := range map[string]bool{
		"节后堆头剩下的货要退回物流中心，不能压在店里": false,
		"堆头的货节前要送到店":             true,
	} {
		p := mediate.Build(input(at, need, "", "", "堆头的货报量后 2 个工作日就能配送到店"))
		if got := len(p.Matches) > 0; got != want {
			t.Errorf("need %q matched = %v, want %v: %+v", need, got, want, p.Matches)
		}
	}
}

// TestSideNameIsNoEvidence: both naming a side's team is not asking and
// offering one thing; a word the side's name holds is still content.
func TestSideNameIsNoEvidence(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	in := input(at, "", "above that ping the Live Ops on-call", "We need a single place where Live Ops announces changes", "")
	in.A.Name = "Live Ops"
	if p := mediate.Build(in); len(p.Matches)+len(p.Candidates) > 0 {
		t.Errorf("matched or asked on the side's name alone: %+v %+v", p.Matches, p.Candidates)
	}
	in = input(at, "节日期间门店人手紧，希望物流中心能派几个人来店里帮忙理货", "", "", "物流中心节日期间三班倒，仓内分拣不停")
	in.B.Name = "物流中心"
	if p := mediate.Build(in); len(p.Matches)+len(p.Candidates) > 0 {
		t.Errorf("matched or asked on the side's name alone: %+v %+v", p.Matches, p.Candidates)
	}
	in = input(at, "We need engineers at the customer call", "", "", "two engineers at the customer call")
	in.A.Name, in.B.Name = "Sales", "Engineering"
	if p := mediate.Build(in); len(p.Matches) != 1 {
		t.Errorf("engineers from Engineering not matched: %+v", p.Matches)
	}
}

// TestQuotedWordsAnswered: an offer that quotes the very words a need
// asks about answers it, even while saying no to them.
func TestQuotedWordsAnswered(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "短信里想写“0 利率”，到底能不能写，需要一个明确说法", "", "", "分期手续费不能说成“0 利率”，可以写“免分期手续费”，同一屏标明折算年化费率\n消保投诉的月度分析报告可以共享"))
	if len(p.Matches) != 1 || p.Matches[0].Offer.Text[:6] != "分期" {
		t.Errorf("matches %+v, want the answer on “0 利率”", p.Matches)
	}
	if len(p.Open) != 0 {
		t.Errorf("open %+v, want none: the need is answered", p.Open)
	}
}

// TestQuotedWordsHeld: a shorter quotation held in the other's counts as
// the same words.
func TestQuotedWordsHeld(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "活动规则里那句“最终解释权归本行所有”还能不能留？", "", "", "“最终解释权”是监管点过名的格式条款，我们给一版替换表述"))
	if len(p.Matches) != 1 {
		t.Errorf("matches %+v, want the answer on “最终解释权”", p.Matches)
	}
}
