package flows

import "time"

// Working hours: a reminder is never sent at night or on a weekend in the
// zone of the person it is for; it waits for the next working morning.
const (
	MorningHour = 9  // a working day's reminders start at 09:00
	EveningHour = 18 // and stop at 18:00
)

func weekend(t time.Time) bool {
	return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday
}

// morningOf is MorningHour on t's day, in t's location.
func morningOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, MorningHour, 0, 0, 0, t.Location())
}

// NextWorkingMorning is MorningHour of the first working day after t's day.
func NextWorkingMorning(t time.Time) time.Time {
	d := morningOf(t)
	for {
		y, m, day := d.Date()
		d = time.Date(y, m, day+1, MorningHour, 0, 0, 0, d.Location())
		if !weekend(d) {
			return d
		}
	}
}

// WorkingHours moves t out of quiet hours: a moment at night or on a
// weekend becomes the next working morning.
func WorkingHours(t time.Time) time.Time {
	switch {
	case weekend(t) || t.Hour() >= EveningHour:
		return NextWorkingMorning(t)
	case t.Before(morningOf(t)):
		return morningOf(t)
	}
	return t
}

// WorkingAfter is when d of working time has passed since t, in t's
// location: whole days count only Monday to Friday, the clock starts at
// the first working moment at or after t, and the result is moved out of
// quiet hours. One working day after Friday 17:00 is Monday 17:00.
func WorkingAfter(t time.Time, d time.Duration) time.Time {
	due := WorkingHours(t)
	for n := int(d / (24 * time.Hour)); n > 0; {
		y, m, day := due.Date()
		h, mi, s := due.Clock()
		due = time.Date(y, m, day+1, h, mi, s, due.Nanosecond(), due.Location())
		if !weekend(due) {
			n--
		}
	}
	return WorkingHours(due.Add(d % (24 * time.Hour)))
}
