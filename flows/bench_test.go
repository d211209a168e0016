package flows_test

import (
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// BenchmarkNext measures one transition: a reply that asks the next question.
func BenchmarkNext(b *testing.B) {
	c := fixture(b, flows.Collecting)
	ev := flows.Reply{User: "U1", Text: "grow the campaign", TS: "2.0"}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := flows.Next(c, ev); err != nil {
			b.Fatal(err)
		}
	}
}
