package bot_test

import (
	"testing"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows/scenario"
)

// An answer counting sprints ("in 2 sprints") when no sprint length is
// configured gets no date: the proposal asks how long a sprint is. A
// click on "2 weeks" by a member of a side posts a new version that reads
// the sprints with it, and so finds the clash the corpus expects of this
// collaboration with two-week sprints.
func TestSprintLengthButton(t *testing.T) {
	sc := corpusFile(t, "data-growth-sprints")
	if len(sc.Expect.Conflicts) != 1 {
		t.Fatalf("data-growth-sprints expects %d conflicts, want the one on sprints", len(sc.Expect.Conflicts))
	}
	h, root := playScenario(t, sc) // the harness configures no sprint length
	v1, _ := h.proposal(root)
	if n := len(objects(meta(v1).EventPayload["conflicts"])); n != 0 {
		t.Fatalf("v1 has %d conflicts with sprints of unknown length, want none", n)
	}
	value := ""
	for _, b := range buttons(t, v1.Blocks) {
		if a, err := render.DecodeAction(b[1]); b[0] == render.ActionSprint && err == nil && a.Days == 14 {
			value = b[1]
		}
	}
	if value == "" {
		t.Fatalf("v1 offers no two-week sprint button: %s", v1.Blocks)
	}
	h.click(techCy, v1, render.ActionSprint, value)
	h.waitFor("proposal v2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })
	v2, _ := h.proposal(root)
	cs := objects(meta(v2).EventPayload["conflicts"])
	if want := sc.Expect.Conflicts[0].MiddleGround.String(); len(cs) != 1 || cs[0]["middle_ground"] != want {
		t.Errorf("v2 conflicts %v, want one with middle ground %s", cs, want)
	}
	for _, b := range buttons(t, v2.Blocks) {
		if b[0] == render.ActionSprint {
			t.Errorf("v2 still asks how long a sprint is")
		}
	}
}

// corpusFile is the corpus collaboration named name.
func corpusFile(t *testing.T, name string) scenario.Scenario {
	t.Helper()
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		if sc.Name == name {
			return sc
		}
	}
	t.Fatalf("no corpus collaboration named %s", name)
	return scenario.Scenario{}
}
