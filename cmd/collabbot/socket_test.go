package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// A lost socket is logged at warn at once, long before any ping timeout,
// and its return at info; when Slack is gone, each failed attempt too.
func TestSocketLossAndReturnAreLogged(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	b := startBot(t, srv)
	if err := srv.Disconnect(t.Context()); err != nil {
		t.Fatal(err)
	}
	waitLog(t, b.logs, regexp.MustCompile(`(?s)(level=WARN msg="slack socket lost; reconnecting").*level=INFO msg="slack socket connected"`))
	if n := strings.Count(b.logs.String(), `msg="slack socket connected"`); n != 2 {
		t.Errorf("%d connected lines, want 2 (start and return):\n%s", n, b.logs)
	}
	srv.Close()
	waitLog(t, b.logs, regexp.MustCompile(`(?s)lost; reconnecting.*lost; reconnecting.*(level=WARN msg="slack socket: connecting failed" attempt=1)`))
}
