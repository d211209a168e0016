package timeread

import (
	"strconv"
	"strings"
	"time"
)

// Fragments of the Chinese expressions. Chinese has no word boundaries;
// the rules rely instead on the longest phrase winning ("大后天" over "后天",
// "下周五" over "下周") and on the "neither" rules at the end of the table.
const (
	// zhBefore is the optional "before" after a date: "周五前", "11月1日之前".
	zhBefore = `(?:之前|以前|前)?`
	// zhNum is a count: digits, Chinese numerals ("十五", "二十一", "两") or 半.
	zhNum = `(?P<num>\d{1,3}(?:\.\d{1,2})?|[零〇一二两三四五六七八九十百]{1,6}|半)`
	// zhMonthNum and zhDayNum are a month (1–12) and a day of month (1–31),
	// in digits or in Chinese numerals.
	zhMonthNum = `(?P<mon>\d{1,2}|十[一二]?|[一二三四五六七八九])`
	zhDayNum   = `(?P<dom>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`
	// zhWeekday is the day after 周/星期/礼拜 (wd); 日 and 天 are Sunday.
	zhWeekday = `(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])`
	// zhWithin and zhAfter turn a duration into a deadline: "3天内", "3天后".
	zhWithin = `\s*(?:之内|以内|内)`
	zhAfter  = `\s*(?:之后|以后|后)`
)

// zhUnit is the unit of a count. ge is the measure word 个, which 月 needs
// ("3个月" is three months, "3月" is March); half is a trailing or inner
// 半 ("一天半", "一个半月"). units lists the unit words the rule accepts.
func zhUnit(units string) string {
	return `\s*(?P<ge>个)?(?P<half>半)?\s*(?P<unit>` + units + `)(?P<half2>半)?`
}

// zhDurationUnits are the units of a lead time. 日 is left out ("3日" is
// the 3rd) except in 工作日; a deadline "3日内" may use it.
const (
	zhDurationUnits = `工作日|天|周|星期|礼拜|月|小时|钟头`
	zhLimitUnits    = zhDurationUnits + `|日`
)

