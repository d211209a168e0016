package timeread

import (
	"strconv"
	"time"
)

// This file reads months, parts of months, quarters and sprints, in both
// languages. A period means its last day, as elsewhere in the package:
// "by November", "in Q3", "11月", "三季度末". A part of a month means the day
// that ends it: early 10th, mid 15th, 中旬 20th, late and end the last day;
// "the start of" a month is its 1st. "Before" a period or "11月前" is the
// last working day before it starts.

// monthParts gives the day that ends a part of a month; 0 is its last day.
var monthParts = map[string]int{
	"early": 10, "mid": 15, "middle": 15, "late": 0, "end": 0, "start": 1, "beginning": 1,
	"初": 10, "上旬": 10, "中": 15, "中旬": 20, "下旬": 0, "底": 0, "末": 0,
}

// periodRules read months, quarters and sprints.
var periodRules = []rule{
	// "by November", "in mid-October", "early Nov 2027", "before March",
	// "the end of November". A month alone needs a word before it, as
	// "may" and "march" are words too. The rule reads a day after the
	// month too ("by Nov 1"), so that its leading word never takes the
	// month away from the date.
	{
		kind:  deadline,
		needs: enMonthNeeds,
		re: rx(`\b(?:(?P<before>before|prior\s+to|ahead\s+of)\s+|(?P<by>by|in|during|until|till|due)\s+)?(?:the\s+)?` +
			`(?:(?P<part>early|mid|middle|late|end|start|beginning)(?:\s+of)?[\s-]*)?` + enMonth +
			`(?:\s+` + enOrdinal + enYear + `|(?:\s+(?P<year2>20\d\d))?\b)`),
		read: enMonthRead,
		date: true,
	},
	// "early next month", "mid-month", "by the middle of this month".
	{
		kind:  deadline,
		needs: words("month"),
		re:    rx(`\b(?:the\s+)?(?P<part>early|mid|middle|late|start|beginning)(?:\s+of)?[\s-]*(?:(?P<rel>next|this|the)\s+)?month\b`),
		read:  relMonthRead,
	},
	// "11月", "11月份", "明年3月", "2027年3月", "11月前", "11月中", "11月中旬前";
	// with a day it is a date ("明年3月5日"), and an impossible one ("2月30日")
	// is not read as its month.
	{
		kind:  deadline,
		needs: words("月"),
		re: rx(`(?:(?P<year>\d{4})\s*年\s*|(?P<rel>今年|明年))?` + zhMonthNum + `\s*月份?\s*` +
			`(?:` + zhDayNum + `\s*[日号]|(?P<part>底|末|初|上旬|中旬|中|下旬))?(?P<before>之前|以前|前)?`),
		read: zhMonthRead,
	},
	// "月中", "本月中旬前", "下月初", "下个月中".
	{
		kind:  deadline,
		needs: words("初 旬 中"), // the part of the month: 月 alone is in every date
		re:    rx(`(?:(?P<rel>本|这个?|下个?))?月\s*(?P<part>初|上旬|中旬|中|下旬)` + zhBefore),
		read:  relMonthRead,
	},
	// "Q3", "end of Q3", "Q3 end", "the third quarter", "before Q4 2027",
	// "before Q4 closes" (by its end).
	{
		kind:  deadline,
		needs: words("q quarter"),
		re: rx(`\b(?:(?P<before>before|prior\s+to|ahead\s+of)\s+)?(?:(?:the\s+)?(?P<qend>end)\s+of\s+)?(?:the\s+)?` +
			`(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s+(?P<year>20\d\d))?(?:\s+(?P<qend>end|ends|closes|is\s+over))?\b`),
		read: quarterRead,
	},
	// "end of the quarter", "this quarter", "EOQ", "next quarter".
	{
		kind:  deadline,
		needs: words("quarter eoq"),
		re:    rx(`\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter|(?:this\s+)?quarter[-\s]?end|eoq|this\s+quarter|(?P<rel>next)\s+quarter|end\s+of\s+(?P<rel2>next)\s+quarter)\b`),
		read:  quarterRead,
	},
	// "三季度末", "第三季度", "Q3末", "2027年一季度前", "本季度末", "下季度", "季度末", "季末".
	{
		kind:  deadline,
		needs: words("季"),
		re: rx(`(?:(?P<year>\d{4})\s*年\s*|(?P<rel>今年|明年))?(?:第\s*(?P<qz>[一二三四1-4])|(?P<qz2>[一二三四])|q(?P<q>[1-4]))\s*季度?` +
			`(?P<qend>末|底)?(?P<before>之前|以前|前)?` +
			`|(?:(?:本|这个?|当)?季度(?:末|底)|季(?:末|底)|(?:本|这个?)季度(?:之内|以内|内)?|(?P<rel2>下个?)季度(?:末|底)?)` + zhBefore),
		read: quarterRead,
	},
	// Neither: the first quarters of a year, "前三季度".
	{kind: neither, needs: words("季度"), re: rx(`前\s*[一二三四两1-4]\s*个?\s*季度`)},
	{
		kind: deadline, needs: words("q"),
		re:   rx(`\bq(?P<q>[1-4])\s*(?P<qend>末|底)?(?P<before>之前|以前|前)?`),
		read: quarterRead,
	},
	// Sprints: "in 2 sprints", "within a sprint", "2个迭代内", "两个sprint后"
	// are deadlines; "2 sprints", "一个迭代" lead times.
	{
		kind:  deadline,
		needs: words("sprint"),
		re:    rx(`\b(?:within|in|inside(?:\s+of)?)\s+(?:the\s+)?(?:next\s+)?` + enAbout + enNum + `(?:more\s+)?sprints?\b`),
		read:  sprintsOf(enNumber),
	},
	{kind: lead, needs: words("sprint"), re: rx(`\b` + enNum + enMore + `sprints?\b`), read: sprintsOf(enNumber)},
	{
		kind:  deadline,
		needs: words("sprint 迭代 冲刺"),
		re:    rx(zhNum + `\s*个?\s*(?:sprints?|迭代|冲刺)(?:` + zhWithin + `|` + zhAfter + `)`),
		read:  sprintsOf(zhNumber),
	},
	{kind: lead, needs: words("sprint 迭代 冲刺"), re: rx(zhNum + `\s*个?\s*(?:sprints?|迭代|冲刺)`), read: sprintsOf(zhNumber)},
}

