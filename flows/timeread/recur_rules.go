package timeread

import (
	"regexp"
	"strings"
	"time"
)

// recurRules read cadences in both languages. They come first in the rule
// table, so that where one matches the very words of a "neither" rule
// ("every week", "每月") the cadence wins.
var recurRules = []rule{
	// "2nd Tuesday of every month", "the last Friday of each month".
	{
		kind:  recurring,
		needs: words("every each"),
		re:    rx(`\b(?P<ord>1st|2nd|3rd|4th|first|second|third|fourth|last)\s+(?P<wd>` + enWeekdayAny + `)\s+of\s+(?:every|each)\s+month\b`),
		recur: enRecurNthWeekday,
	},
	// "每月第一个周一", "每月最后一个星期五", "每月第一个 Monday": a weekday of
	// every month, before the rule of a week of every month reads "第一个周".
	{
		kind:  recurring,
		needs: words("每"),
		re:    rx(`每个?月份?的?\s*(?:第\s*(?P<nth>[一二三四1-4])|(?P<nth>最后一))\s*个?\s*(?:(?:周|星期|礼拜)(?P<zwd>[一二三四五六日天])|(?P<wd>` + enWeekdayAny + `))`),
		recur: zhRecurNthWeekday,
	},
	// "the first week of every month", "每个月第一周", "每月最后一周": a week
	// of each month, due on its Friday as a week of a month is.
	{
		kind:  recurring,
		needs: words("every each"),
		re:    rx(`\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(?:every|each)\s+month\b`),
		recur: weekOfEachMonth,
	},
	{
		kind:  recurring,
		needs: words("每"),
		re:    rx(`每个?月份?的?\s*(?:第\s*(?P<nth>[一二三四1-4])|(?P<nth>最后一))\s*个?\s*(?:周|星期|礼拜)`),
		recur: weekOfEachMonth,
	},
	// "the third business day of each month", "每月第 3 个工作日", "每月最后一个
	// 工作日": the nth working day of every month.
	{
		kind:  recurring,
		needs: words("every each"),
		re:    rx(`\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)\s+(?:working|business|work)\s+day\s+of\s+(?:every|each)\s+month\b`),
		recur: workdayOfEachMonth,
	},
	{
		kind:  recurring,
		needs: words("每"),
		re:    rx(`每个?月份?的?\s*(?:第\s*(?P<nth>[一二三四五1-5])|(?P<nth>最后一))\s*个?\s*工作日`),
		recur: workdayOfEachMonth,
	},
	// "every Monday", "each Fri", "every other Tuesday", "on Mondays",
	// "office hours Thursdays 3-4pm" (a weekday in the plural recurs),
	// "every Tuesday and Thursday", "on Tuesdays and Thursdays".
	{
		kind:  recurring,
		needs: words("every each days"),
		re: rx(`\b(?:(?:every|each)\s+(?P<other>other\s+)?(?P<wd>` + enWeekdayAny + `)(?P<more>(?:` + enAnd + `(?:every\s+)?` + enWeekdayAny + `)*)` +
			`|(?:on\s+)?(?P<wds>` + enPlural + `)(?P<more>(?:` + enAnd + enPlural + `)*))\b`),
		recur: enRecurWeekday,
	},
	// A bare list of weekdays ("joins vendor calls Tue/Thu", "office hours
	// Mon/Wed/Fri"), not one after a limit ("by Tue/Wed": one day or the
	// other, once).
	{
		kind:  recurring,
		needs: words("mon/ tue/ tues/ wed/ thu/ thur/ thurs/ fri/ sat/ sun/ day/"),
		re:    rx(`\b(?P<lim>(?:by|before|until|this|next|on|or)\s+)?(?P<wd>` + enWeekdayAny + `)(?P<more>(?:/` + enWeekdayAny + `)+)\b`),
		recur: enRecurWeekday,
	},
	// "every day", "every 2 weeks", "each working day", "every weekday",
	// "weekly", "fortnightly", "once a month", "at the start of each month".
	{
		kind:  recurring,
		needs: words("every each daily nightly weekly fortnightly monthly quarterly yearly annually once"),
		re: rx(`\b(?:(?:every|each)\s+(?P<other>other\s+)?(?:(?P<num>\d{1,2}|two|three|four|six)\s+)?(?P<work>working\s+|business\s+|week)?(?P<unit>day|week|month|quarter|year)s?` +
			`|(?P<adv>daily|nightly|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually)(?:\s+(?P<adj>active|average|volume|limit|cap|quota|peak|rate|users|visitors|traffic))?` +
			`|once\s+(?:a|per|every)\s+(?P<unit2>day|week|month|quarter|year)` +
			`|(?:every|each)\s+(?P<daypart>morning|afternoon|evening|night)` +
			`|(?:at\s+the\s+)?(?P<part>start|beginning|end|middle)\s+of\s+(?:every|each)\s+(?P<unit3>week|month|quarter))\b`),
		recur: enRecurPeriod,
	},
	// "within 2 days of each interview", "after every release", "before
	// each customer call", "2 days before each release".
	{
		kind:  recurring,
		needs: words("each every"),
		re: rx(`\b(?:within\s+` + enNum + enUnit + `\s+(?:of|after|(?P<ahead>before))|(?:` + enNum + enUnit + `\s+)?(?:after|following|(?P<ahead>before|ahead\s+of)))\s+(?:each|every)\s+` +
			`(?P<event>[a-z][a-z'-]*(?:\s+(?:call|meeting|round|review|session|release|interview|launch|demo|sprint|incident|request|ticket|order|visit|event|campaign|deploy(?:ment)?|hire|update|report|date)s?)?)\b`),
		recur: eventOf(enSpan),
	},
	// "every medical question from the booth handed to MI within 24 hours":
	// a time limit on each event, said after the event.
	{
		kind:  recurring,
		needs: words("each every"),
		re:    rx(`\b(?:each|every)\s+(?P<event>[a-z][a-z' -]{2,80}?)\s+within\s+` + enNum + enUnit),
		recur: eventWithin,
	},
	// "每周一", "每个星期五", "每隔周三" and "隔周五" (every other), "逢周五", "每周二、周四".
	{
		kind:  recurring,
		needs: words("每 逢 隔"),
		re:    rx(`(?:(?:每|逢)(?P<other>隔)?|(?P<other>隔))个?` + zhWeekday + `(?P<more>(?:\s*[、和及与/]\s*(?:周|星期|礼拜)?[一二三四五六日天])*)`),
		recur: zhRecurWeekday,
	},
	// "每天", "每个工作日", "每两周", "每隔一天", "每月初", "每月15号", "每季度末",
	// "每年", "每年3月", "每年3月31日前".
	{
		kind:  recurring,
		needs: words("每"),
		re: rx(`每(?P<other>隔)?\s*(?P<num>[一两二三四五六七八九十]|\d{1,2})?\s*个?\s*(?P<unit>工作日|天|日|周|星期|礼拜|月|季度|年)` +
			`(?:(?P<part>初|上旬|中旬|中|下旬|底|末)|\s*(?P<dom>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[号日]` +
			`|的?\s*` + zhMonthNum + `\s*月份?(?:\s*(?P<dom>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[号日])?)?`),
		recur: zhRecurPeriod,
	},
	// "每次面试后", "每场面试结束后两天内", "每次发版前", "每次发版前一天".
	{
		kind:  recurring,
		needs: words("每"),
		re:    rx(`每一?(?:次|场|轮|个|位)(?P<event>\p{Han}{1,8}?)(?:结束|完成|完)?(?:之后|以后|后|(?P<ahead>之前|以前|前))(?:的)?(?:` + zhNum + zhUnit(zhLimitUnits) + `(?:` + zhWithin + `)?)?`),
		recur: eventOf(zhSpan),
	},
	// "每场直播的录屏回放第二天中午前发给法务", "每批样品当天送检": the day after
	// each event, or the same day. A clause is read alone, so the day must
	// be in the event's clause.
	{
		kind:  recurring,
		needs: words("每"),
		re:    rx(`每一?(?:次|场|轮|期|批)(?P<event>\p{Han}{1,6}?)(?:结束|完成|完)?(?:的\p{Han}{0,12}?)?\s*(?P<next>第二天|次日|隔天|当天)`),
		recur: zhNextDay,
	},
}

