package timeread_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// showRec prints a recurrence as "week/1 from 2026-03-09 +7d", with
// " work" when working days count and the event with its days after it.
func showRec(r timeread.Recurrence, ok bool) string {
	if !ok {
		return "none"
	}
	s := fmt.Sprintf("%s/%d", r.Every, r.Interval)
	if !r.First.IsZero() {
		s += fmt.Sprintf(" from %s %+dd", r.First.Format("2006-01-02"), r.Days)
	}
	if r.WorkingDays {
		s += " work"
	}
	if r.Event != "" {
		s += fmt.Sprintf(" %s %q within %d", map[bool]string{false: "after", true: "before"}[r.Before], r.Event, r.Within)
	}
	return s
}

type recurCase struct {
	give   string
	at     time.Time
	want   string
	phrase string
}

func testRecurring(t *testing.T, cal timeread.Calendar, cases []recurCase) {
	t.Helper()
	for _, c := range cases {
		r, ok := cal.Recurring(c.give, c.at)
		if got := showRec(r, ok); got != c.want {
			t.Errorf("Recurring(%q, %v) = %v, want %v", c.give, c.at, got, c.want)
		}
		if ok && r.Phrase != c.phrase {
			t.Errorf("Recurring(%q, %v).Phrase = %q, want %q", c.give, c.at, r.Phrase, c.phrase)
		}
	}
}

// TestRecurringPastHoliday: a weekly meeting whose first day is a public
// holiday on the Chinese calendar first meets the next time it falls on a
// working day (中秋 Friday 25 September, 国庆 Friday 2 October 2026).
func TestRecurringPastHoliday(t *testing.T) {
	tue := time.Date(2026, 9, 22, 9, 0, 0, 0, shanghai)
	testRecurring(t, timeread.Calendar{Holidays: timeread.HolidaysCN}, []recurCase{
		{"每周五下午 QA walk-through", tue, "week/1 from 2026-10-09 +17d", "每周五"},
		{"每周三例会", tue, "week/1 from 2026-09-23 +1d", "每周三"},
	})
	testRecurring(t, timeread.Calendar{}, []recurCase{
		{"每周五下午 QA walk-through", tue, "week/1 from 2026-09-25 +3d", "每周五"},
	})
}