// zhRules reads Chinese.
var zhRules = []rule{
	// Today: "今天", "今晚" (pm), "今早" (am), "尽快".
	{
		kind:  deadline,
		needs: words("今 当 尽 越快"),
		re:    rx(`(?:今天|今日|当天|当日|尽快|尽早|越快越好)(?:之内|以内|内)?`),
		read:  onDay(0, ""),
	},
	{kind: deadline, needs: words("下班 收工"), re: rx(`(?:下班|收工)(?:之|以)?前`), read: onDay(0, ""), qualifies: qualifiesDay},
	{kind: deadline, needs: words("今"), re: rx(`今(?:天)?(?:晚|夜)(?:上)?`), read: onDay(0, "pm")},
	{kind: deadline, needs: words("今"), re: rx(`今(?:早|晨)`), read: onDay(0, "am")},
	// Tomorrow and after: "明天", "明早" (am), "明晚" (pm), "后天", "大后天".
	{kind: deadline, needs: words("明"), re: rx(`明(?:天|日|儿)`), read: onDay(1, "")},
	{kind: deadline, needs: words("明"), re: rx(`明(?:早|晨)`), read: onDay(1, "am")},
	{kind: deadline, needs: words("明"), re: rx(`明晚`), read: onDay(1, "pm")},
	{kind: deadline, needs: words("后天"), re: rx(`后天`), read: onDay(2, "")},
	{kind: deadline, needs: words("后天"), re: rx(`大后天`), read: onDay(3, "")},
	// Weekdays: "周五", "星期五", "礼拜五", "本周五", "周五前" (the next one),
	// "下周五" (next calendar week), "下下周五" (the week after); a span
	// "周一到周五" is a schedule.
	{
		kind:  deadline,
		needs: zhWeekNeeds,
		re:    rx(`(?P<rel>下下|下个?|本|这个?)?` + zhWeekday + `(?P<span>\s*(?:到|至|-|~|～|—)\s*(?:周|星期|礼拜)?[一二三四五六日天])?` + zhBefore),
		read:  zhWeekdayRead,
	},
	// Periods, read as their last day: "本周内", "这周" (Friday), "周末前"
	// (Friday), "下周", "下一周", "本月底", "月底前", "下个月", "下一个月", "年底".
	{
		kind:  deadline,
		needs: zhThisWeekNeeds,
		re:    rx(`(?:本|这个?)?周末(?:之前|以前|前)|(?:本|这个?|这一)(?:周|星期|礼拜)(?:之内|以内|内)?`), // 周末前 first: RE2 takes the first alternative that matches
		read:  onDate(func(at time.Time) time.Time { return endOfWeek(at, 0) }),
	},
	{
		kind:  deadline,
		needs: words("下"),
		re:    rx(`下(?P<next>下)?(?:一)?个?(?:周|星期|礼拜)(?:之内|以内|内)?`),
		read:  zhNextWeek,
	},
	{
		kind:  deadline,
		needs: words("月底 月末 本月 这月 这个月"), // 月 alone is in every date
		re:    rx(`(?:(?:本|这个?|当)?月(?:底|末)|(?:本|这个?)月(?:之内|以内|内)?)` + zhBefore),
		read:  onDate(lastOfMonth),
	},
	{
		kind:  deadline,
		needs: words("下"),
		re:    rx(`下(?:一)?个?月(?:底|末|之内|以内|内)?` + zhBefore),
		read:  onDate(func(at time.Time) time.Time { return lastOfMonth(addMonths(at, 1)) }),
	},
	{
		kind:  deadline,
		needs: words("年"),
		re:    rx(`(?:(?:今|本)?年(?:底|末)|(?:今|本)?年(?:之内|以内|内))` + zhBefore),
		read:  onDate(func(at time.Time) time.Time { return time.Date(at.Year(), 12, 31, 0, 0, 0, 0, at.Location()) }),
	},
	// Dates: "11月1日", "11月1号前", "2026年11月1日", "十一月一日", "下个月5号", "15号前".
	{
		kind:  deadline,
		needs: words("月"),
		re:    rx(`(?:(?P<year>\d{4})\s*年\s*)?` + zhMonthNum + `\s*月\s*` + zhDayNum + `\s*[日号]` + zhBefore),
		read:  zhDateRead,
	},
	{
		kind:  deadline,
		needs: words("下"),
		re:    rx(`(?P<next>下)个?月\s*` + zhDayNum + `\s*[日号]` + zhBefore),
		read:  zhDateRead,
	},
	{kind: deadline, needs: words("号"), re: rx(zhDayNum + `\s*号\s*(?:之前|以前|前)`), read: zhDateRead},
	// The short form "11.1前": only with 前, as "1.5" alone is a number.
	{kind: deadline, needs: words("前"), re: rx(`(?P<mon>\d{1,2})\.(?P<dom>\d{1,2})\s*(?:之前|以前|前)`), read: zhDateRead},
	// A duration as a limit: "3天内", "两周内", "5个工作日内", "3日内", "3天后".
	{kind: deadline, needs: words("内"), re: rx(zhNum + zhUnit(zhLimitUnits) + zhWithin), read: withinOf(zhSpan)},
	{kind: deadline, needs: words("后"), re: rx(zhNum + zhUnit(zhLimitUnits) + zhAfter), read: withinOf(zhSpan)},
	// A bare duration is a lead time: "2天", "两周", "5个工作日", "一个月",
	// "半个月", "3个小时", "一天半", "两三天" (the upper end).
	{kind: lead, needs: zhUnitNeeds, re: rx(zhNum + zhUnit(zhDurationUnits)), read: leadOf(zhSpan)},
	// Neither: the past ("上周五", "上个月", "昨天", "3天前"), rates and
	// ordinals ("每天", "每两周", "第三周", "一周年"), recent spans ("最近3天"),
	// and words ending in 后 that would otherwise lend it to "后天" ("之后天天").
	{
		kind:  neither,
		needs: words("上上 上个 上周 上星期 上礼拜 上月 去年 明年 后年 昨 前天"), // 上 alone is in every "上线"
		re:    rx(`上上?个?(?:(?:周|星期|礼拜)[一二三四五六日天末]?|月(?:底|末|初)?)|(?:去年|前年)(?:\s*` + zhMonthNum + `\s*月)?|明年|后年|昨(?:天|日|晚)|大?前天`),
	},
	{kind: neither, needs: words("前"), re: rx(zhNum + zhUnit(zhLimitUnits) + `\s*(?:之前|以前|前)`), read: agoRead},
	{
		kind:  neither,
		needs: words("每 过去 近"),
		re:    rx(`(?:每|过去|最近|近)(?:的)?\s*(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,6}|半)?\s*个?\s*(?:工作日|天|日|周|星期|礼拜|月|小时|钟头)`),
	},
	{
		kind:  neither,
		needs: words("第 周年"),
		re:    rx(`第\s*(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,6})|(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,6})\s*周年`),
	},
	{kind: neither, needs: words("后"), re: rx(`[之以然随最今往此]后`)},
	// Neither: hours of cover, days by hours ("7×24小时有人值班", "5x8
	// hours", "24/7"), say when someone is there, not how long work takes.
	{kind: neither, needs: words("× x * /"), re: rx(`\b\d{1,2}\s*[×x*]\s*\d{1,2}(?:\s*(?:个?小时|hours?|h)\b)?|\b24\s*/\s*7\b`)},
}

