package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestEventBesideALimit: a need that names an event and a limit of its
// own is due by the limit, and the event stays what the deadline serves
// (see TestLeadReading for the event dates that set no deadline).
func TestEventBesideALimit(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "我们3月20日开发布会，新闻稿3月13日前要法务看完", "", "", "新闻稿审核要10个工作日"))
	if len(p.Conflicts) != 1 {
		t.Fatalf("clashes %+v, want one", p.Conflicts)
	}
	if cf := p.Conflicts[0]; !cf.Deadline.Equal(day("2026-03-13", time.UTC)) || !cf.EventDate.Equal(day("2026-03-20", time.UTC)) {
		t.Errorf("deadline %v event %v, want 2026-03-13 and the launch on 2026-03-20", cf.Deadline, cf.EventDate)
	}
}

// TestEventAtTheDeadline: a clause that says what happens at the deadline
// ("by Mon Feb 8, when the Valentine's campaign starts") names no later
// event, whatever date its words seem to name; a later date does.
func TestEventAtTheDeadline(t *testing.T) {
	at := time.Date(2027, 1, 11, 10, 0, 0, 0, time.UTC)
	for need, want := range map[string]time.Time{
		"the new gift page live by Mon Feb 8, when the Valentine's campaign starts": {},
		"the new gift page live by Mon Feb 8, the campaign starts Wed Feb 10":       day("2027-02-10", time.UTC),
	} {
		p := mediate.Build(input(at, need, "", "", "The gift page is 6 weeks of work"))
		if len(p.Conflicts) != 1 || !p.Conflicts[0].EventDate.Equal(want) {
			t.Errorf("%q: conflicts %+v, want one serving an event on %v", need, p.Conflicts, want)
		}
	}
}

// TestEventWithinMonths: the event behind a deadline comes within months
// of it; a period already past this year ("年中报价" in July) names no
// event a year ahead.
func TestEventWithinMonths(t *testing.T) {
	at := time.Date(2026, 7, 7, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "供应商的年中报价7月底就失效了，所以预算调整审批最好7月10日前批下来", "", "", "预算调整审批按流程要走7个工作日"))
	if len(p.Conflicts) != 1 || !p.Conflicts[0].EventDate.Equal(day("2026-07-31", time.UTC)) {
		t.Errorf("conflicts %+v, want one serving the quote's expiry on 2026-07-31", p.Conflicts)
	}
}
