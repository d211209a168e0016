package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// TestStepsAfterStepsAddUp: a lead time stated as steps one after the
// other ("3 business days, then … another 2") ends when the last step
// does, counted from the requester's step it waits for ("要等…后").
func TestStepsAfterStepsAddUp(t *testing.T) {
	for _, tc := range []struct {
		name, need, offerA, lead, holidays string
		at, want                           string
	}{
		{name: "then", at: "2026-03-02", want: "2026-03-09", holidays: "none",
			need:   "The supplier refund paid out by Thursday 3/5",
			offerA: "Supplier bank details are on the ticket",
			lead:   "Refunds go through AP review, 3 business days, then the bank transfer takes another 2 business days"},
		{name: "wait", at: "2026-06-08", want: "2026-06-17", holidays: "cn",
			need:   "培训场地的押金6月12日前要退回来",
			offerA: "场地验收单6月10日交给财务",
			lead:   "退押金要等场地验收单到了再走流程，复核3个工作日，之后银行退款还要2个工作日"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := day(tc.at, time.UTC).Add(10 * time.Hour)
			in := input(at, tc.need, tc.offerA, "", tc.lead)
			in.Calendar = timeread.Calendar{Holidays: tc.holidays}
			c := conflictOn(t, mediate.Build(in), tc.need[:12])
			if !c.MiddleGround.Equal(day(tc.want, time.UTC)) {
				t.Errorf("middle ground %s, want %s", c.MiddleGround.Format(time.DateOnly), tc.want)
			}
		})
	}
}
