package flows_test

import (
	"reflect"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

func TestStartAsksBothSidesTheirGoal(t *testing.T) {
	c, effects := flows.Start(flows.Collab{ID: "c1"})
	want := []flows.Effect{
		{Kind: flows.PostRoot},
		{Kind: flows.Prompt, Side: flows.SideA, Question: flows.QGoal},
		{Kind: flows.Prompt, Side: flows.SideB, Question: flows.QGoal},
	}
	if c.State != flows.Collecting || !reflect.DeepEqual(effects, want) {
		t.Fatalf("Start = %s %+v, want collecting %+v", c.State, effects, want)
	}
}

func TestSidesProgressIndependently(t *testing.T) {
	c := fixture(t, flows.Collecting)
	var prompts []flows.Effect
	for _, text := range []string{"goal", "needs", "value"} {
		var effects []flows.Effect
		var err error
		c, effects, err = flows.Next(c, flows.Reply{User: "U2", Text: text, TS: "3.0"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range effects {
			if e.Kind == flows.Prompt {
				prompts = append(prompts, e)
			}
			if e.Kind == flows.PostProposal {
				t.Fatalf("proposal posted before side B answered: %+v", effects)
			}
		}
	}
	want := []flows.Effect{
		{Kind: flows.Prompt, Side: flows.SideA, Question: flows.QNeeds},
		{Kind: flows.Prompt, Side: flows.SideA, Question: flows.QValue},
	}
	if !reflect.DeepEqual(prompts, want) {
		t.Errorf("prompts = %+v, want %+v", prompts, want)
	}
	a := c.Side(flows.SideA)
	if a.Asking != flows.QDone || a.Answers[flows.QValue].Text != "value" || a.Answers[flows.QGoal].User != "U2" {
		t.Errorf("side A = %+v", a)
	}
	if b := c.Side(flows.SideB); b.Asking != flows.QGoal {
		t.Errorf("side B asking %v, want goal", b.Asking)
	}
}

func TestRejectedRepliesChangeNothing(t *testing.T) {
	tests := []struct {
		name string
		ev   flows.Reply
		want flows.Notice
	}{
		{"stranger", flows.Reply{User: "U7", Text: "hi", TS: "3.0"}, flows.NoticeNotMember},
		{"empty", flows.Reply{User: "U1", Text: " \n\t", TS: "3.0"}, flows.NoticeEmpty},
	}
	for _, tt := range tests {
		c := fixture(t, flows.Collecting)
		got, effects, err := flows.Next(c, tt.ev)
		if err != nil {
			t.Fatal(err)
		}
		got.LastReplyTS = c.LastReplyTS // seen, but nothing else changes
		if !reflect.DeepEqual(got, c) || !reflect.DeepEqual(effects, []flows.Effect{notice(tt.ev.User, tt.want)}) {
			t.Errorf("%s: changed collab or effects %+v, want only %s", tt.name, effects, tt.want)
		}
	}
}

func TestStrangerCannotAccept(t *testing.T) {
	c := fixture(t, flows.Proposed)
	got, effects, _ := flows.Next(c, flows.Accept{User: "U7", Version: 1})
	if !reflect.DeepEqual(got, c) || effects[0].Notice != flows.NoticeNotMember {
		t.Fatalf("stranger accept: %+v", effects)
	}
}

func TestOneAcceptancePerSide(t *testing.T) {
	c := fixture(t, flows.Proposed)
	c = must(t, c, flows.Accept{User: "U1", Version: 1})
	c, effects, _ := flows.Next(c, flows.Accept{User: "U2", Version: 1})
	if c.State != flows.Proposed || effects[0].Notice != flows.NoticeAlreadyAccepted {
		t.Fatalf("second member of side A: state %s, %+v", c.State, effects)
	}
	c, effects, _ = flows.Next(c, flows.Accept{User: "U3", Version: 1})
	want := []flows.Effect{{Kind: flows.PostAgreement, Version: 1}, updateRoot}
	if c.State != flows.Agreed || !reflect.DeepEqual(effects, want) || c.Accepted != [2]string{"U1", "U3"} {
		t.Fatalf("agreement: %s %+v accepted %v", c.State, effects, c.Accepted)
	}
}

// A revision posts a new version; acceptances of the old one stop counting.
func TestRevisionInvalidatesEarlierAcceptances(t *testing.T) {
	c := fixture(t, flows.Proposed)
	c = must(t, c, flows.Accept{User: "U1", Version: 1})
	c = must(t, c, flows.Redo{User: "U3", Version: 1, Question: flows.QValue})
	if c.State != flows.Collecting || c.Accepted != [2]string{} {
		t.Fatalf("after redo: %s accepted %v", c.State, c.Accepted)
	}
	c, effects, _ := flows.Next(c, flows.Reply{User: "U3", Text: "new offer", TS: "4.0"})
	want := []flows.Effect{{Kind: flows.PostProposal, Version: 2}, updateRoot}
	if !reflect.DeepEqual(effects, want) || c.Side(flows.SideB).Answers[flows.QValue].Text != "new offer" {
		t.Fatalf("redo answer effects %+v", effects)
	}
	c = must(t, c, flows.Accept{User: "U3", Version: 2})
	c, effects, _ = flows.Next(c, flows.Accept{User: "U1", Version: 1})
	if c.State != flows.Proposed || effects[0].Notice != flows.NoticeStale {
		t.Fatalf("old acceptance completed the agreement: %s %+v", c.State, effects)
	}
	c = must(t, c, flows.Accept{User: "U2", Version: 2})
	if c.State != flows.Agreed {
		t.Fatalf("state %s, want agreed", c.State)
	}
}

func TestCancelOnlyBySidesOrCreator(t *testing.T) {
	c := fixture(t, flows.Collecting)
	got, effects, _ := flows.Next(c, flows.Cancel{User: "U7"})
	if got.State != flows.Collecting || effects[0].Notice != flows.NoticeNotAllowed {
		t.Fatalf("stranger cancel: %s %+v", got.State, effects)
	}
}

// A person in both sides cannot make the agreement alone.
func TestMemberOfBothSidesAcceptsOnce(t *testing.T) {
	c, _ := flows.Start(flows.Collab{ID: "c2", Sides: [2]flows.Party{
		{Kind: flows.KindGroup, ID: "S1", Members: []string{"U1", "U2"}},
		{Kind: flows.KindGroup, ID: "S2", Members: []string{"U1", "U3"}},
	}})
	a := [3]string{"grow sign-ups", "a list of device models", "the weekly sign-up figures"}
	b := [3]string{"a stable page", "the weekly sign-up figures", "a list of device models"}
	for i := range 3 {
		c = must(t, c, flows.Reply{User: "U2", Text: a[i], TS: "1.1"})
		c = must(t, c, flows.Reply{User: "U3", Text: b[i], TS: "1.2"})
	}
	c = must(t, c, flows.Accept{User: "U1", Version: 1})
	c, effects, _ := flows.Next(c, flows.Accept{User: "U1", Version: 1})
	if c.State != flows.Proposed || effects[0].Notice != flows.NoticeAlreadyAccepted {
		t.Fatalf("second click of U1: %s %+v", c.State, effects)
	}
	c = must(t, c, flows.Accept{User: "U3", Version: 1})
	if c.State != flows.Agreed {
		t.Fatalf("state %s, want agreed", c.State)
	}
}

// Every reply considered moves LastReplyTS forward, never back.
func TestLastReplyTS(t *testing.T) {
	c := fixture(t, flows.Collecting)
	for _, tt := range []struct{ ts, want string }{
		{"1700000000.000200", "1700000000.000200"},
		{"1700000000.000100", "1700000000.000200"},
		{"999999999.000900", "1700000000.000200"},
		{"1700000001.000000", "1700000001.000000"},
	} {
		c = must(t, c, flows.Reply{User: "U7", Text: "hi", TS: tt.ts})
		if c.LastReplyTS != tt.want {
			t.Errorf("after a reply at %s, LastReplyTS = %s, want %s", tt.ts, c.LastReplyTS, tt.want)
		}
	}
}
