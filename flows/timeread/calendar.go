package timeread

import (
	"math"
	"time"
)

// This file holds the calendar arithmetic the rules share. Every function
// works on civil dates in the location of the time it is given, so that a
// day is a day even across a daylight-saving change.

// day returns midnight of t's day in t's location.
func day(t time.Time) time.Time { return addDays(t, 0) }

// addDays returns midnight of the day n calendar days after t's day.
func addDays(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, t.Location())
}

// daysBetween counts the calendar days from a's day to b's day.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	from := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Unix()
	to := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Unix()
	return int((to - from) / 86400)
}

// isWeekend reports whether t falls on a Saturday or a Sunday.
func isWeekend(t time.Time) bool {
	return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
}

// addWorkingDays returns the day n working days after t's day on cal,
// counted from the day after t's day.
func addWorkingDays(t time.Time, n int, cal Calendar) time.Time {
	d := day(t)
	for n > 0 {
		d = addDays(d, 1)
		if cal.isWorkingDay(d) {
			n--
		}
	}
	return d
}

// addMonths returns t's day n months later, clamped to the last day of the
// target month (Jan 31 + 1 month = Feb 28), unlike time.AddDate.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	last := lastOfMonth(time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location()))
	if d > last.Day() {
		return last
	}
	return time.Date(y, m+time.Month(n), d, 0, 0, 0, 0, t.Location())
}

// lastOfMonth returns the last day of t's month.
func lastOfMonth(t time.Time) time.Time {
	y, m, _ := t.Date()
	return time.Date(y, m+1, 0, 0, 0, 0, 0, t.Location())
}

// weekdayIndex numbers the days of a week that starts on Monday: Monday 0 … Sunday 6.
func weekdayIndex(t time.Time) int { return (int(t.Weekday()) + 6) % 7 }

// nextWeekday returns the first day on or after t's day that is weekday
// wd (Monday 0 … Sunday 6): "by Friday" said on a Friday is that day.
func nextWeekday(t time.Time, wd int) time.Time {
	return addDays(t, (wd-weekdayIndex(t)+7)%7)
}

// weekdayInWeek returns weekday wd of the calendar week that starts
// weeks Mondays after the Monday of t's week ("下周五": weeks = 1).
func weekdayInWeek(t time.Time, weeks, wd int) time.Time {
	return addDays(t, 7*weeks+wd-weekdayIndex(t))
}

// endOfWeek returns the Friday of the week weeks after t's week. On a
// weekend the current week's Friday is past, so "this week" reads as today.
func endOfWeek(t time.Time, weeks int) time.Time {
	fri := weekdayInWeek(t, weeks, 4)
	if fri.Before(day(t)) {
		return day(t)
	}
	return fri
}

// dateOn returns year-month-day in t's location when that date exists.
func dateOn(t time.Time, year, month, dayOfMonth int) (time.Time, bool) {
	d := time.Date(year, time.Month(month), dayOfMonth, 0, 0, 0, 0, t.Location())
	if month < 1 || month > 12 || d.Day() != dayOfMonth {
		return time.Time{}, false
	}
	return d, true
}

// nextDate returns the first month-day on or after t's day (so a date
// that is already past rolls to the next year; Feb 29 to the next leap year).
func nextDate(t time.Time, month, dayOfMonth int) (time.Time, bool) {
	for y := t.Year(); y <= t.Year()+8; y++ {
		if d, ok := dateOn(t, y, month, dayOfMonth); ok && !d.Before(day(t)) {
			return d, true
		}
	}
	return time.Time{}, false
}

// nextDayOfMonth returns the first day numbered dom on or after t's day:
// this month's, or a later month's when it is past or the month is short.
func nextDayOfMonth(t time.Time, dom int) (time.Time, bool) {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
	for i := range 12 {
		month := addMonths(first, i)
		if d, ok := dateOn(t, month.Year(), int(month.Month()), dom); ok && !d.Before(day(t)) {
			return d, true
		}
	}
	return time.Time{}, false
}

// unit is what a duration counts.
type unit int

const (
	days unit = iota
	workingDays
	weeks
	months
	hours
)

// span is a duration as written: n of a unit, n possibly fractional ("1.5 days", "半个月").
type span struct {
	n    float64
	unit unit
}

// after returns the day the span ends when it starts on t's day. Parts of
// a day round up to a whole day, so "3 hours" of work ends the next day.
func (s span) after(t time.Time, cal Calendar) time.Time {
	switch s.unit {
	case workingDays:
		return addWorkingDays(t, ceil(s.n), cal)
	case weeks:
		return addDays(t, ceil(7*s.n))
	case months:
		whole := math.Floor(s.n)
		return addDays(addMonths(t, int(whole)), ceil(30*(s.n-whole)))
	case hours:
		return addDays(t, ceil(s.n/24))
	}
	return addDays(t, ceil(s.n))
}

// by returns the day a deadline of the span falls on ("within 3 hours"
// falls on the day 3 hours from t; any other unit as after).
func (s span) by(t time.Time, cal Calendar) time.Time {
	if s.unit == hours {
		return day(t.Add(time.Duration(s.n * float64(time.Hour))))
	}
	return s.after(t, cal)
}

// ceil rounds a count up to a whole number.
func ceil(f float64) int { return int(math.Ceil(f)) }
