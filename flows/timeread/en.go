package timeread

import (
	"strconv"
	"strings"
	"time"
)

// Fragments of the English expressions. Rules see the text with its ASCII
// letters lowercased, so they are written in lowercase and read "FRIDAY"
// too. They start at a word boundary (\b), so "Friday" is never read out of
// a longer word. A word that introduces a deadline ("by", "before", "on",
// "due", "no later than") is not part of any rule: engine.go's leadIn adds
// it to whichever deadline follows it.
const (
	// enNum is a count: digits (num: "2", "1.5", "2+") or words (word: "two",
	// "a", "a couple of", "half a"). Words need a space before the unit, so
	// that "ah" is not "a h". Digits may take the Chinese measure word 个,
	// as people mixing languages write it ("18 个 working days").
	enNum = `(?:(?P<num>\d{1,3}(?:\.\d{1,2})?)\+?[\s-]*(?:个\s*)?|(?P<word>half(?:[\s-]+an?)?|(?:a\s+)?couple\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)[\s-]+)`
	// enUnit is the unit of a count; work marks working days ("5 business days").
	enUnit = `(?:(?P<work>working|business|work|biz)[\s-]?)?(?P<unit>days?|weeks?|fortnights?|months?|hours?|hrs?|h)\b`
	// enAbout allows a hedge before a count: "in about 2 weeks", "in ~3 days".
	enAbout = `(?:(?:about|around|roughly|approximately|approx\.?|~|under|less\s+than|at\s+most)\s*)?`
	// enMore allows "2 more days", "3 full weeks".
	enMore = `(?:(?:more|additional|extra|full)\s+)?`
	// enWeekSpan is the rest of a span of weekdays, "Monday to Friday", which is
	// a schedule and no day (span).
	enWeekSpan = `(?P<span>\s*(?:to|through|thru|-|–|~)\s*` + enWeekdayAny + `\b)?`
	// enWeekdayAny is a weekday in full or abbreviated, without a group.
	enWeekdayAny = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)`
	// enWeekday is a weekday written in full (wd).
	enWeekday = `(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	// enMonth is a month, in full or abbreviated (month).
	enMonth = `(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	// enOrdinal is a day of the month, "1", "1st", "22nd" (dom).
	enOrdinal = `(?P<dom>\d{1,2})(?:st|nd|rd|th)?\b`
	// enYear is an optional year after a month and day (year).
	enYear = `(?:,?\s+(?P<year>20\d\d)\b)?`
)

// enRules reads English. Order matters only between rules that match the
// very same words; otherwise the leftmost, longest phrase wins.
var enRules = []rule{
	// Today: "today", "ASAP", "tonight", "this afternoon", and "by EOD",
	// which before a day only says when on it ("by EOD Friday" is Friday).
	{
		kind:  deadline,
		needs: words("today asap a.s.a.p soon"),
		re:    rx(`\b(?:today|asap|a\.s\.a\.p\b\.?|as\s+soon\s+as\s+possible)\b`),
		read:  onDay(0, ""),
	},
	{
		kind:      deadline,
		needs:     words("eod cob end close"),
		re:        rx(`\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business)\b`),
		read:      onDay(0, ""),
		qualifies: qualifiesDay,
	},
	{kind: deadline, needs: words("tonight"), re: rx(`\btonight\b`), read: onDay(0, "pm")},
	{
		kind:  deadline,
		needs: words("this"),
		re:    rx(`\bthis\s+(?P<half>morning|afternoon|evening)\b`),
		read:  enThisHalf,
	},
	// "tomorrow", "the day after tomorrow".
	{kind: deadline, needs: words("tom tmr"), re: rx(`\b(?:tomorrow|tmrw?)\b`), read: onDay(1, "")},
	{kind: deadline, needs: words("tomorrow"), re: rx(`\b(?:the\s+)?day\s+after\s+tomorrow\b`), read: onDay(2, "")},
	// Weekdays: "Friday", "this Friday", "next Friday"; abbreviations only
	// after by/on/this/next, since "sat", "wed", "sun" are words too.
	{
		kind:      deadline,
		needs:     words("day"),
		re:        rx(`\b(?:(?P<rel>this|next|coming)\s+)?` + enWeekday + `\b` + enWeekSpan),
		read:      enWeekdayRead,
		qualifies: qualifiesDate,
	},
	{
		kind:      deadline,
		needs:     words("mon tue wed thu fri sat sun"),
		re:        rx(`\b(?P<rel>this|next|by|on|before|until|till|due)\s+(?P<wd>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?` + enWeekSpan),
		read:      enWeekdayRead,
		qualifies: qualifiesDate,
	},
	// Dates: "Nov 1", "November 1st, 2026", "1 Nov", "the 1st of November".
	{kind: deadline, needs: enMonthNeeds, re: rx(`\b` + enMonth + `\s+` + enOrdinal + enYear), read: enDateRead, date: true},
	{
		kind:  deadline,
		needs: enMonthNeeds,
		re:    rx(`\b(?:the\s+)?` + enOrdinal + `\s+(?:of\s+)?` + enMonth + `\b` + enYear),
		read:  enDateRead,
		date:  true,
	},
	// Numeric dates: "2026-11-01" (also / and .), and US month/day "11/1", "11/1/26".
	{
		kind:  deadline,
		needs: sepDigits("-/."), // a list numbered "1. …" holds no date
		re:    rx(`\b(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<dom>\d{1,2})\b`),
		read:  enDateRead,
		date:  true,
	},
	{
		kind:  deadline,
		needs: words("/"),
		re:    rx(`\b(?P<mon>\d{1,2})/(?P<dom>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?\b`),
		read:  enDateRead,
		date:  true,
	},
	// A day of this month, or of next month when past: "by the 15th".
	{
		kind:  deadline,
		needs: words("st nd rd th"),
		re:    rx(`\bthe\s+(?P<dom>\d{1,2})(?:st|nd|rd|th)\b`),
		read:  enDayOfMonthRead,
		date:  true,
	},
	// Periods, read as their last day: this week (Friday), next week, this
	// month, next month, this year.
	{
		kind:  deadline,
		needs: words("week eow"),
		re:    rx(`\b(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?week|(?:this\s+)?week'?s\s+end|eow|this\s+week)\b`),
		read:  onDate(func(at time.Time) time.Time { return endOfWeek(at, 0) }),
	},
	{
		kind:  deadline,
		needs: words("next"),
		re:    rx(`\b(?:the\s+)?(?:end\s+of\s+next\s+week|next\s+week)\b`),
		read:  onDate(func(at time.Time) time.Time { return endOfWeek(at, 1) }),
	},
	{
		kind:  deadline,
		needs: words("month eom"),
		re:    rx(`\b(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?month|(?:this\s+)?month[-\s]?end|eom|this\s+month)\b`),
		read:  onDate(lastOfMonth),
	},
	{
		kind:  deadline,
		needs: words("next"),
		re:    rx(`\b(?:the\s+)?(?:end\s+of\s+next\s+month|next\s+month)\b`),
		read:  onDate(func(at time.Time) time.Time { return lastOfMonth(addMonths(at, 1)) }),
	},
	{
		kind:  deadline,
		needs: words("year eoy"),
		re:    rx(`\b(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?year|(?:this\s+)?year[-\s]?end|eoy|this\s+year)\b`),
		read:  onDate(func(at time.Time) time.Time { return time.Date(at.Year(), 12, 31, 0, 0, 0, 0, at.Location()) }),
	},
	// A duration as a limit: "in 3 days", "within 2 weeks", "within the
	// next 5 working days", "in about 2 weeks", "2 weeks from now".
	{
		kind:  deadline,
		needs: words("in"),
		re:    rx(`\b(?:within|in|inside(?:\s+of)?)\s+(?:the\s+)?(?:next\s+)?` + enAbout + enNum + enUnit),
		read:  withinOf(enSpan),
	},
	{
		kind:  deadline,
		needs: words("from later"),
		re:    rx(`\b` + enNum + enUnit + `\s+(?:from\s+(?:now|today)|later)\b`),
		read:  withinOf(enSpan),
	},
	// A bare duration is a lead time: "2 days", "5 business days", "a
	// month", "3-day", "2 more weeks", "2-3 weeks" (the upper end).
	{kind: lead, needs: enUnitNeeds, re: rx(`\b` + enNum + enMore + enUnit), read: leadOf(enSpan)},
	// Neither: the past ("yesterday", "last Friday", "2 days ago", "the past
	// 2 weeks") and rates ("every 2 weeks", "once a week", "10k requests a day").
	{
		kind:  neither,
		needs: words("yesterday last past previous"),
		re:    rx(`\b(?:yesterday|(?:last|past|previous)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`),
	},
	{kind: neither, needs: words("ago"), re: rx(`\b` + enNum + enUnit + `\s+ago\b`)},
	{
		kind:  neither,
		needs: words("last past previous recent every each per once twice"),
		re:    rx(`\b(?:last|past|previous|recent|every|each|per|once|twice)\s+(?:other\s+)?` + enNum + `?` + enUnit),
	},
	{kind: neither, needs: words("/"), re: rx(`\b\d{1,2}/\d{1,2}\s+of\b`)}, // a fraction: "3/4 of the servers"
	{
		kind:  neither,
		needs: words("day week month hour"),
		re:    rx(`\b\d[\d,.]*\s*[km]?\s+(?:[a-z]+\s+){0,2}(?:a|per)\s+(?:day|week|month|hour)\b`),
	},
}

// enMonthNeeds and enUnitNeeds are the words without which no month name
// or no duration unit after a count can occur. "h" alone is in nearly
// every English text ("the"): an hour ("2h", "3 hours", "one hr") has
// what ends a count or a work word right before it (see enNum, enUnit).
var (
	enMonthNeeds = words("jan feb mar apr may jun jul aug sep oct nov dec")
	enUnitNeeds  = append(words("day week fortnight month 0h 1h 2h 3h 4h 5h 6h 7h 8h 9h +h -h 个h workh workingh businessh"),
		" h", "\th", "\nh", "\fh", "\rh")
)

// enWeekdays numbers weekdays from Monday 0, by their first three letters.
var enWeekdays = map[string]int{"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

// enWeekdayRead reads "Friday", "this Friday" (the next Friday, today
// included) and "next Friday" (the Friday of next calendar week).
func enWeekdayRead(m match, at time.Time, _ Calendar) (Found, bool) {
	if m.group("span") != "" {
		return Found{}, true // a schedule: its words name no day
	}
	wd, ok := enWeekdays[m.group("wd")[:3]]
	if m.group("rel") == "next" {
		return Found{Date: weekdayInWeek(at, 1, wd)}, ok
	}
	return Found{Date: nextWeekday(at, wd)}, ok
}

// enThisHalf reads "this morning" / "this afternoon" / "this evening".
func enThisHalf(m match, at time.Time, _ Calendar) (Found, bool) {
	return Found{Date: day(at), HalfDay: halfOf[m.group("half")]}, true
}

// enMonths numbers months by their first three letters.
var enMonths = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// enDateRead reads a date from the groups month (a name) or mon (a
// number), dom and year. Without a year it is the next such date.
func enDateRead(m match, at time.Time, _ Calendar) (Found, bool) {
	month, err := strconv.Atoi(m.group("mon"))
	if name := m.group("month"); name != "" {
		month, err = enMonths[name[:3]], nil
	}
	dom, err2 := strconv.Atoi(m.group("dom"))
	if err != nil || err2 != nil {
		return Found{}, false
	}
	return dateRead(at, m.group("year"), month, dom)
}

// enDayOfMonthRead reads "the 15th": this month's, or next month's when past.
func enDayOfMonthRead(m match, at time.Time, _ Calendar) (Found, bool) {
	dom, err := strconv.Atoi(m.group("dom"))
	d, ok := nextDayOfMonth(at, dom)
	return Found{Date: d}, ok && err == nil
}

// dateRead returns month-day of the given year (2 or 4 digits), or the
// next such date when year is "".
func dateRead(at time.Time, year string, month, dom int) (Found, bool) {
	if year == "" {
		d, ok := nextDate(at, month, dom)
		return Found{Date: d}, ok
	}
	y, err := strconv.Atoi(year)
	if len(year) == 2 {
		y += 2000
	}
	d, ok := dateOn(at, y, month, dom)
	return Found{Date: d}, ok && err == nil
}

// enUnits maps a unit word, lowercased, to its unit.
var enUnits = map[string]unit{
	"day": days, "days": days, "week": weeks, "weeks": weeks, "month": months, "months": months,
	"hour": hours, "hours": hours, "hr": hours, "hrs": hours, "h": hours,
}

// enSpan reads the count and unit groups of enNum and enUnit. Working weeks
// count five working days each.
func enSpan(m match) (span, bool) {
	n, ok := enNumber(m.group("num") + m.group("word"))
	s := span{n: n, unit: enUnits[m.group("unit")]}
	if strings.HasPrefix(m.group("unit"), "fortnight") {
		s = span{n: 2 * n, unit: weeks}
	}
	if m.group("work") != "" {
		switch s.unit {
		case days:
			s.unit = workingDays
		case weeks:
			s = span{n: 5 * n, unit: workingDays}
		}
	}
	return s, ok
}

// sepDigits lists each of the bytes of seps followed by a digit, as a
// date written in figures holds one.
func sepDigits(seps string) []string {
	var out []string
	for _, sep := range []byte(seps) {
		for d := byte('0'); d <= '9'; d++ {
			out = append(out, string([]byte{sep, d}))
		}
	}
	return out
}
