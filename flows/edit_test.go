package flows

import (
	"strings"
	"testing"
)

// editable is a collab whose side A answered its goal (ts 1.1) and then
// its needs twice, the second reply (1.3) replacing the first (1.2).
func editable(state State) Collab {
	c := Collab{ID: "c1", State: state}
	c.Sides[0] = Party{Kind: KindUser, ID: "UA", Asking: QValue, Answers: [3]Answer{
		{Text: "goal", User: "UA", TS: "1.1"}, {Text: "needs, again", User: "UA", TS: "1.3"},
	}}
	c.Sides[1] = Party{Kind: KindUser, ID: "UB", Asking: QGoal}
	return c
}

func TestEdit(t *testing.T) {
	tests := []struct {
		name      string
		state     State
		give      Edit
		wantGoal  string
		wantNeeds string
		wantNote  Notice // "" for no effect
	}{
		{"edit of the goal answer", Collecting, Edit{User: "UA", Text: "new goal", TS: "1.1"}, "new goal", "needs, again", NoticeEditRecorded},
		{"edit of the latest needs answer", Collecting, Edit{User: "UA", Text: "new needs", TS: "1.3"}, "goal", "new needs", NoticeEditRecorded},
		{"edit of a superseded reply", Collecting, Edit{User: "UA", Text: "old needs, edited", TS: "1.2"}, "goal", "needs, again", ""},
		{"edit of a message that answered nothing", Collecting, Edit{User: "UB", Text: "chat", TS: "1.9"}, "goal", "needs, again", ""},
		{"same text (an unfurl)", Collecting, Edit{User: "UA", Text: "goal", TS: "1.1"}, "goal", "needs, again", ""},
		{"edit to nothing", Collecting, Edit{User: "UA", Text: "  ", TS: "1.1"}, "goal", "needs, again", NoticeEmpty},
		{"edit too long", Collecting, Edit{User: "UA", Text: strings.Repeat("x", MaxAnswer+1), TS: "1.1"}, "goal", "needs, again", NoticeTooLong},
		{"edit after the proposal", Proposed, Edit{User: "UA", Text: "new goal", TS: "1.1"}, "goal", "needs, again", NoticeEditLate},
		{"edit after the agreement", Agreed, Edit{User: "UA", Text: "new goal", TS: "1.1"}, "goal", "needs, again", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := editable(tt.state)
			got, effects, err := Next(before, tt.give)
			if err != nil {
				t.Fatalf("Next(%+v) error %v", tt.give, err)
			}
			a := got.Sides[0].Answers
			if a[QGoal].Text != tt.wantGoal || a[QNeeds].Text != tt.wantNeeds {
				t.Errorf("Next(%+v): answers %q, %q; want %q, %q", tt.give, a[QGoal].Text, a[QNeeds].Text, tt.wantGoal, tt.wantNeeds)
			}
			var note Notice
			if len(effects) == 1 && effects[0].Kind == Notify && effects[0].User == tt.give.User {
				note = effects[0].Notice
			} else if len(effects) > 0 {
				t.Fatalf("Next(%+v) effects %+v", tt.give, effects)
			}
			if note != tt.wantNote {
				t.Errorf("Next(%+v) notice %q, want %q", tt.give, note, tt.wantNote)
			}
			if got.Sides[0].Asking != QValue || got.State != tt.state {
				t.Errorf("Next(%+v) moved the collab: asking %v, state %v", tt.give, got.Sides[0].Asking, got.State)
			}
			if before.Sides[0].Answers[QGoal].Text != "goal" {
				t.Error("Next changed its input")
			}
		})
	}
}
