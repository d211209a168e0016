package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// candidateProposal has side A's second need and side B's third offer as
// a pair the engine is unsure of, and nothing else agreed when bare.
func candidateProposal(bare bool) mediate.Proposal {
	a := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: s} }
	b := func(s string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: s} }
	p := mediate.Proposal{
		CollabID: "c0ffee", Version: 3, Topic: "Launch", NameA: "ops", NameB: "bob",
		Read: [2]mediate.Reading{
			{Needs: []mediate.Item{a("servers"), a("a point person")}, Offers: []mediate.Item{a("the plan")}},
			{Needs: []mediate.Item{b("the plan")}, Offers: []mediate.Item{b("racks"), b("more racks"), b("an owner on our team")}},
		},
		Candidates: []mediate.Match{{Need: a("a point person"), Offer: b("an owner on our team")}},
	}
	if !bare {
		p.Matches = []mediate.Match{{Need: b("the plan"), Offer: a("the plan")}}
		p.Commitments = []mediate.Commitment{{Owner: mediate.SideA, What: "the plan"}}
	}
	return p
}

// The needing side is asked, by mention, with Yes and No buttons whose
// value names the pair by its places in how the answers were read.
func TestCandidateQuestion(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("en", "Launch")
	m := r.Proposal(c, candidateProposal(false))
	got := PlainText(m)
	if want := "❓ <!subteam^S1>, does bob’s “an owner on our team” cover your need “a point person”?"; !strings.Contains(got, want) {
		t.Errorf("proposal lacks %q:\n%s", want, got)
	}
	want := Action{Collab: c.ID, Thread: c.RootTS, Version: 3, Side: "a", Need: 1, Offer: 2}
	for _, id := range []string{ActionCandidateYes, ActionCandidateNo} {
		btn := findButton(m, id)
		if btn == nil {
			t.Fatalf("no %s button:\n%s", id, got)
		}
		a, err := DecodeAction(btn.Value)
		if err != nil || a != want {
			t.Errorf("%s value %q = %+v, %v; want %+v", id, btn.Value, a, err, want)
		}
		need, offer := a.Pair()
		if need != (flows.ItemRef{Side: flows.SideA, Index: 1}) || offer != (flows.ItemRef{Side: flows.SideB, Index: 2}) {
			t.Errorf("%s pair = %+v ← %+v", id, need, offer)
		}
	}
	p := candidateProposal(false)
	p.Open = append(p.Open, p.Candidates[0].Need) // even if the engine slipped
	if got := PlainText(r.Proposal(c, p)); strings.Contains(got, "Nobody covers") {
		t.Errorf("a need with a candidate is called uncovered:\n%s", got)
	}
	if m.Metadata.EventPayload["candidates"] == nil {
		t.Errorf("no candidates in the metadata")
	}
	c.State = flows.Agreed
	if m := r.Proposal(c, candidateProposal(false)); findButton(m, ActionCandidateYes) != nil {
		t.Errorf("a closed proposal still asks for a click")
	}
}

// A candidate whose need or offer is not among the items read cannot be
// named on a button: it is asked without one rather than misnamed.
func TestCandidateNotReadHasNoButton(t *testing.T) {
	r := newTestRenderer(t)
	p := candidateProposal(false)
	p.Candidates[0].Offer.Text = "something else"
	if m := r.Proposal(collab("en", "Launch"), p); findButton(m, ActionCandidateYes) != nil {
		t.Errorf("a pair not read got a button")
	}
}

