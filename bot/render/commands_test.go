package render

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// listedCollabs returns n collabs built from h in turn collecting (U1's
// side asked its needs), proposed and agreed, each with the same link.
func listedCollabs(lang string, h hostile, n int) []Listed {
	p := proposal(h.text, h.items)
	states := []flows.State{flows.Collecting, flows.Proposed, flows.Agreed}
	out := make([]Listed, n)
	for i := range out {
		c := collab(lang, h.text)
		c.State, c.Proposal = states[i%3], &p
		for j, cm := range p.Commitments {
			c.Commitments = append(c.Commitments, flows.Commitment{Owner: flows.Side(cm.Owner), What: cm.What, Due: cm.Due, DoneBy: []string{"", "U1"}[j%2]})
		}
		if c.State == flows.Collecting {
			c.Sides[0].Asking = flows.QNeeds
		}
		out[i] = Listed{C: c, Link: "https://collabtest.slack.com/archives/C1/p1772600000000001"}
	}
	return out
}

// Every command answer and the Home tab stay valid Block Kit from hostile
// input; the only markup is the bot's own: links to threads, acceptors.
func TestCommandAnswersStayValid(t *testing.T) {
	for _, lang := range Languages {
		for _, h := range hostileInputs {
			t.Run(lang+"/"+h.name, func(t *testing.T) {
				r := newTestRenderer(t)
				many := listedCollabs(lang, h, 60)
				allowed := []string{r.loc(lang).link(many[0]), "<@UACC1>"}
				home := r.Home(lang, "U1", many, time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC))
				raw, err := json.Marshal(home)
				if err != nil {
					t.Fatal(err)
				}
				if err := slacktest.ValidateView(raw, "home"); err != nil {
					t.Errorf("home: %v", err)
				}
				for _, rd := range []rendered{
					{name: "help", m: r.Help(lang, "")},
					{name: "help/unknown", m: r.Help(lang, h.text)},
					{name: "note", m: r.Note(lang, "status.not_found", h.text)},
					{name: "list", m: r.List(lang, "U1", many, many), allowed: allowed},
					{name: "list/empty", m: r.List(lang, "U1", nil, nil)},
					{name: "status", m: r.Status(lang, "U1", many[0]), allowed: allowed},
					{name: "cancel", m: r.CancelConfirm(lang, many[0]), allowed: allowed},
					{name: "home", m: Message{Text: "home", Blocks: home.Blocks.BlockSet}, allowed: allowed},
				} {
					checkMessage(t, rd)
				}
			})
		}
	}
}

// What waits on a person says which question, or that their side has to
// accept; the Home tab marks a commitment past its day overdue.
func TestWaitingAndOverdue(t *testing.T) {
	r := newTestRenderer(t)
	h := hostileInputs[0]
	many := listedCollabs("en", h, 3)
	list := PlainText(r.List("en", "U1", nil, many))
	other := PlainText(r.List("en", "U2", nil, many))
	// Side A (U1) has accepted the proposal already; side B (U2) has not.
	if !strings.Contains(list, "question 2 of 3 (needs) for your side") || strings.Contains(list, "proposal v3") {
		t.Errorf("waiting on U1:\n%s", list)
	}
	if strings.Contains(other, "question 2") || !strings.Contains(other, "proposal v3 waits for your side") {
		t.Errorf("waiting on U2:\n%s", other)
	}
	before := r.Home("en", "U1", many, time.Date(2026, 3, 3, 20, 0, 0, 0, time.UTC))
	after := r.Home("en", "U1", many, time.Date(2026, 3, 4, 0, 1, 0, 0, time.UTC))
	text := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	// Commitments: U1's side A owns the first (due 2026-03-03, open);
	// side B (U2) owns the second, done.
	if strings.Contains(text(before), "overdue") || !strings.Contains(text(after), "overdue") {
		t.Errorf("overdue before its day or not after it:\n%s\n%s", text(before), text(after))
	}
	if strings.Contains(text(after), "done") {
		t.Errorf("side B's done commitment shown to U1, or a wrong one marked done:\n%s", text(after))
	}
	if b := text(r.Home("en", "U2", many, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC))); !strings.Contains(b, "✅ done") || strings.Contains(b, "overdue") {
		t.Errorf("side B's done commitment:\n%s", b)
	}
}

// BenchmarkHome renders a Home tab of 50 collabs, the most a listing reads.
func BenchmarkHome(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	many := listedCollabs("en", hostileInputs[0], 50)
	now := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		r.Home("en", "U1", many, now)
	}
}
