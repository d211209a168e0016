package slacktest

import (
	"encoding/json"
	"maps"
	"net/http"
	"unicode/utf8"
)

// maxTextLen is the longest message text Slack accepts, in characters.
const maxTextLen = 40000

// checkContent answers as Slack does for a message without content, with
// too long a text, or with blocks or metadata it would reject.
func (s *Server) checkContent(p params) (reply, bool) {
	text, blocks := p["text"], p["blocks"]
	switch {
	case text == "" && blocks == "":
		return fail("no_text"), false
	case utf8.RuneCountInString(text) > maxTextLen:
		return fail("msg_too_long"), false
	}
	if !s.cfg.schemas {
		return reply{}, true
	}
	if blocks != "" {
		if err := ValidateBlocks(json.RawMessage(blocks)); err != nil {
			return reply{err: "invalid_blocks", detail: err.Error()}, false
		}
	}
	if meta := p["metadata"]; meta != "" {
		if err := ValidateMetadata(json.RawMessage(meta)); err != nil {
			return reply{err: "invalid_metadata", detail: err.Error()}, false
		}
	}
	return reply{}, true
}

// raw turns an optional JSON argument into a RawMessage, nil when absent.
func raw(v string) json.RawMessage {
	if v == "" {
		return nil
	}
	return json.RawMessage(v)
}

// threadArgLocked resolves a thread_ts argument to its thread's root.
func (s *Server) threadArgLocked(channel, threadTS string) (string, bool) {
	if threadTS == "" {
		return "", true
	}
	return s.rootLocked(channel, threadTS)
}

// chatPostMessage posts as the bot and, like Slack, tells the bot about
// its own message with a message event.
func (s *Server) chatPostMessage(p params) reply {
	ch := p["channel"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	if rep, good := s.checkContent(p); !good {
		return rep
	}
	thread, found := s.threadArgLocked(ch, p["thread_ts"])
	if !found {
		return fail("thread_not_found")
	}
	m := Message{
		Channel: ch, User: BotUserID, BotID: BotID, Text: p["text"], TS: s.nextTSLocked(),
		ThreadTS: thread, Blocks: raw(p["blocks"]), Metadata: raw(p["metadata"]),
		ReplyBroadcast: thread != "" && boolParam(p["reply_broadcast"]),
	}
	s.insertLocked(m)
	rep := ok(map[string]any{"channel": ch, "ts": m.TS, "message": s.messageJSONLocked(m)})
	if s.cfg.echo {
		rep.events = append(rep.events, s.eventEnvelopeLocked(s.messageEventLocked(m)))
	}
	return rep
}

// chatUpdate edits one of the bot's messages: text, blocks and metadata
// change when given.
func (s *Server) chatUpdate(p params) reply {
	ch, ts := p["channel"], p["ts"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	i, found := s.findLocked(ch, ts)
	if !found {
		return fail("message_not_found")
	}
	m := &s.messages[ch][i]
	if m.BotID != BotID {
		return fail("cant_update_message")
	}
	if rep, good := s.checkContent(p); !good {
		return rep
	}
	if text, given := p["text"]; given {
		m.Text = text
	}
	if blocks, given := p["blocks"]; given {
		m.Blocks = raw(blocks)
	}
	if meta, given := p["metadata"]; given {
		m.Metadata = raw(meta)
	}
	m.Edited++
	m.editedTS = s.nextTSLocked()
	s.notifyLocked()
	return ok(map[string]any{"channel": ch, "ts": ts, "text": m.Text, "message": s.messageJSONLocked(*m)})
}

// chatPostEphemeral shows a message to one user of the channel.
func (s *Server) chatPostEphemeral(p params) reply {
	ch, user := p["channel"], p["user"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	if _, known := s.users[user]; !known {
		return fail("user_not_found")
	}
	if rep, good := s.checkContent(p); !good {
		return rep
	}
	thread, found := s.threadArgLocked(ch, p["thread_ts"])
	if !found {
		return fail("thread_not_found")
	}
	e := Ephemeral{
		Channel: ch, User: user, Text: p["text"], ThreadTS: thread, TS: s.nextTSLocked(),
		Blocks: raw(p["blocks"]), Via: "chat.postEphemeral",
	}
	s.ephemerals = append(s.ephemerals, e)
	return ok(map[string]any{"message_ts": e.TS})
}

// handleResponseURL serves the response_url of a slash command or a
// click. Every response is recorded as an Ephemeral for the user who
// triggered it, whatever response_type it asks for.
func (s *Server) handleResponseURL(w http.ResponseWriter, r *http.Request) {
	p, err := readJSONParams(r.Body)
	id := r.PathValue("id")
	content := maps.Clone(p)
	if isZeroMetadata(content["metadata"]) {
		delete(content, "metadata") // slack-go always sends the zero value here
	}
	s.answer(w, "response_url", p, func() reply {
		o, known := s.responses[id]
		switch {
		case !known:
			return reply{status: http.StatusNotFound, err: "expired_url"}
		case err != nil:
			return fail("invalid_json")
		}
		deleting := boolParam(p["delete_original"])
		if rep, good := s.checkContent(content); !good && !deleting {
			return rep
		}
		typ := p["response_type"]
		if typ == "" {
			typ = "ephemeral"
		}
		thread := o.threadTS
		if p["thread_ts"] != "" {
			thread = p["thread_ts"]
		}
		s.ephemerals = append(s.ephemerals, Ephemeral{
			Channel: o.channel, User: o.user, Text: p["text"], ThreadTS: thread,
			TS: s.nextTSLocked(), Blocks: raw(p["blocks"]), Via: "response_url",
			ResponseType: typ, ReplaceOriginal: boolParam(p["replace_original"]), DeleteOriginal: deleting,
		})
		return ok(nil)
	})
}

// isZeroMetadata reports whether meta is absent or says nothing:
// {"event_type":"","event_payload":null}.
func isZeroMetadata(meta string) bool {
	var m struct {
		EventType    string          `json:"event_type"`
		EventPayload json.RawMessage `json:"event_payload"`
	}
	if meta == "" {
		return true
	}
	err := json.Unmarshal([]byte(meta), &m)
	return err == nil && m.EventType == "" && (m.EventPayload == nil || string(m.EventPayload) == "null")
}
