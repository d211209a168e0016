package timeread_test

import (
	"fmt"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// The product brief's example: Operations wants the page live tomorrow,
// Tech needs 2 days of compatibility testing.
func Example() {
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, shanghai) // a Monday

	need, _ := timeread.Deadline("活动页面明天上线", at)
	lead, _ := timeread.Lead("需要2天做兼容性测试", at)
	fmt.Println(need.Phrase, need.Date.Format("2006-01-02"))
	fmt.Println(lead.Phrase, lead.Days, lead.Date.Format("2006-01-02"))
	if lead.Date.After(need.Date) {
		fmt.Println("conflict: the earliest date is", lead.Date.Format("2006-01-02"))
	}
	// Output:
	// 明天 2026-03-03
	// 2天 2 2026-03-04
	// conflict: the earliest date is 2026-03-04
}

func ExampleDeadline() {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	for _, text := range []string{"Please deliver by Friday afternoon.", "后天上午", "within 5 working days", "peak traffic figures"} {
		f, ok := timeread.Deadline(text, at)
		fmt.Printf("%q: %v %s +%dd %q %q\n", text, ok, f.Date.Format("2006-01-02"), f.Days, f.HalfDay, f.Phrase)
	}
	// Output:
	// "Please deliver by Friday afternoon.": true 2026-03-06 +4d "pm" "by Friday afternoon"
	// "后天上午": true 2026-03-04 +2d "am" "后天上午"
	// "within 5 working days": true 2026-03-09 +7d "" "within 5 working days"
	// "peak traffic figures": false 0001-01-01 +0d "" ""
}

func ExampleLead() {
	at := time.Date(2026, 3, 6, 10, 0, 0, 0, time.UTC) // a Friday
	for _, text := range []string{"5个工作日", "we need 2 weeks", "need it within 2 weeks"} {
		f, ok := timeread.Lead(text, at)
		fmt.Printf("%q: %v %s +%dd working=%v\n", text, ok, f.Date.Format("2006-01-02"), f.Days, f.WorkingDays)
	}
	// Output:
	// "5个工作日": true 2026-03-13 +7d working=true
	// "we need 2 weeks": true 2026-03-20 +14d working=false
	// "need it within 2 weeks": false 0001-01-01 +0d working=false
}

// On the Chinese calendar 国庆 is not worked and Saturday 10 October 2026
// is: 5 working days from 30 September end on 13 October.
func ExampleCalendar_Lead() {
	at := time.Date(2026, 9, 30, 10, 0, 0, 0, time.UTC) // a Wednesday
	for _, cal := range []timeread.Calendar{{Holidays: timeread.HolidaysNone}, {Holidays: timeread.HolidaysCN}} {
		f, _ := cal.Lead("验收需要5个工作日", at)
		fmt.Printf("%s: %s %s\n", cal.Holidays, f.Phrase, f.Date.Format("2006-01-02"))
	}
	// Output:
	// none: 5个工作日 2026-10-07
	// cn: 5个工作日 2026-10-13
}

func ExampleCalendar_Deadline() {
	at := time.Date(2026, 9, 16, 10, 0, 0, 0, time.UTC) // a Wednesday
	cal := timeread.Calendar{Holidays: timeread.HolidaysCN}
	for _, text := range []string{"we need it by EOD Friday", "国庆节前上线", "三季度末", "in 2 sprints"} {
		f, ok := cal.Deadline(text, at)
		fmt.Printf("%q: %v %q %s sprint length needed: %v\n", text, ok, f.Phrase, f.Date.Format("2006-01-02"), f.NeedsSprintDays)
	}
	// Output:
	// "we need it by EOD Friday": true "by EOD Friday" 2026-09-18 sprint length needed: false
	// "国庆节前上线": true "国庆节前" 2026-09-30 sprint length needed: false
	// "三季度末": true "三季度末" 2026-09-30 sprint length needed: false
	// "in 2 sprints": false "in 2 sprints" 0001-01-01 sprint length needed: true
}

func ExampleCalendar_Recurring() {
	at := time.Date(2026, 4, 8, 10, 0, 0, 0, time.UTC) // a Wednesday
	for _, text := range []string{"We send the list every Monday", "每月初对账", "feedback within 2 days of each interview"} {
		r, _ := timeread.Calendar{}.Recurring(text, at)
		fmt.Printf("%q: every %d %s from %s, after each %q within %d days\n",
			r.Phrase, r.Interval, r.Every, r.First.Format("2006-01-02"), r.Event, r.Within)
	}
	// Output:
	// "every Monday": every 1 week from 2026-04-13, after each "" within 0 days
	// "每月初": every 1 month from 2026-05-01, after each "" within 0 days
	// "within 2 days of each interview": every 1 event from 0001-01-01, after each "interview" within 2 days
}
