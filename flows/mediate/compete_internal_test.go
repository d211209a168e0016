package mediate

import (
	"testing"
	"time"
)

func readTest(t *testing.T, needs, offers string) *collab {
	t.Helper()
	at := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	return read(Input{Lang: "zh", Topic: "供应商数据安全合规",
		A: Party{Name: "法务部", Goal: Answer{"合同补齐安全条款", at}, Needs: Answer{needs, at}, Values: Answer{"1. 合同台账", at}},
		B: Party{Name: "信息安全部", Goal: Answer{"泄露清零", at}, Needs: Answer{"1. 台账", at}, Values: Answer{offers, at}}})
}

// A pair held by one word loses to an offer sharing far more with the need;
// a pair held by more words keeps its place beside a better one.
func TestOutranked(t *testing.T) {
	c := readTest(t, "1. 数据处理协议里安全条款的模板", "1. 问卷模板\n2. 数据处理协议安全附件的模板")
	n, thin, rich := c.needs[0][0], c.offers[1][0], c.offers[1][1]
	ms := []pairing{{need: n, offer: thin, shared: c.strongShared(n, thin)}, {need: n, offer: rich, shared: c.strongShared(n, rich)}}
	got := c.outranked(ms, c.offers)
	if len(got) != 1 || got[0].offer != rich {
		t.Fatalf("outranked kept %d pairs, want only the one with %q", len(got), rich.Text)
	}
	c = readTest(t, "1. 数据处理协议里安全条款的模板", "1. 安全条款的问卷模板\n2. 数据处理协议安全附件的模板")
	n, two := c.needs[0][0], c.offers[1][0]
	if got := c.outranked([]pairing{{need: n, offer: two}}, c.offers); len(got) != 1 {
		t.Fatalf("a pair sharing %v was dropped", c.strongShared(n, two))
	}
}

// A need that reads the words of the item before it shows none of them:
// a pair resting on them alone has nothing to show and is no match.
func TestEvidenced(t *testing.T) {
	c := readTest(t, "1. x", "1. 展位横幅")
	at := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	prev := newEntry(SideA, "展位横幅设计稿3天内给到", at, c.cal)
	n := newEntry(SideA, "可以分两期：先给印刷文件", at, c.cal)
	n.inherit(prev)
	o := c.offers[1][0]
	if p := (pairing{need: n, offer: o, shared: c.strongShared(n, o)}); len(p.shared) == 0 || c.evidenced(p) {
		t.Fatalf("pair on inherited %v evidenced %v", p.shared, c.evidenced(p))
	}
	if p := (pairing{need: prev, offer: o, shared: c.strongShared(prev, o)}); !c.evidenced(p) {
		t.Fatalf("pair on %v shows no evidence", p.shared)
	}
}
