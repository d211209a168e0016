package render

import (
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

func TestPromptAsksItsQuestion(t *testing.T) {
	tests := []struct {
		lang string
		q    flows.Question
		redo bool
		want []string
	}{
		{"en", flows.QGoal, false, []string{"<!subteam^S1>", "Question 1 of 3", "company goal “Launch”"}},
		{"en", flows.QNeeds, false, []string{"Question 2 of 3", "need from bob", "as a list or in plain sentences", "deadline"}},
		{"en", flows.QValue, false, []string{"Question 3 of 3", "give bob", "I read 1 need: ① my old answer", "Request changes"}},
		{"en", flows.QNeeds, true, []string{"(revision)", "Earlier answer: my old answer"}},
		{"zh", flows.QGoal, false, []string{"<!subteam^S1>", "问题1/3", "公司目标“Launch”"}},
		{"zh", flows.QNeeds, false, []string{"问题2/3", "需要bob提供", "分条写或整段写", "期限"}},
		{"zh", flows.QValue, false, []string{"问题3/3", "给bob", "按我的理解，你们有1项需求：① my old answer"}},
		{"zh", flows.QValue, true, []string{"（修改）", "之前的回答：my old answer"}},
	}
	for _, tt := range tests {
		r := newTestRenderer(t)
		c := collab(tt.lang, "Launch")
		c.Sides[0].Handle, c.Sides[1].Handle = "ops", "bob"
		c.Sides[0].Answers[tt.q].Text = "my old answer"
		c.Sides[0].Answers[flows.QNeeds].Text = "my old answer"
		c.Sides[0].Asking, c.Sides[0].Redo = tt.q, tt.redo
		got := PlainText(r.Prompt(c, flows.SideA, tt.q))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Prompt(%s, %s, redo=%v) lacks %q:\n%s", tt.lang, tt.q, tt.redo, w, got)
			}
		}
		if strings.Contains(got, "<@U2>") {
			t.Errorf("Prompt(%s, %s) mentions the other side:\n%s", tt.lang, tt.q, got)
		}
	}
}

// TestPromptShowsStatedWorkApart: the value prompt reads a side's needs as
// the engine does, so a lead time the side stated about its own work is
// shown as such, not counted as a need.
func TestPromptShowsStatedWorkApart(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "I read 1 need: ① the signed contract by Friday · and 1 note on your own work, not a request: ② Onboarding takes 5 business days",
		"zh": "按我的理解，你们有1项需求：① 周五前给到签好的合同；另有1条是在说明你们自己的工作，不算需求：② 我们开通账号要5个工作日",
	} {
		c := collab(lang, "Launch")
		c.Sides[0].Answers[flows.QNeeds].Text = map[string]string{
			"en": "the signed contract by Friday\nOnboarding takes 5 business days",
			"zh": "周五前给到签好的合同\n我们开通账号要5个工作日",
		}[lang]
		got := PlainText(newTestRenderer(t).Prompt(c, flows.SideA, flows.QValue))
		if !strings.Contains(got, want) {
			t.Errorf("value prompt (%s) lacks %q:\n%s", lang, want, got)
		}
	}
}

