package flows_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
)

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// local is a moment of March 2026 in Shanghai (2 March is a Monday).
func local(day, hour, minute int) time.Time {
	return time.Date(2026, 3, day, hour, minute, 0, 0, shanghai)
}

func TestWorkingAfter(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name string
		from time.Time
		d    time.Duration
		want time.Time
	}{
		{"Monday morning, one day", local(2, 10, 0), day, local(3, 10, 0)},
		{"Friday afternoon skips the weekend", local(6, 17, 0), day, local(9, 17, 0)},
		{"Saturday starts on Monday morning", local(7, 11, 0), day, local(10, 9, 0)},
		{"late evening starts next morning", local(2, 22, 0), day, local(4, 9, 0)},
		{"hours into the evening wait for morning", local(2, 17, 0), 2 * time.Hour, local(3, 9, 0)},
		{"before work starts at nine", local(3, 6, 30), 4 * time.Hour, local(3, 13, 0)},
	}
	for _, tt := range tests {
		if got := flows.WorkingAfter(tt.from, tt.d); !got.Equal(tt.want) {
			t.Errorf("%s: WorkingAfter(%v, %v) = %v, want %v", tt.name, tt.from, tt.d, got, tt.want)
		}
	}
}

var policy = flows.Policy{NudgeAfter: 24 * time.Hour, ExpireAfter: 14 * 24 * time.Hour}

func tickAt(at time.Time) flows.Tick { return flows.Tick{At: at, Policy: policy} }

// started is a collaboration begun on Monday 2 March, 10:00 in Shanghai.
func started() flows.Collab {
	c, _ := flows.Start(flows.Collab{ID: "c1", Topic: "launch the spring campaign", Lang: "en", TZ: "Asia/Shanghai",
		CreatedAt: local(2, 10, 0),
		Sides:     [2]flows.Party{{Kind: flows.KindUser, ID: "U1", Handle: "ops"}, {Kind: flows.KindUser, ID: "U3", Handle: "tech"}}})
	return c
}

func effectsOf(t *testing.T, c flows.Collab, ev flows.Event) (flows.Collab, []flows.Effect) {
	t.Helper()
	c, effects, err := flows.Next(c, ev)
	if err != nil {
		t.Fatalf("Next(%#v): %v", ev, err)
	}
	return c, effects
}

func TestNudgeOnceAfterOneWorkingDay(t *testing.T) {
	c := started()
	if _, effects := effectsOf(t, c, tickAt(local(3, 9, 59))); effects != nil {
		t.Fatalf("nudged before a working day passed: %+v", effects)
	}
	if got := flows.NextTimers(&c, policy).Nudge; !got.Equal(local(3, 10, 0)) {
		t.Errorf("next nudge = %v, want Tuesday 10:00", got)
	}
	// Side A answers on Monday at 17:00: its next question is due a
	// reminder on Tuesday at 17:00, side B's goal at 10:00.
	c = must(t, c, flows.Reply{User: "U1", Text: "grow sign-ups", TS: tsOf(local(2, 17, 0)), TZ: "Asia/Shanghai"})
	c, effects := effectsOf(t, c, tickAt(local(3, 10, 0)))
	want := []flows.Effect{{Kind: flows.Nudge, Side: flows.SideB, Question: flows.QGoal}}
	if !reflect.DeepEqual(effects, want) {
		t.Fatalf("Tuesday 10:00 effects = %+v, want %+v", effects, want)
	}
	c, effects = effectsOf(t, c, tickAt(local(3, 17, 1)))
	want = []flows.Effect{{Kind: flows.Nudge, Side: flows.SideA, Question: flows.QNeeds}}
	if !reflect.DeepEqual(effects, want) {
		t.Fatalf("Tuesday 17:00 effects = %+v, want %+v", effects, want)
	}
	if _, effects = effectsOf(t, c, tickAt(local(5, 17, 0))); effects != nil {
		t.Errorf("a second nudge for the same question: %+v", effects)
	}
}

func TestExpiryClosesAnUnfinishedCollab(t *testing.T) {
	c := started()
	c, effects := effectsOf(t, c, tickAt(local(16, 9, 59)))
	if c.State != flows.Collecting || len(effects) != 2 {
		t.Fatalf("before expiry: %s %+v, want collecting with two nudges", c.State, effects)
	}
	c, effects = effectsOf(t, c, tickAt(local(16, 10, 0)))
	if c.State != flows.Expired || !reflect.DeepEqual(effects, []flows.Effect{{Kind: flows.UpdateRoot}}) {
		t.Fatalf("at expiry: %s %+v, want expired and the root updated", c.State, effects)
	}
	if tm := flows.NextTimers(&c, policy); tm != (flows.Timers{}) {
		t.Errorf("an expired collab still has timers: %+v", tm)
	}
}

