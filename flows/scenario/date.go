package scenario

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Date is a calendar day written as YYYY-MM-DD.
type Date struct{ Year, Month, Day int }

// UnmarshalYAML reads YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		return fmt.Errorf("line %d: date %q: %w", n.Line, n.Value, err)
	}
	*d = Date{t.Year(), int(t.Month()), t.Day()}
	return nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// String is YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// At is the moment hour:00 on this day in loc.
func (d Date) At(hour int, loc *time.Location) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, hour, 0, 0, 0, loc)
}

// Same reports whether t falls on this day in t's own location.
func (d Date) Same(t time.Time) bool {
	return t.Year() == d.Year && int(t.Month()) == d.Month && t.Day() == d.Day
}
