package mediate

import (
	"slices"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// An English item is about the subject of a verb, denied or not (the
// denial is no thing the item names), or the object of one after a modal,
// or what a question asks which of.
func TestCoreBeforeDenial(t *testing.T) {
	cal := timeread.Calendar{Holidays: "none"}
	cases := [][2]string{{"the new hires don't have badges", "#newhire"}, {"the 2 kilns can't go by courier", "kiln"}, {"the loaner tablets won't hold charge", "tablet"},
		{"we will apply codes at checkout", "#code"}, // a verb in -ly is no adverb
		{"which budget line does the new printer lease sit under?", "line"}}
	for _, c := range cases {
		if e := newEntry(SideA, c[0], time.Time{}, cal); !slices.Contains(e.core, c[1]) {
			t.Errorf("core of %q = %v, want %s", c[0], e.core, c[1])
		}
	}
}
