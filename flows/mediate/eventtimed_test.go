package mediate_test

import (
	"testing"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestEventTimed: an item timed by an event it names says when itself;
// days, times and words that only contain 前 do not.
func TestEventTimed(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"get everyone through whatever training you need before they fly out", true},
		{"a walkthrough ahead of the audit", true},
		{"copy in time for launch", true},
		{"上线前完成验收", true},
		{"出发之前把设备领走", true},
		{"开学以前，每个老师过一遍", true},
		{"the deck before Friday", false},
		{"before EOD", false},
		{"as we said before", false},
		{"目前还在排期", false},
		{"可以提前一周给", false},
		{"前端同学支持联调", false},
		{"前两周每天跟进", false},
		{"此前已经发过", false},
		{"3月5日前交", false},
		{"月底前交", false},
	}
	for _, tt := range tests {
		if got := mediate.EventTimed(tt.text); got != tt.want {
			t.Errorf("EventTimed(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
