package mediate

import (
	"slices"
	"strings"
)

// A need may ask the other side to follow a standard of the asking side's
// own: "埋点字段命名请按我们的 naming convention 来", "file names per our
// template". It asks for the standard to be kept, not for the thing the
// standard applies to: an offer of tracking events does not meet it, an
// offer that names the standard (the convention, a review against it) may.

// conformMarks open the standard a need asks to be followed.
var conformMarks = []string{"按照我们的", "按我们的", "按我方的", "按照我方", "按我们", "遵守我们的", "遵循我们的",
	"follow our ", "following our ", "per our ", "according to our ", "in line with our ", "stick to our "}

// conformEnds end the standard's words: the verb of keeping to it, or
// the end of the clause.
var conformEnds = []string{"来", "做", "执行", "走", "命名", "写"}

// standardKeys returns the keys of the standard n asks to be followed,
// or nil when n asks for none.
func standardKeys(n *entry) []string {
	low := n.lowText()
	at, mark := -1, ""
	for _, m := range conformMarks {
		if i := strings.Index(low, m); i >= 0 && (at < 0 || i < at) {
			at, mark = i, m
		}
	}
	if at < 0 {
		return nil
	}
	start := at + len(mark)
	end := len(low)
	if i := strings.IndexFunc(low[start:], isClauseMark); i >= 0 {
		end = start + i
	}
	for _, w := range conformEnds {
		if i := strings.Index(low[start:end], w); i > 0 {
			end = start + i
		}
	}
	var out []string
	for _, t := range n.terms {
		if t.start >= start && t.end <= end {
			out = append(out, t.key)
		}
	}
	return out
}

// conformUnmet reports whether n asks that a standard of its side be
// followed and o names nothing of that standard.
func conformUnmet(n, o *entry) bool {
	std := standardKeys(n)
	return len(std) > 0 && !slices.ContainsFunc(std, func(k string) bool { return slices.Contains(o.keys, k) })
}