func TestRootShowsProgressAndState(t *testing.T) {
	tests := []struct {
		name   string
		state  flows.State
		asking [2]flows.Question
		redo   bool
		want   []string
		cancel bool
	}{
		{"collecting", flows.Collecting, [2]flows.Question{flows.QNeeds, flows.QGoal}, false,
			[]string{"*ops*\ngoal ✓ · needs … · value …", "*bob*\ngoal … · needs … · value …", "Status: collecting answers"}, true},
		{"redoing needs", flows.Collecting, [2]flows.Question{flows.QNeeds, flows.QDone}, true,
			[]string{"*ops*\ngoal ✓ · needs … · value ✓", "*bob*\ngoal ✓ · needs ✓ · value ✓"}, true},
		{"proposed", flows.Proposed, [2]flows.Question{flows.QDone, flows.QDone}, false,
			[]string{"proposal v3 is on the table", "Accepted by <@UACC1> for ops"}, true},
		{"agreed", flows.Agreed, [2]flows.Question{flows.QDone, flows.QDone}, false, []string{"agreed on proposal v3"}, false},
		{"cancelled", flows.Cancelled, [2]flows.Question{flows.QDone, flows.QDone}, false, []string{"Status: cancelled"}, false},
	}
	for _, tt := range tests {
		r := newTestRenderer(t)
		c := collab("en", "Launch")
		c.Sides[0].Handle, c.Sides[1].Handle = "ops", "bob"
		c.State = tt.state
		for i, q := range tt.asking {
			c.Sides[i].Asking = q
			for _, later := range flows.Questions {
				if later >= q && !tt.redo {
					c.Sides[i].Answers[later] = flows.Answer{}
				}
			}
		}
		c.Sides[0].Redo = tt.redo
		m := r.Root(c)
		got := PlainText(m)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Root(%s) lacks %q:\n%s", tt.name, w, got)
			}
		}
		if n := strings.Count(strings.ToLower(got), "v3"); n > 1 {
			t.Errorf("Root(%s) names the version %d times:\n%s", tt.name, n, got)
		}
		b := findButton(m, ActionCancel)
		if (b != nil) != tt.cancel {
			t.Errorf("Root(%s): cancel button present = %v, want %v", tt.name, b != nil, tt.cancel)
		}
		if b != nil {
			if a, err := DecodeAction(b.Value); err != nil || a != (Action{Collab: c.ID, Thread: c.RootTS}) {
				t.Errorf("Root(%s): cancel value %q = %+v, %v", tt.name, b.Value, a, err)
			}
		}
	}
}

func TestProposalButtons(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("en", "Launch")
	m := r.Proposal(c, proposal("x", 1))
	want := Action{Collab: c.ID, Thread: c.RootTS, Version: 3}
	for _, tt := range []struct {
		id    string
		style slack.Style
		label string
	}{{ActionAccept, slack.StylePrimary, "Accept"}, {ActionRevise, "", "Request changes"}} {
		b := findButton(m, tt.id)
		if b == nil {
			t.Fatalf("Proposal has no %s button", tt.id)
		}
		a, err := DecodeAction(b.Value)
		if err != nil || a != want || b.Style != tt.style || b.Text.Text != tt.label {
			t.Errorf("%s button: %q %q style %q value %+v (%v); want %q %q %+v", tt.id, b.Text.Text, b.Value, b.Style, a, err, tt.label, tt.style, want)
		}
	}
	if m.Metadata == nil || m.Metadata.EventType != "collab_proposal" {
		t.Errorf("Proposal metadata = %+v, want event type collab_proposal", m.Metadata)
	}
}

// A proposal re-rendered after the collaboration ended has no buttons
// left, and says how it ended; a replaced one points to the new version.
func TestClosedProposalsOfferNoButtons(t *testing.T) {
	r := newTestRenderer(t)
	for _, tt := range []struct {
		state flows.State
		lang  string
		want  string
	}{
		{flows.Agreed, "en", "Both sides accepted"},
		{flows.Cancelled, "en", "cancelled"},
		{flows.Agreed, "zh", "双方已接受"},
	} {
		c := collab(tt.lang, "Launch")
		c.State = tt.state
		m := r.Proposal(c, proposal("x", 1))
		if findButton(m, ActionAccept) != nil || findButton(m, ActionRevise) != nil {
			t.Errorf("%s proposal still has buttons", tt.state)
		}
		if got := PlainText(m); !strings.Contains(got, tt.want) {
			t.Errorf("%s proposal in %s = %q, want it to say %q", tt.state, tt.lang, got, tt.want)
		}
	}
	m := r.Replaced(collab("en", "Launch"), 1, 2)
	if got := PlainText(m); !strings.Contains(got, "v1 was replaced by v2") || findButton(m, ActionAccept) != nil {
		t.Errorf("Replaced = %q", got)
	}
}

func TestChooseRedoOffersEachQuestion(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("zh", "Launch")
	m := r.Notice(c, flows.NoticeChooseRedo)
	var got []string
	for _, b := range m.Blocks {
		s, ok := b.(*slack.SectionBlock)
		if !ok || s.Accessory == nil {
			continue
		}
		btn := s.Accessory.ButtonElement
		a, err := DecodeAction(btn.Value)
		if btn.ActionID != ActionRedo || err != nil || a.Collab != c.ID || a.Version != c.Version {
			t.Errorf("redo button %q %q: %+v, %v", btn.ActionID, btn.Value, a, err)
		}
		got = append(got, a.Question)
	}
	if strings.Join(got, ",") != "goal,needs,value" {
		t.Errorf("redo buttons for %v, want goal, needs, value", got)
	}
}

