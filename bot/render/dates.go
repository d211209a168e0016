package render

import (
	"regexp"
	"strconv"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

var (
	weekdays = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
	months   = [12]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)

// date shows t as a person writes a date: "Wed Mar 4" or "3月4日（周三）",
// with the year only when it is not the current one.
func (l loc) date(t time.Time) string {
	return l.dateAs(t, "common.date")
}

// shortDate is a date without its weekday ("Apr 13", "4月13日"), for the
// start of something that repeats on a weekday already named.
func (l loc) shortDate(t time.Time) string {
	return l.dateAs(t, "common.short_date")
}

func (l loc) dateAs(t time.Time, id string) string {
	if t.IsZero() {
		return l.T("common.no_date", nil)
	}
	a := args{
		"Weekday": l.T("common.weekday."+weekdays[t.Weekday()], nil),
		"Month":   int(t.Month()), "MonthName": l.T("common.month."+months[t.Month()-1], nil),
		"Day": t.Day(), "Year": "",
	}
	if t.Year() != l.r.now().Year() {
		a["Year"] = l.T("common.year", args{"Year": t.Year()})
	}
	return l.T(id, a)
}

// proposedDay is day for a date the engine proposes, counted on working
// days: one on a weekend is then a make-up working day (调休), and says so,
// as a reader would otherwise take it for a mistake.
func (l loc) proposedDay(t time.Time, half string) string {
	if t.IsZero() || half != "" || t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
		return l.day(t, half)
	}
	return l.dateAs(t, "common.workday_date")
}

// day shows a date with the half of the day the engine carried ("am":
// morning, "pm": afternoon), as the seed's middle ground "后天上午" when
// the need asked for a morning.
func (l loc) day(t time.Time, half string) string {
	switch {
	case t.IsZero():
		return l.date(t)
	case half == "am":
		return l.T("common.morning", args{"Date": l.date(t)})
	case half == "pm":
		return l.T("common.afternoon", args{"Date": l.date(t)})
	}
	return l.date(t)
}

// leadTime says how long the lead side needs, in the writer's own words
// when the engine kept them ("两周", "5个工作日"), else counted in days,
// or in weeks when the days make whole weeks.
func (l loc) leadTime(cf mediate.Conflict) string {
	if cf.LeadPhrase != "" {
		return l.span(cf.LeadPhrase)
	}
	if cf.LeadDays >= 7 && cf.LeadDays%7 == 0 {
		return l.count("common.weeks", cf.LeadDays/7)
	}
	return l.count("common.days", cf.LeadDays)
}

// span is a span of time an answer names, said in the bot's own
// sentence: in Chinese, as a writer spells it ("需要15个工作日").
func (l loc) span(s string) string {
	if l.lang == "zh" {
		s = countSpace.ReplaceAllString(s, "$1$2")
	}
	return l.item(s)
}

// countSpace is the space a Chinese answer may leave between a number
// and its measure word ("15 个工作日").
var countSpace = regexp.MustCompile(`(\d)\s+(\p{Han})`)

// count is a plural message whose count a Chinese writer spells in
// characters up to ten ("两周", "三天"), as numbers that small are written.
func (l loc) count(id string, n int) string {
	return l.localize(pluralConfig(id, n, args{"Count": n, "Words": l.numberWord(n)}))
}

var zhNumbers = [...]string{"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"}

func (l loc) numberWord(n int) string {
	if l.lang == "zh" && n >= 0 && n < len(zhNumbers) {
		return zhNumbers[n]
	}
	return strconv.Itoa(n)
}
