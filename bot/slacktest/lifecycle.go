package slacktest

import (
	"context"
	"slices"
	"time"
)

// Uninstall removes the app from the workspace as Slack does: it sends an
// app_uninstalled event, then refuses the app's tokens with
// account_inactive and drops every connection, so a replica that did not
// get the event meets the refusal when it reconnects. The event is acked
// before the tokens go (or after 3 s, the time Slack gives an ack).
func (s *Server) Uninstall(ctx context.Context) error {
	return s.takeAccess(ctx, obj{"type": "app_uninstalled"}, "account_inactive")
}

// RevokeTokens revokes the bot's token as Slack does when a workspace
// admin revokes it: a tokens_revoked event naming the bot user, then
// token_revoked for every call and dropped connections.
func (s *Server) RevokeTokens(ctx context.Context) error {
	ev := obj{"type": "tokens_revoked", "tokens": obj{"oauth": []string{}, "bot": []string{BotUserID}}}
	return s.takeAccess(ctx, ev, "token_revoked")
}

// RevokeUserTokens revokes only user tokens (none of which the bot uses):
// the event names no bot, and the bot's tokens keep working.
func (s *Server) RevokeUserTokens(ctx context.Context, users ...string) error {
	ev := obj{"type": "tokens_revoked", "tokens": obj{"oauth": users, "bot": []string{}}}
	s.mu.Lock()
	env := s.eventEnvelopeLocked(ev)
	s.mu.Unlock()
	return s.send(ctx, env)
}

func (s *Server) takeAccess(ctx context.Context, event obj, code string) error {
	s.mu.Lock()
	env := s.eventEnvelopeLocked(event)
	s.mu.Unlock()
	if err := s.send(ctx, env); err != nil {
		return err
	}
	// Slack takes the tokens once the event is acked, or a moment after.
	wait, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	_ = s.WaitFor(wait, func() bool {
		return slices.ContainsFunc(s.Acks(), func(a Ack) bool { return a.EnvelopeID == env.EnvelopeID })
	})
	s.mu.Lock()
	s.revoked = code
	open := append([]*socket(nil), s.sockets...)
	s.notifyLocked()
	s.mu.Unlock()
	for _, sk := range open {
		sk.close()
	}
	return nil
}
