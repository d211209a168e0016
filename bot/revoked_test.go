package bot_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot"
)

// runUntilRevoked starts one more bot on h's Slack and store and returns what
// its Run returns.
func runUntilRevoked(h *harness) <-chan error {
	h.t.Helper()
	api := bot.NewSlackClient("xoxb-test", "xapp-1-test", h.slack.URL())
	b, err := bot.New(api, h.store, bot.Config{Lang: "auto", PingInterval: 2 * time.Second, StoreRetry: 2 * time.Second, IntakeWait: 100 * time.Millisecond})
	if err != nil {
		h.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	h.waitConnected(b)
	return done
}

// withoutBot is a harness whose own bot is stopped: the test runs its own.
func withoutBot(t *testing.T) *harness {
	h := newHarness(t)
	h.stop()
	return h
}

// wantRevoked waits for Run to return a *bot.Revoked.
func wantRevoked(t *testing.T, done <-chan error, name string) *bot.Revoked {
	t.Helper()
	select {
	case err := <-done:
		var r *bot.Revoked
		if !errors.As(err, &r) {
			t.Fatalf("%s: Run = %v, want *bot.Revoked", name, err)
		}
		return r
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: Run did not return after the app lost its access", name)
	}
	return nil
}

// Uninstalling the app stops every replica with *bot.Revoked: the one
// that gets the event at once, the others when Slack refuses their token
// as they reconnect.
func TestUninstallStopsEveryReplica(t *testing.T) {
	h := withoutBot(t)
	first, second := runUntilRevoked(h), runUntilRevoked(h)
	if err := h.slack.Uninstall(h.t.Context()); err != nil {
		t.Fatal(err)
	}
	reasons := map[string]bool{}
	for i, done := range []<-chan error{first, second} {
		reasons[wantRevoked(t, done, []string{"first", "second"}[i]).Reason] = true
	}
	if !reasons["app_uninstalled"] {
		t.Errorf("reasons = %v, want app_uninstalled among them", reasons)
	}
}

// A revoked bot token stops the bot; revoked user tokens do not.
func TestTokensRevoked(t *testing.T) {
	h := withoutBot(t)
	done := runUntilRevoked(h)
	if err := h.slack.RevokeUserTokens(t.Context(), opsAna); err != nil {
		t.Fatal(err)
	}
	h.start(opsAna, opsRef+" "+techRef+" "+topicEN) // still answering
	select {
	case err := <-done:
		t.Fatalf("Run returned %v after user tokens were revoked", err)
	default:
	}
	if err := h.slack.RevokeTokens(t.Context()); err != nil {
		t.Fatal(err)
	}
	r := wantRevoked(t, done, "bot")
	if r.Reason != "tokens_revoked" {
		t.Errorf("reason = %q, want tokens_revoked", r.Reason)
	}
	if r.Error() != "the bot token was revoked" {
		t.Errorf("Error() = %q", r.Error())
	}
}
