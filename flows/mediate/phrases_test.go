package mediate

import (
	"slices"
	"testing"
)

// TestPhraseInSeveralLines: a phrase of several concept lines stands for
// all of them, so that what it means does not hang on reading order.
func TestPhraseInSeveralLines(t *testing.T) {
	keys := uniqueKeys(termsOf("a usability test with five customers"))
	for _, want := range []string{"#user_research", "#usability", "#test"} {
		if !slices.Contains(keys, want) {
			t.Errorf("keys %v lack %s", keys, want)
		}
	}
}
