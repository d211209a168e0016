package bot

import (
	"errors"
	"slices"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Revoked is what Run returns when Slack took the app's access away: the
// app was uninstalled, or the bot's token revoked. Restarting the process
// cannot bring it back; the app must be installed again.
type Revoked struct {
	// Reason is the event ("app_uninstalled", "tokens_revoked") or the
	// error code Slack refused the token with.
	Reason string
}

func (e *Revoked) Error() string {
	switch e.Reason {
	case string(slackevents.AppUninstalled):
		return "the app was uninstalled from the workspace"
	case string(slackevents.TokensRevoked):
		return "the bot token was revoked"
	}
	return "Slack refused the token for good (" + e.Reason + ")"
}

// goneCodes are the Slack errors that mean the token will never work
// again: what a replica that did not receive the event meets next.
var goneCodes = []string{"token_revoked", "account_inactive", "app_uninstalled"}

// revokedBy returns a Revoked for an error that carries one of goneCodes,
// else nil.
func revokedBy(err error) *Revoked {
	var slackErr slack.SlackErrorResponse
	if errors.As(err, &slackErr) && slices.Contains(goneCodes, slackErr.Err) {
		return &Revoked{Reason: slackErr.Err}
	}
	for _, code := range goneCodes {
		if err != nil && strings.Contains(err.Error(), code) {
			return &Revoked{Reason: code}
		}
	}
	return nil
}

// lifecycle tells whether an Events API payload takes the app's access
// away: the app was uninstalled, or this bot's token was revoked (a
// revoked user token leaves the bot working).
func lifecycle(data any, self string) *Revoked {
	ev, ok := data.(slackevents.EventsAPIEvent)
	if !ok {
		return nil
	}
	switch inner := ev.InnerEvent.Data.(type) {
	case *slackevents.AppUninstalledEvent:
		return &Revoked{Reason: string(slackevents.AppUninstalled)}
	case *slackevents.TokensRevokedEvent:
		if slices.Contains(inner.Tokens.Bot, self) {
			return &Revoked{Reason: string(slackevents.TokensRevoked)}
		}
	}
	return nil
}

// stop asks Run to stop with r; a second reason is dropped.
func (b *Bot) stop(r *Revoked) {
	select {
	case b.gone <- r:
	default:
	}
}
