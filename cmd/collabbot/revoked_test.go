package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// An uninstall ends the real wiring with exit code 3 and one line that
// says why and that a restart will not help.
func TestUninstallExitsWithCode3(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	b := startBot(t, srv)
	if err := srv.Uninstall(t.Context()); err != nil {
		t.Fatal(err)
	}
	var err error
	select {
	case err = <-b.done:
		b.done = nil
	case <-time.After(20 * time.Second):
		t.Fatal("run did not return after the uninstall")
	}
	line, code := exitLine(err)
	if code != 3 {
		t.Errorf("exit code = %d for %v, want 3", code, err)
	}
	if !strings.Contains(line, "uninstalled") || !strings.Contains(line, "do not restart") || strings.Contains(line, "\n") {
		t.Errorf("exit line = %q, want one line saying uninstalled and do not restart", line)
	}
}

// Other failures keep exit code 1.
func TestOtherErrorsExitWithCode1(t *testing.T) {
	if _, code := exitLine(errors.New("listen on HTTP_ADDR: address in use")); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
}
