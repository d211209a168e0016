package flows_test

import (
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// BenchmarkTickNothingDue is the cost of a timer that fires early or
// twice: the Tick finds nothing to do.
func BenchmarkTickNothingDue(b *testing.B) {
	c := started()
	ev := tickAt(local(2, 11, 0))
	for b.Loop() {
		if _, effects, _ := flows.Next(c, ev); effects != nil {
			b.Fatal(effects)
		}
	}
}

// BenchmarkNextTimers is what every saved event pays, twice, to know
// whether a timer moved: while answers are collected (each side's zone
// read), and once agreed (each commitment's reminder).
func BenchmarkNextTimers(b *testing.B) {
	for _, bc := range []struct {
		name string
		c    flows.Collab
	}{{"collecting", started()}, {"agreed", agreed(b, local(2, 15, 0))}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				_ = flows.NextTimers(&bc.c, policy)
			}
		})
	}
}