// zhNextDay reads a recurrence the day after each event ("第二天", "次日")
// or on its day ("当天").
func zhNextDay(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	within := span{n: 1, unit: days}
	if m.group("next") == "当天" {
		within = span{}
	}
	return eventRead(m.group("event"), within, at)
}

// eventStops end the noun phrase that names an event: what follows says
// where it comes from or what is done with it.
var eventStops = map[string]bool{
	"from": true, "to": true, "in": true, "on": true, "at": true, "for": true, "of": true, "by": true, "with": true,
	"must": true, "should": true, "is": true, "are": true, "be": true, "gets": true, "get": true, "that": true, "which": true,
	"handed": true, "sent": true, "answered": true, "routed": true, "logged": true, "goes": true, "needs": true, "has": true,
}

// eventWithin reads a time limit on each event: the event is the noun
// phrase after "every", up to the first word that says more of it.
func eventWithin(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	var head []string
	for _, w := range strings.Fields(m.group("event")) {
		if eventStops[w] || len(head) == 4 {
			break
		}
		head = append(head, w)
	}
	within, ok := enSpan(m)
	if !ok || len(head) == 0 {
		return Recurrence{}, false
	}
	return eventRead(strings.Join(head, " "), within, at)
}

// eventOf reads a recurrence after each event, with the days after it
// read by spanOf when the match has a unit.
func eventOf(spanOf func(match) (span, bool)) func(match, time.Time, Calendar) (Recurrence, bool) {
	return func(m match, at time.Time, _ Calendar) (Recurrence, bool) {
		var within span
		if m.group("unit") != "" {
			s, ok := spanOf(m)
			if !ok {
				return Recurrence{}, false
			}
			within = s
		}
		r, ok := eventRead(m.group("event"), within, at)
		r.Before = m.group("ahead") != ""
		return r, ok
	}
}

