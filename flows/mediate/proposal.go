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
	// MiddleGround is the earliest date that honours the lead time.
	MiddleGround time.Time
	// Gives lists, per side, the offers that meet the other side's needs
	// and so help close the gap.
	GivesA, GivesB []Item
}

// Goals shows how each side's goal hangs from the shared one.
type Goals struct {
	Company string   // the topic
	A, B    string   // each side's goal as typed
	Shared  []string // terms and outcomes both goals (or a goal and the topic) share
}

// Balance is what each side gives the other, and whether it is lopsided.
type Balance struct {
	AGivesB, BGivesA []Item // offers that meet a need of the other side
	// Lopsided is the side that gives much more than it receives, or "".
	Lopsided Side
}

// Commitment is who delivers what by when (Due zero when no date).
type Commitment struct {
	Owner Side
	What  string
	Due   time.Time
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
