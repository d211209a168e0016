package scenario

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Score is how one proposal measures against its scenario's expectations.
// Scores add up (see Add) to a corpus total.
type Score struct {
	File string
	// Matches found of those expected; false matches are pairs in none of
	// matches and allowed.
	Found, Expected, False int
	// Conflicts right (need, lead time and middle ground) of those
	// expected; false conflicts pair a need and a lead time not expected.
	ConflictsRight, ConflictsExpected, ConflictsFalse int
	// Open points found of those expected, and open needs not expected
	// (except those whose only defensible matches are optional).
	OpenFound, OpenExpected, OpenExtra int
	// Candidates asked, and those in none of matches, allowed, candidates.
	Candidates, CandidatesFalse int
	// Commitments found of those expected.
	CommitFound, CommitExpected int
	// Notes say what went wrong, one line each, for a reader to check.
	Notes []string
}

// Add returns the sum of s and o, without notes.
func (s Score) Add(o Score) Score {
	return Score{
		File: "total", Found: s.Found + o.Found, Expected: s.Expected + o.Expected, False: s.False + o.False,
		ConflictsRight: s.ConflictsRight + o.ConflictsRight, ConflictsExpected: s.ConflictsExpected + o.ConflictsExpected,
		ConflictsFalse: s.ConflictsFalse + o.ConflictsFalse,
		OpenFound:      s.OpenFound + o.OpenFound, OpenExpected: s.OpenExpected + o.OpenExpected, OpenExtra: s.OpenExtra + o.OpenExtra,
		Candidates: s.Candidates + o.Candidates, CandidatesFalse: s.CandidatesFalse + o.CandidatesFalse,
		CommitFound: s.CommitFound + o.CommitFound, CommitExpected: s.CommitExpected + o.CommitExpected,
	}
}

// Eval builds the proposal of s, with every answer written at 10:00 on
// its day in loc, and scores it.
func Eval(s Scenario, loc *time.Location) Score {
	return s.Score(mediate.Build(s.Input(loc)))
}

// Score measures p against the expectations of s.
func (s Scenario) Score(p mediate.Proposal) Score {
	e := s.Expect
	sc := Score{File: s.File, Expected: len(e.Matches), ConflictsExpected: len(e.Conflicts),
		OpenExpected: len(e.Open), CommitExpected: len(e.Commitments)}
	sc.Notes = s.refNotes(p)
	sc.scoreMatches(e, p)
	sc.scoreConflicts(e, p)
	sc.scoreOpen(e, p)
	sc.scoreCommitments(e, p)
	sc.scoreBalance(e, p)
	return sc
}

// scoreBalance notes a balance other than the one expected, when the file
// checks it; it is not counted, as the targets do not name it.
func (sc *Score) scoreBalance(e Expect, p mediate.Proposal) {
	want := e.Lopsided
	if want == "none" {
		want = ""
	}
	if e.Lopsided != "" && string(p.Balance.Lopsided) != want {
		sc.note("lopsided %q, want %q (a gives %d, b gives %d)", p.Balance.Lopsided, e.Lopsided, len(p.Balance.AGivesB), len(p.Balance.BGivesA))
	}
}

func (sc *Score) note(format string, args ...any) {
	sc.Notes = append(sc.Notes, fmt.Sprintf(format, args...))
}

func (sc *Score) scoreMatches(e Expect, p mediate.Proposal) {
	for _, want := range e.Matches {
		switch {
		case slices.ContainsFunc(p.Matches, want.Is):
			sc.Found++
		case slices.ContainsFunc(p.Candidates, want.Is):
			sc.note("asked, not matched: %s", want)
		default:
			sc.note("missing match: %s", want)
		}
	}
	for _, m := range p.Matches {
		if !inPairs(e.Matches, m) && !inPairs(e.Allowed, m) {
			sc.False++
			sc.note("false match: %s %q <- %s %q, terms %q", m.Need.Side, m.Need.Text, m.Offer.Side, m.Offer.Text, m.Terms)
		}
	}
	sc.Candidates = len(p.Candidates)
	for _, m := range p.Candidates {
		if !inPairs(e.Matches, m) && !inPairs(e.Allowed, m) && !inPairs(e.Candidates, m) {
			sc.CandidatesFalse++
			sc.note("false candidate: %s %q <- %s %q", m.Need.Side, m.Need.Text, m.Offer.Side, m.Offer.Text)
		}
	}
}

