package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestSpanFromStep: "within N of <a hand-over>" and "收到…后N内" are the
// work's lead time, counted from the day the requester offers that
// hand-over; a span after an event both attend, or after each of a kind,
// is not.
func TestSpanFromStep(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	tests := []struct {
		needsA, valueA, valueB string
		want                   string // middle ground, "" for no clash
	}{
		{"20 badge printers at reception by Friday 3/13", "The approved budget form by Wednesday 3/4", "We ship the badge printers within 2 weeks of the approved budget form", "2026-03-18"},
		{"3月13日前20台工牌打印机要到前台", "3月4日前给批好的预算单", "收到预算单后两周内把工牌打印机送到", "2026-03-18"},
		{"活动费用3月13日前结清", "3月4日前给活动方案", "活动费用的结算表活动后一周内交", ""},
		{"Interview feedback by Friday 3/13", "Interview slots by Wednesday 3/4", "Interview feedback within 2 days of each interview", ""},
	}
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.needsA, tt.valueA, "", tt.valueB))
		got := ""
		if len(p.Conflicts) > 0 {
			got = p.Conflicts[0].MiddleGround.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("%q: middle ground %q, want %q", tt.valueB, got, tt.want)
		}
	}
}
