package timeread_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// TestMonthsAndQuarters: mon is Monday 2 March 2026; mar31 the 31st.
// 1 November 2026 is a Sunday, so the last working day before November
// is Friday 30 October.
func TestMonthsAndQuarters(t *testing.T) {
	testDeadline(t, []readCase{
		{"by November", mon, "2026-11-30 +273d"},
		{"we launch in November", mon, "2026-11-30 +273d"},
		{"by mid-October", mon, "2026-10-15 +227d"},
		{"mid October", mon, "2026-10-15 +227d"},
		{"by the middle of October", mon, "2026-10-15 +227d"},
		{"early November", mon, "2026-11-10 +253d"},
		{"late Nov", mon, "2026-11-30 +273d"},
		{"by the end of November", mon, "2026-11-30 +273d"},
		{"before November", mon, "2026-10-30 +242d"},
		{"by the start of April", mon, "2026-04-01 +30d"},
		{"November 2027", mon, "2027-11-30 +638d"},
		{"by March", mon, "2026-03-31 +29d"},
		{"by February", mon, "2027-02-28 +363d"},
		{"in May", mon, "2026-05-31 +90d"},
		{"3 quotes on file from the bid in February", mon, "none"},
		{"in March", mon, "2026-03-31 +29d"},
		{"we go live in January", sep30, "2027-01-31 +123d"},
		{"early March", mar31, "2027-03-10 +344d"},
		{"we may need help", mon, "none"},
		{"budget for the November trade show by mid-October", mon, "2026-10-15 +227d"},
		{"before the June rotation", mon, "2026-05-29 +88d"},
		{"March on", mon, "none"},
		{"early next month", mon, "2026-04-10 +39d"},
		{"mid-month", mon, "2026-03-15 +13d"},
		{"by mid-month", mar31, "2026-04-15 +15d"},
		{"by the middle of next month", mon, "2026-04-15 +44d"},
		{"late next month", mon, "2026-04-30 +59d"},
		{"Q3 end", mon, "2026-09-30 +212d"},
		{"by end of Q3", mon, "2026-09-30 +212d"},
		{"in Q3", mon, "2026-09-30 +212d"},
		{"Q1", mon, "2026-03-31 +29d"},
		{"Q1", sep30, "2027-03-31 +182d"},
		{"before Q4", mon, "2026-09-30 +212d"},
		{"the third quarter", mon, "2026-09-30 +212d"},
		{"Q4 2027", mon, "2027-12-31 +669d"},
		{"by the end of the quarter", mon, "2026-03-31 +29d"},
		{"EOQ", mon, "2026-03-31 +29d"},
		{"next quarter", mon, "2026-06-30 +120d"},
		{"11月", mon, "2026-11-30 +273d"},
		{"11月份上线", mon, "2026-11-30 +273d"},
		{"11月前", mon, "2026-10-30 +242d"},
		{"明年3月", mon, "2027-03-31 +394d"},
		{"明年3月5日", mon, "2027-03-05 +368d"},
		{"2027年3月", mon, "2027-03-31 +394d"},
		{"10月中", mon, "2026-10-15 +227d"},
		{"10月中旬前", mon, "2026-10-20 +232d"},
		{"月中", mon, "2026-03-15 +13d"},
		{"下月初", mon, "2026-04-10 +39d"},
		{"下个月中", mon, "2026-04-15 +44d"},
		{"本月中旬", mon, "2026-03-20 +18d"},
		{"三季度末", mon, "2026-09-30 +212d"},
		{"第三季度末", mon, "2026-09-30 +212d"},
		{"Q3末", mon, "2026-09-30 +212d"},
		{"三季度前", mon, "2026-06-30 +120d"},
		{"三季度末之前", mon, "2026-09-30 +212d"},
		{"before the end of Q3", mon, "2026-09-30 +212d"},
		{"before Q3 closes", mon, "2026-09-30 +212d"},
		{"before the end of November", mon, "2026-11-30 +273d"},
		{"明年一季度", mon, "2027-03-31 +394d"},
		{"本季度末", mon, "2026-03-31 +29d"},
		{"下季度", mon, "2026-06-30 +120d"},
		{"季末前", mon, "2026-03-31 +29d"},
		{"去年11月", mon, "none"},
		{"last November", mon, "none"},
	})
	// Before a month, on the Chinese calendar: 国庆 is not worked.
	testOn(t, "cn.Deadline", cn.Deadline, []readCase{
		{"10月前", sep18, "2026-09-30 +12d"},
		{"before October", sep18, "2026-09-30 +12d"},
	})
}