// enAnd joins weekdays in a list; enPlural is a weekday in the plural.
const (
	enAnd    = `(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)`
	enPlural = `(?:mon|tues|wednes|thurs|fri|satur|sun)days`
)

// Weekday names inside a list, by language.
var (
	enWeekdayName = rx(`(?:mon|tue|wed|thu|fri|sat|sun)`)
	zhWeekdayName = rx(`[一二三四五六日天]`)
)

// enRecurWeekday reads "every Monday", "every other Friday", "on Mondays",
// "every Tuesday and Thursday".
func enRecurWeekday(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	if m.group("lim") != "" {
		return Recurrence{}, false
	}
	wd, ok := enWeekdays[(m.group("wd") + m.group("wds"))[:3]]
	return weeklyOn(wd, weekdaysIn(m.group("more"), enWeekdayName, enWeekdays), m.group("other") != "", at), ok
}

// enOrdinals number a weekday within its month; -1 is the last one.
var enOrdinals = map[string]int{"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4, "last": -1}

// enRecurNthWeekday reads "2nd Tuesday of every month": monthly, first on
// the next such day from at's day on.
func enRecurNthWeekday(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	wd, ok := enWeekdays[m.group("wd")[:3]]
	n := enOrdinals[m.group("ord")]
	if !ok || n == 0 {
		return Recurrence{}, false
	}
	return monthlyOn(wd, n, at)
}

// monthlyOn is the nth (-1: last) weekday wd (Monday 0) of every month,
// first due this month, or next month when it is past.
func monthlyOn(wd, n int, at time.Time) (Recurrence, bool) {
	y, mo, _ := at.Date()
	today := time.Date(y, mo, at.Day(), 0, 0, 0, 0, at.Location())
	for i := 0; i < 2; i++ {
		if d := nthWeekday(y, mo+time.Month(i), time.Weekday((wd+1)%7), n, at.Location()); !d.Before(today) {
			return Recurrence{Every: Monthly, Interval: 1, First: d, fixed: true}, true
		}
	}
	return Recurrence{}, false
}

// zhRecurNthWeekday reads a weekday of every month in Chinese, the
// weekday in either language: first due on it this month, or next month
// when it is past.
func zhRecurNthWeekday(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	wd, ok := zhWeekdays[m.group("zwd")]
	if w := m.group("wd"); w != "" {
		wd, ok = enWeekdays[strings.ToLower(w)[:3]]
	}
	n := nthWeek[m.group("nth")]
	if !ok || n == 0 {
		return Recurrence{}, false
	}
	if n == 5 {
		n = -1 // the last
	}
	return monthlyOn(wd, n, at)
}

// weekOfEachMonth reads a week of every month: first due on the Friday of
// that week this month, or next month when it is past.
func weekOfEachMonth(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	n := nthWeek[m.group("nth")]
	if n == 0 {
		return Recurrence{}, false
	}
	first := time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, at.Location())
	d := weekFriday(first, n)
	if d.Before(day(at)) {
		d = weekFriday(addMonths(first, 1), n)
	}
	return Recurrence{Every: Monthly, Interval: 1, First: d, fixed: true}, true
}

