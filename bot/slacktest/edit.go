package slacktest

import (
	"context"
	"fmt"
)

// EditReply changes the text of the message ts in channel as its writer
// would (text as typed, stored as AsSlackSends makes it) and delivers
// Slack's message_changed event: the message as it is now, with its
// edited stamp, and as it was. It returns the envelope it sent.
func (s *Server) EditReply(ctx context.Context, channel, ts, text string) (Envelope, error) {
	s.mu.Lock()
	i, found := s.findLocked(channel, ts)
	if !found {
		s.mu.Unlock()
		return Envelope{}, fmt.Errorf("slacktest: edit: no message %s in %s", ts, channel)
	}
	m := &s.messages[channel][i]
	before := s.messageJSONLocked(*m)
	m.Text = AsSlackSends(text)
	m.Edited++
	m.editedTS = s.nextTSLocked()
	env := s.eventEnvelopeLocked(obj{
		"type": "message", "subtype": "message_changed", "hidden": true,
		"channel": channel, "channel_type": channelType(channel),
		"ts": m.editedTS, "event_ts": m.editedTS,
		"message": s.messageJSONLocked(*m), "previous_message": before,
	})
	s.notifyLocked()
	s.notifyChannelLocked(channel)
	s.mu.Unlock()
	return env, s.send(ctx, env)
}
