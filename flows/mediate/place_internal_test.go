package mediate

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

func TestPlacesApart(t *testing.T) {
	tests := []struct {
		need, offer string
		apart       bool
	}{
		{"App里能直接看到退款进度", "在客服工作台里加一个退款状态的只读tab", true},
		{"在ERP里看到付款状态", "付款状态在ERP里可以自助查", false},
		{"入职培训里留出半小时", "培训日程里给我们留一节", false},
		{"哪里能看到退款进度", "在客服工作台里加一个退款状态的只读tab", false}, // 哪里 names no place
		{"退款进度要能查", "在客服工作台里加一个退款状态的只读tab", false},
	}
	for _, tt := range tests {
		n := newEntry(SideA, tt.need, time.Time{}, timeread.Calendar{})
		o := newEntry(SideB, tt.offer, time.Time{}, timeread.Calendar{})
		if got := placesApart(n, o); got != tt.apart {
			t.Errorf("placesApart(%q, %q) = %v (places %q, %q), want %v", tt.need, tt.offer, got, n.place, o.place, tt.apart)
		}
	}
}
