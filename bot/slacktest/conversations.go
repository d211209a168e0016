package slacktest

import (
	"slices"
	"strconv"
)

// conversationsHistory lists the channel's top-level messages (and replies
// also sent to the channel), newest first, as Slack does.
func (s *Server) conversationsHistory(p params) reply {
	ch := p["channel"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	var msgs []Message
	for _, m := range s.messages[ch] {
		if (m.ThreadTS == "" || m.ReplyBroadcast) && inRange(m.TS, p) {
			msgs = append(msgs, m)
		}
	}
	slices.Reverse(msgs)
	return s.pageLocked(msgs, p)
}

// conversationsReplies lists a thread, root first; ts may name the root
// or any reply.
func (s *Server) conversationsReplies(p params) reply {
	ch := p["channel"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	thread := s.threadLocked(ch, p["ts"])
	if thread == nil {
		return fail("thread_not_found")
	}
	var msgs []Message
	for i, m := range thread {
		if i == 0 || inRange(m.TS, p) {
			msgs = append(msgs, m)
		}
	}
	return s.pageLocked(msgs, p)
}

// inRange applies the oldest, latest and inclusive arguments to ts.
func inRange(ts string, p params) bool {
	t, _ := parseTS(ts)
	incl := boolParam(p["inclusive"])
	if o, ok := parseTS(p["oldest"]); ok && (t < o || t == o && !incl) {
		return false
	}
	if l, ok := parseTS(p["latest"]); ok && (t > l || t == l && !incl) {
		return false
	}
	return true
}

// pageLocked answers one page of msgs, honouring limit and cursor (the
// cursor is an offset).
func (s *Server) pageLocked(msgs []Message, p params) reply {
	limit, err := strconv.Atoi(p["limit"])
	if err != nil || limit <= 0 {
		limit = 100
	}
	from, _ := strconv.Atoi(p["cursor"])
	from = min(max(from, 0), len(msgs))
	to := min(from+limit, len(msgs))
	out := make([]obj, 0, to-from)
	withMeta := boolParam(p["include_all_metadata"])
	for _, m := range msgs[from:to] {
		j := s.messageJSONLocked(m)
		if !withMeta {
			delete(j, "metadata") // Slack shows metadata only when asked
		}
		out = append(out, j)
	}
	next := ""
	if to < len(msgs) {
		next = strconv.Itoa(to)
	}
	return ok(obj{"messages": out, "has_more": next != "", "response_metadata": obj{"next_cursor": next}})
}

// pinsAdd pins a message of the channel.
func (s *Server) pinsAdd(p params) reply {
	ch, ts := p["channel"], p["timestamp"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	switch {
	case ts == "":
		return fail("no_item_specified")
	case slices.Contains(s.pins[ch], ts):
		return fail("already_pinned")
	}
	if _, found := s.findLocked(ch, ts); !found {
		return fail("message_not_found")
	}
	s.pins[ch] = append(s.pins[ch], ts)
	return ok(nil)
}

// pinsList lists the channel's pinned messages.
func (s *Server) pinsList(p params) reply {
	ch := p["channel"]
	if !validChannel(ch) {
		return fail("channel_not_found")
	}
	items := []obj{}
	for _, ts := range s.pins[ch] {
		i, _ := s.findLocked(ch, ts)
		items = append(items, obj{
			"type": "message", "channel": ch, "created_by": BotUserID,
			"message": s.messageJSONLocked(s.messages[ch][i]),
		})
	}
	return ok(obj{"items": items})
}