// TestSprints: a count of sprints is a date only when the sprint length is
// known; otherwise the phrase is returned to ask about it.
func TestSprints(t *testing.T) {
	two := timeread.Calendar{SprintDays: 14}
	testOn(t, "Deadline14", two.Deadline, []readCase{
		{"in 2 sprints", mon, "2026-03-30 +28d"},
		{"within a sprint", mon, "2026-03-16 +14d"},
		{"2个迭代内", mon, "2026-03-30 +28d"},
		{"一个冲刺后", mon, "2026-03-16 +14d"},
		{"2 sprints", mon, "none"},
	})
	testOn(t, "Lead14", two.Lead, []readCase{
		{"2 sprints", mon, "2026-03-30 +28d"},
		{"需要两个sprint", mon, "2026-03-30 +28d"},
		{"in 2 sprints", mon, "none"},
	})
	for _, tt := range []struct {
		read   func(string, time.Time) (timeread.Found, bool)
		give   string
		phrase string
	}{
		{timeread.Deadline, "ready in 2 sprints, then review", "in 2 sprints"},
		{timeread.Deadline, "两个迭代内上线", "两个迭代内"},
		{timeread.Lead, "it takes 3 sprints", "3 sprints"},
	} {
		f, ok := tt.read(tt.give, mon)
		if ok || !f.NeedsSprintDays || f.Phrase != tt.phrase || !f.Date.IsZero() {
			t.Errorf("read(%q) = %+v, %v; want NeedsSprintDays, Phrase %q, ok false", tt.give, f, ok, tt.phrase)
		}
		if got := (timeread.Calendar{}).Read(tt.give, mon).Sprints; got != tt.phrase {
			t.Errorf("Read(%q).Sprints = %q, want %q", tt.give, got, tt.phrase)
		}
		if got := two.Read(tt.give, mon).Sprints; got != "" {
			t.Errorf("Read(%q).Sprints with a sprint length = %q, want none", tt.give, got)
		}
	}
}

// TestWeeksAndHalves: a week of a month is its Friday, the first week the
// one with the month's first Friday; a half of a year is its last day.
func TestWeeksAndHalves(t *testing.T) {
	testDeadline(t, []readCase{
		{"the first week of November", mon, "2026-11-06 +249d"},
		{"11月第二周", mon, "2026-11-13 +256d"},
		{"11月的最后一周", mon, "2026-11-27 +270d"},
		{"by the last week of March", mon, "2026-03-27 +25d"},
		{"first week of March", mar31, "2027-03-05 +339d"},
		{"H1", mon, "2026-06-30 +120d"},
		{"H2 2027", mon, "2027-12-31 +669d"},
		{"by mid-year", mon, "2026-06-30 +120d"},
		{"the second half of the year", mon, "2026-12-31 +304d"},
		{"上半年", mon, "2026-06-30 +120d"},
		{"年中前", mon, "2026-06-30 +120d"},
		{"明年下半年", mon, "2027-12-31 +669d"},
		{"上半年", time.Date(2026, 8, 3, 9, 0, 0, 0, shanghai), "2027-06-30 +331d"},
		{"the first half of the meeting", mon, "none"},
		{"in a fortnight", mon, "2026-03-16 +14d"},
	})
	testLead(t, []readCase{
		{"two fortnights", mon, "2026-03-30 +28d"},
	})
}