// Nothing met and nothing committed: no Accept that would pin an empty
// agreement, only Request changes, and the proposal says why.
func TestNothingAgreedOffersOnlyRevision(t *testing.T) {
	r := newTestRenderer(t)
	for _, tt := range []struct {
		lang string
		ask  bool
		want string
	}{
		{"en", true, "Nothing can be agreed yet"},
		{"en", false, "there is nothing to accept"},
		{"zh", true, "请先回答上面的问题"},
		{"zh", false, "目前还没有可以接受的内容"},
	} {
		p := candidateProposal(true)
		if !tt.ask {
			p.Candidates = nil
		}
		m := r.Proposal(collab(tt.lang, "Launch"), p)
		if findButton(m, ActionAccept) != nil || findButton(m, ActionRevise) == nil {
			t.Errorf("%s: nothing agreed, yet buttons are %v", tt.lang, PlainText(m))
		}
		if got := PlainText(m); !strings.Contains(got, tt.want) {
			t.Errorf("%s proposal lacks %q:\n%s", tt.lang, tt.want, got)
		}
	}
}

// An agreement without commitments is never dressed as a plan.
func TestAgreementWithoutCommitments(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("zh", "上线")
	c.State, c.Accepted = flows.Agreed, [2]string{"UACC1", "UACC2"}
	p := candidateProposal(false)
	p.Commitments = nil
	got := PlainText(r.Agreement(c, p))
	for _, w := range []string{"# 已记录，但没有承诺事项：Launch", "这份记录里没有任何承诺"} {
		if !strings.Contains(got, w) {
			t.Errorf("agreement lacks %q:\n%s", w, got)
		}
	}
}

// Commitments read as a person would write them: dated, recurring from a
// first day, or with the date to agree.
func TestCommitmentWording(t *testing.T) {
	r := newTestRenderer(t)
	apr13 := time.Date(2026, 4, 13, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		give mediate.Commitment
		want string
	}{
		{"en", mediate.Commitment{What: "Stock report", Recurring: "every Monday", From: apr13}, "Stock report, every Monday from Apr 13"},
		{"zh", mediate.Commitment{What: "同步库存", Recurring: "每周一", From: apr13}, "4月13日起每周一同步库存"},
		{"zh", mediate.Commitment{What: "每周一同步库存", Recurring: "每周一", From: apr13}, "4月13日起每周一同步库存"},
		{"zh", mediate.Commitment{What: "发数据", Recurring: "每月初"}, "每月初发数据"},
		{"en", mediate.Commitment{What: "Plan", Due: apr13}, "Plan, by Mon Apr 13"},
		{"zh", mediate.Commitment{What: "批复", Due: time.Date(2026, 4, 22, 0, 0, 0, 0, time.UTC)}, "4月22日（周三）前，批复"},
		{"zh", mediate.Commitment{What: "上线", Due: apr13, HalfDay: "am"}, "4月13日（周一）上午前，上线"},
		{"en", mediate.Commitment{What: "Servers"}, "Servers (date to agree)"},
		{"zh", mediate.Commitment{What: "服务器"}, "服务器（时间待定）"},
	}
	for _, tt := range tests {
		if got := r.loc(tt.lang).commitment(tt.give, detailItem); got != tt.want {
			t.Errorf("commitment(%+v) in %s = %q, want %q", tt.give, tt.lang, got, tt.want)
		}
	}
}

// cjkSpace is a space between two Chinese characters, or between one and
// a digit or Latin letter: a translated template's trace ("运营部 的目标",
// "需要 2 天").
var cjkSpace = regexp.MustCompile(`\p{Han} [\p{Han}0-9A-Za-z]|[0-9A-Za-z] \p{Han}`)

// Chinese text puts no space between CJK and names or numbers, and dates
// read as 4月22日（周三）.
func TestChineseHasNoSpacesAroundNames(t *testing.T) {
	r := newTestRenderer(t)
	c, p := opsTech()
	c.State = flows.Proposed
	for _, m := range []Message{r.Proposal(c, p), r.Agreement(c, p), r.Root(c), r.Prompt(c, flows.SideA, flows.QNeeds)} {
		for _, line := range strings.Split(PlainText(m), "\n") {
			if cjkSpace.MatchString(line) || strings.Contains(line, "2026-") {
				t.Errorf("line %q reads as a template", line)
			}
		}
	}
}
