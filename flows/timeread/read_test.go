package timeread_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// TestReadAgrees: one pass of Read finds what Deadlines and Lead find.
func TestReadAgrees(t *testing.T) {
	at := time.Date(2026, 9, 28, 10, 0, 0, 0, time.UTC)
	texts := []string{
		"活动页面明天上线", "需要2天做兼容性测试", "双十一之前付清，对方要求11月6日前到账",
		"Redlines by Wednesday, 5 business days from the day the terms land",
		"in 2 sprints", "by EOD Friday, which takes 3 days", "每周一上午发周报", "nothing with a date",
		"国庆节前上线，开发加测试要15个工作日", "2 days ago we asked; now need it by Oct 9",
	}
	for _, cal := range []timeread.Calendar{{Holidays: timeread.HolidaysNone}, {Holidays: timeread.HolidaysCN}} {
		for _, text := range texts {
			r := cal.Read(text, at)
			lead, ok := cal.Lead(text, at)
			if ds := cal.Deadlines(text, at); !reflect.DeepEqual(r.Deadlines, ds) || r.Lead != lead || r.HasLead != ok {
				t.Errorf("%q: Read = %+v, want deadlines %+v, lead %+v %v", text, r, ds, lead, ok)
			}
		}
	}
}
