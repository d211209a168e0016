package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Envelope is one Socket Mode message from Slack to the app.
type Envelope struct {
	EnvelopeID             string          `json:"envelope_id"`
	Type                   string          `json:"type"` // events_api, slash_commands, interactive
	Payload                json.RawMessage `json:"payload"`
	AcceptsResponsePayload bool            `json:"accepts_response_payload"`
	RetryAttempt           int             `json:"retry_attempt"`
	RetryReason            string          `json:"retry_reason"`
}

// newEnvelope wraps a payload in an envelope with a fresh id. Slack lets
// the app answer slash commands in the ack, not events or block actions.
func newEnvelope(typ string, payload any) Envelope {
	data, err := json.Marshal(payload)
	if err != nil {
		panic(fmt.Sprintf("slacktest: marshal %s payload: %v", typ, err)) // payloads are plain maps
	}
	return Envelope{
		EnvelopeID:             newID(),
		Type:                   typ,
		Payload:                data,
		AcceptsResponsePayload: typ == "slash_commands",
	}
}

// Redeliver sends env's payload again as Slack retries an event it saw no
// ack for: a new envelope id, retry_attempt one more than env's and
// retry_reason "timeout". It returns the envelope it sent.
func (s *Server) Redeliver(ctx context.Context, env Envelope) (Envelope, error) {
	env.EnvelopeID = newID()
	env.RetryAttempt++
	env.RetryReason = "timeout"
	return env, s.send(ctx, env)
}

// Disconnect asks the newest connection to reconnect, as Slack does before
// it recycles a socket: {"type":"disconnect","reason":"refresh_requested"}.
// That socket gets no further envelopes and is closed a few seconds later.
// With no connection, Disconnect waits for one or for ctx to end.
func (s *Server) Disconnect(ctx context.Context) error {
	data, _ := json.Marshal(map[string]any{
		"type":       "disconnect",
		"reason":     "refresh_requested",
		"debug_info": map[string]any{"host": "applink-slacktest"},
	})
	sk, err := s.writeNewest(ctx, data, true)
	if err != nil {
		return fmt.Errorf("slacktest: disconnect: %w", err)
	}
	time.AfterFunc(retireGrace, sk.close)
	return nil
}

// send delivers env to one of the live connections, taking them in turn
// as Slack spreads envelopes over an app's connections, waiting for one
// if none is open, until ctx ends or the server closes. With
// WithRedelivery, an envelope left un-acked is sent again to another
// connection.
func (s *Server) send(ctx context.Context, env Envelope) error {
	data, err := json.Marshal(env)
	if err != nil {
		return fmt.Errorf("slacktest: marshal envelope %s: %w", env.EnvelopeID, err)
	}
	sk, err := s.writeSpread(ctx, data, nil)
	if err != nil {
		return fmt.Errorf("slacktest: send %s envelope %s: %w", env.Type, env.EnvelopeID, err)
	}
	if s.cfg.redeliverAfter > 0 && env.RetryAttempt < s.cfg.redeliveries {
		s.spawn(func() { s.redeliverUnacked(env, sk) })
	}
	return nil
}

// redeliverUnacked waits for env's ack and, when none came in time, sends
// it again as a retry to a connection other than the one that dropped it.
func (s *Server) redeliverUnacked(env Envelope, sk *socket) {
	t := time.NewTimer(s.cfg.redeliverAfter)
	defer t.Stop()
	select {
	case <-s.closed:
		return
	case <-t.C:
	}
	if _, acked := s.Ack(env.EnvelopeID); acked {
		return
	}
	env.EnvelopeID = newID()
	env.RetryAttempt++
	env.RetryReason = "timeout"
	data, err := json.Marshal(env)
	if err != nil {
		return
	}
	next, err := s.writeSpread(context.Background(), data, sk)
	if err == nil && env.RetryAttempt < s.cfg.redeliveries {
		s.redeliverUnacked(env, next)
	}
}

// writeSpread writes data to the next live connection in turn, avoiding
// one that is not to be used when another is open, and returns it.
func (s *Server) writeSpread(ctx context.Context, data []byte, avoid *socket) (*socket, error) {
	return s.writeTo(ctx, data, false, func() (*socket, chan struct{}) { return s.nextSocket(avoid) })
}

// writeTo writes data to the connection pick returns, waiting for one
// while it returns none, and returns it.
func (s *Server) writeTo(ctx context.Context, data []byte, retire bool, pick func() (*socket, chan struct{})) (*socket, error) {
	for {
		sk, changed := pick()
		if sk != nil {
			ok, err := s.writeIfLive(sk, data, retire)
			if ok {
				return sk, nil
			}
			if err != nil {
				s.dropSocket(sk)
			}
			continue
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-s.closed:
			return nil, ErrClosed
		}
	}
}

// nextSocket returns the next live connection in turn (not avoid, unless
// it is the only one), or nil and a channel closed on the next change.
func (s *Server) nextSocket(avoid *socket) (*socket, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var live []*socket
	for _, sk := range s.sockets {
		if !sk.retired && sk != avoid {
			live = append(live, sk)
		}
	}
	if len(live) == 0 && avoid != nil && !avoid.retired && slices.Contains(s.sockets, avoid) {
		live = append(live, avoid)
	}
	if len(live) == 0 {
		return nil, s.changed
	}
	s.turn++
	return live[s.turn%len(live)], nil
}

// writeNewest writes data to the newest connection not told to disconnect
// and returns it; retire marks it so before writing, so that no envelope
// can follow the disconnect message on that socket.
func (s *Server) writeNewest(ctx context.Context, data []byte, retire bool) (*socket, error) {
	return s.writeTo(ctx, data, retire, s.newestSocket)
}

// newestSocket returns the newest live connection, or nil and a channel
// closed on the next change.
func (s *Server) newestSocket() (*socket, chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.sockets) - 1; i >= 0; i-- {
		if !s.sockets[i].retired {
			return s.sockets[i], nil
		}
	}
	return nil, s.changed
}

// writeIfLive writes data to sk unless sk was retired meanwhile; it
// reports whether it wrote.
func (s *Server) writeIfLive(sk *socket, data []byte, retire bool) (bool, error) {
	sk.wmu.Lock()
	defer sk.wmu.Unlock()
	s.mu.Lock()
	live := !sk.retired
	if live && retire {
		sk.retired = true
		s.notifyLocked()
	}
	s.mu.Unlock()
	if !live {
		return false, nil
	}
	if err := sk.write(data); err != nil {
		return false, err
	}
	return true, nil
}

// sendLater delivers env in the background, as Slack sends events on its
// own schedule; it gives up only when the server closes.
func (s *Server) sendLater(env Envelope) {
	s.spawn(func() { _ = s.send(context.Background(), env) })
}
