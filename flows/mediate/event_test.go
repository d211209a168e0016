package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestEventDateIsNotTheNeeds: a date that names an event beside a need
// does not make the need due then; a date said as the need's limit does,
// and the event stays what the deadline serves.
func TestEventDateIsNotTheNeeds(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	lead := "新闻稿审核要10个工作日"
	tests := []struct {
		name, need string
		deadline   string // "" when the need has no deadline, so no clash
		event      string
	}{
		{"an event in the sentence before", "我们3月20日开发布会。需要法务看一下新闻稿", "", ""},
		{"an event in the clause before", "我们3月20日开发布会，需要法务看一下新闻稿", "", ""},
		{"an event beside an English need", "The launch event is on March 20, and we need Legal to look at the press release", "", ""},
		{"a limit of the need's own", "我们3月20日开发布会，新闻稿3月13日前要法务看完", "2026-03-13", "2026-03-20"},
		{"a date the need counts from", "3月13日定稿，之后不要再改新闻稿", "2026-03-13", ""},
		{"a need due by the event it points to", "客户3月16日签约，签约之前新闻稿要审完", "2026-03-16", ""},
		{"a need due on the day it points to", "3月16日新人入职，当天就要审完新闻稿", "2026-03-16", ""},
	}
	for _, tt := range tests {
		in := input(at, tt.need, "", "", lead)
		in.Lang = "zh"
		p := mediate.Build(in)
		switch {
		case tt.deadline == "" && len(p.Conflicts) > 0:
			t.Errorf("%s: clash %+v, want none: the need named no date of its own", tt.name, p.Conflicts[0])
		case tt.deadline != "" && len(p.Conflicts) != 1:
			t.Errorf("%s: clashes %+v, want one", tt.name, p.Conflicts)
		case tt.deadline != "":
			cf := p.Conflicts[0]
			if !cf.Deadline.Equal(day(tt.deadline, time.UTC)) || tt.event != "" && !cf.EventDate.Equal(day(tt.event, time.UTC)) {
				t.Errorf("%s: deadline %v event %v, want %s and %s", tt.name, cf.Deadline, cf.EventDate, tt.deadline, tt.event)
			}
		}
	}
}
