package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
)

// Click is a user pressing a button of a message.
type Click struct {
	Channel   string
	User      string
	MessageTS string // a message of Channel, or an ephemeral shown to User
	ActionID  string
	Value     string // empty: the value of the button in the message
}

// Click sends a block_actions interaction as Slack does when c.User
// presses the button c.ActionID of message c.MessageTS. The action carries
// the button's real block_id (or "b1" when the message has no such
// button). It returns the envelope it sent.
func (s *Server) Click(ctx context.Context, c Click) (Envelope, error) {
	env, err := s.clickEnvelope(c)
	if err != nil {
		return Envelope{}, err
	}
	return env, s.send(ctx, env)
}

func (s *Server) clickEnvelope(c Click) (Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.userLocked(c.User)
	if err != nil {
		return Envelope{}, err
	}
	container := obj{"type": "message", "message_ts": c.MessageTS, "channel_id": c.Channel}
	var blocks json.RawMessage
	var message obj
	if i, found := s.findLocked(c.Channel, c.MessageTS); found {
		m := s.messages[c.Channel][i]
		blocks, message = m.Blocks, s.messageJSONLocked(m)
		container["is_ephemeral"] = false
		if m.ThreadTS != "" {
			container["thread_ts"] = m.ThreadTS
		}
	} else if e, found := s.ephemeralLocked(c); found {
		blocks = e.Blocks
		container["is_ephemeral"] = true
		if e.ThreadTS != "" {
			container["thread_ts"] = e.ThreadTS
		}
	} else {
		return Envelope{}, fmt.Errorf("slacktest: click: no message %s in %s that %s can see", c.MessageTS, c.Channel, c.User)
	}
	thread, _ := container["thread_ts"].(string)
	payload := obj{
		"type": "block_actions", "token": verificationToken, "api_app_id": AppID,
		"user":      obj{"id": u.ID, "username": u.Name, "name": u.Name, "team_id": TeamID},
		"team":      obj{"id": TeamID, "domain": TeamDomain},
		"channel":   obj{"id": c.Channel, "name": channelName(c.Channel)},
		"container": container, "trigger_id": s.newTriggerLocked(u.ID),
		"response_url":          s.responseURLLocked(origin{channel: c.Channel, user: u.ID, threadTS: thread}),
		"actions":               []obj{s.actionLocked(blocks, c)},
		"state":                 obj{"values": obj{}},
		"is_enterprise_install": false, "enterprise": nil,
	}
	if message != nil {
		payload["message"] = message
	}
	return newEnvelope("interactive", payload), nil
}

// ephemeralLocked finds the ephemeral c clicks; only its user sees it.
func (s *Server) ephemeralLocked(c Click) (Ephemeral, bool) {
	i := slices.IndexFunc(s.ephemerals, func(e Ephemeral) bool {
		return e.TS == c.MessageTS && e.Channel == c.Channel && e.User == c.User
	})
	if i < 0 {
		return Ephemeral{}, false
	}
	return s.ephemerals[i], true
}

// actionLocked is the clicked button as block_actions describes it.
func (s *Server) actionLocked(blocks json.RawMessage, c Click) obj {
	b := findButton(blocks, c.ActionID)
	if c.Value == "" {
		c.Value = b.Value
	}
	action := obj{
		"action_id": c.ActionID, "block_id": b.BlockID, "value": c.Value,
		"type": "button", "action_ts": s.nextTSLocked(),
	}
	if b.Text != nil {
		action["text"] = b.Text
	}
	return action
}

// button is what a click needs from a button element.
type button struct {
	BlockID string
	Value   string
	Text    json.RawMessage
}

// findButton looks for the button actionID among blocks' elements and
// accessories; BlockID is "b1" when it is not there or its block has none.
func findButton(blocks json.RawMessage, actionID string) button {
	type element struct {
		ActionID string          `json:"action_id"`
		Value    string          `json:"value"`
		Text     json.RawMessage `json:"text"`
	}
	var parsed []struct {
		BlockID   string    `json:"block_id"`
		Elements  []element `json:"elements"`
		Accessory *element  `json:"accessory"`
	}
	_ = json.Unmarshal(blocks, &parsed) // not blocks: no button
	for _, b := range parsed {
		elems := b.Elements
		if b.Accessory != nil {
			elems = append(elems, *b.Accessory)
		}
		for _, e := range elems {
			if e.ActionID != actionID {
				continue
			}
			if b.BlockID == "" {
				b.BlockID = "b1"
			}
			return button{BlockID: b.BlockID, Value: e.Value, Text: e.Text}
		}
	}
	return button{BlockID: "b1"}
}
