package flows

import (
	"strings"
	"testing"
)

// revisable is a proposed collab (version 1) between users UA and UB
// whose answers are "a0".."a2" and "b0".."b2"; UA has accepted.
func revisable() Collab {
	c := Collab{ID: "c1", State: Proposed, Version: 1, Accepted: [2]string{"UA", ""}}
	for i, id := range []string{"UA", "UB"} {
		c.Sides[i] = Party{Kind: KindUser, ID: id, Asking: QDone}
		for _, q := range Questions {
			c.Sides[i].Answers[q] = Answer{Text: string(rune('a'+i)) + q.String(), User: id, TS: "1.1"}
		}
	}
	return c
}

func TestRevision(t *testing.T) {
	redoing := revisable()
	redoing.State, redoing.Sides[1].Asking, redoing.Sides[1].Redo = Collecting, QNeeds, true
	long := strings.Repeat("x", MaxAnswer+1)
	tests := []struct {
		name        string
		give        Collab
		ev          Revision
		wantState   State
		wantVersion int
		wantNeeds   string   // side A's needs answer after
		wantKinds   []string // effect kinds, notices by name
	}{
		{"a changed answer proposes again", revisable(), Revision{User: "UA", Side: SideA, Version: 1, Answers: [3]string{"agoal", "new needs", ""}, TS: "9.9"},
			Proposed, 2, "new needs", []string{"post_proposal", "update_root"}},
		{"the other side redoing in the thread", redoing, Revision{User: "UA", Side: SideA, Version: 1, Answers: [3]string{"", "new needs", ""}},
			Collecting, 1, "new needs", []string{"update_root"}},
		{"nothing changed", revisable(), Revision{User: "UA", Side: SideA, Version: 1, Answers: [3]string{"agoal", "aneeds", "avalue"}},
			Proposed, 1, "aneeds", []string{"unchanged"}},
		{"an older version", revisable(), Revision{User: "UA", Side: SideA, Version: 0, Answers: [3]string{"", "new needs", ""}},
			Proposed, 1, "aneeds", []string{"stale_version"}},
		{"not of that side", revisable(), Revision{User: "UB", Side: SideA, Version: 1, Answers: [3]string{"", "new needs", ""}},
			Proposed, 1, "aneeds", []string{"not_member"}},
		{"too long", revisable(), Revision{User: "UA", Side: SideA, Version: 1, Answers: [3]string{"", long, ""}},
			Proposed, 1, "aneeds", []string{"too_long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, effects, err := Next(tt.give, tt.ev)
			if err != nil {
				t.Fatalf("Next(%+v) error %v", tt.ev, err)
			}
			var kinds []string
			for _, e := range effects {
				if e.Kind == Notify {
					kinds = append(kinds, string(e.Notice))
				} else {
					kinds = append(kinds, string(e.Kind))
				}
			}
			if got.State != tt.wantState || got.Version != tt.wantVersion || strings.Join(kinds, ",") != strings.Join(tt.wantKinds, ",") {
				t.Errorf("Next(%+v) = state %s v%d effects %v; want %s v%d %v", tt.ev, got.State, got.Version, kinds, tt.wantState, tt.wantVersion, tt.wantKinds)
			}
			if needs := got.Sides[0].Answers[QNeeds].Text; needs != tt.wantNeeds {
				t.Errorf("Next(%+v): needs %q, want %q", tt.ev, needs, tt.wantNeeds)
			}
			if tt.wantVersion == 2 && (got.Accepted != [2]string{} || got.Proposal == nil || got.Sides[0].Answers[QNeeds].TS != "9.9") {
				t.Errorf("new version: accepted %v, proposal %v, ts %q", got.Accepted, got.Proposal != nil, got.Sides[0].Answers[QNeeds].TS)
			}
		})
	}
}

// Request changes with a trigger opens the form for the clicker's side;
// without one it offers the redo buttons as before.
func TestReviseOpensTheForm(t *testing.T) {
	c := revisable()
	_, effects, _ := Next(c, Revise{User: "UB", Version: 1, Trigger: "t1"})
	want := Effect{Kind: OpenRevision, User: "UB", Side: SideB, Version: 1, Trigger: "t1"}
	if len(effects) != 1 || effects[0] != want {
		t.Errorf("Revise with a trigger: %+v, want %+v", effects, want)
	}
	_, effects, _ = Next(c, Revise{User: "UB", Version: 1})
	if len(effects) != 1 || effects[0].Notice != NoticeChooseRedo {
		t.Errorf("Revise without a trigger: %+v, want the redo buttons", effects)
	}
}
