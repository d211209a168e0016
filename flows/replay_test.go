package flows_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// A thread replayed (replies, the proposal shown, a question asked again,
// the new answer, the next proposal shown) gives the collaboration the
// live events gave, with the proposal's message recorded.
func TestReplayMatchesLive(t *testing.T) {
	at := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	live := fixture(t, flows.Proposed)
	live = must(t, live, flows.Redo{User: "U3", Version: 1, Question: flows.QNeeds, At: at})
	live = must(t, live, flows.Reply{User: "U3", Text: "the device models by Friday", TS: "1.31"})

	re := fixture(t, flows.Collecting) // Start: what the root gives
	a := [3]string{"grow sign-ups", "a list of device models", "the weekly sign-up figures"}
	b := [3]string{"a stable page", "the weekly sign-up figures", "a list of device models"}
	for i, ts := range [][2]string{{"1.01", "1.02"}, {"1.11", "1.12"}, {"1.21", "1.22"}} {
		re = must(t, re, flows.Reply{User: "U1", Text: a[i], TS: ts[0]})
		re = must(t, re, flows.Reply{User: "U3", Text: b[i], TS: ts[1]})
	}
	re = must(t, re, flows.Shown{Version: 1, TS: "1.25"})
	re = must(t, re, flows.Reopen{Side: flows.SideB, Question: flows.QNeeds, At: at})
	re = must(t, re, flows.Reply{User: "U3", Text: "the device models by Friday", TS: "1.31"})
	re = must(t, re, flows.Shown{Version: 2, TS: "1.35"})

	if re.ProposalTS != "1.35" || re.ProposalVersion != 2 {
		t.Errorf("proposal message %s v%d, want 1.35 v2", re.ProposalTS, re.ProposalVersion)
	}
	re.ProposalTS, re.ProposalVersion = live.ProposalTS, live.ProposalVersion
	if !reflect.DeepEqual(re, live) {
		t.Errorf("replayed:\n%+v\nlive:\n%+v", re, live)
	}
}

// A reply that reaches the flow again (replayed from the thread, then
// handled from its own event) counts once.
func TestReplyCountsOnce(t *testing.T) {
	c := fixture(t, flows.Collecting)
	c = must(t, c, flows.Reply{User: "U1", Text: "grow sign-ups", TS: "1.01"})
	again, effects, err := flows.Next(c, flows.Reply{User: "U1", Text: "grow sign-ups", TS: "1.01"})
	if err != nil || len(effects) != 0 || !reflect.DeepEqual(again, c) {
		t.Errorf("reply taken twice: effects %v, err %v, asking %v", effects, err, again.Sides[0].Asking)
	}
}

// A version past the one the replies make (clicks the thread does not
// keep made it) becomes the current one; an older one changes nothing.
func TestShownLaterVersion(t *testing.T) {
	c := fixture(t, flows.Proposed)
	c = must(t, c, flows.Accept{User: "U1", Version: 1})
	c = must(t, c, flows.Shown{Version: 3, TS: "5.0"})
	if c.Version != 3 || c.Proposal.Version != 3 || c.Accepted != [2]string{} || c.ProposalTS != "5.0" {
		t.Errorf("version %d, proposal v%d, accepted %v, ts %s; want v3 on 5.0 with no acceptance",
			c.Version, c.Proposal.Version, c.Accepted, c.ProposalTS)
	}
	before := c
	if c = must(t, c, flows.Shown{Version: 2, TS: "4.0"}); !reflect.DeepEqual(c, before) {
		t.Errorf("an older version changed the collab: %+v", c)
	}
}

// Replayed events that do not fit where the collaboration stands change
// nothing; a reminder of the pending question is recorded as sent.
func TestReplayedEventsThatDoNotFit(t *testing.T) {
	c := fixture(t, flows.Collecting)
	for _, ev := range []flows.Event{
		flows.Reopen{Side: flows.SideA, Question: flows.QGoal}, // still answering, no proposal
		flows.Reopen{Side: "x", Question: flows.QGoal},
		flows.Reminded{Side: flows.SideA, Question: flows.QValue}, // another question
		flows.Shown{Version: 1, TS: "3.0"},                        // nothing proposed
	} {
		if got := must(t, c, ev); !reflect.DeepEqual(got, c) {
			t.Errorf("%#v changed the collab", ev)
		}
	}
	if got := must(t, c, flows.Reminded{Side: flows.SideB, Question: flows.QGoal}); !got.Sides[1].Nudged || got.Sides[0].Nudged {
		t.Errorf("nudged A %v, B %v; want B only", got.Sides[0].Nudged, got.Sides[1].Nudged)
	}
}

// A proposal found to differ from what the answers give is made again as
// a new version, which earlier acceptances do not count for.
func TestRemadeProposal(t *testing.T) {
	c := fixture(t, flows.Proposed)
	c = must(t, c, flows.Accept{User: "U1", Version: 1})
	next, effects, err := flows.Next(c, flows.Remade{})
	want := []flows.Effect{{Kind: flows.PostProposal, Version: 2}, updateRoot}
	if err != nil || next.Version != 2 || next.Proposal.Version != 2 || next.Accepted != [2]string{} || !reflect.DeepEqual(effects, want) {
		t.Errorf("remade: version %d, proposal v%d, accepted %v, effects %v, err %v", next.Version, next.Proposal.Version, next.Accepted, effects, err)
	}
	collecting := fixture(t, flows.Collecting)
	if got := must(t, collecting, flows.Remade{}); !reflect.DeepEqual(got, collecting) {
		t.Errorf("remade while collecting changed the collab")
	}
}
