package bot

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

// The root message's metadata holds what the collab was started with and
// its state, and each prompt's which side it asks what: should Redis lose
// the collab, its thread is enough to rebuild it (see rebuild).

// rootMetadata describes c on its root message; it is sent again with
// every update of the root, so the state is current.
func rootMetadata(c *flows.Collab) *slack.SlackMetadata {
	payload := map[string]any{
		"collab_id": c.ID, "lang": c.Lang, "state": string(c.State), "topic": c.Topic,
		"created_by": c.CreatedBy, "tz": c.TZ,
		"side_a": partyData(c.Sides[0]), "side_b": partyData(c.Sides[1]),
	}
	return &slack.SlackMetadata{EventType: eventRoot, EventPayload: payload}
}

func partyData(p flows.Party) map[string]any {
	return map[string]any{"kind": string(p.Kind), "id": p.ID, "handle": p.Handle}
}

// promptData adds to a prompt's metadata the side asked, the question
// and whether it is asked again to be revised.
func promptData(payload map[string]any, c *flows.Collab, e flows.Effect) {
	payload["side"] = string(e.Side)
	payload["question"] = e.Question.String()
	payload["redo"] = c.Side(e.Side).Redo
}

// collabFromRoot reads the collab a root message of the bot's describes,
// as it stood when it began, with the effects that began it; false when
// the metadata does not hold it (a root posted before it did, or a
// collab already over).
func collabFromRoot(m slack.Message, channel string) (flows.Collab, []flows.Effect, bool) {
	p := m.Metadata.EventPayload
	if m.Metadata.EventType != eventRoot {
		return flows.Collab{}, nil, false
	}
	c := flows.Collab{
		ID: str(p, "collab_id"), Channel: channel, RootTS: m.Timestamp, Topic: str(p, "topic"),
		Lang: str(p, "lang"), CreatedBy: str(p, "created_by"), TZ: str(p, "tz"),
		CreatedAt: flows.TSTime(m.Timestamp).UTC(),
	}
	for i, key := range []string{"side_a", "side_b"} {
		side, _ := p[key].(map[string]any)
		c.Sides[i] = flows.Party{Kind: flows.PartyKind(str(side, "kind")), ID: str(side, "id"), Handle: str(side, "handle")}
		if c.Sides[i].ID == "" || c.Sides[i].Kind != flows.KindUser && c.Sides[i].Kind != flows.KindGroup {
			return flows.Collab{}, nil, false
		}
	}
	if c.ID == "" || c.Topic == "" || c.Lang == "" || flows.State(str(p, "state")).Final() {
		return flows.Collab{}, nil, false
	}
	c, effects := flows.Start(c)
	return c, effects, true
}

// promptOf reads a prompt's side, question and redo mark.
func promptOf(m slack.Message) (flows.Side, flows.Question, bool, bool) {
	p := m.Metadata.EventPayload
	if m.Metadata.EventType != eventPrompt {
		return "", flows.QDone, false, false
	}
	s := flows.Side(str(p, "side"))
	q, ok := flows.ParseQuestion(str(p, "question"))
	redo, _ := p["redo"].(bool)
	return s, q, redo, ok && (s == flows.SideA || s == flows.SideB)
}

// proposalVersion reads the version a proposal message shows; 0 for any
// other message.
func proposalVersion(m slack.Message) int {
	if m.Metadata.EventType != render.EventProposal {
		return 0
	}
	v, _ := m.Metadata.EventPayload["version"].(float64)
	return int(v)
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}
