package bot

import (
	"context"
	"errors"
	"net"

	"github.com/slack-go/slack"
)

// unknownTries is how often an effect is tried when Slack answers with a
// code not listed here, before it is taken as lasting.
const unknownTries = 3

// slackCodes classifies Slack's error codes: true for lasting ones (the
// same call will be refused again, so waiting would block the
// collaboration), false for transient ones (retried).
var slackCodes = map[string]bool{
	// lasting: the channel, thread, message, user or the bot's rights
	"channel_not_found": true, "not_in_channel": true, "is_archived": true, "channel_is_archived": true,
	"invalid_blocks": true, "msg_too_long": true, "no_text": true, "invalid_metadata": true,
	"restricted_action": true, "restricted_action_read_only_channel": true, "restricted_action_thread_only_channel": true,
	"message_not_found": true, "cant_update_message": true, "edit_window_closed": true, "thread_not_found": true,
	"user_not_found": true, "user_not_in_channel": true, "user_not_visible": true, "users_not_found": true,
	"no_permission": true, "missing_scope": true, "not_allowed_token_type": true, "invalid_auth": true,
	"not_authed": true, "token_revoked": true, "token_expired": true, "account_inactive": true,
	"not_pinnable": true, "too_many_pins": true, "ekm_access_denied": true, "invalid_arguments": true,
	"invalid_arg_name": true, "invalid_array_arg": true, "invalid_charset": true, "invalid_form_data": true,
	"invalid_post_type": true, "missing_post_type": true, "as_user_not_supported": true, "method_deprecated": true,
	"deprecated_endpoint": true, "two_factor_setup_required": true, "team_access_not_granted": true,
	"invalid_cursor": true, "unknown_method": true, "duplicate_channel_not_found": true, "cannot_reply_to_message": true,
	// transient: Slack's side or its limits
	"ratelimited": false, "rate_limited": false, "internal_error": false, "fatal_error": false,
	"service_unavailable": false, "request_timeout": false, "accesslimited": false, "team_added_to_org": false,
}

// permanent marks an error that retrying will not fix.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// lasting reports whether an effect that failed with err after tries
// attempts should be dropped rather than retried.
func lasting(err error, tries int) bool {
	var p permanent
	var slackErr slack.SlackErrorResponse
	var rate *slack.RateLimitedError
	var status slack.StatusCodeError
	var netErr net.Error
	switch {
	case errors.As(err, &p):
		return true
	case errors.As(err, &slackErr):
		isLasting, known := slackCodes[slackErr.Err]
		if !known {
			return tries >= unknownTries
		}
		return isLasting
	case errors.As(err, &rate), errors.As(err, &status), errors.As(err, &netErr),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return false
	}
	return tries >= unknownTries
}
