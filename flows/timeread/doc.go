// Package timeread reads deadlines ("by Friday", "明天上线", "国庆节前"),
// lead times ("we need 2 days", "需要2天做兼容性测试", "5个工作日") and
// recurrences ("every Monday", "每月初") out of what a department typed, in
// English and Chinese, against the moment the answer was written (a
// time.Time in the writer's time zone), on a Calendar: which public holidays
// are not worked, and how long a sprint is. The package functions read on
// the zero Calendar, Monday to Friday with no sprint length.
//
// # Deadline or lead time
//
// A phrase is read as one or the other, never both:
//
//   - A date, or a duration set as a limit, is a deadline: "tomorrow", "by
//     Friday", "Nov 1", "下周五", and "in 3 days", "within 2 weeks", "3 days
//     from now", "3天内", "3日内", "两周内", "5个工作日内", "3天后". A limit's
//     deadline is the day by which: at's day plus the duration, so "need it
//     within 3 days" is a deadline of at + 3 days.
//   - A bare duration is a lead time, the work it takes: "we need 3 days",
//     "2 days", "5 working days", "a month", "4 weeks before launch",
//     "需要2天", "两天", "5个工作日", "一个月", "半个月".
//
// Where phrases overlap, the one that starts first wins, then the longer, so
// "3天内" is a deadline and never also the lead time "3天". Phrases that name
// the past, a rate or an ordinal ("2 days ago", "last Friday", "every 2
// weeks", "3/4 of", "上周五", "3天前", "每天", "第三周", "一周年") are read as
// neither, and keep the other rules off their words; cadences among them are
// read by Recurring. So are a date after "after" or "since", or before "之后"
// ("ask again after the 20th", "4月底以后再说"), unless negated ("no changes
// after March 9" is a deadline), and a span of weekdays ("Monday to Friday").
//
// # Reading rules
//
//   - A weekday means the next such day, today included ("by Friday" on a
//     Friday is today); "next Friday", "下周五" mean the Friday of the next
//     calendar week (weeks start on Monday), "下下周五" the week after.
//   - A period means its last day: "this week", "end of week", "本周内",
//     "周末前" the Friday of this week (today on a weekend); "next week", "下周"
//     the Friday of next week; "end of month", "本月底", "next month", "下个月"
//     the last day of that month; "by November", "in November", "11月份" the
//     last day of November; "Q3", "Q3 end", "三季度末", "this quarter", "下季度"
//     the last day of the quarter; "year end", "年底" December 31.
//   - A week of a month ("the first week of November", "11月第二周") means its
//     Friday, the first week being the one with the month's first Friday; a
//     half of a year ("H1", "上半年", "年中", "下半年") its last day. "A fortnight"
//     is two weeks.
//   - A part of a month means the day that ends it: "early November", "3月初",
//     "下月初" the 10th; "mid-October", "月中", "10月中" the 15th; "中旬" the 20th;
//     "late November", "3月底" the last day; "the start of April" the 1st.
//   - Before a period or a festival ("before November", "11月前", "三季度前",
//     "国庆节前", "双十一之前", "before Christmas") is the last working day
//     before it starts; "before the end of" a period is by its end. A
//     festival named alone ("by Christmas", "国庆") is its day. Lunar
//     festivals (春节, 端午, 中秋, 七夕, 元宵, 除夕) and 清明 come from lunar-go;
//     "节前" is the last working day before the next public holiday, on the
//     Chinese calendar only. Names that are also numbers ("十一", "五一", "618",
//     "年" for 春节) are festivals only before 前: "十一前", "618前", "年前".
//     The first day back ("国庆后第一天", "节后第一个工作日", "the first working
//     day after Golden Week") is the first working day after the holiday.
//   - "EOD", "COB", "end of day", "下班前" are today, but right before another
//     day they only say when on it: "by EOD Friday" is Friday. A weekday right
//     before a date only names its day: "by Friday March 20" is March 20.
//   - Deadlines returns every deadline of a text, for a caller that wants the
//     earliest; a limit after a festival counts from it ("双十一后两周内").
//   - Sprints ("in 2 sprints", "2个迭代内", "两个sprint") count Calendar.SprintDays
//     calendar days each; when that is 0 the phrase is returned with
//     NeedsSprintDays and ok false, so the caller can ask for a sprint length.
//   - A date without a year is the next such date, today included: a date
//     already past rolls to the next year (Feb 29 to the next leap year),
//     "by the 15th" and "15号前" to next month. "11/1" is month/day (US
//     order), so "1/2" alone also reads as January 2.
//   - "ASAP", "EOD", "尽快" mean today. Explicit past dates ("2025-01-01")
//     are returned as written, with a negative Days.
//   - Working days are counted on a Calendar from the day after at's day:
//     Monday to Friday (5 working days from a Monday end on the next Monday),
//     and on the Chinese calendar (Holidays "cn") without public holidays and
//     with the 调休 weekends that are worked, from lunar-go's HolidayUtil (5
//     working days from 30 September 2026 end on 13 October). A working week
//     is 5 working days. Parts of a day round up: "3 hours", "半天" of
//     work take 1 day, "1.5 days" 2; "一个半月" is a month and 15 days. A
//     deadline in hours ("within 3 hours") is the day those hours end.
//   - A range reads as its upper end: "2-3 weeks", "两三天".
//   - "morning", "noon", "上午", "中午", "明早" set HalfDay "am" (by noon the
//     work is done in the morning); "afternoon", "evening",
//     "tonight", "下午", "晚上", "今晚" set "pm".
//   - Seconds, minutes, percentages, multipliers, hours of cover and counts
//     of things ("5秒", "30 minutes", "40%", "3x", "7×24小时", "24/7", "2名")
//     are not durations; counts over 999 are not read.
//
// # Recurrences
//
// A cadence is neither a deadline nor a lead time: "every Monday", "each
// week", "weekly", "every other Friday", "on Mondays", "每周一", "每两周",
// "每月初", "每月15号", "每个月第一周" (its Friday), "每个工作日", "quarterly",
// "每年3月", and work after or
// before each event, "within 2 days
// of each interview", "每场面试结束后两天内". Recurring reads it, with its
// first occurrence on or after the writer's day (none for events); Deadline
// and Lead read no date out of its words. "Monday to Friday", "周一到周五"
// and "daily active users" are no cadence and no deadline.
//
// # Why not github.com/olebedev/when
//
// when v1.1.0 was tried first. Its Chinese rules panic (slice bounds out of
// range) on most inputs, "今天", "明天", "后天上午" and "设备型号清单" among
// them, and read no "3天内" and no "2026年11月1日". Its English rules read
// "the day after tomorrow" as tomorrow, "next Friday" as this week's Friday,
// "2026-11-01" as 11:01 today and "11/1" as day/month, and know no "end of
// month", "next week", "EOD" or "ASAP". It reads no lead times at all. So
// this package keeps its own small rule tables, en.go and zh.go: one rule
// per phrase shape, each a commented RE2 expression (linear time on any
// input) with a function that turns the match into a date. engine.go runs
// them and chooses among overlapping matches; recur_rules.go, periods.go,
// parts.go and festivals.go hold the rules of both languages for cadences,
// months, quarters, sprints, weeks of a month, halves of a year and festivals.
package timeread