// enMonthRead reads "by November", "mid-October", "before March".
func enMonthRead(m match, at time.Time, cal Calendar) (Found, bool) {
	if m.group("dom") != "" {
		return enDateRead(m, at, cal)
	}
	month, year := enMonths[m.group("month")[:3]], m.group("year2")
	if m.group("part")+year+m.group("before")+m.group("by") == "" {
		return Found{}, false // a month alone: "may", "march", "the November show"
	}
	if ahead := (month - int(at.Month()) + 12) % 12; m.group("by") == "in" && year == "" && ahead >= 9 {
		return Found{}, false // "the bid in July", said in August, is of the last three months
	}
	part := m.group("part") // "before the end of May" is by its end
	return monthRead(at, cal, year, month, part, part == "" && m.group("before") != "")
}

// zhMonthRead reads "11月", "明年3月", "11月中旬前", "11月前".
func zhMonthRead(m match, at time.Time, cal Calendar) (Found, bool) {
	month, ok := zhMonthOrDay(m.group("mon"))
	if !ok || month < 1 || month > 12 {
		return Found{}, false
	}
	year := m.group("year")
	switch m.group("rel") {
	case "今年":
		year = strconv.Itoa(at.Year())
	case "明年":
		year = strconv.Itoa(at.Year() + 1)
	}
	if m.group("dom") != "" {
		dom, ok := zhMonthOrDay(m.group("dom"))
		if !ok {
			return Found{}, false
		}
		return dateRead(at, year, month, dom)
	}
	part := m.group("part")
	return monthRead(at, cal, year, month, part, part == "" && m.group("before") != "")
}

