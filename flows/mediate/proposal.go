// Package mediate is the proposal engine: it reads what two sides answered
// and finds where they meet. It is pure code over plain values.
package mediate

import "time"

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
}

// Item is one need or offer: the user's own wording, kept for display.
type Item struct {
	Side Side
	Text string
}

// Match pairs a need of one side with the other side's offer that meets
// it; Terms are the shared words that justify the pairing to the users.
type Match struct {
	Need  Item
	Offer Item
	Terms []string
}

// Conflict is a need whose deadline the other side's lead time cannot meet.
type Conflict struct {
	Need     Item
	Deadline time.Time // the date the need asks for (midnight, local)
	Lead     Item      // the other side's item stating its lead time
	LeadDays int       // lead time in calendar days from the answer's day
	// LeadPhrase is the lead time as written ("5个工作日"); WorkingDays
	// says it counted working days, so LeadDays (calendar) differs from it.
	LeadPhrase  string
	WorkingDays bool
	// MiddleGround is the earliest date that honours the lead time.
	MiddleGround time.Time
	// HalfDay is "am" or "pm" when the need named a half of its day
	// ("明天上午"), else "": the deadline is that half of its day, and the
	// middle ground keeps it. A plain date never gains a half day: the lead
	// time is counted in whole days, so nothing else justifies one.
	HalfDay string
	// Gives lists, per side, the offers that meet the other side's needs
	// and so help close the gap.
	GivesA, GivesB []Item
}

// Goals shows how each side's goal hangs from the shared one.
type Goals struct {
	Company string   // the topic
	A, B    string   // each side's goal as typed
	Shared  []string // terms both goals share (A ∩ B), in A's wording
	// ATopic and BTopic are the terms each side's goal shares with the
	// company goal, in that side's wording.
	ATopic, BTopic []string
}

// Balance is what each side gives the other, and whether it is lopsided.
type Balance struct {
	AGivesB, BGivesA []Item // offers that meet a need of the other side
	// AlsoA and AlsoB are the offers of each side that meet no stated need
	// of the other: shown, so that no offer is ignored, but not counted in
	// the balance, as nobody said they need them.
	AlsoA, AlsoB []Item
	// Lopsided is the side that gives much more than it receives, or
	// nothing at all in return, or "".
	Lopsided Side
}

// Commitment is who delivers what by when (Due zero when no date);
// HalfDay is "am" or "pm" when Due is that half of its day, as in Conflict.
type Commitment struct {
	Owner   Side
	What    string
	Due     time.Time
	HalfDay string
}

// Proposal is the joint proposal for one version of a collaboration.
type Proposal struct {
	CollabID    string
	Version     int
	Lang        string
	Topic       string
	NameA       string
	NameB       string
	Goals       Goals
	Matches     []Match
	Conflicts   []Conflict
	Open        []Item // needs that no offer meets
	Balance     Balance
	Commitments []Commitment
}
