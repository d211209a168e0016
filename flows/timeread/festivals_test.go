package timeread_test

import (
	"testing"
	"time"
)

// TestFestivals: mon is Monday 2 March 2026. The 2026 and 2027 days: 清明
// Sunday 5 April 2026, 端午 Friday 19 June, 七夕 Wednesday 19 August, 中秋
// Friday 25 September, 国庆 Thursday 1 October, 春节 Saturday 6 February
// 2027 (除夕 Friday 5 February). "Before" a festival is the last working day
// before it.
func TestFestivals(t *testing.T) {
	oct3 := time.Date(2026, 10, 3, 9, 0, 0, 0, shanghai)
	testDeadline(t, []readCase{
		{"国庆节前上线", mon, "2026-09-30 +212d"},
		{"国庆前", sep30, "2026-09-30 +0d"},
		{"国庆前", oct3, "2027-09-30 +362d"},
		{"十一前", mon, "2026-09-30 +212d"},
		{"十一长假之前", mon, "2026-09-30 +212d"},
		{"国庆上线", mon, "2026-10-01 +213d"},
		{"before Golden Week", mon, "2026-09-30 +212d"},
		{"ahead of National Day", mon, "2026-09-30 +212d"},
		{"春节前", mon, "2027-02-05 +340d"},
		{"before Chinese New Year", mon, "2027-02-05 +340d"},
		{"除夕前", mon, "2027-02-04 +339d"},
		{"年前", mon, "2027-02-05 +340d"},
		{"双十一之前", mon, "2026-11-10 +253d"},
		{"双11前", mon, "2026-11-10 +253d"},
		{"by Singles' Day", mon, "2026-11-11 +254d"},
		{"618前", mon, "2026-06-17 +107d"},
		{"六一八之前", mon, "2026-06-17 +107d"},
		{"五一前", mon, "2026-04-30 +59d"},
		{"劳动节前", mon, "2026-04-30 +59d"},
		{"六一之前", mon, "2026-05-29 +88d"},
		{"端午节前", mon, "2026-06-18 +108d"},
		{"七夕", mon, "2026-08-19 +170d"},
		{"中秋节前", mon, "2026-09-24 +206d"},
		{"清明节前", mon, "2026-04-03 +32d"},
		{"元旦前", dec30c, "2026-12-31 +1d"},
		{"by Christmas", mon, "2026-12-25 +298d"},
		{"before Christmas", mon, "2026-12-24 +297d"},
		{"圣诞节前", mon, "2026-12-24 +297d"},
		{"Christmas Eve", mon, "2026-12-24 +297d"},
		{"by Thanksgiving", mon, "2026-11-26 +269d"},
		{"Black Friday", mon, "2026-11-27 +270d"},
		{"五一劳动节前", mon, "2026-04-30 +59d"},
		{"618大促前准备好", mon, "2026-06-17 +107d"},
		{"New Year's Day", mon, "2027-01-01 +305d"},
		// Not festivals, or not a deadline.
		{"the new year campaign", mon, "none"},
		{"劳动节后", mon, "none"},
		{"五一劳动节之后", mon, "none"},
		{"二十一前", mon, "none"},
		{"两年前", mon, "none"},
		{"今年前三季度的数据", mon, "none"},
		{"我要请年假", mon, "none"},
		{"we have 618 users", mon, "none"},
		{"618", mon, "none"},
		{"国庆后", mon, "none"},
		{"国庆节假期之后再说", mon, "none"},
		{"春节期间", mon, "none"},
		{"after Christmas", mon, "none"},
		{"春节前后不停线", mon, "none"},
		{"中间跨春节", mon, "none"},
		{"参考去年国庆的流量", mon, "none"},
		{"过完年再说", mon, "none"},
		{"节前", mon, "none"}, // which holiday is not known without a calendar
		{"十一月前", mon, "2026-10-30 +242d"},
	})
	// A limit counted from a festival.
	nov2, nov15 := time.Date(2026, 11, 2, 9, 0, 0, 0, shanghai), time.Date(2026, 11, 15, 9, 0, 0, 0, shanghai)
	testDeadline(t, []readCase{
		{"双十一后两周内完成费用核销", nov2, "2026-11-25 +23d"},
		{"双十一后两周内完成费用核销", nov15, "2026-11-25 +10d"},
		{"国庆后一个月内", mon, "2026-11-01 +244d"},
		{"十一后三天内", mon, "2026-10-04 +216d"},
		{"within 2 weeks after Christmas", mon, "2027-01-08 +312d"},
		{"the Giving Tuesday email", mon, "2026-12-01 +274d"},
		{"by Cyber Monday", mon, "2026-11-30 +273d"},
	})
	// On the Chinese calendar "before" skips the holiday and its weekend.
	testOn(t, "cn.Deadline", cn.Deadline, []readCase{
		{"国庆节前", mon, "2026-09-30 +212d"},
		{"春节前", mon, "2027-02-04 +339d"},
		{"春节前", feb12, "2026-02-14 +2d"},
		{"年前", feb12, "2026-02-14 +2d"},
		{"中秋前", sep18, "2026-09-24 +6d"},
		{"节前", mon, "2026-04-03 +32d"},
		{"放假前", sep18, "2026-09-24 +6d"},
		{"元旦前", dec30c, "2026-12-31 +1d"},
		// 春节 2026 is 17 February, not worked until the 23rd; Saturday the 28th is.
		{"春节后5个工作日内", feb12, "2026-02-28 +16d work"},
		// The first day back is the first working day after the holiday.
		{"国庆后第一天要装好", sep18, "2026-10-08 +20d"},
		{"国庆假期结束后的上班第一天", sep18, "2026-10-08 +20d"},
		{"节后第一个工作日", sep18, "2026-09-28 +10d"},
		{"the first working day after Golden Week", sep18, "2026-10-08 +20d"},
		{"国庆假期结束后再说", sep18, "none"},
	})
}