func tsOf(t time.Time) string { return fmt.Sprintf("%d.000100", t.Unix()) }

// agreed runs a collaboration to an agreement accepted at at, with two
// dated commitments: ops hands over device models by Wednesday 4 March,
// tech puts the page live by Friday 6 March.
func agreed(t testing.TB, at time.Time) flows.Collab {
	t.Helper()
	c := agreedWith(t, at, [][2]string{
		{"grow sign-ups", "ship a stable page"},
		{"the landing page live by Friday", "the device models of core users by Wednesday"},
		{"we hand over the device models of core users by Wednesday", "we test the landing page and put it live by Friday"},
	})
	if len(c.Commitments) != 2 {
		t.Fatalf("agreed with %+v, want two commitments", c.Commitments)
	}
	return c
}

// agreedWith runs a collaboration with these answers (side A, side B per
// question, written Monday 11:00) to an agreement accepted at at.
func agreedWith(t testing.TB, at time.Time, answers [][2]string) flows.Collab {
	t.Helper()
	c := started()
	for _, r := range answers {
		c = must(t, c, flows.Reply{User: "U1", Text: r[0], TS: tsOf(local(2, 11, 0)), TZ: "Asia/Shanghai"})
		c = must(t, c, flows.Reply{User: "U3", Text: r[1], TS: tsOf(local(2, 11, 0)), TZ: "Asia/Shanghai"})
	}
	c = must(t, c, flows.Accept{User: "U1", Version: 1, At: at})
	c = must(t, c, flows.Accept{User: "U3", Version: 1, At: at})
	if c.State != flows.Agreed {
		t.Fatalf("reached %s, want agreed", c.State)
	}
	return c
}

// item finds the commitment owned by side s.
func item(t *testing.T, c flows.Collab, s flows.Side) int {
	t.Helper()
	for i, k := range c.Commitments {
		if k.Owner == s {
			return i
		}
	}
	t.Fatalf("no commitment of side %s in %+v", s, c.Commitments)
	return -1
}

func TestCommitmentRemindedOnDueMorningThenOverdueOnce(t *testing.T) {
	c := agreed(t, local(2, 15, 0))
	ops := item(t, c, flows.SideA)
	remindOps := flows.Effect{Kind: flows.RemindCommitment, Side: flows.SideA, Item: ops}
	steps := []struct {
		at   time.Time
		want []flows.Effect
	}{
		{local(4, 8, 59), nil},
		{local(4, 9, 0), []flows.Effect{remindOps}},
		{local(4, 17, 0), nil},
		{local(5, 9, 0), []flows.Effect{{Kind: flows.UpdateAgreement}, remindOps}},
		{local(5, 9, 30), nil},
	}
	for _, s := range steps {
		var effects []flows.Effect
		c, effects = effectsOf(t, c, flows.Tick{At: s.at})
		if !reflect.DeepEqual(effects, s.want) {
			t.Fatalf("Tick at %v = %+v, want %+v", s.at, effects, s.want)
		}
	}
	if !c.Commitments[ops].Overdue {
		t.Errorf("commitment not shown overdue after its second reminder: %+v", c.Commitments[ops])
	}
	c, effects := effectsOf(t, c, flows.Tick{At: local(6, 9, 0)})
	if len(effects) != 1 || effects[0].Side != flows.SideB {
		t.Errorf("Friday effects = %+v, want tech's reminder", effects)
	}
	c, effects = effectsOf(t, c, flows.Tick{At: local(9, 9, 0)})
	if len(effects) != 2 { // tech's Friday commitment, now overdue
		t.Errorf("Monday effects = %+v, want tech's overdue reminder", effects)
	}
	if _, effects = effectsOf(t, c, flows.Tick{At: local(30, 9, 0)}); effects != nil {
		t.Errorf("a third reminder: %+v", effects)
	}
}

func TestCommitmentDueAtAgreementWaitsForNextWorkingMorning(t *testing.T) {
	c := agreed(t, local(6, 8, 0)) // Friday, before work: both are due today or earlier
	for _, k := range c.Commitments {
		if !k.RemindAt.Equal(local(9, 9, 0)) {
			t.Errorf("%q first reminded %v, want Monday 9 March 09:00", k.What, k.RemindAt)
		}
	}
	if _, effects := effectsOf(t, c, flows.Tick{At: local(6, 9, 0)}); effects != nil {
		t.Errorf("reminded on the day of the agreement: %+v", effects)
	}
}

