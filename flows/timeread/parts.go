package timeread

import (
	"strconv"
	"time"
)

// This file reads weeks of a month and halves of a year, in both languages:
// "the first week of November", "11月第二周", "H1", "上半年", "年中". A week
// of a month means its Friday, a half its last day, as periods do
// elsewhere: the first week is the one that holds the month's first
// Friday, the last the one that holds its last Friday.

// partRules read weeks of a month and halves of a year.
var partRules = []rule{
	{
		kind:  deadline,
		needs: words("week"),
		re: rx(`\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+(?:the\s+month\s+of\s+)?` +
			enMonth + `(?:\s+(?P<year>20\d\d))?\b`),
		read: weekOfMonthRead,
	},
	{
		kind:  deadline,
		needs: words("月"),
		re: rx(`(?:(?P<year>\d{4})\s*年\s*)?` + zhMonthNum + `\s*月份?\s*的?\s*(?:第\s*(?P<nth>[一二三四1-4])|(?P<nth>最后一))\s*个?\s*(?:周|星期|礼拜)` +
			`(?:之内|以内|内)?` + zhBefore),
		read: weekOfMonthRead,
	},
	// "H1", "the first half of the year", "mid-year", "上半年", "年中", "明年下半年".
	{
		kind:  deadline,
		needs: words("h1 h2 half mid"),
		re: rx(`\b(?:(?:by|in)\s+)?(?:h(?P<half>[12])(?:\s+(?P<year>20\d\d))?|(?:the\s+)?(?P<hw>first|second)\s+half\s+of\s+(?:(?:the|this)\s+year|(?P<year>20\d\d))` +
			`|(?P<mid>mid[\s-]?year))\b`),
		read: halfYearRead,
	},
	{
		kind:  deadline,
		needs: words("半年 年中"),
		re:    rx(`(?:(?P<year>\d{4})\s*年\s*|(?P<rel>今年|明年))?(?:(?P<hz>上|下)半年|(?P<mid>年中))(?:底|末)?` + zhBefore),
		read:  halfYearRead,
	},
}

// nthWeek numbers the weeks of a month; 5 is the last.
var nthWeek = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
	"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "最后一": 5,
}

// weekOfMonthRead reads the Friday of the nth week of a month, of the year
// given or the next such.
func weekOfMonthRead(m match, at time.Time, _ Calendar) (Found, bool) {
	month := 0
	if name := m.group("month"); name != "" {
		month = enMonths[name[:3]]
	} else if n, ok := zhMonthOrDay(m.group("mon")); ok && n >= 1 && n <= 12 {
		month = n
	}
	n := nthWeek[m.group("nth")]
	if month == 0 || n == 0 {
		return Found{}, false
	}
	y := at.Year()
	if m.group("year") != "" {
		y, _ = strconv.Atoi(m.group("year"))
	} else if weekFriday(time.Date(y, time.Month(month), 1, 0, 0, 0, 0, at.Location()), n).Before(day(at)) {
		y++
	}
	return Found{Date: weekFriday(time.Date(y, time.Month(month), 1, 0, 0, 0, 0, at.Location()), n)}, true
}

// weekFriday returns the Friday of the nth week of first's month (5: the
// last week): the first week's Friday is the first Friday of the month.
func weekFriday(first time.Time, n int) time.Time {
	fri := nextWeekday(first, 4)
	if n < 5 {
		return addDays(fri, 7*(n-1))
	}
	last := lastOfMonth(first)
	for addDays(fri, 7).Before(addDays(last, 1)) {
		fri = addDays(fri, 7)
	}
	return fri
}

// halfYearRead reads a half of a year: H1, 上半年 and 年中 end on 30 June,
// H2 and 下半年 on 31 December; of the year given, or the next such.
func halfYearRead(m match, at time.Time, _ Calendar) (Found, bool) {
	month := time.June
	if m.group("half") == "2" || m.group("hw") == "second" || m.group("hz") == "下" {
		month = time.December
	}
	y := at.Year()
	switch {
	case m.group("year") != "":
		y, _ = strconv.Atoi(m.group("year"))
	case m.group("rel") == "明年":
		y++
	case m.group("rel") == "" && lastOfMonth(time.Date(y, month, 1, 0, 0, 0, 0, at.Location())).Before(day(at)):
		y++ // the next such half
	}
	return Found{Date: lastOfMonth(time.Date(y, month, 1, 0, 0, 0, 0, at.Location()))}, true
}
