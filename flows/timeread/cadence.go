package timeread

import "time"

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

// Period is how often r falls due, as an Every; zero for a recurrence
// that follows events rather than the calendar ("after each interview"),
// whose dates are not known.
func (r Recurrence) Period() Every {
	n := max(r.Interval, 1)
	switch r.Every {
	case Daily:
		return Every{Days: n}
	case Weekly:
		return Every{Days: 7 * n}
	case Monthly:
		return Every{Months: n}
	case Quarterly:
		return Every{Months: 3 * n}
	case Yearly:
		return Every{Months: 12 * n}
	}
	return Every{}
}

// Cadence reads how often text says something recurs ("weekly report",
// "every 2 weeks", "每周一", "每两周") through Recurring; ok is false when
// it says none, or only "after each" event.
func Cadence(text string, at time.Time) (Every, bool) {
	r, ok := Recurring(text, at)
	if !ok || r.Period().IsZero() {
		return Every{}, false
	}
	return r.Period(), true
}
