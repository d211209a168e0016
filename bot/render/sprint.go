package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// sprintWeeks are the sprint lengths offered, in weeks: what teams use.
var sprintWeeks = []int{1, 2, 3, 4}

// sprints asks how long a sprint is when an answer counts time in
// sprints the collaboration has no length for ("in 2 sprints"), quoting
// the first such item, with a button for each common length while the
// proposal is on the table; a click builds the proposal again with it.
func (l loc) sprints(c *flows.Collab, p mediate.Proposal) []slack.Block {
	if len(p.Sprints) == 0 {
		return nil
	}
	blocks := []slack.Block{section("sprint_length", l.T("proposal.sprint_length", args{"Item": l.point(p.Sprints[0].Text, askItem)}))}
	if c.State.Final() {
		return blocks
	}
	var buttons []slack.BlockElement
	for _, w := range sprintWeeks {
		act := Action{Collab: c.ID, Thread: c.RootTS, Version: p.Version, Days: 7 * w}
		buttons = append(buttons, button(ActionSprint, l.N("proposal.sprint_weeks", w), act))
	}
	return append(blocks, slack.NewActionBlock("sprint_length_actions", buttons...))
}

// questions counts what the proposal asks the sides below its details:
// its candidate pairs, and how long a sprint is.
func questions(p mediate.Proposal) int {
	n := len(p.Candidates)
	if len(p.Sprints) > 0 {
		n++
	}
	return n
}
