package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Modal is a view the app opened with views.open, as the fake holds it.
type Modal struct {
	ID, User string
	View     json.RawMessage // as the app sent it
}

// triggerTTL is how long Slack takes a trigger_id.
const triggerTTL = 3 * time.Second

// viewsOpen opens a modal for the user whose click or command gave the
// trigger, checking what Slack checks: a trigger issued here less than
// 3 s ago (by the fake's clock), a modal view with a title of at most 24
// characters, at most 100 blocks of valid Block Kit.
func (s *Server) viewsOpen(p params) reply {
	user, issued, known := s.triggerLocked(p["trigger_id"])
	switch {
	case !known:
		return fail("invalid_trigger_id")
	case s.cfg.clock().Sub(issued) > triggerTTL:
		return fail("expired_trigger_id")
	}
	if err := validateModal(json.RawMessage(p["view"])); err != nil {
		return reply{err: "invalid_arguments", detail: err.Error()}
	}
	id := "V" + strings.ToUpper(strings.ReplaceAll(newID(), "-", "")[:10])
	s.modals = append(s.modals, Modal{ID: id, User: user, View: append(json.RawMessage(nil), p["view"]...)})
	return ok(obj{"view": obj{"id": id, "type": "modal", "team_id": TeamID}})
}

// triggerLocked finds who was given trigger and when.
func (s *Server) triggerLocked(trigger string) (string, time.Time, bool) {
	user, known := s.triggers[trigger]
	if !known {
		return "", time.Time{}, false
	}
	sec, _, _ := strings.Cut(trigger, ".")
	n, err := strconv.ParseInt(sec, 10, 64)
	return user, time.Unix(n, 0), err == nil
}

// validateModal reports why Slack would refuse view as a modal: what
// ValidateView checks, and a title of 1 to 24 characters.
func validateModal(view json.RawMessage) error {
	if err := ValidateView(view, "modal"); err != nil {
		return err
	}
	var v struct{ Title struct{ Text string } }
	_ = json.Unmarshal(view, &v) // ValidateView read it
	if n := utf8.RuneCountInString(v.Title.Text); n == 0 || n > 24 {
		return fmt.Errorf("modal title %q: want 1 to 24 characters", v.Title.Text)
	}
	return nil
}

// Modals returns the modals opened for user, oldest first.
func (s *Server) Modals(user string) []Modal {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Modal
	for _, m := range s.modals {
		if m.User == user {
			out = append(out, m)
		}
	}
	return out
}

// SubmitView submits modal m as its user would, with values[blockID] typed
// into the block's single input (inputs not named keep their initial
// value), and returns the view_submission envelope it sent.
func (s *Server) SubmitView(ctx context.Context, m Modal, values map[string]string) (Envelope, error) {
	var v struct {
		CallbackID      string `json:"callback_id"`
		PrivateMetadata string `json:"private_metadata"`
		Blocks          []struct {
			Type    string `json:"type"`
			BlockID string `json:"block_id"`
			Element struct {
				ActionID     string `json:"action_id"`
				InitialValue string `json:"initial_value"`
			} `json:"element"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(m.View, &v); err != nil {
		return Envelope{}, fmt.Errorf("slacktest: submit view %s: %w", m.ID, err)
	}
	state := obj{}
	for _, b := range v.Blocks {
		if b.Type != "input" {
			continue
		}
		value, typed := values[b.BlockID]
		if !typed {
			value = b.Element.InitialValue
		}
		state[b.BlockID] = obj{b.Element.ActionID: obj{"type": "plain_text_input", "value": value}}
	}
	s.mu.Lock()
	u, err := s.userLocked(m.User)
	env := newEnvelope("interactive", obj{
		"type": "view_submission", "token": verificationToken, "api_app_id": AppID,
		"team":       obj{"id": TeamID, "domain": TeamDomain},
		"user":       obj{"id": u.ID, "username": u.Name, "name": u.Name, "team_id": TeamID},
		"trigger_id": s.newTriggerLocked(u.ID),
		"view": obj{
			"id": m.ID, "team_id": TeamID, "type": "modal", "callback_id": v.CallbackID,
			"private_metadata": v.PrivateMetadata, "hash": newID(), "app_id": AppID,
			"state": obj{"values": state},
		},
	})
	s.mu.Unlock()
	if err != nil {
		return Envelope{}, err
	}
	return env, s.send(ctx, env)
}

// newTriggerLocked issues a trigger_id to user, as a click or command
// does, so views.open can check it.
func (s *Server) newTriggerLocked(user string) string {
	t := s.newTriggerIDLocked()
	s.triggers[t] = user
	return t
}
