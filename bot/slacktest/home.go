package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// maxViewBlocks is Slack's limit for a Home tab or modal view.
const maxViewBlocks = 100

// viewsPublish stores a user's Home tab after checking it as Slack does:
// a known user, a view of type home, valid Block Kit, at most 100 blocks.
func (s *Server) viewsPublish(p params) reply {
	if _, known := s.users[p["user_id"]]; !known {
		return fail("user_not_found")
	}
	if err := ValidateView(json.RawMessage(p["view"]), "home"); err != nil {
		return reply{err: "invalid_arguments", detail: err.Error()}
	}
	s.homes[p["user_id"]] = append(json.RawMessage(nil), p["view"]...)
	return ok(obj{"view": obj{"id": "V" + strings.ToUpper(newID()[:10]), "type": "home", "team_id": TeamID}})
}

// ValidateView reports why Slack would refuse view: not JSON, not of the
// type wanted, more than 100 blocks, or blocks that are not Block Kit.
func ValidateView(view json.RawMessage, wantType string) error {
	var v struct {
		Type   string          `json:"type"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(view, &v); err != nil {
		return fmt.Errorf("view is not JSON: %w", err)
	}
	if v.Type != wantType {
		return fmt.Errorf("view type %q, want %q", v.Type, wantType)
	}
	var blocks []json.RawMessage
	if err := json.Unmarshal(v.Blocks, &blocks); err != nil {
		return fmt.Errorf("view blocks are not a list: %w", err)
	}
	if len(blocks) > maxViewBlocks {
		return fmt.Errorf("%d blocks, a view allows at most %d", len(blocks), maxViewBlocks)
	}
	sch, err := blockKitSchema()
	if err != nil {
		return fmt.Errorf("validate view: %w", err)
	}
	var inst any
	if err := json.Unmarshal(v.Blocks, &inst); err != nil {
		return fmt.Errorf("view blocks are not JSON: %w", err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("view blocks are not valid Block Kit: %w", explain(err))
	}
	return nil
}

// Home returns the view last published as user's Home tab, nil if none.
func (s *Server) Home(user string) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append(json.RawMessage(nil), s.homes[user]...)
}

// chatGetPermalink links to a message of a channel; a thread reply's link
// names its thread, as Slack's does.
func (s *Server) chatGetPermalink(p params) reply {
	channel, ts := p["channel"], p["message_ts"]
	i, found := s.findLocked(channel, ts)
	if !validChannel(channel) || !found {
		return fail("message_not_found")
	}
	link := fmt.Sprintf("https://%s.slack.com/archives/%s/p%s", TeamDomain, channel, strings.ReplaceAll(ts, ".", ""))
	if m := s.messages[channel][i]; m.ThreadTS != "" && m.ThreadTS != m.TS {
		link += "?thread_ts=" + m.ThreadTS + "&cid=" + channel
	}
	return ok(obj{"channel": channel, "permalink": link})
}

// AppHomeOpened sends the app_home_opened event of user opening the app's
// Home tab, and returns the envelope.
func (s *Server) AppHomeOpened(ctx context.Context, user string) (Envelope, error) {
	s.mu.Lock()
	if _, err := s.userLocked(user); err != nil {
		s.mu.Unlock()
		return Envelope{}, err
	}
	now := s.cfg.clock()
	env := s.eventEnvelopeLocked(obj{
		"type": "app_home_opened", "user": user, "channel": "D" + strings.ToUpper(newID()[:8]), "tab": "home",
		"event_ts": fmt.Sprintf("%d.%06d", now.Unix(), now.Nanosecond()/1000),
	})
	s.mu.Unlock()
	return env, s.send(ctx, env)
}
