package timeread

import (
	"strings"
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// This file reads festivals and shopping days: "国庆节前", "春节前", "双十一之前",
// "618前", "by Christmas", "before Golden Week". A festival named alone is its
// day; "before" it ("前", "之前") is the last working day before it, so on
// the Chinese calendar "国庆节前" is the last day worked before the holiday.
// Lunar festivals are computed by lunar-go. "节前" (before the holiday) is the
// last working day before the next public holiday, on the Chinese calendar.

// festival is a day people plan around, with its names.
type festival struct {
	// en and zh are alternations of its names, lowercase, each starting
	// with plain text (see festivalNeeds); zhNum are its names that are
	// also numbers or words ("十一", "五一", "618", 年 for 春节), read only
	// before 前: "十一前", "年前".
	en, zh, zhNum string
	// date returns its day in a year, in loc.
	date func(year int, loc *time.Location) time.Time
}

// festivals are read in both languages. English "Labor Day" is left out: it
// is 1 May in China but a Monday in September in the United States.
var festivals = []festival{
	{en: `new\s+year'?s(?:\s+day)?|new\s+year\s+day`, zh: `元旦`, date: fixed(1, 1)},
	{en: `new\s+year'?s\s+eve`, date: fixed(12, 31)},
	{en: `valentine'?s(?:\s+day)?`, zh: `情人节`, date: fixed(2, 14)},
	{en: `women'?s\s+day|international\s+women'?s\s+day`, zh: `妇女节|三八节`, date: fixed(3, 8)},
	{en: `may\s+day`, zh: `劳动节`, zhNum: `五一`, date: fixed(5, 1)},
	{en: `children'?s\s+day`, zh: `儿童节`, zhNum: `六一`, date: fixed(6, 1)},
	{zhNum: `618|六一八`, date: fixed(6, 18)},
	{en: `national\s+day|golden\s+week`, zh: `国庆`, zhNum: `十一`, date: fixed(10, 1)},
	{en: `singles'?\s+day|double\s+(?:11|eleven)`, zh: `双\s*(?:11|十一)`, date: fixed(11, 11)},
	{en: `double\s+(?:12|twelve)`, zh: `双\s*(?:12|十二)`, date: fixed(12, 12)},
	{en: `christmas\s+eve|xmas\s+eve`, zh: `平安夜`, date: fixed(12, 24)},
	{en: `christmas|xmas`, zh: `圣诞节`, date: fixed(12, 25)},
	{en: `thanksgiving`, date: thanksgiving(0)},
	{en: `black\s+friday`, date: thanksgiving(1)},
	{en: `cyber\s+monday`, date: thanksgiving(4)},
	{en: `giving\s+tuesday|#?givingtuesday`, date: thanksgiving(5)},
	{en: `chinese\s+new\s+year|lunar\s+new\s+year|spring\s+festival`, zh: `春节|过年|农历新年`, zhNum: `年`, date: lunar(1, 1, 0)},
	{en: `chinese\s+new\s+year'?s\s+eve|lunar\s+new\s+year'?s\s+eve`, zh: `除夕|大年三十|年三十`, date: lunar(1, 1, -1)},
	{en: `lantern\s+festival`, zh: `元宵`, date: lunar(1, 15, 0)},
	{en: `qingming(?:\s+festival)?|tomb[\s-]sweeping\s+day`, zh: `清明`, date: qingming},
	{en: `dragon\s+boat(?:\s+festival)?`, zh: `端午`, date: lunar(5, 5, 0)},
	{en: `qixi(?:\s+festival)?`, zh: `七夕`, date: lunar(7, 7, 0)},
	{en: `mid[\s-]autumn(?:\s+festival)?|moon\s+festival`, zh: `中秋`, date: lunar(8, 15, 0)},
}

// zhGuard is a character that, right before a festival's name that is
// also a number or a word, makes it part of another: "二十一", "两年前",
// "今年前", "第十一".
const zhGuard = `(?P<pre>[\d零〇一二两三四五六七八九十百千几多数半今去明前后当同上下本每第双新周余])?`

// zhHoliday follows a festival's name to mean its holiday or its sales:
// "国庆假期前", "618大促前".
const zhHoliday = `(?:节)?(?:假期|长假|黄金周|小长假|放假|大促|促销|活动)?`

// zhWithinAfter is a limit counted from a festival: "双十一后两周内".
var zhWithinAfter = `(?:之后|以后|后)(?P<zwithin>` + zhNum + zhUnit(zhLimitUnits) + zhWithin + `)`

// zhFirstAfter names the first day back after a festival's holiday:
// "国庆后第一个工作日", "春节假期结束后的上班第一天".
const zhFirstAfter = `(?:结束|过完)?(?:之后|以后|后)的?(?P<zfirst>第一个工作日|第一个上班日|上班第一天|开工第一天|复工第一天|第一天)`

// enFirstAfter opens the first day back after a festival: "the first
// working day after Golden Week".
const enFirstAfter = `(?P<efirst>(?:the\s+)?first\s+(?:working|business|work)\s+day\s+(?:after|following)\s+)`

// festivalRules reads every festival, then the phrases after, during,
// around, across or in a past year of one ("国庆后", "春节前后", "跨春节",
// "去年国庆", "after Christmas"), which name no deadline.
func festivalRules() []rule {
	rs := make([]rule, 0, len(festivals)+3)
	var en, zh, zhNum []string
	for _, f := range festivals {
		var alts []string
		if f.en != "" {
			alts = append(alts, `\b(?:`+enFirstAfter+`|(?P<before>before|prior\s+to|ahead\s+of)\s+|within\s+(?P<ewithin>`+enNum+enUnit+`)\s+(?:after|of|following)\s+)?`+
				`(?:the\s+)?(?:`+f.en+`)(?:\s+(?:holidays?|break))?\b`)
			en = append(en, f.en)
		}
		if f.zh != "" {
			alts = append(alts, `(?:`+f.zh+`)`+zhHoliday+`(?:(?P<zbefore>之前|以前|前)|`+zhWithinAfter+`|`+zhFirstAfter+`)?`)
			zh = append(zh, f.zh)
		}
		if f.zhNum != "" {
			alts = append(alts, zhGuard+`(?:`+f.zhNum+`)`+zhHoliday+`(?:(?P<nbefore>之前|以前|前)|`+zhWithinAfter+`|`+zhFirstAfter+`)`)
			zhNum = append(zhNum, f.zhNum)
		}
		rs = append(rs, rule{kind: deadline, needs: namesNeeds(f.en, f.zh, f.zhNum), re: rx(strings.Join(alts, "|")), read: festivalRead(f)})
	}
	rs = append(rs, rule{
		kind:  deadline,
		needs: words("节 放假 假期 长假"),
		re:    rx(zhGuard + `(?:节|放假|假期|长假)(?:之前|以前|前|` + zhFirstAfter + `)`),
		read:  nextHolidayRead,
	})
	// The names gate these rules: their expressions have no literal
	// prefix, and would otherwise scan every text with "after" or 后.
	return append(rs, rule{
		kind:  neither,
		needs: namesNeeds(en...),
		re:    rx(`\b(?:after|following|post|during)\s+(?:the\s+)?(?:` + strings.Join(en, "|") + `)\b`),
	}, rule{
		kind:  neither,
		needs: namesNeeds(append(zh, zhNum...)...),
		// the first form opens with a word of the past or 跨, the other
		// ends in 后, 期间 or 左右
		also: words("去年 前年 往年 历年 跨 过完 过了 后 期间 左右"),
		re: rx(`(?:去年|前年|往年|历年|跨过?|过完|过了)的?(?:` + strings.Join(append(zh, zhNum...), "|") + `)` + zhHoliday +
			`|(?:(?:` + strings.Join(zh, "|") + `)|` + zhGuard + `(?:` + strings.Join(zhNum, "|") + `))` +
			zhHoliday + `(?:结束|过完)?(?:之后|以后|过后|后|期间|前后|左右)`),
		read: unguarded,
	})
}

// namesNeeds are the words without which none of the names (alternations
// of expressions) can occur.
func namesNeeds(alternations ...string) []string {
	var needs []string
	for _, alt := range alternations {
		for name := range strings.SplitSeq(alt, "|") {
			if lead := literalPrefix(name); lead != "" {
				needs = append(needs, lead)
			}
		}
	}
	return needs
}

// literalPrefix returns the plain text a name's expression starts with:
// "mid" of `mid[\s-]autumn`, "双" of `双\s*(?:11|十一)`.
func literalPrefix(expr string) string {
	expr = strings.TrimPrefix(expr, "(?:")
	if i := strings.IndexAny(expr, `\[(?|)'`); i >= 0 {
		expr = expr[:i]
	}
	return expr
}

// unguarded accepts a match unless a guard character made it part of
// another word.
func unguarded(m match, _ time.Time, _ Calendar) (Found, bool) {
	return Found{}, m.group("pre") == ""
}

// festivalRead reads f named, named with "before", or with a limit after
// it ("双十一后两周内", "within 2 weeks after Christmas"), as the next such day.
func festivalRead(f festival) func(match, time.Time, Calendar) (Found, bool) {
	return func(m match, at time.Time, cal Calendar) (Found, bool) {
		if m.group("pre") != "" {
			return Found{}, false
		}
		before := m.group("before")+m.group("zbefore")+m.group("nbefore") != ""
		back := m.group("zfirst")+m.group("efirst") != ""
		within, limited, ok := festivalLimit(m)
		for y := at.Year() - 1; ok && y <= at.Year()+1; y++ {
			d := f.date(y, at.Location())
			switch {
			case back:
				d = firstWorking(addDays(d, 1), cal, 1)
			case before:
				d = workingBefore(d, cal)
			case limited:
				d = within.by(d, cal)
			}
			if !d.Before(day(at)) {
				return Found{Date: d, WorkingDays: within.unit == workingDays && limited}, true
			}
		}
		return Found{}, false
	}
}

// festivalLimit reads the limit after a festival, if the match has one.
func festivalLimit(m match) (s span, limited, ok bool) {
	switch {
	case m.group("zwithin") != "":
		s, ok = zhSpan(m)
		return s, true, ok
	case m.group("ewithin") != "":
		s, ok = enSpan(m)
		return s, true, ok
	}
	return span{}, false, true
}

// nextHolidayRead reads "节前", "放假前": the last working day before the
// next public holiday on the Chinese calendar, and "节后第一天": the first
// working day after it; other calendars do not know which holiday is meant.
func nextHolidayRead(m match, at time.Time, cal Calendar) (Found, bool) {
	if m.group("pre") != "" || cal.Holidays != HolidaysCN {
		return Found{}, false
	}
	d := day(at)
	for range 400 {
		if work, ok := cnDays()[civilKey(d)]; ok && !work && !isWeekend(d) && m.group("zfirst") != "" {
			return Found{Date: firstWorking(d, cal, 1)}, true
		} else if ok && !work && !isWeekend(d) {
			return Found{Date: workingBefore(d, cal)}, true
		}
		d = addDays(d, 1)
	}
	return Found{}, false
}

// fixed is a festival on the same day every year.
func fixed(month, dom int) func(int, *time.Location) time.Time {
	return func(year int, loc *time.Location) time.Time {
		return time.Date(year, time.Month(month), dom, 0, 0, 0, 0, loc)
	}
}

// lunar is a festival on a day of the Chinese lunar calendar, shifted by
// shift days (除夕 is the day before 春节).
func lunar(month, dom, shift int) func(int, *time.Location) time.Time {
	return func(year int, loc *time.Location) time.Time {
		s := calendar.NewLunarFromYmd(year, month, dom).GetSolar()
		return time.Date(s.GetYear(), time.Month(s.GetMonth()), s.GetDay()+shift, 0, 0, 0, 0, loc)
	}
}

// qingming is the day of the solar term 清明, 4 or 5 April.
func qingming(year int, loc *time.Location) time.Time {
	s := calendar.NewSolarFromYmd(year, 4, 1).GetLunar().GetJieQiTable()["清明"]
	return time.Date(s.GetYear(), time.Month(s.GetMonth()), s.GetDay(), 0, 0, 0, 0, loc)
}

// thanksgiving is the fourth Thursday of November in the United States,
// shifted by shift days (Black Friday is the day after, Cyber Monday and
// Giving Tuesday the Monday and Tuesday after).
func thanksgiving(shift int) func(int, *time.Location) time.Time {
	return func(year int, loc *time.Location) time.Time {
		nov1 := time.Date(year, 11, 1, 0, 0, 0, 0, loc)
		return addDays(nextWeekday(nov1, 3), 21+shift)
	}
}
