package timeread

import (
	"strings"
	"time"
)

// Recurrence is work done again and again: "every Monday", "each week",
// "每月初", "within 2 days of each interview". Such words are a cadence, not
// a one-off deadline, and Deadline and Lead read no date out of them.
type Recurrence struct {
	// Phrase is the cadence as written, for quoting the writer's words.
	Phrase string
	// Every is the period that repeats, or AfterEach for an event.
	Every Unit
	// Interval counts periods between occurrences: 2 for "every 2 weeks",
	// "every other Monday", "每两周"; otherwise 1.
	Interval int
	// WorkingDays is true when working days are counted: "every working
	// day", "每个工作日", "within 2 business days of each release".
	WorkingDays bool
	// First is midnight, in at's location, of the first occurrence on or
	// after at's day, and Days the calendar days to it. Both are zero for
	// AfterEach, as the events' dates are not known.
	First time.Time
	Days  int
	// Event is what the work follows or precedes, as written ("interview",
	// "customer call", "面试"), when Every is AfterEach.
	Event string
	// Within is how many days after (or before) each event the work is due:
	// 2 for "within 2 days of each interview"; 0 when not said.
	Within int
	// Before is true when the work comes before each event: "before each
	// release", "2 days before every launch", "每次发版前一天".
	Before bool
	// fixed is true when the phrase names the day in its period ("every
	// Tuesday", "每月初"), which a bare period ("weekly") leaves open.
	fixed bool
}

// Unit is what a Recurrence repeats on.
type Unit string

// The cadences.
const (
	Daily     Unit = "day"
	Weekly    Unit = "week"
	Monthly   Unit = "month"
	Quarterly Unit = "quarter"
	// Yearly falls at the end of each year, or in the month or on the day
	// named: "annually", "每年3月".
	Yearly Unit = "year"
	// AfterEach follows an event rather than the calendar: "after each
	// release", "每次面试后".
	AfterEach Unit = "event"
)

// Recurring finds the first recurrence in text on the calendar without
// public holidays. See Calendar.Recurring.
func Recurring(text string, at time.Time) (Recurrence, bool) {
	return Calendar{}.Recurring(text, at)
}

// monthPart says which day of each period a recurrence falls on.
type monthPart int

const (
	partEnd monthPart = iota
	partStart
	partMiddle
)

// cadenceFirst returns the first occurrence on or after at's day of a
// calendar cadence: the weekday given (wd >= 0), else the part of the
// period given, or the day of the month dom (> 0).
func cadenceFirst(every Unit, wd int, part monthPart, dom int, work bool, at time.Time, cal Calendar) time.Time {
	switch {
	case wd >= 0:
		return nextWeekday(at, wd)
	case every == Daily && work:
		return firstWorking(day(at), cal, 1)
	case every == Daily:
		return day(at)
	case every == Weekly:
		return endOfWeek(at, 0)
	case dom > 0:
		d, _ := nextDayOfMonth(at, dom)
		return d
	}
	months := map[Unit]int{Quarterly: 3, Yearly: 12}[every]
	if months == 0 {
		months = 1
	}
	return periodPart(at, months, part, cal)
}

// periodPart returns the first day on or after at's day that is the given
// part of a period of months (1, 3 or 12, starting in January): its first
// working day, its 15th, or its last working day.
func periodPart(at time.Time, months int, part monthPart, cal Calendar) time.Time {
	y, m, _ := at.Date()
	first := time.Date(y, m-(m-1)%time.Month(months), 1, 0, 0, 0, 0, at.Location())
	for i := range 2 {
		start := addMonths(first, i*months)
		var d time.Time
		switch part {
		case partStart:
			d = firstWorking(start, cal, 1)
		case partMiddle:
			d = addDays(start, 14)
		default:
			d = firstWorking(addDays(addMonths(start, months), -1), cal, -1)
		}
		if !d.Before(day(at)) {
			return d
		}
	}
	return day(at) // not reached: the next period's day is always ahead
}

// firstWorking returns d when it is a working day on cal, else the nearest
// working day in direction step (+1 later, -1 earlier), within a month.
func firstWorking(d time.Time, cal Calendar, step int) time.Time {
	for range 31 {
		if cal.isWorkingDay(d) {
			return d
		}
		d = addDays(d, step)
	}
	return d
}

// eventRead builds a recurrence after each event. It refuses events that
// are a period or a function word ("after each week", "每个月底前", "each of
// the"), which the period rules read instead.
func eventRead(event string, within span, at time.Time) (Recurrence, bool) {
	event = strings.TrimSpace(event)
	first, _ := firstRune(event)
	if event == "" || strings.ContainsRune(zhPeriodChars, first) || enNotEvents[strings.Fields(event)[0]] ||
		strings.Contains(event, "的") || strings.HasSuffix(event, "售") { // "每个项目的售前": 售前 is presales
		return Recurrence{}, false
	}
	days := 0
	if within.n > 0 {
		days = daysBetween(at, within.after(at, Calendar{}))
		if within.unit == workingDays {
			days = ceil(within.n)
		}
	}
	return Recurrence{Every: AfterEach, Interval: 1, Event: event, Within: days, WorkingDays: within.unit == workingDays}, true
}

// zhPeriodChars start the Chinese words for periods; enNotEvents are
// English words that follow "each" without naming an event.
const zhPeriodChars = "天日周月季年星礼工"

var enNotEvents = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "one": true, "other": true, "and": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true,
	"quarter": true, "year": true, "morning": true, "time": true, "working": true, "business": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// firstRune returns the first rune of s.
func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}
