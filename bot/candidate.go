package bot

import (
	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// candidateClick turns a click on Yes or No under "Does ‹offer› cover
// ‹need›?" into the needing side's decision. The button names the pair by
// the places of its need and offer in how the answers were read.
func candidateClick(user, actionID string, act render.Action) (flows.Event, render.Action, bool) {
	if act.Side == "" {
		return nil, act, false
	}
	need, offer := act.Pair()
	yes := actionID == render.ActionCandidateYes
	return flows.Confirm{User: user, Version: act.Version, Need: need, Offer: offer, Yes: yes}, act, true
}

// decisions names the collab's decisions that still read its current
// answers by the items they point to in read, for the engine. A decision
// whose places fall outside what was read is dropped: it cannot be named.
func decisions(c *flows.Collab, read [2]mediate.Reading) []mediate.Decision {
	var out []mediate.Decision
	for _, d := range c.Decisions {
		if !d.Current(c) {
			continue
		}
		needs, offers := read[d.Need.Side.Index()].Needs, read[d.Offer.Side.Index()].Offers
		if d.Need.Index >= len(needs) || d.Offer.Index >= len(offers) {
			continue
		}
		out = append(out, mediate.Decision{Need: needs[d.Need.Index], Offer: offers[d.Offer.Index], Yes: d.Yes})
	}
	return out
}
