package flows

import "time"

// Policy says when timed things happen. The bot passes its configuration
// with every Tick, so the flow stays a pure function of its inputs.
type Policy struct {
	// NudgeAfter is the working time a side may leave its question
	// unanswered before it is reminded once; 0 never reminds.
	NudgeAfter time.Duration
	// ExpireAfter is how long after its start an unfinished collaboration
	// is closed; 0 never closes one.
	ExpireAfter time.Duration
}

// Tick is the clock reaching At: every reminder and expiry due by then
// happens. A Tick that finds nothing due changes nothing, so a timer that
// fires twice, or early, is harmless.
type Tick struct {
	At time.Time
	Policy
}

func (Tick) user() string { return "" }

// Timers is when each timed thing of a collaboration is next due; a zero
// time means none is.
type Timers struct {
	Nudge, Expiry, Reminder time.Time
}

// NextTimers returns when c's next nudge, expiry and commitment reminder
// fall due under p.
func NextTimers(c *Collab, p Policy) Timers {
	var t Timers
	if !c.State.Final() && p.ExpireAfter > 0 && !c.CreatedAt.IsZero() {
		t.Expiry = c.CreatedAt.Add(p.ExpireAfter)
	}
	for _, s := range sides {
		t.Nudge = earliest(t.Nudge, nudgeAt(c, s, p.NudgeAfter))
	}
	for _, k := range c.Commitments {
		if k.pending() {
			t.Reminder = earliest(t.Reminder, k.RemindAt)
		}
	}
	return t
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// nudgeAt is when side s is reminded of its pending question: after
// NudgeAfter of working time in the side's zone; zero when it is not to be.
func nudgeAt(c *Collab, s Side, after time.Duration) time.Time {
	p := c.Side(s)
	if c.State.Final() || p.Asking == QDone || p.Nudged || p.AskedAt.IsZero() || after <= 0 {
		return time.Time{}
	}
	return WorkingAfter(p.AskedAt.In(c.SideZone(s)), after)
}

// SideZone is where side s works: the zone of its latest writer, or the
// collab's zone before any member has written.
func (c *Collab) SideZone(s Side) *time.Location {
	fallback := Zone(c.TZ, time.UTC)
	latest := Answer{}
	for _, a := range c.Side(s).Answers {
		if a.TZ != "" && LaterTS(a.TS, latest.TS) {
			latest = a
		}
	}
	if latest.TZ == "" {
		return Zone(c.Side(s).TZ, fallback)
	}
	return Zone(latest.TZ, fallback)
}

// tick carries out what is due at ev.At: expiry first (an expired
// collaboration asks nothing more), then nudges, then commitment reminders.
func tick(c Collab, ev Tick) (Collab, []Effect, error) {
	if exp := NextTimers(&c, ev.Policy).Expiry; !exp.IsZero() && !ev.At.Before(exp) {
		c.State = Expired
		return c, []Effect{{Kind: UpdateRoot}}, nil
	}
	var effects []Effect
	for _, s := range sides {
		if due := nudgeAt(&c, s, ev.NudgeAfter); !due.IsZero() && !ev.At.Before(due) {
			p := c.Side(s)
			p.Nudged = true
			effects = append(effects, Effect{Kind: Nudge, Side: s, Question: p.Asking})
		}
	}
	c, more := remind(c, ev.At)
	return c, append(effects, more...), nil
}

// asked records that side s was just asked a question at at: its
// reminder is counted from then.
func (c *Collab) asked(s Side, at time.Time) {
	p := c.Side(s)
	p.AskedAt, p.Nudged = at, false
}