// TestRecurringEnglish: mon is Monday 2 March 2026, fri Friday 6 March.
func TestRecurringEnglish(t *testing.T) {
	testRecurring(t, timeread.Calendar{}, []recurCase{
		{"We can send the report every Monday", mon, "week/1 from 2026-03-09 +7d", "every Monday"}, // said on a Monday: from next week
		{"a sync each Friday", mon, "week/1 from 2026-03-06 +4d", "each Friday"},
		{"every other Wed", mon, "week/2 from 2026-03-04 +2d", "every other Wed"},
		{"office hours on Thursdays", mon, "week/1 from 2026-03-05 +3d", "on Thursdays"},
		{"security office hours Thursdays 3-4pm", mon, "week/1 from 2026-03-05 +3d", "Thursdays"},
		{"a status update each week", mon, "week/1 from 2026-03-06 +4d", "each week"},
		{"every 2 weeks", mon, "week/2 from 2026-03-06 +4d", "every 2 weeks"},
		{"a review every two months", mon, "month/2 from 2026-03-31 +29d", "every two months"},
		{"weekly", fri, "week/1 from 2026-03-06 +0d", "weekly"},
		{"biweekly demos", mon, "week/2 from 2026-03-06 +4d", "biweekly"},
		{"Monthly figures", mon, "month/1 from 2026-03-31 +29d", "Monthly"},
		{"quarterly planning", mon, "quarter/1 from 2026-03-31 +29d", "quarterly"},
		{"an annual audit, yearly", mon, "year/1 from 2026-12-31 +304d", "yearly"},
		{"every year", mon, "year/1 from 2026-12-31 +304d", "every year"},
		{"once a week", mon, "week/1 from 2026-03-06 +4d", "once a week"},
		{"every day", sat, "day/1 from 2026-03-07 +0d", "every day"},
		{"a two-hour window every morning, 10 to 12", sat, "day/1 from 2026-03-07 +0d", "every morning"},
		{"every working day", sat, "day/1 from 2026-03-09 +2d work", "every working day"},
		{"every weekday", mon, "day/1 from 2026-03-02 +0d work", "every weekday"},
		{"at the start of each month", mon, "month/1 from 2026-03-02 +0d", "at the start of each month"},
		{"at the start of each month", fri, "month/1 from 2026-04-01 +26d", "at the start of each month"}, // 1 March was a Sunday, 2 March its first working day
		{"at the end of every month", mon, "month/1 from 2026-03-31 +29d", "at the end of every month"},
		{"at the end of each week", mon, "week/1 from 2026-03-06 +4d", "at the end of each week"},
		{"feedback within 2 days of each interview", mon, `event/1 after "interview" within 2`, "within 2 days of each interview"},
		{"within 3 business days after every release", mon, `event/1 work after "release" within 3`, "within 3 business days after every release"},
		{"a recap after each customer call", mon, `event/1 after "customer call" within 0`, "after each customer call"},
		{"before every launch", mon, `event/1 before "launch" within 0`, "before every launch"},
		{"every Tuesday and Thursday", mon, "week/1 from 2026-03-03 +1d", "every Tuesday and Thursday"},
		{"on Tuesdays and Thursdays", wed, "week/1 from 2026-03-05 +1d", "on Tuesdays and Thursdays"},
		{"Weekly cohort analysis by signup week, every Tuesday", mon, "week/1 from 2026-03-03 +1d", "every Tuesday"},
		{"Release notes 2 days before each release", mon, `event/1 before "release" within 2`, "2 days before each release"},
		{"every unsolicited medical question from the booth handed to Medical Information within 24 hours", mon,
			`event/1 after "unsolicited medical question" within 1`, "every unsolicited medical question from the booth handed to Medical Information within 24 hours"},
		{"each new hire gets a laptop within 2 days", mon, `event/1 after "new hire" within 2`, "each new hire gets a laptop within 2 days"},
		{"Email accounts created before each start date", mon, `event/1 before "start date" within 0`, "before each start date"},
		{"A fixed cost review: 2nd Tuesday of every month, 30 min", mon, "month/1 from 2026-03-10 +8d", "2nd Tuesday of every month"},
		{"the forecast in the first week of every month", mon, "month/1 from 2026-03-06 +4d", "the first week of every month"},
		{"Forecast 我们每个月第一周给", time.Date(2026, 11, 16, 10, 0, 0, 0, shanghai), "month/1 from 2026-12-04 +18d", "每个月第一周"},
		{"the last Friday of each month", mon, "month/1 from 2026-03-27 +25d", "last Friday of each month"},
		{"the first Monday of every month", fri, "month/1 from 2026-04-06 +31d", "first Monday of every month"},
		{"payroll report on the third business day of each month", mon, "month/1 from 2026-03-04 +2d", "the third business day of each month"},
		{"the last working day of every month", mon, "month/1 from 2026-03-31 +29d", "the last working day of every month"},
		{"nightly shutdown of idle dev envs", mon, "day/1 from 2026-03-02 +0d", "nightly"},
		{"fortnightly demos", mon, "week/2 from 2026-03-06 +4d", "fortnightly"},
		{"eng mgr joins vendor calls Tue/Thu", mon, "week/1 from 2026-03-03 +1d", "Tue/Thu"},
		{"we can do it by Tue/Wed", mon, "none", ""},
		// Not recurrences.
		{"by Friday", mon, "none", ""},
		{"2 days", mon, "none", ""},
		{"daily active users", mon, "none", ""},
		{"each of the teams", mon, "none", ""},
		{"after each week", mon, "week/1 from 2026-03-06 +4d", "each week"},
		{"10,000 requests a day", mon, "none", ""},
		{"every time", mon, "none", ""},
	})
}

