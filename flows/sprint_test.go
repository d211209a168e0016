package flows_test

import (
	"reflect"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// TestSprintLength is the table of a click on a sprint length: a member
// of either side sets it and a new version is proposed; anyone else, an
// older version or a length no button offers changes nothing.
func TestSprintLength(t *testing.T) {
	tests := []struct {
		name    string
		state   flows.State
		ev      flows.SprintLength
		version int // the collab's version afterwards
		days    int // its sprint length afterwards
		effects []flows.Effect
		fails   bool
	}{
		{"side a", flows.Proposed, flows.SprintLength{User: "U2", Version: 1, Days: 14}, 2, 14, newV2, false},
		{"side b", flows.Proposed, flows.SprintLength{User: "U3", Version: 1, Days: 7}, 2, 7, newV2, false},
		{"no side", flows.Proposed, flows.SprintLength{User: "U7", Version: 1, Days: 14}, 1, 0, []flows.Effect{notice("U7", flows.NoticeNotMember)}, false},
		{"an older version", flows.Proposed, flows.SprintLength{User: "U1", Version: 0, Days: 14}, 1, 0, []flows.Effect{notice("U1", flows.NoticeStale)}, false},
		{"once agreed", flows.Agreed, flows.SprintLength{User: "U1", Version: 1, Days: 14}, 1, 0, []flows.Effect{notice("U1", flows.NoticeClosed)}, false},
		{"a forged length", flows.Proposed, flows.SprintLength{User: "U1", Version: 1, Days: 400}, 1, 0, nil, true},
	}
	for _, tt := range tests {
		c := fixture(t, tt.state)
		got, effects, err := flows.Next(c, tt.ev)
		if (err != nil) != tt.fails {
			t.Fatalf("%s: Next(%+v) error %v, want an error: %v", tt.name, tt.ev, err, tt.fails)
		}
		if got.Version != tt.version || got.Calendar.SprintDays != tt.days || !reflect.DeepEqual(effects, tt.effects) {
			t.Errorf("%s: Next(%+v) = v%d, %d-day sprints, %+v; want v%d, %d, %+v",
				tt.name, tt.ev, got.Version, got.Calendar.SprintDays, effects, tt.version, tt.days, tt.effects)
		}
		if tt.days > 0 && (got.Accepted != [2]string{} || got.Proposal == nil || got.Proposal.Version != tt.version) {
			t.Errorf("%s: accepted %v, proposal %+v; want a fresh proposal v%d", tt.name, got.Accepted, got.Proposal, tt.version)
		}
	}
}