// nthWorkdays number the working day of a month a recurrence falls on;
// -1 is the last.
var nthWorkdays = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
	"fifth": 5, "5th": 5, "last": -1, "一": 1, "1": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4, "五": 5, "5": 5, "最后一": -1}

// workdayOfEachMonth reads the nth working day of every month: it first
// falls on this month's, or next month's when that has passed.
func workdayOfEachMonth(m match, at time.Time, cal Calendar) (Recurrence, bool) {
	n := nthWorkdays[m.group("nth")]
	if n == 0 {
		return Recurrence{}, false
	}
	first := time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, at.Location())
	d := nthWorkday(first, n, cal)
	if d.Before(day(at)) {
		d = nthWorkday(addMonths(first, 1), n, cal)
	}
	return Recurrence{Every: Monthly, Interval: 1, First: d, fixed: true}, true
}

// nthWorkday is the nth working day on cal of the month starting on
// first, the last for n -1.
func nthWorkday(first time.Time, n int, cal Calendar) time.Time {
	if n < 0 {
		return firstWorking(addDays(addMonths(first, 1), -1), cal, -1)
	}
	d := firstWorking(first, cal, 1)
	for range n - 1 {
		d = firstWorking(addDays(d, 1), cal, 1)
	}
	return d
}

// nthWeekday is the nth weekday wd of month mo of year y (the last for n
// -1), at midnight in loc.
func nthWeekday(y int, mo time.Month, wd time.Weekday, n int, loc *time.Location) time.Time {
	if n < 0 {
		last := time.Date(y, mo+1, 0, 0, 0, 0, 0, loc)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(y, mo, 1, 0, 0, 0, 0, loc)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// zhRecurWeekday reads "每周一", "每隔周三", "每周二、周四".
func zhRecurWeekday(m match, at time.Time, _ Calendar) (Recurrence, bool) {
	wd, ok := zhWeekdays[m.group("wd")]
	return weeklyOn(wd, weekdaysIn(m.group("more"), zhWeekdayName, zhWeekdays), m.group("other") != "", at), ok
}

// weekdaysIn numbers the weekdays named in the rest of a list.
func weekdaysIn(list string, name *regexp.Regexp, numbers map[string]int) []int {
	var wds []int
	for _, n := range name.FindAllString(list, -1) {
		wds = append(wds, numbers[n])
	}
	return wds
}

// laterWeekday returns weekday wd after t's day.
func laterWeekday(t time.Time, wd int) time.Time {
	if weekdayIndex(t) == wd {
		return addDays(t, 7)
	}
	return nextWeekday(t, wd)
}

// weeklyOn is a weekly recurrence on weekday wd and any more weekdays,
// every other week if other; it first falls on the next of them after
// the day it is offered: "every Monday" said on a Monday starts next week.
func weeklyOn(wd int, more []int, other bool, at time.Time) Recurrence {
	r := Recurrence{Every: Weekly, Interval: 1, First: laterWeekday(at, wd), fixed: true}
	for _, d := range more {
		if next := laterWeekday(at, d); next.Before(r.First) {
			r.First = next
		}
	}
	if other {
		r.Interval = 2
	}
	return r
}

// Words that name a cadence, by language.
var (
	enCadences = map[string]Unit{"day": Daily, "week": Weekly, "month": Monthly, "quarter": Quarterly, "year": Yearly}
	enAdverbs  = map[string]Recurrence{
		"daily": {Every: Daily, Interval: 1}, "nightly": {Every: Daily, Interval: 1}, "weekly": {Every: Weekly, Interval: 1},
		"biweekly": {Every: Weekly, Interval: 2}, "bi-weekly": {Every: Weekly, Interval: 2},
		"fortnightly": {Every: Weekly, Interval: 2}, "monthly": {Every: Monthly, Interval: 1},
		"quarterly": {Every: Quarterly, Interval: 1}, "yearly": {Every: Yearly, Interval: 1},
		"annually": {Every: Yearly, Interval: 1},
	}
	enParts = map[string]monthPart{"start": partStart, "beginning": partStart, "middle": partMiddle, "end": partEnd}
	zhCad   = map[string]Unit{
		"天": Daily, "日": Daily, "工作日": Daily, "周": Weekly, "星期": Weekly, "礼拜": Weekly,
		"月": Monthly, "季度": Quarterly, "年": Yearly,
	}
	weekParts = map[monthPart]int{partStart: 0, partMiddle: 2, partEnd: 4}
	zhParts   = map[string]monthPart{
		"初": partStart, "上旬": partStart, "中": partMiddle, "中旬": partMiddle,
		"下旬": partEnd, "底": partEnd, "末": partEnd,
	}
)

// enRecurPeriod reads "every 2 weeks", "each working day", "monthly",
// "once a week", "at the end of each month".
func enRecurPeriod(m match, at time.Time, cal Calendar) (Recurrence, bool) {
	if m.group("adj") != "" { // "daily active users" is a measure, not a cadence
		return Recurrence{}, false
	}
	r := Recurrence{Interval: 1, Every: enCadences[m.group("unit")+m.group("unit2")+m.group("unit3")]}
	if m.group("daypart") != "" {
		r.Every = Daily // "every morning, 10 to 12"
	}
	if a, ok := enAdverbs[m.group("adv")]; ok {
		r = a
	}
	if n := m.group("num"); n != "" {
		v, ok := enNumber(n)
		if !ok || v < 1 {
			return Recurrence{}, false
		}
		r.Interval = int(v)
	}
	if m.group("other") != "" {
		r.Interval = 2
	}
	r.WorkingDays = m.group("work") != "" && r.Every == Daily
	part, hasPart := enParts[m.group("part")]
	return withFirst(r, part, hasPart, 0, at, cal), true
}

// zhRecurPeriod reads "每天", "每个工作日", "每两周", "每隔一天" (every
// other day), "每月初", "每月15号", "每季度末".
func zhRecurPeriod(m match, at time.Time, cal Calendar) (Recurrence, bool) {
	r := Recurrence{Interval: 1, Every: zhCad[m.group("unit")], WorkingDays: m.group("unit") == "工作日"}
	if n := m.group("num"); n != "" {
		v, ok := zhNumber(n)
		if !ok || v < 1 {
			return Recurrence{}, false
		}
		r.Interval = int(v)
	}
	if m.group("other") != "" { // 每隔一天: one day skipped between
		r.Interval++
	}
	if m.group("mon") != "" { // 每年3月: the next March, or its day
		return yearlyOn(r, m, at, cal)
	}
	dom := 0
	if s := m.group("dom"); s != "" {
		n, ok := zhMonthOrDay(s)
		if !ok || n < 1 || n > 31 || r.Every != Monthly {
			return Recurrence{}, false
		}
		dom = n
	}
	part, hasPart := zhParts[m.group("part")]
	return withFirst(r, part, hasPart, dom, at, cal), true
}

// yearlyOn reads a yearly recurrence in a month, or on a day of it: it
// first falls as the deadline of the same words would.
func yearlyOn(r Recurrence, m match, at time.Time, cal Calendar) (Recurrence, bool) {
	month, ok := zhMonthOrDay(m.group("mon"))
	if !ok || month < 1 || month > 12 || r.Every != Yearly {
		return Recurrence{}, false
	}
	f, ok := monthRead(at, cal, "", month, "", false)
	if s := m.group("dom"); s != "" {
		dom, ok2 := zhMonthOrDay(s)
		f, ok = dateRead(at, "", month, dom)
		ok = ok && ok2
	}
	r.First, r.fixed = f.Date, true
	return r, ok
}

// withFirst sets a calendar recurrence's first occurrence. A part of a
// week is a weekday: its start Monday, its middle Wednesday, its end
// Friday ("每周末前", "at the end of each week").
func withFirst(r Recurrence, part monthPart, hasPart bool, dom int, at time.Time, cal Calendar) Recurrence {
	wd := -1
	if r.Every == Weekly && hasPart {
		wd = weekParts[part]
	}
	if !hasPart && r.Every != Weekly {
		part = partEnd // "every month" falls due at its end
	}
	r.First = cadenceFirst(r.Every, wd, part, dom, r.WorkingDays, at, cal)
	r.fixed = hasPart || dom > 0
	return r
}