func TestCommitmentDoneAndMoreTime(t *testing.T) {
	c := agreed(t, local(2, 15, 0))
	ops, tech := item(t, c, flows.SideA), item(t, c, flows.SideB)
	tests := []struct {
		name string
		ev   flows.Event
		want []flows.Effect
	}{
		{"stranger", flows.CommitmentDone{User: "U7", Item: ops}, []flows.Effect{notice("U7", flows.NoticeNotMember)}},
		{"no such item", flows.CommitmentDone{User: "U1", Item: 9}, []flows.Effect{notice("U1", flows.NoticeStale)}},
		{"more time by the other side", flows.MoreTime{User: "U3", Item: ops}, []flows.Effect{notice("U3", flows.NoticeNotMember)}},
		{"more time by the owner", flows.MoreTime{User: "U1", Item: ops},
			[]flows.Effect{notice("U1", flows.NoticeMoreTime), {Kind: flows.UpdateAgreement}}},
		{"done by the other side", flows.CommitmentDone{User: "U1", Item: tech}, []flows.Effect{{Kind: flows.UpdateAgreement}}},
		{"done twice", flows.CommitmentDone{User: "U3", Item: tech}, []flows.Effect{notice("U3", flows.NoticeCommitmentDone)}},
	}
	for _, tt := range tests {
		var effects []flows.Effect
		c, effects = effectsOf(t, c, tt.ev)
		if !reflect.DeepEqual(effects, tt.want) {
			t.Errorf("%s: %#v = %+v, want %+v", tt.name, tt.ev, effects, tt.want)
		}
	}
	if k := c.Commitments[ops]; !k.Due.Equal(local(11, 9, 0)) || k.Postponed != 1 {
		t.Errorf("after more time: due %v postponed %d, want Wednesday 11 March, 1", k.Due, k.Postponed)
	}
	if tm := flows.NextTimers(&c, flows.Policy{}); !tm.Reminder.Equal(local(11, 9, 0)) {
		t.Errorf("next reminder %v, want the postponed due morning", tm.Reminder)
	}
}

// TestRecurringCommitmentRemindsOnItsCadence: an undated "weekly"
// commitment is reminded on its first occurrence as the proposal dated it
// (the end of the agreement's week) and every week after, never overdue;
// Done counts for the current week.
func TestRecurringCommitmentRemindsOnItsCadence(t *testing.T) {
	c := agreedWith(t, local(2, 15, 0), [][2]string{
		{"grow sign-ups", "ship a stable page"},
		{"a weekly report on page errors", "the sign-up figures"},
		{"we send the sign-up figures every week", "we send a weekly report on page errors"},
	})
	if len(c.Commitments) == 0 {
		t.Fatalf("no recurring commitment followed: %+v", flows.Propose(&c).Commitments)
	}
	for i, k := range c.Commitments {
		if !k.Recurring() || !k.RemindAt.Equal(local(6, 9, 0)) {
			t.Fatalf("commitment %d = %+v, want weekly from Friday 6 March 09:00", i, k)
		}
	}
	var effects []flows.Effect
	c, effects = effectsOf(t, c, flows.Tick{At: local(6, 9, 0)})
	if len(effects) != len(c.Commitments) {
		t.Fatalf("first week: %+v, want one reminder each", effects)
	}
	c, _ = effectsOf(t, c, flows.CommitmentDone{User: "U1", Item: 0})
	if _, effects = effectsOf(t, c, flows.Tick{At: local(10, 9, 0)}); effects != nil {
		t.Errorf("reminded again within the week: %+v", effects)
	}
	c, effects = effectsOf(t, c, flows.Tick{At: local(13, 9, 0)})
	want := []flows.Effect{{Kind: flows.UpdateAgreement}, {Kind: flows.RemindCommitment, Side: c.Commitments[0].Owner, Item: 0}}
	if !reflect.DeepEqual(effects[:2], want) {
		t.Errorf("second week: %+v, want the done mark cleared and a reminder", effects)
	}
	if k := c.Commitments[0]; k.Done() || k.Overdue || !k.Due.Equal(local(13, 9, 0)) || !k.RemindAt.Equal(local(20, 9, 0)) {
		t.Errorf("after the second week's reminder: %+v", k)
	}
}
