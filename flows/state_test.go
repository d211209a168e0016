package flows_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// fixture returns a collaboration between group S1 (U1, U2) and user U3,
// moved to state st the way people would get it there.
func fixture(t testing.TB, st flows.State) flows.Collab {
	t.Helper()
	c, _ := flows.Start(flows.Collab{
		ID: "c1", CreatedBy: "U9",
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S1", Handle: "ops", Members: []string{"U1", "U2"}},
			{Kind: flows.KindUser, ID: "U3", Handle: "tech"},
		},
	})
	switch st {
	case flows.Collecting:
		return c
	case flows.Expired:
		c.CreatedAt = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
		c = must(t, c, flows.Tick{At: c.CreatedAt.Add(15 * 24 * time.Hour), Policy: flows.Policy{ExpireAfter: 14 * 24 * time.Hour}})
		if c.State != st {
			t.Fatalf("fixture reached %s, want %s", c.State, st)
		}
		return c
	}
	// Answers with something to agree on: each side offers what the
	// other needs.
	a := [3]string{"grow sign-ups", "a list of device models", "the weekly sign-up figures"}
	b := [3]string{"a stable page", "the weekly sign-up figures", "a list of device models"}
	for i := range 3 {
		c = must(t, c, flows.Reply{User: "U1", Text: a[i], TS: fmt.Sprintf("1.%d1", i)})
		c = must(t, c, flows.Reply{User: "U3", Text: b[i], TS: fmt.Sprintf("1.%d2", i)})
	}
	switch st {
	case flows.Agreed:
		c = must(t, c, flows.Accept{User: "U1", Version: 1})
		c = must(t, c, flows.Accept{User: "U3", Version: 1})
	case flows.Cancelled:
		c = must(t, c, flows.Cancel{User: "U9"})
	}
	if c.State != st {
		t.Fatalf("fixture reached %s, want %s", c.State, st)
	}
	return c
}

func must(t testing.TB, c flows.Collab, ev flows.Event) flows.Collab {
	t.Helper()
	c, _, err := flows.Next(c, ev)
	if err != nil {
		t.Fatalf("Next(%#v): %v", ev, err)
	}
	return c
}

func notice(user string, n flows.Notice) flows.Effect {
	return flows.Effect{Kind: flows.Notify, User: user, Notice: n}
}

var updateRoot = flows.Effect{Kind: flows.UpdateRoot}

// TestNextEveryStateAndEvent is the transition table: every state × every
// event, by a member of side A (U1).
func TestNextEveryStateAndEvent(t *testing.T) {
	tests := []struct {
		state   flows.State
		event   flows.Event
		want    flows.State
		effects []flows.Effect
	}{
		{flows.Collecting, flows.Reply{User: "U1", Text: "grow", TS: "2.0"}, flows.Collecting,
			[]flows.Effect{{Kind: flows.Prompt, Side: flows.SideA, Question: flows.QNeeds}, updateRoot}},
		{flows.Collecting, flows.Accept{User: "U1", Version: 0}, flows.Collecting, []flows.Effect{notice("U1", flows.NoticeRevising)}},
		{flows.Collecting, flows.Revise{User: "U1", Version: 0}, flows.Collecting, []flows.Effect{notice("U1", flows.NoticeRevising)}},
		{flows.Collecting, flows.Redo{User: "U1", Version: 0, Question: flows.QGoal}, flows.Collecting, []flows.Effect{notice("U1", flows.NoticeStale)}},
		{flows.Collecting, flows.Cancel{User: "U1"}, flows.Cancelled, []flows.Effect{updateRoot}},
		{flows.Collecting, flows.RootRefused{}, flows.Cancelled, nil},
		{flows.Collecting, flows.Reply{User: "U1", Text: strings.Repeat("é", flows.MaxAnswer+1), TS: "2.0"}, flows.Collecting,
			[]flows.Effect{notice("U1", flows.NoticeTooLong)}},

		{flows.Proposed, flows.Reply{User: "U1", Text: "more", TS: "2.0"}, flows.Proposed, []flows.Effect{notice("U1", flows.NoticeNotAsked)}},
		{flows.Proposed, flows.Accept{User: "U1", Version: 1}, flows.Proposed, []flows.Effect{notice("U1", flows.NoticeAccepted), updateRoot}},
		{flows.Proposed, flows.Revise{User: "U1", Version: 1}, flows.Proposed, []flows.Effect{notice("U1", flows.NoticeChooseRedo)}},
		{flows.Proposed, flows.Redo{User: "U1", Version: 1, Question: flows.QNeeds}, flows.Collecting,
			[]flows.Effect{{Kind: flows.Prompt, Side: flows.SideA, Question: flows.QNeeds}, updateRoot}},
		{flows.Proposed, flows.Cancel{User: "U1"}, flows.Cancelled, []flows.Effect{updateRoot}},
		{flows.Proposed, flows.RootRefused{}, flows.Cancelled, nil},

		{flows.Agreed, flows.Reply{User: "U1", Text: "thanks", TS: "2.0"}, flows.Agreed, nil},
		{flows.Agreed, flows.Accept{User: "U1", Version: 1}, flows.Agreed, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Agreed, flows.Revise{User: "U1", Version: 1}, flows.Agreed, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Agreed, flows.Redo{User: "U1", Version: 1, Question: flows.QGoal}, flows.Agreed, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Agreed, flows.Cancel{User: "U1"}, flows.Agreed, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Agreed, flows.RootRefused{}, flows.Agreed, nil},

		{flows.Cancelled, flows.Reply{User: "U1", Text: "hello", TS: "2.0"}, flows.Cancelled, nil},
		{flows.Cancelled, flows.Accept{User: "U1", Version: 1}, flows.Cancelled, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Cancelled, flows.Revise{User: "U1", Version: 1}, flows.Cancelled, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Cancelled, flows.Redo{User: "U1", Version: 1, Question: flows.QGoal}, flows.Cancelled, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Cancelled, flows.Cancel{User: "U1"}, flows.Cancelled, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Cancelled, flows.RootRefused{}, flows.Cancelled, nil},

		{flows.Expired, flows.Reply{User: "U1", Text: "hello", TS: "2.0"}, flows.Expired, nil},
		{flows.Expired, flows.Accept{User: "U1", Version: 1}, flows.Expired, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Expired, flows.Revise{User: "U1", Version: 1}, flows.Expired, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Expired, flows.Redo{User: "U1", Version: 1, Question: flows.QGoal}, flows.Expired, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Expired, flows.Cancel{User: "U1"}, flows.Expired, []flows.Effect{notice("U1", flows.NoticeClosed)}},
		{flows.Expired, flows.RootRefused{}, flows.Expired, nil},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		c := fixture(t, tt.state)
		got, effects, err := flows.Next(c, tt.event)
		if err != nil {
			t.Fatalf("%s + %#v: %v", tt.state, tt.event, err)
		}
		if got.State != tt.want || !reflect.DeepEqual(effects, tt.effects) {
			t.Errorf("%s + %#v = %s %+v, want %s %+v", tt.state, tt.event, got.State, effects, tt.want, tt.effects)
		}
		seen[string(tt.state)+reflect.TypeOf(tt.event).Name()] = true
	}
	for _, st := range flows.States {
		for _, ev := range []string{"Reply", "Accept", "Revise", "Redo", "Cancel", "RootRefused"} {
			if !seen[string(st)+ev] {
				t.Errorf("table lacks %s × %s", st, ev)
			}
		}
	}
}

