package render

import (
	"strconv"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Widths of "I read …": each item short, the list one glance long.
const (
	readItem = 40
	readList = 900
)

// numbered lists items as ① a ② b …, each cut short, so a writer can see
// at once how its answer was split.
func (l loc) numbered(texts []string) string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = ordinal(i) + " " + l.fit(t, readItem)
	}
	return l.joinWith(out, " ", readList)
}

// ordinal is ① to ⑳, then (21) and on.
func ordinal(i int) string {
	if i < 20 {
		return string(rune('①' + i))
	}
	return "(" + strconv.Itoa(i+1) + ")"
}

// readOffers shows how each side's offers were read, for the last answer
// a side gives: its own next message is the proposal.
func (l loc) readOffers(p mediate.Proposal, n sideNames) []string {
	out := make([]string, 2)
	for i, r := range p.Read {
		texts := make([]string, len(r.Offers))
		for j, it := range r.Offers {
			texts[j] = it.Text
		}
		if len(texts) == 0 {
			out[i] = l.T("proposal.read_none", args{"Name": n[i]})
			continue
		}
		out[i] = l.NT("proposal.read", len(texts), args{"Name": n[i], "Items": l.numbered(texts)})
	}
	return out
}
