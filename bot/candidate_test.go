package bot_test

import (
	"reflect"
	"strings"
	"testing"
)

// Answers with a need that an offer may cover, though too far apart in
// words for the engine to be sure: it asks ops, the needing side.
var (
	candidateOps  = answers{"Launch the campaign page to win 50k new users", "Usage data for the new onboarding flow\nThe page live by Friday", "A list of our core users' device models"}
	candidateTech = answers{"Keep the system stable with zero major incidents", "The device models of core users", "Weekly exports of the sales pipeline data\nTwo testers assigned with priority"}
)

// A click on Yes under "Does ‹offer› cover ‹need›?" by the needing side
// posts a new version with the pair in matches; No drops the suggestion.
// The offering side cannot answer for the needing one. On the way, the
// value prompt shows how the needs were read.
func TestCandidateButtons(t *testing.T) {
	for _, tt := range []struct {
		action  string
		inMatch bool
	}{{"collab_candidate_yes", true}, {"collab_candidate_no", false}} {
		t.Run(tt.action, func(t *testing.T) {
			h := newHarness(t)
			root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
			h.answer(root, opsAna, candidateOps, techCy, candidateTech)
			// The value prompt shows, inside itself, how the needs were read.
			value := h.prompts(root, "<!subteam^"+opsGroup+">")[2]
			if got, want := texts(t, value), "I read 2 needs: ① Usage data for the new onboarding flow ② The page live by Friday"; !strings.Contains(got, want) {
				t.Errorf("value prompt lacks %q:\n%s", want, got)
			}
			v1, _ := h.proposal(root)
			md := meta(v1).EventPayload
			cands := objects(md["candidates"])
			if len(cands) == 0 {
				t.Fatalf("no candidate to ask about: %v", md)
			}
			pair := cands[0]
			if pair["need_side"] != "a" || has(objects(md["matches"]), pair) {
				t.Fatalf("candidate %v: want a need of ops, not also in matches %v", pair, md["matches"])
			}
			click := button(t, v1.Blocks, tt.action)

			h.click(techCy, v1, tt.action, click)
			h.waitFor("tech told only ops can answer", func() bool { return len(h.ephemeralsFor(techCy)) == 1 })
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

func has(objs []map[string]any, want map[string]any) bool {
	for _, o := range objs {
		if reflect.DeepEqual(o, want) {
			return true
		}
	}
	return false
}
