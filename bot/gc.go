package bot

import (
	"os"
	"runtime/debug"
)

// gcPercent is the bot's GOGC unless the environment sets one. Its live
// heap is small (tens of MiB: the collab cache and connections) while
// every envelope allocates around 100 KiB that dies at once, so Go's
// default of 100 collects every few hundred envelopes; 400 collects a
// quarter as often for a peak heap a few tens of MiB larger.
const gcPercent = 400

// TuneGC sets the garbage collector for a bot process: gcPercent, unless
// GOGC is set, which then stays the operator's choice.
func TuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
}
