package bot

import (
	"testing"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		give      string
		problem   render.Problem
		a, b      string
		topic     string
		wantLabel string
	}{
		{"<!subteam^S1|@ops> <!subteam^S2|@tech> Launch  the page", render.ProblemNone, "S1", "S2", "Launch  the page", "ops"},
		{"<!subteam^S1|@Customer Support> <@U2|bo> 提升转化率", render.ProblemNone, "S1", "U2", "提升转化率", "Customer Support"},
		{"<!subteam^S1> <@U2> goal", render.ProblemNone, "S1", "U2", "goal", ""},
		{"<!subteam^S1> <@U2> R&amp;D &lt;3 &amp;lt;", render.ProblemNone, "S1", "U2", "R&D <3 &lt;", ""},
		{"  ", render.ProblemEmpty, "", "", "", ""},
		{"<!subteam^S1|@ops>", render.ProblemOneSide, "", "", "", ""},
		{"<!subteam^S1|@ops> <!subteam^S1|@ops> goal", render.ProblemSameSide, "", "", "", ""},
		{"@ops @tech goal", render.ProblemNotASide, "", "", "", ""},
		{"<!here> <@U2> goal", render.ProblemNotASide, "", "", "", ""},
		{"<!subteam^S1|@ops> <@U2|bo>", render.ProblemNoTopic, "", "", "", ""},
	}
	for _, tt := range tests {
		r, problem, _ := parseCommand(tt.give)
		if problem != tt.problem {
			t.Errorf("parseCommand(%q) problem = %v, want %v", tt.give, problem, tt.problem)
			continue
		}
		if problem != render.ProblemNone {
			continue
		}
		if r.sides[0].ID != tt.a || r.sides[1].ID != tt.b || r.topic != tt.topic || r.sides[0].Handle != tt.wantLabel {
			t.Errorf("parseCommand(%q) = %+v %+v %q, want %s %s %q", tt.give, r.sides[0], r.sides[1], r.topic, tt.a, tt.b, tt.topic)
		}
	}
	r, _, _ := parseCommand("<@U1|ana> <!subteam^S2|@tech> x")
	if r.sides[0].Kind != flows.KindUser || r.sides[1].Kind != flows.KindGroup {
		t.Errorf("kinds = %s, %s", r.sides[0].Kind, r.sides[1].Kind)
	}
}