// zhWeekNeeds and zhUnitNeeds are the characters without which no week
// word or no duration unit can occur.
var (
	zhWeekNeeds = words("周 星期 礼拜")
	// zhThisWeekNeeds are the words without which there is no "this week"
	// nor "周末前": a weekday alone ("周五") need not run its rule.
	zhThisWeekNeeds = words("周末 本周 本星期 本礼拜 这周 这星期 这礼拜 这个周 这个星期 这个礼拜 这一周 这一星期 这一礼拜")
	zhUnitNeeds     = words("天 周 星期 礼拜 月 时 钟头 工作日")
)

// zhWeekdays numbers weekdays from Monday 0.
var zhWeekdays = map[string]int{"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

// zhWeekdayRead reads "周五" / "本周五" (the next Friday, today included)
// and "下周五" / "下下周五" (Friday of the next / the following week).
func zhWeekdayRead(m match, at time.Time, _ Calendar) (Found, bool) {
	if m.group("span") != "" {
		return Found{}, true // "周一到周五" is a schedule: its words name no day
	}
	wd, ok := zhWeekdays[m.group("wd")]
	switch rel := m.group("rel"); {
	case rel == "下下":
		return Found{Date: weekdayInWeek(at, 2, wd)}, ok
	case strings.HasPrefix(rel, "下"):
		return Found{Date: weekdayInWeek(at, 1, wd)}, ok
	}
	return Found{Date: nextWeekday(at, wd)}, ok
}

// zhNextWeek reads "下周" (Friday of next week) and "下下周" (the week after).
func zhNextWeek(m match, at time.Time, _ Calendar) (Found, bool) {
	if m.group("next") != "" {
		return Found{Date: endOfWeek(at, 2)}, true
	}
	return Found{Date: endOfWeek(at, 1)}, true
}

// zhDateRead reads year, mon and dom: "2026年11月1日", "11月1号" (the next
// such date), "下个月5号" (next month), "15号前" (this month, else next).
func zhDateRead(m match, at time.Time, _ Calendar) (Found, bool) {
	dom, ok := zhMonthOrDay(m.group("dom"))
	if !ok {
		return Found{}, false
	}
	if m.group("mon") != "" {
		month, ok := zhMonthOrDay(m.group("mon"))
		if !ok {
			return Found{}, false
		}
		return dateRead(at, m.group("year"), month, dom)
	}
	if m.group("next") != "" {
		next := addMonths(time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, at.Location()), 1)
		d, ok := dateOn(at, next.Year(), int(next.Month()), dom)
		return Found{Date: d}, ok
	}
	d, ok := nextDayOfMonth(at, dom)
	return Found{Date: d}, ok
}

// zhMonthOrDay reads a month or day number in digits or Chinese numerals.
func zhMonthOrDay(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	return cnNumber(s)
}

// agoRead keeps "3天前", "两个月前" from other rules, but not "11月前"
// (before November): a count of months needs 个.
func agoRead(m match, _ time.Time, _ Calendar) (Found, bool) {
	_, ok := zhSpan(m)
	return Found{}, ok
}

// zhUnits maps a unit word to its unit.
var zhUnits = map[string]unit{
	"天": days, "日": days, "工作日": workingDays, "周": weeks, "星期": weeks, "礼拜": weeks,
	"月": months, "小时": hours, "钟头": hours,
}

// zhSpan reads the count and unit groups of zhNum and zhUnit. A month
// needs 个 ("3个月"; "3月" is March) unless the count is 半 ("半月").
func zhSpan(m match) (span, bool) {
	n, ok := zhNumber(m.group("num"))
	u := zhUnits[m.group("unit")]
	if u == months && m.group("ge") == "" && m.group("num") != "半" {
		return span{}, false
	}
	if m.group("half") != "" || m.group("half2") != "" {
		n += 0.5
	}
	return span{n: n, unit: u}, ok
}
