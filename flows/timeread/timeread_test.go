package timeread_test

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // the zones below must load on any machine

	"github.com/collabbot/collabbot/flows/timeread"
)

// The moments answers are written at. mon is the seed's Monday.
var (
	shanghai = mustZone("Asia/Shanghai")
	newYork  = mustZone("America/New_York")

	mon    = time.Date(2026, 3, 2, 10, 0, 0, 0, shanghai)  // Monday
	wed    = time.Date(2026, 3, 4, 15, 0, 0, 0, shanghai)  // Wednesday
	fri    = time.Date(2026, 3, 6, 17, 0, 0, 0, shanghai)  // Friday
	sat    = time.Date(2026, 3, 7, 11, 0, 0, 0, shanghai)  // Saturday
	sun    = time.Date(2026, 3, 8, 20, 0, 0, 0, shanghai)  // Sunday evening
	mar31  = time.Date(2026, 3, 31, 9, 0, 0, 0, shanghai)  // last day of a month
	jan31  = time.Date(2026, 1, 31, 9, 0, 0, 0, shanghai)  // a month later is Feb 28
	dec30  = time.Date(2026, 12, 30, 9, 0, 0, 0, shanghai) // the year rolls over
	nyLate = time.Date(2026, 3, 7, 23, 30, 0, 0, newYork)  // Saturday night; Sunday in Shanghai; DST starts Mar 8
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("load zone %s: %v", name, err))
	}
	return loc
}

// readCase is one row of a spec table: what was written, when, and the
// reading as show prints it.
type readCase struct {
	give string
	at   time.Time
	want string
}

// show prints a reading as "2026-03-04 +2d", followed by " work" when
// working days were counted and by the half of the day; "none" when not ok.
func show(f timeread.Found, ok bool) string {
	if !ok {
		return "none"
	}
	s := fmt.Sprintf("%s %+dd", f.Date.Format("2006-01-02"), f.Days)
	if f.WorkingDays {
		s += " work"
	}
	if f.HalfDay != "" {
		s += " " + f.HalfDay
	}
	return s
}

// checkShape fails when a reading's Date is not midnight in at's location,
// or its Phrase is empty.
func checkShape(t *testing.T, name string, give string, at time.Time, f timeread.Found, ok bool) {
	t.Helper()
	if !ok {
		return
	}
	if h, m, s := f.Date.Clock(); h != 0 || m != 0 || s != 0 || f.Date.Location() != at.Location() {
		t.Errorf("%s(%q, %v).Date = %v, want midnight in %v", name, give, at, f.Date, at.Location())
	}
	if f.Phrase == "" {
		t.Errorf("%s(%q, %v).Phrase is empty", name, give, at)
	}
}

func testDeadline(t *testing.T, cases []readCase) {
	t.Helper()
	testOn(t, "Deadline", timeread.Deadline, cases)
}

func testLead(t *testing.T, cases []readCase) {
	t.Helper()
	testOn(t, "Lead", timeread.Lead, cases)
}

// testOn checks a reading function, such as a Calendar's Deadline, on cases.
func testOn(t *testing.T, name string, read func(string, time.Time) (timeread.Found, bool), cases []readCase) {
	t.Helper()
	for _, c := range cases {
		f, ok := read(c.give, c.at)
		if got := show(f, ok); got != c.want {
			t.Errorf("%s(%q, %v) = %v, want %v", name, c.give, c.at, got, c.want)
		}
		checkShape(t, name, c.give, c.at, f, ok)
	}
}

// TestSeed is the example of the product brief: Operations wants the page
// live tomorrow, Tech needs 2 days of testing, the middle ground is the day
// after tomorrow in the morning.
func TestSeed(t *testing.T) {
	testDeadline(t, []readCase{
		{"活动页面明天上线", mon, "2026-03-03 +1d"},
		{"后天上午", mon, "2026-03-04 +2d am"},
	})
	testLead(t, []readCase{
		{"需要2天做兼容性测试", mon, "2026-03-04 +2d"},
	})
}

// TestPhrase checks that Phrase is the text as written, with the words
// that introduce or qualify the date and nothing else.
func TestPhrase(t *testing.T) {
	tests := []struct {
		read func(string, time.Time) (timeread.Found, bool)
		name string
		give string
		want string
	}{
		{timeread.Deadline, "Deadline", "活动页面明天上线", "明天"},
		{timeread.Deadline, "Deadline", "最晚后天上午给到", "后天上午"},
		{timeread.Deadline, "Deadline", "11月1日前完成压测", "11月1日前"},
		{timeread.Deadline, "Deadline", "Please deliver by Friday afternoon.", "by Friday afternoon"},
		{timeread.Deadline, "Deadline", "We need it within 5 working days, thanks", "within 5 working days"},
		{timeread.Deadline, "Deadline", "Launch is By Nov. 1st, 2026 at the latest", "By Nov. 1st, 2026"},
		{timeread.Deadline, "Deadline", "can we go live by 11月1日?", "by 11月1日"},
		{timeread.Deadline, "Deadline", "我们这边 next Friday 可以", "next Friday"},
		{timeread.Deadline, "Deadline", "Can you send it by EOD Friday?", "by EOD Friday"},
		{timeread.Deadline, "Deadline", "Friday EOD works", "Friday EOD"},
		{timeread.Deadline, "Deadline", "周五下班前给我", "周五下班前"},
		{timeread.Lead, "Lead", "我们需要两周", "两周"},
		{timeread.Lead, "Lead", "we need two weeks for QA", "two weeks"},
		{timeread.Lead, "Lead", "需要2天做兼容性测试", "2天"},
		{timeread.Lead, "Lead", "We need 2 days of testing", "2 days"},
		{timeread.Lead, "Lead", "压测需要五个工作日", "五个工作日"},
		{timeread.Lead, "Lead", "ship in 3 days; load tests take 2 weeks", "2 weeks"},
	}
	for _, tt := range tests {
		f, ok := tt.read(tt.give, mon)
		if f.Phrase != tt.want || !ok {
			t.Errorf("%s(%q, %v).Phrase = %q (ok %v), want %q", tt.name, tt.give, mon, f.Phrase, ok, tt.want)
		}
	}
}

// TestOneOrTheOther checks the rule of the package doc: a phrase is a
// deadline or a lead time, never both.
func TestOneOrTheOther(t *testing.T) {
	testDeadline(t, []readCase{
		{"we need 3 days", mon, "none"},
		{"需要3天", mon, "none"},
		{"need it within 3 days", mon, "2026-03-05 +3d"},
		{"3天内", mon, "2026-03-05 +3d"},
	})
	testLead(t, []readCase{
		{"we need 3 days", mon, "2026-03-05 +3d"},
		{"需要3天", mon, "2026-03-05 +3d"},
		{"need it within 3 days", mon, "none"},
		{"3天内", mon, "none"},
	})
}
