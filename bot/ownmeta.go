package bot

import (
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// ownMetadata is the metadata of a bot message that has no contract
// metadata of its own: enough, with the people's replies, to make the
// collaboration again from its thread should its record be lost. The
// root holds what the collaboration began with and where it stands;
// prompts and reminders name the side and question they ask.
func ownMetadata(c *flows.Collab, e flows.Effect) *slack.SlackMetadata {
	if e.Kind == flows.PostRoot {
		return rootMetadata(c)
	}
	payload := map[string]any{"collab_id": c.ID, "lang": c.Lang}
	switch e.Kind {
	case flows.Prompt, flows.Nudge:
		payload["side"], payload["question"] = string(e.Side), e.Question.String()
	case flows.RemindCommitment:
		payload["item"] = e.Item
	}
	md := slack.SlackMetadata{EventType: eventPrompt, EventPayload: payload}
	if t, ok := ownEventTypes[e.Kind]; ok {
		md.EventType = t
	}
	return &md
}

// rootMetadata is the root's: the collaboration's start, and the state,
// version and acceptances it last showed.
func rootMetadata(c *flows.Collab) *slack.SlackMetadata {
	return &slack.SlackMetadata{EventType: eventRoot, EventPayload: map[string]any{
		"collab_id": c.ID, "lang": c.Lang, "topic": c.Topic, "tz": c.TZ,
		"created_by": c.CreatedBy, "created_at": c.CreatedAt.UTC().Format(time.RFC3339Nano),
		"side_a": partyData(c.Sides[0]), "side_b": partyData(c.Sides[1]),
		"state": string(c.State), "version": c.Version,
		"accepted_a": c.Accepted[0], "accepted_b": c.Accepted[1],
	}}
}

// partyData is a side as a flat object; its members are Slack's to say.
func partyData(p flows.Party) map[string]any {
	return map[string]any{"kind": string(p.Kind), "id": p.ID, "handle": p.Handle, "tz": p.TZ}
}

// rootRecord is what a root's metadata says; ok is false when it lacks
// what a collaboration is made again from (a root posted by an earlier
// version of the bot).
type rootRecord struct {
	c        flows.Collab
	state    flows.State
	version  int
	accepted [2]string
	ok       bool
}

// readRoot reads a root's metadata payload.
func readRoot(p map[string]any) rootRecord {
	str := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	created, err := time.Parse(time.RFC3339Nano, str(p, "created_at"))
	r := rootRecord{
		c: flows.Collab{
			ID: str(p, "collab_id"), Lang: str(p, "lang"), Topic: str(p, "topic"), TZ: str(p, "tz"),
			CreatedBy: str(p, "created_by"), CreatedAt: created,
		},
		state:    flows.State(str(p, "state")),
		version:  number(p["version"]),
		accepted: [2]string{str(p, "accepted_a"), str(p, "accepted_b")},
	}
	r.ok = err == nil && r.c.ID != "" && r.c.Topic != ""
	for i, k := range []string{"side_a", "side_b"} {
		m, _ := p[k].(map[string]any)
		r.c.Sides[i] = flows.Party{Kind: flows.PartyKind(str(m, "kind")), ID: str(m, "id"), Handle: str(m, "handle"), TZ: str(m, "tz")}
		known := r.c.Sides[i].Kind == flows.KindGroup || r.c.Sides[i].Kind == flows.KindUser
		r.ok = r.ok && known && r.c.Sides[i].ID != ""
	}
	return r
}

// number reads a JSON number, or a number in a string; 0 when neither.
func number(v any) int {
	switch v := v.(type) {
	case float64:
		return int(v)
	case string:
		n, _ := strconv.Atoi(v)
		return n
	}
	return 0
}

// asked reads the side and question a prompt or reminder names.
func asked(p map[string]any) (flows.Side, flows.Question, bool) {
	s, _ := p["side"].(string)
	name, _ := p["question"].(string)
	q, ok := flows.ParseQuestion(name)
	side := flows.Side(s)
	return side, q, ok && (side == flows.SideA || side == flows.SideB)
}