func (sc *Score) scoreConflicts(e Expect, p mediate.Proposal) {
	for _, want := range e.Conflicts {
		i := slices.IndexFunc(p.Conflicts, want.Pairs)
		switch {
		case i < 0:
			sc.note("missing conflict: %q vs %q, middle ground %s", want.Need.Text, want.LeadTime.Text, want.MiddleGround)
		case !want.MiddleGround.Same(p.Conflicts[i].MiddleGround):
			sc.note("conflict %q: middle ground %s, want %s", want.Need.Text, p.Conflicts[i].MiddleGround.Format(time.DateOnly), want.MiddleGround)
		default:
			sc.ConflictsRight++
		}
	}
	for _, got := range p.Conflicts {
		if !slices.ContainsFunc(e.Conflicts, func(w Conflict) bool { return w.Pairs(got) }) {
			sc.ConflictsFalse++
			sc.note("false conflict: %s %q by %s vs %s %q -> %s", got.Need.Side, got.Need.Text, got.Deadline.Format(time.DateOnly),
				got.Lead.Side, got.Lead.Text, got.MiddleGround.Format(time.DateOnly))
		}
	}
}

func (sc *Score) scoreOpen(e Expect, p mediate.Proposal) {
	for _, want := range e.Open {
		if slices.ContainsFunc(p.Open, want.Names) {
			sc.OpenFound++
			continue
		}
		sc.note("missing open point: %s %q", want.Side, want.Text)
	}
	for _, got := range p.Open {
		expected := slices.ContainsFunc(e.Open, func(r Ref) bool { return r.Names(got) })
		optional := slices.ContainsFunc(slices.Concat(e.Allowed, e.Candidates), func(a Pair) bool { return a.Need.Names(got) })
		if !expected && !optional {
			sc.OpenExtra++
			sc.note("unexpected open point: %s %q", got.Side, got.Text)
		}
	}
}

func (sc *Score) scoreCommitments(e Expect, p mediate.Proposal) {
	for _, want := range e.Commitments {
		if slices.ContainsFunc(p.Commitments, want.Is) {
			sc.CommitFound++
			continue
		}
		sc.note("missing commitment: %s", want)
	}
}

// refNotes names the fragments of the file that name no item, or several,
// as the engine reads the answers: their expectations cannot be checked
// as meant.
func (s Scenario) refNotes(p mediate.Proposal) []string {
	var out []string
	check := func(r Ref, what string, needs, offers bool) {
		n := 0
		read := p.Read[sideIndex(r.Side)]
		for _, it := range slices.Concat(pick(needs, read.Needs), pick(offers, read.Offers)) {
			if r.Names(it) {
				n++
			}
		}
		if n != 1 {
			out = append(out, fmt.Sprintf("%s %s %q names %d items, want 1", what, r.Side, r.Text, n))
		}
	}
	for _, pr := range slices.Concat(s.Expect.Matches, s.Expect.Allowed, s.Expect.Candidates) {
		check(pr.Need, "need", true, false)
		check(pr.Offer, "offer", false, true)
	}
	for _, c := range s.Expect.Conflicts {
		check(c.Need, "conflict need", true, false)
		check(c.LeadTime, "lead time", true, true)
	}
	for _, o := range s.Expect.Open {
		check(o, "open need", true, false)
	}
	return out
}

func pick(ok bool, items []mediate.Item) []mediate.Item {
	if ok {
		return items
	}
	return nil
}

func sideIndex(side string) int {
	if side == "b" {
		return 1
	}
	return 0
}

// Names reports whether it is the item r names: same side, and its text
// holds r's fragment, ignoring case.
func (r Ref) Names(it mediate.Item) bool {
	return string(it.Side) == r.Side && strings.Contains(strings.ToLower(it.Text), strings.ToLower(r.Text))
}

// Is reports whether m pairs the need and the offer p names.
func (p Pair) Is(m mediate.Match) bool { return p.Need.Names(m.Need) && p.Offer.Names(m.Offer) }

func (p Pair) String() string {
	return fmt.Sprintf("need %s %q <- offer %s %q", p.Need.Side, p.Need.Text, p.Offer.Side, p.Offer.Text)
}

func inPairs(ps []Pair, m mediate.Match) bool {
	return slices.ContainsFunc(ps, func(p Pair) bool { return p.Is(m) })
}

// Pairs reports whether got is about the need and the lead time c names,
// whatever its middle ground.
func (c Conflict) Pairs(got mediate.Conflict) bool {
	return c.Need.Names(got.Need) && c.LeadTime.Names(got.Lead)
}

// Is reports whether got is the commitment c expects: same owner, the
// fragment in its text, recurring when c is, due on c's date when given.
func (c Commitment) Is(got mediate.Commitment) bool {
	switch {
	case string(got.Owner) != c.Owner || !strings.Contains(strings.ToLower(got.What), strings.ToLower(c.Text)):
		return false
	case c.Recurring != (got.Recurring != ""):
		return false
	case c.Due.IsZero():
		return true
	case c.Recurring:
		return c.Due.Same(got.From)
	}
	return c.Due.Same(got.Due)
}

func (c Commitment) String() string {
	s := fmt.Sprintf("%s %q", c.Owner, c.Text)
	if !c.Due.IsZero() {
		s += " due " + c.Due.String()
	}
	if c.Recurring {
		s += " (recurring)"
	}
	return s
}
