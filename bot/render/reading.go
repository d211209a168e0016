package render

import (
	"slices"
	"strconv"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Widths of "I read …": each item short, the list one glance long.
const (
	readItem = 40
	readList = 900
)

// numbered lists items as ① a ② b …, counting on from the ordinal from,
// each cut short, so a writer can see at once how its answer was split.
func (l loc) numbered(texts []string, from int) string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = ordinal(from+i) + " " + l.fit(t, readItem)
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

// readOffers names, per side, the offers the proposal shows nowhere else,
// so no offer is silently dropped, and apart from them what the side
// declined, or says that a side offered nothing; nil when every offer is
// shown above.
func (l loc) readOffers(p mediate.Proposal, n sideNames) []string {
	var out []string
	for i, r := range p.Read {
		if len(r.Offers) == 0 {
			out = append(out, l.T("proposal.read_none", args{"Name": n[i]}))
			continue
		}
		var texts, noes []string
		for _, it := range r.Offers {
			switch {
			case shown(p, it):
			case slices.Contains(r.Declines, it): // a "no" is said as one, not listed as something offered
				noes = append(noes, it.Text)
			default:
				texts = append(texts, it.Text)
			}
		}
		if len(texts) > 0 {
			out = append(out, l.NT("proposal.read", len(texts), args{"Name": n[i], "Items": l.numbered(texts, 0)}))
		}
		if len(noes) > 0 {
			out = append(out, l.T("proposal.read_declines", args{"Name": n[i], "Items": l.numbered(noes, 0)}))
		}
	}
	return out
}

// shown reports whether the proposal shows offer it: in a match, a
// question, a clash, the plan, among what a side also offers, or as the
// answer that declined an open need.
func shown(p mediate.Proposal, it mediate.Item) bool {
	b := p.Balance
	return saidElsewhere(p, it) || slices.Contains(slices.Concat(b.AlsoA, b.AlsoB, b.ForGoalA, b.ForGoalB), it) ||
		slices.ContainsFunc(uncovered(p), func(need mediate.Item) bool { r, ok := refusal(p, need); return ok && r == it })
}

// matched reports whether offer it meets a need in a match.
func matched(p mediate.Proposal, it mediate.Item) bool {
	return slices.ContainsFunc(p.Matches, func(m mediate.Match) bool { return m.Offer == it })
}
