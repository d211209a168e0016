package mediate

import (
	"slices"
	"strings"
)

// carriedApart reports whether need and offer are about one carrier ("a
// list", "a report", "an export") and each says, after "of", what it
// carries, with nothing in common: "a list of everyone with admin access"
// and "a list of the webhooks we send" are two lists.
func carriedApart(need, offer *entry) bool {
	for _, k := range need.core {
		if !slices.Contains(carriers, k) || !slices.Contains(offer.core, k) {
			continue
		}
		nc, oc := carriedOf(need, k), carriedOf(offer, k)
		if len(nc) > 0 && len(oc) > 0 && !holdsAny(offer, nc) && !holdsAny(need, oc) {
			return true
		}
	}
	return false
}

// carriedOf returns the strong keys e names after "of" following its
// first word of carrier k, up to the end of that clause: what the list
// or report holds.
func carriedOf(e *entry, k string) []string {
	t, ok := firstTerm(e.terms, k)
	if !ok || !strings.HasPrefix(lower(strings.TrimLeft(e.Text[t.end:], " ")), "of ") {
		return nil
	}
	var out []string
	for _, u := range e.terms {
		if u.start < t.end {
			continue
		}
		if strings.ContainsAny(e.Text[t.end:u.start], ",;:，；：") || containsClauseMark(e.Text[t.end:u.start]) {
			break
		}
		if !u.weak && !slices.Contains(carriers, u.key) {
			out = append(out, u.key)
		}
	}
	return out
}
