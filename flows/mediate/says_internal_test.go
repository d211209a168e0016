package mediate

import (
	"slices"
	"strings"
	"testing"
)

// FuzzSays: the look-up by pairs of bytes passes over no word that the
// text holds.
func FuzzSays(f *testing.F) {
	for _, s := range [][2]string{{"活动方案至少提前4周，用于压测", "提前"}, {"we need extra servers", "need"}, {"排不过来", "不过"}, {"a", "a"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, word string) {
		words := []string{"要", word, "need"}
		want := slices.ContainsFunc(words, func(w string) bool { return strings.Contains(text, w) })
		if got := says(text, words); got != want {
			t.Fatalf("says(%q, %q) = %v, want %v", text, words, got, want)
		}
	})
}
