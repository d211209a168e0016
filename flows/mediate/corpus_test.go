package mediate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/scenario"
)

// TestCorpus plays every scenario file through the engine and holds the
// whole corpus to the targets: at least 95% of the expected matches found,
// no false match, no false conflict. The files are written blind, by
// people who did not run the engine, so a single file may miss; the
// per-file table and what went wrong are printed for a reader to check.
func TestCorpus(t *testing.T) {
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 8 {
		t.Fatalf("found %d scenarios, want at least 8", len(all))
	}
	scores := make([]scenario.Score, len(all))
	for i, s := range all {
		scores[i] = scenario.Eval(s, time.UTC)
	}
	var out strings.Builder
	total, err := scenario.WriteReport(&out, scores, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if float64(total.Found) < 0.95*float64(total.Expected) {
		t.Errorf("matches found %d of %d, want at least 95%%", total.Found, total.Expected)
	}
	if total.False > 0 || total.ConflictsFalse > 0 {
		t.Errorf("%d false matches and %d false conflicts, want none", total.False, total.ConflictsFalse)
	}
}
