package flows

import (
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

// Commitment is a dated or recurring promise of an agreement and how its
// follow-up stands. A dated one is reminded on its due day's morning in
// its owner side's zone and, when still not done, once more on the next
// working morning, when it is shown as overdue. A recurring one ("weekly
// report") is reminded on each occurrence's morning, and Done counts for
// the current occurrence.
type Commitment struct {
	Owner Side      `json:"owner"`
	What  string    `json:"what"`
	Due   time.Time `json:"due"` // the due day's morning, in the owner's zone
	// Every is a recurring commitment's cadence; zero for a dated one.
	Every timeread.Every `json:"every,omitzero"`
	// RemindAt is when the next reminder is due; zero when none is left.
	RemindAt time.Time `json:"remind_at,omitzero"`
	Reminded int       `json:"reminded,omitempty"`
	Overdue  bool      `json:"overdue,omitempty"`
	DoneBy   string    `json:"done_by,omitempty"`
	// Postponed counts the owner's Need more time.
	Postponed int `json:"postponed,omitempty"`
}

// Done reports whether a member recorded the commitment as done.
func (k Commitment) Done() bool { return k.DoneBy != "" }

// Recurring reports whether the commitment comes back on a cadence.
func (k Commitment) Recurring() bool { return !k.Every.IsZero() }

func (k Commitment) pending() bool { return !k.RemindAt.IsZero() && (!k.Done() || k.Recurring()) }

// postponeBy is how far Need more time moves a due day, in working days.
const postponeBy = 5

// CommitmentDone is a click on a reminder's Done button for commitment
// Item of the agreement.
type CommitmentDone struct {
	User string
	Item int
}

// MoreTime is a click on a reminder's Need more time button: the owner
// side moves the due day one working week on.
type MoreTime struct {
	User string
	Item int
}

func (e CommitmentDone) user() string { return e.User }
func (e MoreTime) user() string       { return e.User }

// follow returns the follow-ups of the agreement c just reached: one per
// dated commitment of the accepted proposal. One due on the day of the
// agreement or earlier is first reminded on the next working morning,
// never at once.
func follow(c *Collab) []Commitment {
	agreed := c.AgreedAt
	if agreed.IsZero() {
		agreed = c.CreatedAt
	}
	var out []Commitment
	for _, k := range Propose(c).Commitments {
		owner := Side(k.Owner)
		zone := c.SideZone(owner)
		every, day := cadence(k, agreed.In(zone))
		if day.IsZero() {
			continue
		}
		y, m, d := day.Date()
		due := time.Date(y, m, d, MorningHour, 0, 0, 0, zone)
		first := WorkingHours(due)
		if !morningOf(agreed.In(zone)).Before(due) {
			first = NextWorkingMorning(agreed.In(zone))
		}
		out = append(out, Commitment{Owner: owner, What: k.What, Due: due, Every: every, RemindAt: first})
	}
	return out
}

// remind sends the commitment reminders due at at. The second reminder of
// a commitment marks it overdue on the pinned summary; there is no third.
func remind(c Collab, at time.Time) (Collab, []Effect) {
	var effects []Effect
	changed := false
	for i, k := range c.Commitments {
		if !k.pending() || at.Before(k.RemindAt) {
			continue
		}
		if !changed {
			c.Commitments = append([]Commitment(nil), c.Commitments...)
			changed = true
		}
		k.Reminded++
		k.RemindAt = time.Time{}
		switch {
		case k.Recurring():
			effects = append(effects, recur(&k)...)
		case k.Reminded == 1:
			k.RemindAt = NextWorkingMorning(later(k.Due, at.In(k.Due.Location())))
		default:
			k.Overdue = true
			effects = append(effects, Effect{Kind: UpdateAgreement})
		}
		c.Commitments[i] = k
		effects = append(effects, Effect{Kind: RemindCommitment, Side: k.Owner, Item: i})
	}
	return c, effects
}

// recur moves a recurring commitment to the occurrence being reminded
// now and sets the next one's reminder. A Done of the last occurrence is
// cleared, and the summary shows it no more.
func recur(k *Commitment) []Effect {
	if k.Reminded > 1 {
		k.Due = k.Every.After(k.Due)
	}
	k.RemindAt = WorkingHours(k.Every.After(k.Due))
	if k.Done() {
		k.DoneBy = ""
		return []Effect{{Kind: UpdateAgreement}}
	}
	return nil
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// commitmentClick checks a click on a reminder: the item exists and the
// user may speak for a side (any member of either side may record done;
// only the owner side may ask for more time).
func commitmentClick(c *Collab, user string, item int, ownerOnly bool) (*Commitment, *Effect) {
	if c.State != Agreed || item < 0 || item >= len(c.Commitments) {
		e := notify(user, NoticeStale)
		return nil, &e
	}
	k := c.Commitments[item]
	if len(c.SidesOf(user)) == 0 || ownerOnly && !c.Side(k.Owner).Has(user) {
		e := notify(user, NoticeNotMember)
		return nil, &e
	}
	if k.Done() {
		e := notify(user, NoticeCommitmentDone)
		return nil, &e
	}
	c.Commitments = append([]Commitment(nil), c.Commitments...)
	return &c.Commitments[item], nil
}

func commitmentDone(c Collab, ev CommitmentDone) (Collab, []Effect, error) {
	k, e := commitmentClick(&c, ev.User, ev.Item, false)
	if e != nil {
		return c, []Effect{*e}, nil
	}
	k.DoneBy = ev.User
	if !k.Recurring() {
		k.RemindAt = time.Time{}
	}
	return c, []Effect{{Kind: UpdateAgreement}}, nil
}

func moreTime(c Collab, ev MoreTime) (Collab, []Effect, error) {
	k, e := commitmentClick(&c, ev.User, ev.Item, true)
	if e != nil {
		return c, []Effect{*e}, nil
	}
	due := k.Due
	for n := postponeBy; n > 0; {
		y, m, d := due.Date()
		due = time.Date(y, m, d+1, MorningHour, 0, 0, 0, due.Location())
		if !weekend(due) {
			n--
		}
	}
	k.Due, k.RemindAt, k.Reminded, k.Overdue = due, due, 0, false
	k.Postponed++
	return c, []Effect{notify(ev.User, NoticeMoreTime), {Kind: UpdateAgreement}}, nil
}

// cadence is how often commitment k recurs as the engine read it, and its
// first due day after agreed: the engine's first occurrence, or one period
// on. A one-off commitment has no period and is due on its date.
func cadence(k mediate.Commitment, agreed time.Time) (timeread.Every, time.Time) {
	if k.Recurring == "" {
		return timeread.Every{}, k.Due
	}
	every, ok := timeread.Cadence(k.Recurring, agreed)
	if !ok {
		return timeread.Every{}, k.Due // follows events: reminded once, if dated
	}
	if !k.From.IsZero() && k.From.After(agreed) {
		return every, k.From
	}
	return every, every.After(agreed)
}
