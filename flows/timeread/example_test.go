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
