package flows_test

import (
	"reflect"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

var (
	needA0  = flows.ItemRef{Side: flows.SideA, Index: 0}
	offerB1 = flows.ItemRef{Side: flows.SideB, Index: 1}
	newV2   = []flows.Effect{{Kind: flows.PostProposal, Version: 2}, updateRoot}
)

// TestConfirm is the table of a click on Yes or No under a candidate
// pair. In the fixture side A is group S1 (U1, U2), side B is user U3, and
// U7 belongs to neither.
func TestConfirm(t *testing.T) {
	tests := []struct {
		name      string
		state     flows.State
		ev        flows.Confirm
		version   int // the collab's version afterwards
		effects   []flows.Effect
		decisions []flows.Decision
	}{
		{"yes from the needing side", flows.Proposed, flows.Confirm{User: "U2", Version: 1, Need: needA0, Offer: offerB1, Yes: true},
			2, newV2, []flows.Decision{{Need: needA0, Offer: offerB1, Yes: true, NeedTS: "1.11", OfferTS: "1.22"}}},
		{"no from the needing side", flows.Proposed, flows.Confirm{User: "U1", Version: 1, Need: needA0, Offer: offerB1},
			2, newV2, []flows.Decision{{Need: needA0, Offer: offerB1, NeedTS: "1.11", OfferTS: "1.22"}}},
		{"the offering side", flows.Proposed, flows.Confirm{User: "U3", Version: 1, Need: needA0, Offer: offerB1, Yes: true},
			1, []flows.Effect{notice("U3", flows.NoticeOtherSide)}, nil},
		{"no side", flows.Proposed, flows.Confirm{User: "U7", Version: 1, Need: needA0, Offer: offerB1, Yes: true},
			1, []flows.Effect{notice("U7", flows.NoticeNotMember)}, nil},
		{"an older version", flows.Proposed, flows.Confirm{User: "U1", Version: 0, Need: needA0, Offer: offerB1, Yes: true},
			1, []flows.Effect{notice("U1", flows.NoticeStale)}, nil},
		{"while collecting", flows.Collecting, flows.Confirm{User: "U1", Version: 0, Need: needA0, Offer: offerB1, Yes: true},
			0, []flows.Effect{notice("U1", flows.NoticeRevising)}, nil},
		{"once agreed", flows.Agreed, flows.Confirm{User: "U1", Version: 1, Need: needA0, Offer: offerB1, Yes: true},
			1, []flows.Effect{notice("U1", flows.NoticeClosed)}, nil},
		{"once cancelled", flows.Cancelled, flows.Confirm{User: "U1", Version: 1, Need: needA0, Offer: offerB1, Yes: true},
			1, []flows.Effect{notice("U1", flows.NoticeClosed)}, nil},
	}
	for _, tt := range tests {
		c := fixture(t, tt.state)
		got, effects, err := flows.Next(c, tt.ev)
		if err != nil {
			t.Fatalf("%s: Next(%+v): %v", tt.name, tt.ev, err)
		}
		if got.Version != tt.version || !reflect.DeepEqual(effects, tt.effects) || !reflect.DeepEqual(got.Decisions, tt.decisions) {
			t.Errorf("%s: Next(%+v) = v%d %+v %+v, want v%d %+v %+v",
				tt.name, tt.ev, got.Version, effects, got.Decisions, tt.version, tt.effects, tt.decisions)
		}
		if got.State != tt.state {
			t.Errorf("%s: state %s, want %s", tt.name, got.State, tt.state)
		}
	}
}

// A confirmation is a change like a revised answer: acceptances of the
// version it replaces stop counting.
func TestConfirmResetsAcceptances(t *testing.T) {
	c := must(t, fixture(t, flows.Proposed), flows.Accept{User: "U3", Version: 1})
	c = must(t, c, flows.Confirm{User: "U1", Version: 1, Need: needA0, Offer: offerB1, Yes: true})
	if c.Accepted != [2]string{} || c.Version != 2 {
		t.Errorf("after confirm: accepted %q, version %d; want none, 2", c.Accepted, c.Version)
	}
	c = must(t, c, flows.Accept{User: "U3", Version: 2})
	if c.State != flows.Proposed || c.Accepted[1] != "U3" {
		t.Errorf("accepting v2: %s %q", c.State, c.Accepted)
	}
}

// Deciding the same pair again replaces the earlier decision, and a
// decision on answers since revised is dropped.
func TestConfirmKeepsOneCurrentDecisionPerPair(t *testing.T) {
	c := fixture(t, flows.Proposed)
	other := flows.ItemRef{Side: flows.SideB, Index: 2}
	c = must(t, c, flows.Confirm{User: "U1", Version: 1, Need: needA0, Offer: offerB1, Yes: true})
	c = must(t, c, flows.Confirm{User: "U1", Version: 2, Need: needA0, Offer: other})
	c = must(t, c, flows.Confirm{User: "U1", Version: 3, Need: needA0, Offer: offerB1})
	want := []flows.Decision{
		{Need: needA0, Offer: other, NeedTS: "1.11", OfferTS: "1.22"},
		{Need: needA0, Offer: offerB1, NeedTS: "1.11", OfferTS: "1.22"},
	}
	if !reflect.DeepEqual(c.Decisions, want) {
		t.Fatalf("decisions %+v, want %+v", c.Decisions, want)
	}
	c = must(t, c, flows.Redo{User: "U3", Version: 4, Question: flows.QValue})
	c = must(t, c, flows.Reply{User: "U3", Text: "new offers", TS: "5.0"})
	for _, d := range c.Decisions {
		if d.Current(&c) {
			t.Errorf("decision %+v still current after side B revised its offers", d)
		}
	}
	c = must(t, c, flows.Confirm{User: "U1", Version: 5, Need: needA0, Offer: offerB1, Yes: true})
	if len(c.Decisions) != 1 || c.Decisions[0].OfferTS != "5.0" {
		t.Errorf("decisions after revision %+v, want only the new one", c.Decisions)
	}
}

func TestConfirmRejectsMalformedPairs(t *testing.T) {
	for _, ev := range []flows.Confirm{
		{User: "U1", Version: 1, Need: needA0, Offer: flows.ItemRef{Side: flows.SideA}},
		{User: "U1", Version: 1, Need: flows.ItemRef{Side: "c"}, Offer: offerB1},
		{User: "U1", Version: 1, Need: flows.ItemRef{Side: flows.SideA, Index: -1}, Offer: offerB1},
	} {
		if _, _, err := flows.Next(fixture(t, flows.Proposed), ev); err == nil {
			t.Errorf("Next(%+v) accepted a malformed pair", ev)
		}
	}
}
