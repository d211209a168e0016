package bot_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/mediate"
	"github.com/collabbot/collabbot/flows/scenario"
)

// A click on Yes under "Does ‹offer› cover ‹need›?" by the needing side
// posts a new version with the pair in matches; No drops the suggestion.
// The offering side cannot answer for the needing one. On the way, the
// value prompt shows how the needs were read. The collaboration is one
// of the corpus in which the engine, as it reads today, asks ops (side a)
// about a need of theirs.
func TestCandidateButtons(t *testing.T) {
	sc, read := candidateScenario(t)
	for _, tt := range []struct {
		action  string
		inMatch bool
	}{{"collab_candidate_yes", true}, {"collab_candidate_no", false}} {
		t.Run(tt.action, func(t *testing.T) {
			h, root := playScenario(t, sc)
			// The value prompt shows, inside itself, how the needs were read.
			value := h.prompts(root, "<!subteam^"+opsGroup+">")[2]
			if got, want := texts(t, value), readNeeds(t, sc.Lang, asked(read)); !strings.Contains(got, want) {
				t.Errorf("value prompt lacks %q:\n%s", want, got)
			}
			v1, _ := h.proposal(root)
			md := meta(v1).EventPayload
			click, pair := h.opsCandidate(root, v1, tt.action)
			if !has(objects(md["candidates"]), pair) || has(objects(md["matches"]), pair) {
				t.Fatalf("candidate %v: want it in candidates %v, not in matches %v", pair, md["candidates"], md["matches"])
			}

			refused := len(h.ephemeralsFor(techCy))
			h.click(techCy, v1, tt.action, click)
			h.waitFor("tech told only ops can answer", func() bool { return len(h.ephemeralsFor(techCy)) == refused+1 })
			h.click(opsBo, v1, tt.action, click)
			h.waitFor("proposal v2", func() bool { p, _ := h.proposal(root); return meta(p).EventPayload["version"] == float64(2) })

			v2, _ := h.proposal(root)
			md2 := meta(v2).EventPayload
			if got := has(objects(md2["matches"]), pair); got != tt.inMatch {
				t.Errorf("after %s, pair %v in matches = %v, want %v: %v", tt.action, pair, got, tt.inMatch, md2["matches"])
			}
			if has(objects(md2["candidates"]), pair) {
				t.Errorf("after %s, pair %v is still asked about", tt.action, pair)
			}
		})
	}
}

// candidateScenario is the first collaboration of the corpus whose
// proposal, as the engine builds it, asks side a about a need of its
// own, with how side a's answers were read. Without one the buttons
// cannot be tried, which is a failure, not a skip.
func candidateScenario(t *testing.T) (scenario.Scenario, mediate.Reading) {
	t.Helper()
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		if _, ok := readPhrase[sc.Lang]; !ok {
			continue
		}
		p := mediate.Build(sc.Input(shanghai(t)))
		for _, m := range p.Candidates {
			if m.Need.Side == mediate.SideA {
				return sc, p.Read[0]
			}
		}
	}
	t.Fatal("no collaboration in the corpus has a candidate pair on a need of side a")
	return scenario.Scenario{}, mediate.Reading{}
}

// opsCandidate finds, in proposal v1, the first button with actionID that
// asks ops about one of its needs, and returns its value with the pair it
// names, as the metadata writes a pair.
func (h *harness) opsCandidate(root string, v1 slacktest.Message, actionID string) (string, map[string]any) {
	t := h.t
	t.Helper()
	read := h.storedCollab(root).Proposal.Read
	for _, b := range buttons(t, v1.Blocks) {
		a, err := render.DecodeAction(b[1])
		if b[0] != actionID || err != nil || a.Side != string(mediate.SideA) {
			continue
		}
		if a.Need >= len(read[0].Needs) || a.Offer >= len(read[1].Offers) {
			t.Fatalf("button %v names a pair outside what was read: %+v", a, read)
		}
		return b[1], pairObject(read[0].Needs[a.Need], read[1].Offers[a.Offer])
	}
	t.Fatalf("no %s button asks ops in %s", actionID, v1.Blocks)
	return "", nil
}

// readPhrase is how the value prompt begins "I read N needs: ① …", per
// language and for one need and more.
var readPhrase = map[string][2]string{
	"en": {"I read %d need: ① ", "I read %d needs: ① "},
	"zh": {"按我的理解，你们有%d项需求：① ", "按我的理解，你们有%d项需求：① "},
}

// readNeeds is the start of the value prompt's reading of needs: their
// count and the first one's opening characters, escaped as shown.
func readNeeds(t *testing.T, lang string, needs []mediate.Item) string {
	t.Helper()
	if len(needs) == 0 {
		t.Fatal("side a's needs read as none")
	}
	phrase := readPhrase[lang][1]
	if len(needs) == 1 {
		phrase = readPhrase[lang][0]
	}
	first := []rune(needs[0].Text)
	first = first[:min(len(first), 8)]
	return fmt.Sprintf(phrase, len(needs)) + escape(string(first))
}

// asked are the needs of r that ask for something: the prompt shows the
// others apart, as the side's own work.
func asked(r mediate.Reading) []mediate.Item {
	return slices.DeleteFunc(slices.Clone(r.Needs), func(it mediate.Item) bool { return slices.Contains(r.Stated, it) })
}

// escape is how Slack text shows a user's &, < and >.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func has(objs []map[string]any, want map[string]any) bool {
	for _, o := range objs {
		if reflect.DeepEqual(o, want) {
			return true
		}
	}
	return false
}
