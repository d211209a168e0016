package timeread

import (
	"fmt"
	"sync"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// Calendar is how a collaboration counts working days and sprints. The
// zero Calendar has no public holidays and no known sprint length.
type Calendar struct {
	// Holidays names the public holidays that are not working days:
	// HolidaysCN (with 调休 make-up working days) or HolidaysNone ("" too).
	Holidays string
	// SprintDays is the length of a sprint in calendar days; 0 when unknown,
	// and then "in 2 sprints" is not read as a date (see Found.NeedsSprintDays).
	SprintDays int
}

// The holiday sets a Calendar knows.
const (
	// HolidaysCN is mainland China's public holidays and 调休 make-up
	// working days, as published by the State Council each year.
	HolidaysCN = "cn"
	// HolidaysNone counts Monday to Friday as working days.
	HolidaysNone = "none"
)

// DefaultHolidays is the holiday set for writers of a language: Chinese
// writers work on the Chinese calendar, others on Monday to Friday.
func DefaultHolidays(lang string) string {
	if lang == "zh" {
		return HolidaysCN
	}
	return HolidaysNone
}

// Check reports a holiday set or a sprint length the package cannot use.
func (c Calendar) Check() error {
	switch {
	case c.Holidays != "" && c.Holidays != HolidaysCN && c.Holidays != HolidaysNone:
		return fmt.Errorf("holidays %q: want %q or %q", c.Holidays, HolidaysCN, HolidaysNone)
	case c.SprintDays < 0:
		return fmt.Errorf("sprint days %d: want 0 (unknown) or more", c.SprintDays)
	}
	return nil
}

// Deadline finds the first deadline in text, read against at. Date is
// midnight of that day in at's location. Phrase is the matched text as the
// user wrote it. ok is false when the text names no date.
func (c Calendar) Deadline(text string, at time.Time) (Found, bool) {
	return c.found(text, at, deadline)
}

// Lead finds the first lead time (a duration of work) in text. Days is the
// number of calendar days from at's day to the day the work can be done
// (working days are counted on c from the day after at's day), Date is at's
// day + Days at midnight. ok is false when the text names no duration.
func (c Calendar) Lead(text string, at time.Time) (Found, bool) {
	return c.found(text, at, lead)
}

// found reads the first deadline or lead time. A count of sprints of
// unknown length is the first one all the same, but has no date.
func (c Calendar) found(text string, at time.Time, want kind) (Found, bool) {
	h, ok := find(text, at, c, want)
	if h.NeedsSprintDays {
		return Found{Phrase: h.Phrase, NeedsSprintDays: true}, false
	}
	return h.Found, ok
}

// Deadlines returns every deadline in text, in the text's order, read as
// Deadline reads the first: "坑位费双十一之前付清，对方要求11月6日前到账" has
// two, and the earlier date may be the one that binds. Sprint counts of
// unknown length are left out.
func (c Calendar) Deadlines(text string, at time.Time) []Found {
	var all []Found
	for h := range hits(text, at, c, deadline) {
		if !h.NeedsSprintDays {
			all = append(all, h.Found)
		}
	}
	return all
}

// Reading is what Read finds in a text: its deadlines as Deadlines reads
// them, and its lead time as Lead reads it.
type Reading struct {
	Deadlines []Found
	Lead      Found
	HasLead   bool
	// Sprints is the first phrase that counts sprints ("in 2 sprints")
	// when the calendar has no sprint length, so it could not be read.
	Sprints string
}

// Read reads text for deadlines and a lead time in one pass, the cost of
// one of Deadlines and Lead.
func (c Calendar) Read(text string, at time.Time) Reading {
	var r Reading
	leadSeen := false
	for h := range hitsOf(text, at, c, func(k kind) bool { return k == deadline || k == lead }) {
		if h.NeedsSprintDays && r.Sprints == "" {
			r.Sprints = h.Phrase
		}
		switch {
		case h.kind == deadline && !h.NeedsSprintDays:
			r.Deadlines = append(r.Deadlines, h.Found)
		case h.kind == lead && !leadSeen:
			leadSeen = true
			r.Lead, r.HasLead = h.Found, !h.NeedsSprintDays
			if h.NeedsSprintDays {
				r.Lead = Found{Phrase: h.Phrase, NeedsSprintDays: true} // as Lead gives it
			}
		}
	}
	return r
}

// Recurring finds the first recurrence in text ("every Monday", "each week",
// "每月初", "within 2 days of each interview"), read against at, or a later
// one of the same cadence that names its day ("weekly, every Tuesday").
// Deadline and Lead never read a date out of a recurrence's words. ok is
// false when the text names none.
func (c Calendar) Recurring(text string, at time.Time) (Recurrence, bool) {
	var first Recurrence
	found := false
	for h := range hits(text, at, c, recurring) {
		switch {
		case !found:
			first, found = h.rec, true
		case !first.fixed && h.rec.fixed && h.rec.Every == first.Every:
			return c.pastHoliday(h.rec), true // "weekly, every Tuesday" is on Tuesdays
		}
	}
	return c.pastHoliday(first), found
}

// pastHoliday moves the first time of a weekly recurrence on a weekday
// off a public holiday to the next time it falls ("每周五下午 QA
// walk-through" said before 中秋 on Friday 9/25 first meets on 10/9, after
// 国庆 too): nobody meets on a day off.
func (c Calendar) pastHoliday(r Recurrence) Recurrence {
	if r.Every != Weekly || !r.fixed || isWeekend(r.First) {
		return r
	}
	for range 4 {
		if c.isWorkingDay(r.First) {
			break
		}
		r.First, r.Days = r.First.AddDate(0, 0, 7*max(r.Interval, 1)), r.Days+7*max(r.Interval, 1)
	}
	return r
}

// IsWorkingDay reports whether d's day is a working day on c: Monday to
// Friday except public holidays, plus 调休 weekends on the Chinese calendar.
func (c Calendar) IsWorkingDay(d time.Time) bool { return c.isWorkingDay(d) }

// AddWorkingDays returns midnight of the day n working days on c after t's
// day, counted from the day after (as lead times are); t's day when n <= 0.
// To count a lead time from another day, read its Phrase again: Lead(f.Phrase, start).
func (c Calendar) AddWorkingDays(t time.Time, n int) time.Time { return addWorkingDays(t, n, c) }

// isWorkingDay reports whether d is a working day on c: Monday to Friday,
// except public holidays, plus 调休 weekends on the Chinese calendar.
func (c Calendar) isWorkingDay(d time.Time) bool {
	if c.Holidays == HolidaysCN {
		if work, ok := cnDays()[civilKey(d)]; ok {
			return work
		}
	}
	return !isWeekend(d)
}

// civilKey numbers a civil date as yyyymmdd.
func civilKey(d time.Time) int {
	y, m, dd := d.Date()
	return y*10000 + int(m)*100 + dd
}

// cnFirstYear and cnLastYear bound the years the holiday table is read
// for: lunar-go's data starts at the end of 2001 and ends with the last
// schedule the State Council has published.
const cnFirstYear, cnLastYear = 2001, 2099

// cnDays maps every day lunar-go lists (yyyymmdd) to whether it is worked:
// false for a public holiday, true for a 调休 make-up working day. It is
// read once, on first use, and never changed: HolidayUtil scans its whole
// data string on each query, far too slow for counting day by day.
var cnDays = sync.OnceValue(func() map[int]bool {
	days := make(map[int]bool, 1024)
	for y := cnFirstYear; y <= cnLastYear; y++ {
		for e := HolidayUtil.GetHolidaysByYear(y).Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			if t, err := time.Parse(time.DateOnly, h.GetDay()); err == nil {
				days[civilKey(t)] = h.IsWork()
			}
		}
	}
	return days
})
