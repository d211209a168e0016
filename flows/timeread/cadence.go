package timeread

import (
	"regexp"
	"strings"
	"time"
)

// Every is how often a recurring commitment falls due: a number of days
// or of months. The zero Every means the text names no cadence.
type Every struct {
	Days   int `json:"days,omitempty"`
	Months int `json:"months,omitempty"`
}

// IsZero reports whether e names no cadence.
func (e Every) IsZero() bool { return e.Days <= 0 && e.Months <= 0 }

// After is t's day one period later, at t's time of day; months are
// clamped to the last day of a shorter month.
func (e Every) After(t time.Time) time.Time {
	h, m, s := t.Clock()
	d := addDays(t, e.Days)
	if e.Months > 0 {
		d = addMonths(d, e.Months)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, s, 0, t.Location())
}

// cadenceUnits are the periods a cadence counts in, in days (a month is
// counted apart, as -1).
var cadenceUnits = map[string]int{
	"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": -1, "months": -1,
	"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": -1,
}

// cadenceWords are the one-word cadences.
var cadenceWords = map[string]Every{
	"daily": {Days: 1}, "weekly": {Days: 7}, "fortnightly": {Days: 14}, "biweekly": {Days: 14}, "monthly": {Months: 1},
	"每天": {Days: 1}, "每日": {Days: 1}, "每周": {Days: 7}, "每星期": {Days: 7}, "每礼拜": {Days: 7},
	"每月": {Months: 1}, "每个月": {Months: 1}, "每双周": {Days: 14}, "隔周": {Days: 14},
}

var (
	// "every week", "each 2 weeks", "every other day", "once a month"
	enCadence = rx(`(?i)\b(?:(?:every|each)\s+(?P<other>other\s+)?(?:(?P<num>\d{1,2}|two|three|four|six)\s+)?|once\s+(?:a|an|per|every)\s+)(?P<unit>days?|weeks?|fortnight|months?)\b`)
	enWord    = rx(`(?i)\b(?:daily|weekly|fortnightly|biweekly|monthly)\b`)
	// "每两周", "每3天", "每隔一周", "每个月"
	zhCadence = rx(`每(?:隔)?\s*(?P<num>\d{1,2}|[一二两三四六])\s*个?\s*(?P<unit>天|日|周|星期|礼拜|月)`)
	zhWord    = rx(`每天|每日|每周|每星期|每礼拜|每个月|每月|每双周|隔周`)
)

// Cadence reads how often text says something recurs ("weekly report",
// "every 2 weeks", "每周一", "每两周"); ok is false when it says none.
func Cadence(text string) (Every, bool) {
	if e, ok := counted(enCadence, text, enNumber); ok {
		return e, true
	}
	if e, ok := counted(zhCadence, text, zhNumber); ok {
		return e, true
	}
	for _, re := range []*regexp.Regexp{enWord, zhWord} {
		if w := re.FindString(text); w != "" {
			return cadenceWords[strings.ToLower(w)], true
		}
	}
	return Every{}, false
}

// counted reads a cadence with a count and a unit ("every 2 weeks").
func counted(re *regexp.Regexp, text string, number func(string) (float64, bool)) (Every, bool) {
	m := re.FindStringSubmatch(text)
	if m == nil {
		return Every{}, false
	}
	n := 1
	if s := m[re.SubexpIndex("num")]; s != "" {
		v, ok := number(s)
		if !ok || v < 1 {
			return Every{}, false
		}
		n = int(v)
	}
	if i := re.SubexpIndex("other"); i >= 0 && m[i] != "" {
		n *= 2
	}
	unit := cadenceUnits[strings.ToLower(m[re.SubexpIndex("unit")])]
	if unit < 0 {
		return Every{Months: n}, true
	}
	return Every{Days: n * unit}, true
}