// The usage's example is in the language of the usage: no English topic
// in the Chinese one.
func TestUsageShowsTheForm(t *testing.T) {
	forms := map[string]string{
		"en": "`/collab @ops @tech Launch the spring campaign page`",
		"zh": "`/collab @运营 @技术 春季活动页面上线`",
	}
	for _, lang := range Languages {
		form := forms[lang]
		for _, p := range allProblems {
			r := newTestRenderer(t)
			m := r.Usage(lang, p, "<!channel>")
			hasForm := strings.Contains(m.Text, form)
			if hasForm != (p != ProblemUnavailable) {
				t.Errorf("Usage(%s, %s) shows the form = %v: %q", lang, p, hasForm, m.Text)
			}
			quoted := strings.Contains(m.Text, "&lt;!channel&gt;")
			if quoted != (p == ProblemNotASide || p == ProblemUnknownGroup) {
				t.Errorf("Usage(%s, %s) quotes the argument = %v: %q", lang, p, quoted, m.Text)
			}
		}
	}
}

func TestPlainText(t *testing.T) {
	m := Message{Text: "fallback", Blocks: []slackBlock{
		header("h", "Title &amp; more"),
		section("s", "*bold* &lt;b&gt;"),
		divider("d"),
		context("c", "one", "two"),
		slack.NewActionBlock("a", button(ActionAccept, "Accept", Action{Collab: "x"}), button(ActionRevise, "Change", Action{Collab: "x"})),
	}}
	want := "# Title & more\n*bold* <b>\n────────\none · two\n[Accept] [Change]"
	if got := PlainText(m); got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
	if got := PlainText(Message{Text: "a &lt; b"}); got != "a < b" {
		t.Errorf("PlainText without blocks = %q, want the text", got)
	}
}

type slackBlock = slack.Block

// findButton returns the button with actionID in m, or nil.
func findButton(m Message, actionID string) *slack.ButtonBlockElement {
	for _, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.ActionBlock:
			for _, e := range b.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
					return btn
				}
			}
		case *slack.SectionBlock:
			if b.Accessory != nil && b.Accessory.ButtonElement != nil && b.Accessory.ButtonElement.ActionID == actionID {
				return b.Accessory.ButtonElement
			}
		}
	}
	return nil
}

// TestGoalsAndUnmatchedOffers: the goals say what each side wants and how
// it serves the company goal when the answer said so, and count no words; offers that meet no
// need are still credited, those serving the other side's goal as such.
func TestGoalsAndUnmatchedOffers(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("en", "Launch")
	c.Sides[0].Handle, c.Sides[1].Handle = "ops", "bob"
	p := proposal("x", 0)
	p.NameA, p.NameB = "ops", "bob"
	p.Goals = mediate.Goals{Company: "Launch", A: "grow presale to lift GMV", B: "zero downtime", AServes: "to lift GMV"}
	p.Balance = mediate.Balance{
		BGivesA: []mediate.Item{{Side: mediate.SideB, Text: "servers"}}, AlsoA: []mediate.Item{{Side: mediate.SideA, Text: "a party"}},
		ForGoalB: []mediate.Item{{Side: mediate.SideB, Text: "faster pages"}}, Lopsided: mediate.SideB,
	}
	got := PlainText(r.Proposal(c, p))
	for _, w := range []string{
		"🎯 *Shared goal:* Launch (ops: grow presale to lift GMV; bob: zero downtime)",
		"ops also offers: a party",
		"bob also offers: faster pages (serves ops’s goal)",
		"bob covers several of ops’s needs, and none of its own is covered yet. ops, is there one of them you could take on?",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("proposal lacks %q:\n%s", w, got)
		}
	}
	for _, w := range []string{"no words in common", "Shared by both", "shared:", "Value flows both ways"} {
		if strings.Contains(got, w) {
			t.Errorf("proposal counts words (%q):\n%s", w, got)
		}
	}
}

