package timeread_test

import (
	"slices"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

var (
	cn     = timeread.Calendar{Holidays: timeread.HolidaysCN}
	sep30  = time.Date(2026, 9, 30, 10, 0, 0, 0, shanghai) // Wednesday before 国庆
	sep18  = time.Date(2026, 9, 18, 10, 0, 0, 0, shanghai) // Friday; Sunday Sep 20 is worked (调休)
	feb12  = time.Date(2026, 2, 12, 10, 0, 0, 0, shanghai) // Thursday before 春节
	feb27  = time.Date(2026, 2, 27, 10, 0, 0, 0, shanghai) // Friday; Saturday Feb 28 is worked
	dec30c = time.Date(2026, 12, 30, 10, 0, 0, 0, shanghai)
)

// TestChineseHolidays checks working days on the Chinese calendar against
// lunar-go's tables for 2026 and 2027: 国庆 is 1–7 October 2026 with
// Sunday 20 September and Saturday 10 October worked; 春节 is 15–23 February
// 2026 with Saturday 14 and Saturday 28 February worked; 元旦 2027 is 1–3
// January.
func TestChineseHolidays(t *testing.T) {
	testOn(t, "cn.Lead", cn.Lead, []readCase{
		// 5 working days from 30 September: 8, 9, 10 (Saturday, worked), 12, 13 October.
		{"5个工作日", sep30, "2026-10-13 +13d work"},
		{"5 working days", sep30, "2026-10-13 +13d work"},
		{"1个工作日", sep30, "2026-10-08 +8d work"},
		// Sunday 20 September is a 调休 working day.
		{"1个工作日", sep18, "2026-09-20 +2d work"},
		{"3个工作日", sep18, "2026-09-22 +4d work"},
		// 春节: nothing is worked from 15 to 23 February.
		{"2个工作日", feb12, "2026-02-14 +2d work"}, // Saturday 14 February is worked
		{"3个工作日", feb12, "2026-02-24 +12d work"},
		{"1个工作日", feb27, "2026-02-28 +1d work"},
		{"3个工作日", dec30c, "2027-01-05 +6d work"},
		// Calendar days and weeks are not working days: unchanged.
		{"两周", sep30, "2026-10-14 +14d"},
		{"5天", sep30, "2026-10-05 +5d"},
	})
	testOn(t, "cn.Deadline", cn.Deadline, []readCase{
		{"5个工作日内", sep30, "2026-10-13 +13d work"},
		{"within 2 business days", sep30, "2026-10-09 +9d work"},
		{"明天", sep30, "2026-10-01 +1d"},
	})
	// The same texts on the calendar without holidays.
	testOn(t, "Lead", timeread.Lead, []readCase{
		{"5个工作日", sep30, "2026-10-07 +7d work"},
		{"1个工作日", sep18, "2026-09-21 +3d work"},
		{"1个工作日", feb27, "2026-03-02 +3d work"},
	})
}

func TestDefaultHolidays(t *testing.T) {
	for lang, want := range map[string]string{"zh": "cn", "en": "none", "": "none"} {
		if got := timeread.DefaultHolidays(lang); got != want {
			t.Errorf("DefaultHolidays(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestCalendarCheck(t *testing.T) {
	for _, tt := range []struct {
		cal  timeread.Calendar
		fine bool
	}{
		{timeread.Calendar{}, true},
		{timeread.Calendar{Holidays: "cn", SprintDays: 14}, true},
		{timeread.Calendar{Holidays: "none"}, true},
		{timeread.Calendar{Holidays: "us"}, false},
		{timeread.Calendar{SprintDays: -1}, false},
	} {
		if err := tt.cal.Check(); (err == nil) != tt.fine {
			t.Errorf("%+v.Check() = %v, want fine %v", tt.cal, err, tt.fine)
		}
	}
}

// TestDeadlines: every deadline of a text, in its order; the caller may
// want the earliest.
func TestDeadlines(t *testing.T) {
	nov2 := time.Date(2026, 11, 2, 9, 0, 0, 0, shanghai)
	tests := []struct {
		give string
		at   time.Time
		want []string
	}{
		{"海外达人坑位费双十一之前付清，对方要求11月6日前到账", nov2, []string{"2026-11-10 +8d", "2026-11-06 +4d"}},
		{"Draft by Friday, final by next Tuesday; every Monday a sync", mon, []string{"2026-03-06 +4d", "2026-03-10 +8d"}},
		{"in 2 sprints or by Friday", mon, []string{"2026-03-06 +4d"}},
		{"peak traffic figures", mon, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range cn.Deadlines(tt.give, tt.at) {
			got = append(got, show(f, true))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Deadlines(%q, %v) = %v, want %v", tt.give, tt.at, got, tt.want)
		}
	}
}

func TestWorkingDayHelpers(t *testing.T) {
	oct1 := time.Date(2026, 10, 1, 15, 0, 0, 0, shanghai)
	oct10 := time.Date(2026, 10, 10, 15, 0, 0, 0, shanghai) // Saturday, worked
	for _, tt := range []struct {
		cal  timeread.Calendar
		d    time.Time
		want bool
	}{
		{cn, oct1, false}, {cn, oct10, true}, {cn, sep30, true},
		{timeread.Calendar{}, oct1, true}, {timeread.Calendar{}, oct10, false},
	} {
		if got := tt.cal.IsWorkingDay(tt.d); got != tt.want {
			t.Errorf("%+v.IsWorkingDay(%v) = %v, want %v", tt.cal, tt.d, got, tt.want)
		}
	}
	if got, want := cn.AddWorkingDays(sep30, 5), time.Date(2026, 10, 13, 0, 0, 0, 0, shanghai); !got.Equal(want) {
		t.Errorf("cn.AddWorkingDays(%v, 5) = %v, want %v", sep30, got, want)
	}
	if got, want := cn.AddWorkingDays(oct1, 0), time.Date(2026, 10, 1, 0, 0, 0, 0, shanghai); !got.Equal(want) {
		t.Errorf("cn.AddWorkingDays(%v, 0) = %v, want %v", oct1, got, want)
	}
}
