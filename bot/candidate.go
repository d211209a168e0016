package bot

import (
	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// candidateClick turns a click on Yes or No under "Does ‹offer› cover
// ‹need›?" into the needing side's decision. The button names the pair by
// the places of its need and offer in how the answers were read.
func candidateClick(c click, act render.Action, on string) (flows.Event, bool) {
	if act.Side == "" {
		return nil, false
	}
	need, offer := act.Pair()
	yes := c.ActionID == render.ActionCandidateYes
	return flows.Confirm{User: c.User, Version: act.Version, Need: need, Offer: offer, Yes: yes, On: on}, true
}
