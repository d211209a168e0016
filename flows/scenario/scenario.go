// Package scenario holds sample collaborations, as people would type them,
// with what a good joint proposal must contain. Tests, the demo and the
// bot's end-to-end tests play them.
package scenario

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/timeread"
)

//go:embed files/*.yaml
var files embed.FS

// Scenario is one collaboration file (see files/README.md).
type Scenario struct {
	File  string `yaml:"-"` // the file name inside files/
	Name  string `yaml:"name"`
	Lang  string `yaml:"lang"`
	Today Date   `yaml:"today"`
	// Holidays is the calendar's public holidays, "cn" or "none"; "" is
	// the default for Lang (see timeread.DefaultHolidays).
	Holidays string `yaml:"holidays"`
	// SprintDays is the sprint length in calendar days, 0 when unknown.
	SprintDays int    `yaml:"sprint_days"`
	Topic      string `yaml:"topic"`
	Sides      Sides  `yaml:"sides"`
	Expect     Expect `yaml:"expect"`
}

// Sides are the two parties, a and b.
type Sides struct {
	A Side `yaml:"a"`
	B Side `yaml:"b"`
}

// Side is what one party typed: its name and its three answers.
type Side struct {
	Name  string `yaml:"name"`
	Goal  string `yaml:"goal"`
	Needs string `yaml:"needs"`
	Value string `yaml:"value"`
}

// Expect is what a good proposal contains.
type Expect struct {
	Matches   []Pair     `yaml:"matches"`
	Allowed   []Pair     `yaml:"allowed"`
	Conflicts []Conflict `yaml:"conflicts"`
	Open      []Ref      `yaml:"open"`
	// Candidates are pairs a proposal may ask about instead of matching.
	Candidates []Pair `yaml:"candidates"`
	// Commitments, when given, must each be in the proposal.
	Commitments []Commitment `yaml:"commitments"`
	// Lopsided is "a", "b", "none", or "" when the balance is not checked.
	Lopsided string `yaml:"lopsided"`
}

// Ref names an item of one side by a fragment of its text.
type Ref struct {
	Side string `yaml:"side"`
	Text string `yaml:"text"`
}

// Pair is a need and the offer of the other side that meets it.
type Pair struct {
	Need  Ref `yaml:"need"`
	Offer Ref `yaml:"offer"`
}

// Conflict is a deadline need, the other side's lead time, and the
// middle-ground date a good proposal suggests.
type Conflict struct {
	Need         Ref  `yaml:"need"`
	LeadTime     Ref  `yaml:"lead_time"`
	MiddleGround Date `yaml:"middle_ground"`
}

// Commitment is who must commit to what: Owner "a" or "b", Text a
// fragment of the commitment, Due its date (the first occurrence when it
// recurs; zero when not checked), Recurring when it repeats.
type Commitment struct {
	Owner     string `yaml:"owner"`
	Text      string `yaml:"text"`
	Due       Date   `yaml:"due"`
	Recurring bool   `yaml:"recurring"`
}

// All returns every scenario of the embedded corpus, ordered by file name.
func All() ([]Scenario, error) {
	sub, err := fs.Sub(files, "files")
	if err != nil {
		return nil, fmt.Errorf("open scenarios: %w", err)
	}
	return FromFS(sub)
}

// FromFS returns every scenario (*.yaml) at the top of fsys, ordered by
// file name; os.DirFS reads a directory.
func FromFS(fsys fs.FS) ([]Scenario, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	sort.Strings(names)
	out := make([]Scenario, 0, len(names))
	for _, n := range names {
		s, err := ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Load returns the scenario whose name field is name.
func Load(name string) (Scenario, error) {
	all, err := All()
	if err != nil {
		return Scenario{}, err
	}
	for _, s := range all {
		if s.Name == name {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("load scenario %q: not found", name)
}

// ReadFile returns the scenario in one file of fsys (os.DirFS reads a
// directory), for playing a collaboration that is not in the corpus.
func ReadFile(fsys fs.FS, name string) (Scenario, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return Scenario{}, fmt.Errorf("read scenario %s: %w", name, err)
	}
	return decode(name, data)
}

// decode reads the scenario in data, from the file name, strictly: an
// unknown field is an error, so a typo in an expectation cannot silently
// disable it.
func decode(name string, data []byte) (Scenario, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, fmt.Errorf("parse scenario %s: %w", name, err)
	}
	s.File = path.Base(name)
	if err := s.validate(); err != nil {
		return Scenario{}, fmt.Errorf("scenario %s: %w", name, err)
	}
	return s, nil
}

// validate rejects files that would make a test pass vacuously.
func (s Scenario) validate() error {
	switch {
	case s.Name == "" || s.Topic == "" || s.Today.IsZero():
		return fmt.Errorf("name, topic and today are required")
	case s.Sides.A.Name == "" || s.Sides.B.Name == "":
		return fmt.Errorf("both sides need a name")
	case !strings.HasPrefix(s.File, s.Name+"."):
		return fmt.Errorf("file name must start with the scenario name %q", s.Name)
	}
	refs := s.Expect.Open
	for _, p := range slices.Concat(s.Expect.Matches, s.Expect.Allowed, s.Expect.Candidates) {
		refs = append(refs, p.Need, p.Offer)
	}
	for _, c := range s.Expect.Conflicts {
		refs = append(refs, c.Need, c.LeadTime)
		if c.MiddleGround.IsZero() {
			return fmt.Errorf("conflict on %q has no middle_ground", c.Need.Text)
		}
	}
	for _, c := range s.Expect.Commitments {
		refs = append(refs, Ref{Side: c.Owner, Text: c.Text})
	}
	for _, r := range refs {
		if (r.Side != "a" && r.Side != "b") || r.Text == "" {
			return fmt.Errorf("bad reference %+v: side must be a or b, text non-empty", r)
		}
	}
	if err := s.Calendar().Check(); err != nil {
		return err
	}
	switch s.Expect.Lopsided {
	case "", "a", "b", "none":
		return nil
	}
	return fmt.Errorf("lopsided must be a, b or none, not %q", s.Expect.Lopsided)
}

// Party returns side "a" or "b".
func (s Scenario) Party(side string) Side {
	if side == "b" {
		return s.Sides.B
	}
	return s.Sides.A
}

// Calendar is the scenario's working-day calendar.
func (s Scenario) Calendar() timeread.Calendar {
	h := s.Holidays
	if h == "" {
		h = timeread.DefaultHolidays(s.Lang)
	}
	return timeread.Calendar{Holidays: h, SprintDays: s.SprintDays}
}

// Input is the engine input for this scenario: every answer written at
// 10:00 on Today in loc.
func (s Scenario) Input(loc *time.Location) mediate.Input {
	at := s.Today.At(10, loc)
	party := func(p Side) mediate.Party {
		return mediate.Party{
			Name:   p.Name,
			Goal:   mediate.Answer{Text: p.Goal, At: at},
			Needs:  mediate.Answer{Text: p.Needs, At: at},
			Values: mediate.Answer{Text: p.Value, At: at},
		}
	}
	return mediate.Input{
		CollabID: s.Name, Version: 1, Lang: s.Lang, Topic: s.Topic,
		A: party(s.Sides.A), B: party(s.Sides.B),
		Calendar: s.Calendar(),
	}
}
