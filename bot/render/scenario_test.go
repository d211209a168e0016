package render

import (
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
)

// maxProposalLines is how long a proposal may read, in lines of text (rows
// of buttons aside), for a collaboration of ten items a side: half a
// minute in Slack. The plan takes a short line per commitment and one
// per side's name, so it counts more lines than characters.
const maxProposalLines = 45

// TestScenarioProposalsReadShort renders the engine's proposal for every
// sample collaboration and checks what a department head meets: a summary
// of at most five lines, the whole short, valid for Slack, and no need
// called uncovered while an offer for it is asked about, and every
// candidate asked with buttons that name it.
func TestScenarioProposalsReadShort(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	r := newTestRenderer(t)
	for _, sc := range all {
		c := scenarioCollab(sc)
		p := mediate.Build(sc.Input(time.UTC))
		m := r.Proposal(c, p)
		checkMessage(t, rendered{name: sc.Name, m: m, allowed: []string{sideMention(c.Sides[0]), sideMention(c.Sides[1])}})
		text := PlainText(m)
		lines := textLines(text)
		t.Logf("%-32s %2d lines, %2d blocks, %d candidates", sc.Name, lines, len(m.Blocks), len(p.Candidates))
		if lines > maxProposalLines {
			t.Errorf("%s: proposal is %d lines, want at most %d:\n%s", sc.Name, lines, maxProposalLines, text)
		}
		if summary := sectionText(t, m, "proposal_summary"); strings.Count(summary, "\n") >= 5 {
			t.Errorf("%s: summary is over five lines:\n%s", sc.Name, summary)
		}
		if got, want := countButtons(m, ActionCandidateYes), min(len(p.Candidates), maxAsk); got != want {
			t.Errorf("%s: %d candidates asked with buttons, want %d", sc.Name, got, want)
		}
		needs := sectionText(t, m, "proposal_needs")
		for _, cand := range p.Candidates {
			for _, line := range strings.Split(needs, "\n") {
				if strings.Contains(line, "⚠️") && strings.Contains(line, clip(cand.Need.Text, detailItem)) {
					t.Errorf("%s: need %q is called uncovered while its candidate is asked about", sc.Name, cand.Need.Text)
				}
			}
		}
	}
}

// scenarioCollab is the collab a scenario's proposal is posted in.
func scenarioCollab(sc scenario.Scenario) *flows.Collab {
	lang := sc.Lang
	if lang != "zh" {
		lang = "en"
	}
	return &flows.Collab{
		ID: "sc", Channel: "C1", RootTS: "1772416800.000100", Topic: sc.Topic, Lang: lang, State: flows.Proposed, Version: 1,
		Sides: [2]flows.Party{
			{Kind: flows.KindGroup, ID: "S0A", Handle: sc.Sides.A.Name},
			{Kind: flows.KindGroup, ID: "S0B", Handle: sc.Sides.B.Name},
		},
	}
}

// sectionText is the text of the section with block id, as Slack shows it.
func sectionText(t *testing.T, m Message, id string) string {
	t.Helper()
	for _, b := range m.Blocks {
		if b.ID() == id {
			return PlainText(Message{Blocks: []slackBlock{b}})
		}
	}
	t.Fatalf("no block %s", id)
	return ""
}

// textLines counts the lines of plain text that are not rows of buttons.
func textLines(text string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "[") {
			n++
		}
	}
	return n
}

// countButtons counts the buttons with actionID in m.
func countButtons(m Message, actionID string) int {
	n := 0
	for _, b := range m.Blocks {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
					n++
				}
			}
		}
	}
	return n
}
