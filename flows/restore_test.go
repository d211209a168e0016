package flows_test

import (
	"reflect"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

func kinds(effects []flows.Effect) []flows.EffectKind {
	out := make([]flows.EffectKind, len(effects))
	for i, e := range effects {
		out[i] = e.Kind
	}
	return out
}

// A rebuilt collab with a proposal on the table puts it up again as the
// version after the newest posted, with no acceptance carried over.
func TestRestoreProposesAgain(t *testing.T) {
	c := must(t, fixture(t, flows.Proposed), flows.Accept{User: "U1", Version: 1})
	c, effects, err := flows.Next(c, flows.Restore{Posted: 3, ProposalTS: "5.000001"})
	if err != nil {
		t.Fatal(err)
	}
	want := []flows.EffectKind{flows.NoteRestored, flows.PostProposal, flows.UpdateRoot}
	if !reflect.DeepEqual(kinds(effects), want) || effects[1].Version != 4 {
		t.Fatalf("effects = %+v, want %v proposing version 4", effects, want)
	}
	if c.Version != 4 || c.Accepted != [2]string{} || c.ProposalTS != "5.000001" || c.ProposalVersion != 3 || c.Proposal.Version != 4 {
		t.Errorf("restored collab: version %d, accepted %v, proposal %s v%d", c.Version, c.Accepted, c.ProposalTS, c.ProposalVersion)
	}
	if c = must(t, c, flows.Accept{User: "U3", Version: 3, On: "5.000001"}); c.Accepted != [2]string{} {
		t.Errorf("a click on the proposal posted before the loss counted: %v", c.Accepted)
	}
}

// A side whose pending question the thread never showed is asked it; a
// final collab is left as it is.
func TestRestoreAsksWhatWasNotAsked(t *testing.T) {
	c := must(t, fixture(t, flows.Collecting), flows.Reply{User: "U3", Text: "a stable page", TS: "2.000001"})
	c, effects, err := flows.Next(c, flows.Restore{Unasked: []flows.Asked{{Side: flows.SideB, Question: flows.QNeeds}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []flows.EffectKind{flows.NoteRestored, flows.Prompt, flows.UpdateRoot}
	if !reflect.DeepEqual(kinds(effects), want) || effects[1].Side != flows.SideB || effects[1].Question != flows.QNeeds {
		t.Errorf("effects = %+v, want %v asking side b its needs", effects, want)
	}
	if c.State != flows.Collecting || c.Version != 0 {
		t.Errorf("restored collab is %s v%d, want collecting v0", c.State, c.Version)
	}
	agreed := fixture(t, flows.Agreed)
	if _, effects, _ := flows.Next(agreed, flows.Restore{Unasked: []flows.Asked{{Side: flows.SideA, Question: flows.QValue}}}); len(effects) != 0 {
		t.Errorf("restoring an agreed collab: %+v", effects)
	}
}

// A message taken as an answer is not taken again when it comes back
// (its record of having been seen went with a loss).
func TestReplyCountsOnce(t *testing.T) {
	c := fixture(t, flows.Collecting)
	c = must(t, c, flows.Reply{User: "U1", Text: "grow sign-ups", TS: "2.000001"})
	again, effects, err := flows.Next(c, flows.Reply{User: "U1", Text: "grow sign-ups", TS: "2.000001"})
	if err != nil || len(effects) != 0 || !reflect.DeepEqual(again, c) {
		t.Errorf("the same reply again: effects %+v, err %v, changed %v", effects, err, !reflect.DeepEqual(again, c))
	}
}