// A lead time in working days is quoted as written, not as the calendar
// days it spans.
func TestLeadTimeInWorkingDays(t *testing.T) {
	r := newTestRenderer(t)
	p := proposal("x", 1)
	p.Conflicts = []mediate.Conflict{{
		Need: mediate.Item{Side: mediate.SideA, Text: "dashboard by Friday"}, Deadline: time.Date(2026, 7, 17, 0, 0, 0, 0, time.UTC),
		Lead: mediate.Item{Side: mediate.SideB, Text: "5 working days notice"}, LeadDays: 7, LeadPhrase: "5 working days", WorkingDays: true,
		MiddleGround: time.Date(2026, 7, 21, 0, 0, 0, 0, time.UTC),
	}}
	got := PlainText(r.Proposal(collab("en", "Launch"), p))
	if !strings.Contains(got, "needs 5 working days") || strings.Contains(got, "7 days") {
		t.Errorf("conflict line:\n%s", got)
	}
}

// A goal is said by what the side wants, its own target first, then how
// that serves the company goal, once even where the two overlap; cut to
// fit, how it serves the company goal stays.
func TestGoalClause(t *testing.T) {
	r := newTestRenderer(t)
	for _, tt := range []struct{ lang, goal, serves, want string }{
		{"zh", "4月25日前完成600人搬迁，搬迁期间零安全事故，省下的租金支撑公司降本目标", "省下的租金支撑公司降本目标", "4月25日前完成600人搬迁，省下的租金支撑公司降本目标"},
		{"zh", "控住费用、保证现金流安全，集采在预算内完成", "保证现金流安全，集采在预算内完成", "控住费用、保证现金流安全，集采在预算内完成"},
		{"en", "Close FY2026 with a clean audit, so the board gets final numbers on time", "so the board gets final numbers on time", "Close FY2026 with a clean audit, so the board gets final numbers on time"},
		{"en", "grow presale to lift GMV", "to lift GMV", "grow presale to lift GMV"},
		{"en", "zero downtime", "", "zero downtime"},
		{"zh", "10/15 左右 GSP 飞检，cold chain 相关 zero major finding", "", "cold chain 相关 zero major finding"}, // the date of an event only sets the scene
		{"en", strings.Repeat("word ", 30) + "and more, so that " + strings.Repeat("reason ", 15), "so that " + strings.Repeat("reason ", 15), ", so that reason"},
	} {
		got := r.loc(tt.lang).goalClause(tt.goal, tt.serves)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s goalClause(%q, %q) = %q, want it to hold %q", tt.lang, tt.goal, tt.serves, got, tt.want)
		}
	}
}

// A need no offer was matched to is "not matched yet" while the other
// side offers something shown nowhere else, and that offer is put to the
// needing side as a question; with nothing else offered, nobody covers it.
func TestOpenNeedBesideUnusedOffers(t *testing.T) {
	r := newTestRenderer(t)
	a := mediate.Item{Side: mediate.SideA, Text: "a point person for the launch"}
	unused := mediate.Item{Side: mediate.SideB, Text: "Priya owns the launch on our side"}
	p := mediate.Proposal{
		CollabID: "c0ffee", Version: 1, Topic: "Launch", NameA: "ops", NameB: "bob",
		Read: [2]mediate.Reading{{Needs: []mediate.Item{a}}, {Offers: []mediate.Item{unused}}},
		Open: []mediate.Item{a}, Balance: mediate.Balance{AlsoB: []mediate.Item{unused}},
	}
	c := collab("en", "Launch")
	got := PlainText(r.Proposal(c, p))
	for _, w := range []string{"Not matched to an offer yet: a point person", "bob also offers: Priya owns the launch on our side — ops, does one meet a need not matched yet?"} {
		if !strings.Contains(got, w) {
			t.Errorf("proposal lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "Nobody covers") {
		t.Errorf("a need is said uncovered beside an offer shown nowhere else:\n%s", got)
	}
	p.Balance.AlsoB = nil
	if got := PlainText(r.Proposal(c, p)); !strings.Contains(got, "Nobody covers yet: a point person") {
		t.Errorf("with nothing else offered, want the need said uncovered:\n%s", got)
	}
}
