// Package mediate is the proposal engine: it reads what two sides answered
// and finds where they meet. It is pure code over plain values.
package mediate

import (
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// Side is "a" or "b", as in the message metadata.
type Side string

const (
	SideA Side = "a"
	SideB Side = "b"
)

// Answer is one side's reply to one question and when it was written.
type Answer struct {
	Text string
	At   time.Time // the message's moment, in the writer's time zone
}

// Party is what one side said.
type Party struct {
	Name                string
	Goal, Needs, Values Answer
}

// Input is everything the engine reads.
type Input struct {
	CollabID string
	Version  int
	Lang     string // "en" or "zh"
	Topic    string // the shared company goal
	A, B     Party
	// Decisions are the needing sides' answers to "Does ‹offer› cover
	// ‹need›?", oldest first: a yes makes the pair a Match, a no removes
	// it from the Candidates. A later decision on a pair overrides an
	// earlier one.
	Decisions []Decision
	// Calendar is how working days and sprints are counted for lead times
	// and middle grounds: the collaboration's holidays (COLLAB_HOLIDAYS, by
	// default from Lang) and sprint length.
	Calendar timeread.Calendar
}

// Decision is a needing side's answer about one candidate pair, naming
// the need and the offer by their items as the proposal listed them.
type Decision struct {
	Need  Item
	Offer Item
	Yes   bool
}

// Item is one need or offer: the user's own wording, kept for display.
type Item struct {
	Side Side
	Text string
}

// Match pairs a need of one side with the other side's offer that meets
// it; Terms are the shared words that justify the pairing to the users.
// In Proposal.Candidates it is a plausible pair the engine is not sure
// of, to be asked about.
type Match struct {
	Need  Item
	Offer Item
	Terms []string
	// Confirmed is true when the needing side said yes to the pair (see
	// Decision), rather than the engine finding it sure on its own.
	Confirmed bool
}

// Reading is how one side's answers were read: the items its needs and
// its offers were split into, in the order typed, for "I read 3 needs: …".
// An answer that only says there is nothing ("暂无") reads as no item.
type Reading struct {
	Needs  []Item
	Offers []Item
	// Stated are the needs that state the side's own work (a lead time,
	// a step order) rather than ask for something.
	Stated []Item
	// Declines are the offers that decline something ("英文版翻译我们不做")
	// rather than give it.
	Declines []Item
}

// Conflict is a need whose deadline the other side's lead time cannot meet.
type Conflict struct {
	Need Item
	// Work is what the need asks to be delivered, without its date or the
	// asking ("给个结论（新供应商的电机能不能用）", "the laptops").
	Work     string
	Deadline time.Time // the date the need asks for (midnight, local)
	Lead     Item      // the other side's item stating its lead time
	LeadDays int       // lead time in calendar days from when the work can start
	// LeadPhrase is the lead time as written ("5个工作日"); WorkingDays
	// says it counted working days, so LeadDays (calendar) differs from it.
	LeadPhrase  string
	WorkingDays bool
	// MiddleGround is the earliest date that honours the binding lead time
	// (the shortest path a side put on the table for this work), counted on
	// the collaboration's calendar from when the work can start: the
	// prerequisite's date when it waits for one, else the answer's day.
	MiddleGround time.Time
	// HalfDay is "am" or "pm" when the need named a half of its day
	// ("明天上午"), else "": the deadline is that half of its day, and the
	// middle ground keeps it. A plain date never gains a half day: the lead
	// time is counted in whole days, so nothing else justifies one.
	HalfDay string
	// Helps are the offers (of either side, in the order typed) that
	// shorten the lead time, by a stated amount or not, or that meet the
	// clashing need itself, and the step the work waits for: a fast-track
	// review, extra testers, the documents the review starts from. Offers
	// that meet the lead side's other needs are not listed: the plan
	// holds them, and they shorten nothing.
	Helps []Item
	// Standard is when all of it would be ready on the standard path, the
	// lead time as stated with nothing that shortens it, when that is
	// later than MiddleGround; zero otherwise. Cuts are the offers that
	// make up the difference (a fast track, a step skipped, a shorter
	// length whose condition the requester meets, a stated saving), in
	// the order typed: the reason for the date proposed.
	Standard time.Time
	Cuts     []Item
	// ByDeadline are offered items that can be delivered by the need's own
	// deadline even though the whole cannot: a preview build, a first-pass
	// review, phase 1 of a phased offer. Empty when nothing offered fits.
	ByDeadline []Item
	// Prerequisite is the step the lead time waits for, as a dated
	// commitment: usually the requester's own (send the names, submit the
	// request), or a step a side stated the work waits for ("金样签字后才能
	// 开试产"), owned by whoever dated it; nil when none was named.
	Prerequisite *Commitment
	// LeadParty is a third party named as the source of the lead time
	// ("the supplier needs 3 weeks", "品牌方"), as written; "" when the lead
	// time is the other side's own.
	LeadParty string
	// AfterDeadline is true when MiddleGround falls after Deadline: the
	// proposal must say so, and offer ByDeadline for the deadline itself.
	AfterDeadline bool
	// Shortening is the offer that shortens the lead time, with the lead
	// time it gives when it says by how much; nil when none does.
	Shortening *Shortening
	// Phases are the parts a side split the work into, the first first,
	// each with its date when known: what the requester gets by when.
	Phases []Phase
	// Event is what the deadline serves, when the need names it with a
	// later date ("the first stop is Tuesday 3/17"), as written, and
	// EventDate its date; "" and zero when it names none. A middle ground
	// after the deadline may still serve the event: the proposal says which.
	Event     string
	EventDate time.Time
}

// Goals shows how each side's goal hangs from the shared one.
type Goals struct {
	Company string // the topic
	A, B    string // each side's goal as typed
	// AServes and BServes are the clause of each side's goal that says how
	// it serves the company goal, as written ("支撑公司季度用户增长目标",
	// "to protect user trust"); "" when the answer does not say.
	AServes, BServes string
}

// Balance is what each side gives the other, and whether it is lopsided.
type Balance struct {
	AGivesB, BGivesA []Item // offers that meet a need of the other side
	// AlsoA and AlsoB are the offers of each side that meet no stated need
	// of the other: shown, so that no offer is ignored, but not counted in
	// the balance, as nobody said they need them.
	AlsoA, AlsoB []Item
	// ForGoalA and ForGoalB are the offers of each side that meet no
	// stated need of the other but serve the other side's goal: credited
	// in the balance, and not also in AlsoA/AlsoB.
	ForGoalA, ForGoalB []Item
	// Lopsided is the side that gives much more than it receives, or
	// nothing at all in return, or "". A side that was asked for nothing
	// (the other side stated no need) is never the lopsided one.
	Lopsided Side
}

// Commitment is who delivers what by when (Due zero when no date);
// HalfDay is "am" or "pm" when Due is that half of its day, as in Conflict.
type Commitment struct {
	Owner Side
	What  string // the user's words it comes from
	// Plain is What as a plan says it beside its owner and date: without
	// the date phrase Due was read from ("Final copy by Wed Apr 22") and
	// the opener that only says a side can ("We can", "我们可以"); "" when
	// that leaves What as it is.
	Plain   string
	Due     time.Time
	HalfDay string
	// Standing is set on a promise to hold still or refrain ("No rule
	// changes once the copy is final", "封版后不再加需求"): it holds from
	// now on, so it has no due date.
	Standing bool
	// Recurring is the cadence as written ("every Monday", "每月初",
	// "within 2 days of each interview") when the commitment repeats; Due
	// is then zero and From is the first occurrence (zero when unknown).
	Recurring string
	From      time.Time
}

// Proposal is the joint proposal for one version of a collaboration.
type Proposal struct {
	CollabID string
	Version  int
	Lang     string
	Topic    string
	NameA    string
	NameB    string
	Goals    Goals
	// Read is how each side's answers were split into items (0 is A).
	Read    [2]Reading
	Matches []Match
	// Candidates are plausible but uncertain pairs, to ask the needing
	// side about; a pair is never also in Matches, and its need is never
	// in Open.
	Candidates []Match
	Conflicts  []Conflict
	Open       []Item // needs that no offer meets, nor any candidate
	// Refused pairs a need of Open with the other side's answer that
	// declines it ("逐项评审我们做不了"), for the proposal to quote.
	Refused     []Match
	Balance     Balance
	Commitments []Commitment
	// Sprints are the items that count time in sprints ("in 2 sprints")
	// when the collaboration has no sprint length, so their dates are
	// unread until the sides say how long a sprint is.
	Sprints []Item
}

// Agreeable reports whether p holds something to agree on: a need met or
// a commitment. Accepting one that holds neither would pin an empty
// agreement, so it offers no Accept and an Accept is refused.
func (p Proposal) Agreeable() bool { return len(p.Matches) > 0 || len(p.Commitments) > 0 }
