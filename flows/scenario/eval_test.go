package scenario

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

const tiny = `name: tiny
lang: en
today: 2026-03-02
topic: t
sides:
  a: {name: A, goal: g, needs: "kiwi crates\nmango boxes by Wednesday\npapaya", value: "plums"}
  b: {name: B, goal: g, needs: "plums", value: "kiwi crates\nmango boxes take 5 days\nlychee"}
expect:
  matches:
    - need: {side: a, text: kiwi}
      offer: {side: b, text: kiwi}
    - need: {side: b, text: plums}
      offer: {side: a, text: plums}
  candidates:
    - need: {side: a, text: papaya}
      offer: {side: b, text: lychee}
  conflicts:
    - need: {side: a, text: mango}
      lead_time: {side: b, text: mango}
      middle_ground: 2026-03-09
  open:
    - {side: a, text: papaya}
  commitments:
    - {owner: b, text: kiwi, due: 2026-03-06}
    - {owner: a, text: plums, recurring: true}
`

// TestScoreCounts: each figure of a score counts what it says, on a
// proposal made by hand so that every kind of hit and miss occurs once.
func TestScoreCounts(t *testing.T) {
	s, err := decode("tiny.en.yaml", []byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	a := func(text string) mediate.Item { return mediate.Item{Side: mediate.SideA, Text: text} }
	b := func(text string) mediate.Item { return mediate.Item{Side: mediate.SideB, Text: text} }
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	p := mediate.Proposal{
		Read: [2]mediate.Reading{
			{Needs: []mediate.Item{a("kiwi crates"), a("mango boxes by Wednesday"), a("papaya")}, Offers: []mediate.Item{a("plums")}},
			{Needs: []mediate.Item{b("plums")}, Offers: []mediate.Item{b("kiwi crates"), b("mango boxes take 5 days"), b("lychee")}},
		},
		Matches: []mediate.Match{
			{Need: a("kiwi crates"), Offer: b("kiwi crates")},         // expected
			{Need: a("papaya"), Offer: b("lychee")},                   // a candidate, not a match: false
			{Need: a("mango boxes by Wednesday"), Offer: b("lychee")}, // false
		},
		Candidates: []mediate.Match{
			{Need: b("plums"), Offer: a("plums")},                          // an expected match asked: not found, not false
			{Need: a("mango boxes by Wednesday"), Offer: b("kiwi crates")}, // false candidate
		},
		Conflicts: []mediate.Conflict{
			{Need: a("mango boxes by Wednesday"), Lead: b("mango boxes take 5 days"), MiddleGround: day(10)}, // wrong date
			{Need: a("kiwi crates"), Lead: b("mango boxes take 5 days"), MiddleGround: day(9)},               // false
		},
		Open: []mediate.Item{a("mango boxes by Wednesday")},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideB, What: "kiwi crates", Due: day(6)},
			{Owner: mediate.SideA, What: "plums", Due: day(2)}, // a one-off date for a recurring offer
		},
	}
	got := s.Score(p)
	want := Score{File: "tiny.en.yaml", Found: 1, Expected: 2, False: 2,
		ConflictsRight: 0, ConflictsExpected: 1, ConflictsFalse: 1,
		OpenFound: 0, OpenExpected: 1, OpenExtra: 1,
		Candidates: 2, CandidatesFalse: 1, CommitFound: 1, CommitExpected: 2}
	notes := got.Notes
	got.Notes = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("score = %+v\nwant    %+v\nnotes:\n%s", got, want, strings.Join(notes, "\n"))
	}
	if len(notes) != 9 {
		t.Errorf("%d notes, want 9 (one per miss):\n%s", len(notes), strings.Join(notes, "\n"))
	}
	var out bytes.Buffer
	total, err := WriteReport(&out, []Score{got, got}, false)
	if err != nil || total.Found != 2 || total.Expected != 4 || total.False != 4 || !strings.Contains(out.String(), "matches found: 2/4 (50.0%), false matches: 4, false conflicts: 2") {
		t.Errorf("report total %+v, err %v:\n%s", total, err, out.String())
	}
}

// TestRefNotes: a fragment that names no item, as the engine reads the
// answers, is reported.
func TestRefNotes(t *testing.T) {
	s, err := decode("tiny.en.yaml", []byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	p := mediate.Proposal{Read: [2]mediate.Reading{{Needs: []mediate.Item{{Side: mediate.SideA, Text: "kiwi crates"}}}}}
	notes := strings.Join(s.Score(p).Notes, "\n")
	if !strings.Contains(notes, `offer b "kiwi" names 0 items`) || strings.Contains(notes, `need a "kiwi" names`) {
		t.Errorf("notes:\n%s", notes)
	}
}