// relMonthRead reads a part of this or next month: "early next month",
// "mid-month" (this month's, or next month's once past), "下月初", "月中".
func relMonthRead(m match, at time.Time, cal Calendar) (Found, bool) {
	dom := monthParts[m.group("part")]
	first := time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, at.Location())
	rel := m.group("rel")
	if rel == "next" || (rel != "" && rel[0] == "下"[0]) {
		return Found{Date: monthDay(addMonths(first, 1), dom)}, true
	}
	if d := monthDay(first, dom); rel != "" || !d.Before(day(at)) {
		return Found{Date: d}, true
	}
	return Found{Date: monthDay(addMonths(first, 1), dom)}, true
}

// monthRead reads a month of year (digits, or "" for the next such) and
// a part of it; before is the last working day before the month starts.
func monthRead(at time.Time, cal Calendar, year string, month int, part string, before bool) (Found, bool) {
	dom := monthParts[part]
	y := at.Year()
	if year != "" {
		y, _ = strconv.Atoi(year)
	} else if monthDay(time.Date(y, time.Month(month), 1, 0, 0, 0, 0, at.Location()), dom).Before(day(at)) {
		y++ // the next such: a part already past is next year's
	}
	first := time.Date(y, time.Month(month), 1, 0, 0, 0, 0, at.Location())
	if before {
		return Found{Date: workingBefore(first, cal)}, true
	}
	return Found{Date: monthDay(first, dom)}, true
}

// monthDay returns day dom of first's month, its last day when dom is 0.
func monthDay(first time.Time, dom int) time.Time {
	if dom == 0 {
		return lastOfMonth(first)
	}
	return addDays(first, dom-1)
}

// workingBefore returns the last working day on cal before d's day.
func workingBefore(d time.Time, cal Calendar) time.Time {
	return firstWorking(addDays(d, -1), cal, -1)
}

// quarterNumbers reads a quarter named in words.
var quarterNumbers = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
	"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
}

// quarterRead reads a quarter: named ("Q3", "三季度"), of a year or the next
// such, or this quarter, or the next. It means the quarter's last day, or
// with "before" the last working day before it starts.
func quarterRead(m match, at time.Time, cal Calendar) (Found, bool) {
	q := quarterNumbers[m.group("q")+m.group("qw")+m.group("qz")+m.group("qz2")]
	this := (int(at.Month())-1)/3 + 1
	y := at.Year()
	switch {
	case q == 0 && m.group("rel")+m.group("rel2") != "" && m.group("rel") != "今年":
		q = this + 1
	case q == 0:
		q = this
	case m.group("year") != "":
		y, _ = strconv.Atoi(m.group("year"))
	case m.group("rel") == "明年":
		y++
	case m.group("rel") == "" && q < this:
		y++ // the next such quarter
	}
	first := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, at.Location())
	if m.group("before") != "" && m.group("qend") == "" { // "三季度末前" is by its end
		return Found{Date: workingBefore(first, cal)}, true
	}
	return Found{Date: lastOfMonth(addMonths(first, 2))}, true
}

// sprintsOf reads a count of sprints with number: on a calendar with no
// sprint length it has no date, and the caller is told a length is needed.
func sprintsOf(number func(string) (float64, bool)) func(match, time.Time, Calendar) (Found, bool) {
	return func(m match, at time.Time, cal Calendar) (Found, bool) {
		n, ok := number(m.group("num") + m.group("word"))
		if !ok || n <= 0 {
			return Found{}, false
		}
		if cal.SprintDays == 0 {
			return Found{NeedsSprintDays: true}, true
		}
		return Found{Date: addDays(at, ceil(n*float64(cal.SprintDays)))}, true
	}
}
