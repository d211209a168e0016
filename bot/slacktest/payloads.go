package slacktest

import (
	"fmt"
	"strings"
)

// obj is a JSON object under construction.
type obj = map[string]any

// messageJSONLocked renders a stored message as the Web API and
// interactive payloads show it, with its thread summary on a root.
func (s *Server) messageJSONLocked(m Message) obj {
	out := obj{"type": "message", "user": m.User, "text": m.Text, "ts": m.TS, "team": TeamID}
	if m.BotID != "" {
		out["bot_id"] = m.BotID
		out["app_id"] = AppID
	}
	if m.ThreadTS != "" {
		out["thread_ts"] = m.ThreadTS
		out["parent_user_id"] = s.parentUserLocked(m)
	} else if replies := s.repliesLocked(m); len(replies) > 0 {
		out["thread_ts"] = m.TS
		out["reply_count"] = len(replies)
		out["latest_reply"] = replies[len(replies)-1].TS
	}
	if m.Blocks != nil {
		out["blocks"] = m.Blocks
	}
	if m.Metadata != nil {
		out["metadata"] = m.Metadata
	}
	if m.Edited > 0 {
		out["edited"] = obj{"user": m.User, "ts": m.editedTS}
	}
	return out
}

func (s *Server) repliesLocked(root Message) []Message {
	var out []Message
	for _, m := range s.messages[root.Channel] {
		if m.ThreadTS == root.TS {
			out = append(out, m)
		}
	}
	return out
}

func (s *Server) parentUserLocked(reply Message) string {
	if i, ok := s.findLocked(reply.Channel, reply.ThreadTS); ok {
		return s.messages[reply.Channel][i].User
	}
	return ""
}

// messageEventLocked is the Events API "message" event for a new message.
func (s *Server) messageEventLocked(m Message) obj {
	ev := obj{
		"type": "message", "channel": m.Channel, "user": m.User, "text": m.Text,
		"ts": m.TS, "event_ts": m.TS, "channel_type": channelType(m.Channel), "team": TeamID,
	}
	if m.ThreadTS != "" {
		ev["thread_ts"] = m.ThreadTS
		ev["parent_user_id"] = s.parentUserLocked(m)
	}
	if m.BotID != "" {
		ev["bot_id"] = m.BotID
		ev["app_id"] = AppID
	} else {
		ev["client_msg_id"] = newID()
	}
	if m.Blocks != nil {
		ev["blocks"] = m.Blocks
	}
	return ev
}

// eventEnvelopeLocked wraps an event in an Events API callback with a
// fresh event_id, in an events_api envelope.
func (s *Server) eventEnvelopeLocked(event obj) Envelope {
	now := s.cfg.clock()
	return newEnvelope("events_api", obj{
		"token": verificationToken, "team_id": TeamID, "api_app_id": AppID,
		"event": event, "type": "event_callback",
		"event_id":   "Ev" + strings.ToUpper(strings.ReplaceAll(newID(), "-", "")[:10]),
		"event_time": now.Unix(),
		"authorizations": []obj{{
			"enterprise_id": nil, "team_id": TeamID, "user_id": BotUserID,
			"is_bot": true, "is_enterprise_install": false,
		}},
		"is_ext_shared_channel": false,
		"event_context":         fmt.Sprintf("4-%s", newID()),
	})
}

// responseURLLocked registers a response_url answering to o.
func (s *Server) responseURLLocked(o origin) string {
	id := newID()
	s.responses[id] = o
	return s.base + "/response/" + id
}

// slashPayloadLocked is a slash command as Socket Mode delivers it.
func (s *Server) slashPayloadLocked(channel string, u User, command, text string) obj {
	return obj{
		"token": verificationToken, "team_id": TeamID, "team_domain": TeamDomain,
		"channel_id": channel, "channel_name": channelName(channel),
		"user_id": u.ID, "user_name": u.Name, "command": command, "text": text,
		"api_app_id":   AppID,
		"response_url": s.responseURLLocked(origin{channel: channel, user: u.ID}),
		"trigger_id":   s.newTriggerLocked(u.ID),
	}
}
