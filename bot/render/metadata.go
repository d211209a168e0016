package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Event types of the message metadata, a contract with other apps.
const (
	EventProposal  = "collab_proposal"
	EventAgreement = "collab_agreement"
)

// metadata is the proposal as data: Slack allows scalars, flat objects and
// arrays of flat objects in event_payload. Texts are the users' own,
// unescaped and cut to 300 runes; dates are YYYY-MM-DD; arrays are never
// null.
func metadata(event string, c *flows.Collab, p mediate.Proposal) *slack.SlackMetadata {
	id := c.ID
	if id == "" {
		id = p.CollabID
	}
	lang := "en"
	if c.Lang == "zh" {
		lang = "zh"
	}
	names := [2]string{p.NameA, p.NameB}
	for i := range names {
		if names[i] == "" {
			names[i] = c.Sides[i].Name()
		}
	}
	payload := map[string]any{
		"collab_id":   id,
		"version":     p.Version,
		"lang":        lang,
		"topic":       cut(p.Topic),
		"side_a":      map[string]any{"name": cut(names[0]), "goal": cut(p.Goals.A)},
		"side_b":      map[string]any{"name": cut(names[1]), "goal": cut(p.Goals.B)},
		"matches":     matchData(p.Matches),
		"conflicts":   conflictData(p.Conflicts),
		"open":        openData(p.Open),
		"commitments": commitmentData(p.Commitments),
	}
	if event == EventProposal {
		// Pairs the engine is unsure of: never in matches until the
		// needing side says yes.
		payload["candidates"] = matchData(p.Candidates)
	}
	if event == EventAgreement {
		payload["accepted_by_a"] = c.Accepted[0]
		payload["accepted_by_b"] = c.Accepted[1]
	}
	return &slack.SlackMetadata{EventType: event, EventPayload: payload}
}

type object = map[string]any

func matchData(ms []mediate.Match) []object {
	out := make([]object, 0, len(ms))
	for _, m := range ms {
		out = append(out, object{
			"need_side": string(m.Need.Side), "need": cut(m.Need.Text),
			"offer_side": string(m.Offer.Side), "offer": cut(m.Offer.Text),
		})
	}
	return out
}

func conflictData(cs []mediate.Conflict) []object {
	out := make([]object, 0, len(cs))
	for _, c := range cs {
		out = append(out, object{
			"need_side": string(c.Need.Side), "need": cut(c.Need.Text), "deadline": isoDate(c.Deadline),
			"lead_side": string(c.Lead.Side), "lead": cut(c.Lead.Text), "lead_days": c.LeadDays,
			"middle_ground": isoDate(c.MiddleGround),
		})
	}
	return out
}

func openData(is []mediate.Item) []object {
	out := make([]object, 0, len(is))
	for _, it := range is {
		out = append(out, object{"side": string(it.Side), "need": cut(it.Text)})
	}
	return out
}

func commitmentData(cs []mediate.Commitment) []object {
	out := make([]object, 0, len(cs))
	for _, c := range cs {
		out = append(out, object{"owner": string(c.Owner), "what": cut(c.What), "due": isoDate(c.Due)})
	}
	return out
}
