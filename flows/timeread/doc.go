// Package timeread reads deadlines ("by Friday", "明天上线") and lead times
// ("we need 2 days", "需要2天做兼容性测试", "5个工作日") out of what a
// department typed, in English and Chinese, against the moment the answer
// was written (a time.Time in the writer's time zone).
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
// neither, and keep the other rules off their words.
//
// # Reading rules
//
//   - A weekday means the next such day, today included ("by Friday" on a
//     Friday is today); "next Friday", "下周五" mean the Friday of the next
//     calendar week (weeks start on Monday), "下下周五" the week after.
//   - A period means its last day: "this week", "end of week", "本周内",
//     "周末前" the Friday of this week (today on a weekend); "next week", "下周"
//     the Friday of next week; "end of month", "本月底", "next month", "下个月"
//     the last day of that month; "year end", "年底" December 31; "3月初",
//     "3月中旬", "3月底" the 10th, the 20th, the last day of March.
//   - A date without a year is the next such date, today included: a date
//     already past rolls to the next year (Feb 29 to the next leap year),
//     "by the 15th" and "15号前" to next month. "11/1" is month/day (US
//     order), so "1/2" alone also reads as January 2.
//   - "ASAP", "EOD", "尽快" mean today. Explicit past dates ("2025-01-01")
//     are returned as written, with a negative Days.
//   - Working days skip Saturday and Sunday, counted from the day after at's
//     day (5 working days from a Monday end on the next Monday); a working
//     week is 5 working days. Parts of a day round up: "3 hours", "半天" of
//     work take 1 day, "1.5 days" 2; "一个半月" is a month and 15 days. A
//     deadline in hours ("within 3 hours") is the day those hours end.
//   - A range reads as its upper end: "2-3 weeks", "两三天".
//   - "morning", "上午", "明早" set HalfDay "am"; "afternoon", "evening",
//     "tonight", "下午", "晚上", "今晚" set "pm".
//   - Seconds, minutes, percentages, multipliers and counts of things ("5秒",
//     "30 minutes", "40%", "3x", "2名") are not durations; counts over 999
//     are not read.
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
// them and chooses among overlapping matches.
package timeread
