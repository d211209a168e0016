package scenario_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/scenario"
)

func TestAll(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 8 {
		t.Fatalf("All() = %d scenarios, want at least 8", len(all))
	}
	names := map[string]bool{}
	for _, s := range all {
		if names[s.Name] {
			t.Errorf("scenario name %q used twice", s.Name)
		}
		names[s.Name] = true
		if s.Sides.A.Goal == "" || s.Sides.B.Goal == "" || s.Sides.A.Value == "" || s.Sides.B.Value == "" {
			t.Errorf("%s: a goal or value answer is empty", s.Name)
		}
		if s.Lang != "en" && s.Lang != "zh" {
			t.Errorf("%s: lang %q, want en or zh", s.Name, s.Lang)
		}
	}
}

func TestLoad(t *testing.T) {
	s, err := scenario.Load("ops-tech-launch")
	if err != nil {
		t.Fatal(err)
	}
	if s.File != "ops-tech-launch.zh.yaml" || s.Today.String() != "2026-03-02" || s.Sides.A.Name != "运营部" || s.Sides.B.Name != "技术部" ||
		!strings.Contains(s.Sides.B.Needs, "需要2天做兼容性测试") || s.Expect.Conflicts[0].MiddleGround.String() != "2026-03-04" {
		t.Errorf("Load(ops-tech-launch) = %+v", s)
	}
	if _, err := scenario.Load("no-such-scenario"); err == nil {
		t.Error("Load(no-such-scenario) succeeded, want an error")
	}
}

func TestInput(t *testing.T) {
	s, err := scenario.Load("presale-load")
	if err != nil {
		t.Fatal(err)
	}
	tokyo := time.FixedZone("JST", 9*3600)
	in := s.Input(tokyo)
	want := time.Date(2026, 9, 28, 10, 0, 0, 0, tokyo)
	if !in.A.Needs.At.Equal(want) || in.B.Values.At.Location() != tokyo || in.B.Goal.At != in.A.Needs.At {
		t.Errorf("answers written at %v / %v, want %v in JST", in.A.Needs.At, in.B.Values.At, want)
	}
	if in.Topic != s.Topic || in.A.Name != "Business" || in.B.Name != "Tech" || in.A.Needs.Text != s.Sides.A.Needs ||
		in.B.Values.Text != s.Sides.B.Value || in.A.Goal.Text != s.Sides.A.Goal || in.Lang != "en" || in.CollabID != s.Name {
		t.Errorf("Input = %+v", in)
	}
}
