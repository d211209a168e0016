package slacktest

import (
	"context"
	"fmt"
)

// userLocked returns a member added with AddUser; driving as an unknown
// user is a mistake in the test, not something Slack can deliver.
func (s *Server) userLocked(id string) (User, error) {
	u, ok := s.users[id]
	if !ok {
		return User{}, fmt.Errorf("slacktest: unknown user %q (AddUser first)", id)
	}
	return u, nil
}

func checkChannel(id string) error {
	if !validChannel(id) {
		return fmt.Errorf("slacktest: %q is not a channel id like C123", id)
	}
	return nil
}

// SlashCommand sends a slash command as user typed it in channel, e.g.
// command "/collab" and text "<!subteam^S1|@ops> <@U2|bo> launch"; the
// text reaches the app as AsSlackSends makes it. The
// payload carries a response_url served by this server and a unique
// trigger_id. It returns the envelope it sent.
func (s *Server) SlashCommand(ctx context.Context, channel, user, command, text string) (Envelope, error) {
	env, err := s.slashEnvelope(channel, user, command, text)
	if err != nil {
		return Envelope{}, err
	}
	return env, s.send(ctx, env)
}

func (s *Server) slashEnvelope(channel, user, command, text string) (Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := checkChannel(channel); err != nil {
		return Envelope{}, err
	}
	u, err := s.userLocked(user)
	if err != nil {
		return Envelope{}, err
	}
	return newEnvelope("slash_commands", s.slashPayloadLocked(channel, u, command, AsSlackSends(text))), nil
}

// Reply posts m as its user would: m.Channel, m.User and m.Text (as typed;
// it is stored and delivered as AsSlackSends makes it) are needed; m.ThreadTS makes it a thread reply (it must name a message of the
// channel); m.TS, when set, is used instead of the clock. The message is
// stored, even if delivery then fails, and delivered as an Events API
// message event. It returns the message's ts and the envelope it sent.
func (s *Server) Reply(ctx context.Context, m Message) (string, Envelope, error) {
	m, env, err := s.storeReply(m)
	if err != nil {
		return "", Envelope{}, err
	}
	return m.TS, env, s.send(ctx, env)
}

// Record stores m as Reply does but delivers nothing: a message the app
// acked and then lost, because it was killed before it saved it.
func (s *Server) Record(m Message) (string, error) {
	m, _, err := s.storeReply(m)
	return m.TS, err
}

func (s *Server) storeReply(m Message) (Message, Envelope, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := checkChannel(m.Channel); err != nil {
		return m, Envelope{}, err
	}
	if _, err := s.userLocked(m.User); err != nil {
		return m, Envelope{}, err
	}
	root, found := s.threadArgLocked(m.Channel, m.ThreadTS)
	if !found {
		return m, Envelope{}, fmt.Errorf("slacktest: reply in %s: no message %s to thread on", m.Channel, m.ThreadTS)
	}
	ts, err := s.claimTSLocked(m.Channel, m.TS)
	if err != nil {
		return m, Envelope{}, err
	}
	if t, r := mustTS(ts), mustTS(root); root != "" && t <= r {
		return m, Envelope{}, fmt.Errorf("slacktest: reply %s is not after its thread root %s", ts, root)
	}
	m = Message{Channel: m.Channel, User: m.User, Text: AsSlackSends(m.Text), TS: ts, ThreadTS: root}
	s.insertLocked(m)
	return m, s.eventEnvelopeLocked(s.messageEventLocked(m)), nil
}
