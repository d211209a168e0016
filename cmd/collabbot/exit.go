package main

import (
	"errors"
	"fmt"

	"github.com/collabbot/collabbot/bot"
)

// Exit codes. exitRevoked tells a supervisor not to restart: the app was
// uninstalled or its token revoked, and a restart would only be refused.
const (
	exitFailed  = 1
	exitRevoked = 3
)

// exitLine is the one line printed for err and the code to exit with.
func exitLine(err error) (string, int) {
	var gone *bot.Revoked
	if errors.As(err, &gone) {
		return fmt.Sprintf("collabbot: stopped for good: %v; install the app again, then start the bot (exit code %d: do not restart)", gone, exitRevoked), exitRevoked
	}
	return "collabbot: " + err.Error(), exitFailed
}