// TestRecurringChinese: mon is Monday 2 March 2026.
func TestRecurringChinese(t *testing.T) {
	testRecurring(t, timeread.Calendar{}, []recurCase{
		{"每周一同步进度", mon, "week/1 from 2026-03-09 +7d", "每周一"},
		{"每个星期五发周报", mon, "week/1 from 2026-03-06 +4d", "每个星期五"},
		{"逢周三开评审会", mon, "week/1 from 2026-03-04 +2d", "逢周三"},
		{"每隔周四", mon, "week/2 from 2026-03-05 +3d", "每隔周四"},
		{"每周", mon, "week/1 from 2026-03-06 +4d", "每周"},
		{"每两周对一次数据", mon, "week/2 from 2026-03-06 +4d", "每两周"},
		{"每天", sat, "day/1 from 2026-03-07 +0d", "每天"},
		{"每个工作日", sat, "day/1 from 2026-03-09 +2d work", "每个工作日"},
		{"每隔一天", mon, "day/2 from 2026-03-02 +0d", "每隔一天"},
		{"每月初提供报表", fri, "month/1 from 2026-04-01 +26d", "每月初"},
		{"每月初", time.Date(2026, 3, 1, 9, 0, 0, 0, shanghai), "month/1 from 2026-03-02 +1d", "每月初"},
		{"每个月底前", mon, "month/1 from 2026-03-31 +29d", "每个月底"},
		{"每月15号", mon, "month/1 from 2026-03-15 +13d", "每月15号"},
		{"每月第一个 Monday 发给 HRBP", mon, "month/1 from 2026-03-02 +0d", "每月第一个 Monday"},
		{"每月第一个周四开会", mon, "month/1 from 2026-03-05 +3d", "每月第一个周四"},
		{"每月最后一个星期五对账", mon, "month/1 from 2026-03-27 +25d", "每月最后一个星期五"},
		{"每月 5 号前出上月报表", mon, "month/1 from 2026-03-05 +3d", "每月 5 号"},
		{"每个 sprint 结束（隔周五）发 release notes", mon, "week/2 from 2026-03-06 +4d", "隔周五"},
		{"每月中", mar31, "month/1 from 2026-04-15 +15d", "每月中"},
		{"每季度末", mon, "quarter/1 from 2026-03-31 +29d", "每季度末"},
		{"每年", mon, "year/1 from 2026-12-31 +304d", "每年"},
		{"每年3月提交年报", mar31, "year/1 from 2026-03-31 +0d", "每年3月"},
		{"每年3月", time.Date(2026, 4, 1, 9, 0, 0, 0, shanghai), "year/1 from 2027-03-31 +364d", "每年3月"},
		{"每年的11月11日前", mon, "year/1 from 2026-11-11 +254d", "每年的11月11日"},
		{"每周末前", mon, "week/1 from 2026-03-06 +4d", "每周末"},
		{"每次面试后两天内反馈", mon, `event/1 after "面试" within 2`, "每次面试后两天内"},
		{"每场面试结束后2个工作日内", mon, `event/1 work after "面试" within 2`, "每场面试结束后2个工作日内"},
		{"每次发版前", mon, `event/1 before "发版" within 0`, "每次发版前"},
		{"每周二、周四下午各留出4个面试时段", mon, "week/1 from 2026-03-03 +1d", "每周二、周四"},
		{"每次发版前一天在客服群发更新说明", mon, `event/1 before "发版" within 1`, "每次发版前一天"},
		{"每个活动上线前一周提交埋点需求", mon, `event/1 before "活动上线" within 7`, "每个活动上线前一周"},
		{"每场直播的录屏回放第二天中午前发给法务抽查", mon, `event/1 after "直播" within 1`, "每场直播的录屏回放第二天"},
		{"每批样品当天送检", mon, `event/1 after "样品" within 0`, "每批样品当天"},
		// Not recurrences.
		{"每个项目的售前投入控制在20人天以内", mon, "none", ""},
		{"周一前", mon, "none", ""},
		{"两周", mon, "none", ""},
		{"日活", mon, "none", ""},
		{"月底前", mon, "none", ""},
	})
}

// TestRecurringOnChineseCalendar: the first working day of a month skips
// public holidays.
func TestRecurringOnChineseCalendar(t *testing.T) {
	testRecurring(t, cn, []recurCase{
		{"每月初", sep18, "month/1 from 2026-10-08 +20d", "每月初"},
		{"每月第 2 个工作日发上月的考勤汇总", sep18, "month/1 from 2026-10-09 +21d", "每月第 2 个工作日"},
		{"每个月最后一个工作日", sep18, "month/1 from 2026-09-30 +12d", "每个月最后一个工作日"},
		{"每个工作日", sep30, "day/1 from 2026-09-30 +0d work", "每个工作日"},
		{"每个工作日", time.Date(2026, 10, 2, 9, 0, 0, 0, shanghai), "day/1 from 2026-10-08 +6d work", "每个工作日"},
	})
}

// TestRecurrenceIsNoDeadline: a cadence is not a one-off date.
func TestRecurrenceIsNoDeadline(t *testing.T) {
	testDeadline(t, []readCase{
		{"every Monday", mon, "none"},
		{"each Friday", mon, "none"},
		{"on Fridays", mon, "none"},
		{"within 2 days of each interview", mon, "none"},
		{"每月初", mon, "none"},
		{"每周一", mon, "none"},
		{"每月15号前", mon, "none"},
		{"每次面试后两天内", mon, "none"},
		{"every Monday, first report by Friday", mon, "2026-03-06 +4d"},
		{"每周二、周四下午各留出4个面试时段", mon, "none"},
		{"on Tuesdays and Thursdays", mon, "none"},
	})
	testLead(t, []readCase{
		{"within 2 days of each interview", mon, "none"},
		{"每次面试后两天内", mon, "none"},
		{"每两周", mon, "none"},
		{"每次发版前一天", mon, "none"},
		{"2 days before each release", mon, "none"},
	})
}