// TestNothingToAcceptRefused: a proposal with no match and no commitment
// shows no Accept button; a forged Accept is refused, not pinned.
func TestNothingToAcceptRefused(t *testing.T) {
	c := fixture(t, flows.Collecting)
	for i := range 3 {
		c = must(t, c, flows.Reply{User: "U1", Text: "nothing alike", TS: fmt.Sprintf("1.%d1", i)})
		c = must(t, c, flows.Reply{User: "U3", Text: "quite unrelated", TS: fmt.Sprintf("1.%d2", i)})
	}
	got, effects, err := flows.Next(c, flows.Accept{User: "U1", Version: 1})
	if err != nil || got.State != flows.Proposed || len(effects) != 1 || effects[0].Notice != flows.NoticeNothingToAccept {
		t.Errorf("Accept of an empty proposal = %s %+v, %v; want refused with %s", got.State, effects, err, flows.NoticeNothingToAccept)
	}
}

// TestClickCountsOnlyOnItsMessage: a proposal button counts only when
// clicked on the proposal message recorded for the current version.
func TestClickCountsOnlyOnItsMessage(t *testing.T) {
	c := fixture(t, flows.Proposed)
	c.ProposalTS = "5.5"
	tests := []struct {
		on   string
		want flows.Notice
	}{{"5.5", flows.NoticeAccepted}, {"4.4", flows.NoticeStale}, {"", flows.NoticeAccepted}}
	for _, tt := range tests {
		_, effects, err := flows.Next(c, flows.Accept{User: "U1", Version: 1, On: tt.on})
		if err != nil || len(effects) == 0 || effects[0].Notice != tt.want {
			t.Errorf("Accept on %q = %+v, %v; want notice %s", tt.on, effects, err, tt.want)
		}
	}
}

// TestAnswersInTheOrderWritten: a reply that reaches the bot after a
// later one still answers the earlier question.
func TestAnswersInTheOrderWritten(t *testing.T) {
	c := fixture(t, flows.Collecting)
	c = must(t, c, flows.Reply{User: "U1", Text: "needs", TS: "3.0"})
	c = must(t, c, flows.Reply{User: "U2", Text: "goal", TS: "2.0"})
	c = must(t, c, flows.Reply{User: "U1", Text: "value", TS: "4.0"})
	var got []string
	for _, a := range c.Side(flows.SideA).Answers {
		got = append(got, a.Text+"/"+a.User)
	}
	if want := []string{"goal/U2", "needs/U1", "value/U1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("answers %v, want %v", got, want)
	}
}
