// Package slacktest is a fake Slack workspace for tests and the local demo.
//
// It serves the parts of the Web API the bot uses and Socket Mode over a real
// WebSocket, so the real slack-go client runs against it unchanged:
//
//	srv := slacktest.New()
//	defer srv.Close()
//	api := slack.New(slacktest.DefaultBotToken,
//		slack.OptionAPIURL(srv.URL()),
//		slack.OptionAppLevelToken(slacktest.DefaultAppToken))
//	client := socketmode.New(api)
//
// Tests drive the workspace as people would (SlashCommand, Reply, Click),
// read what the bot did (Messages, Thread, Ephemerals, Pins) and inspect the
// transport (Calls, Acks). It behaves as Slack does where the bot could
// notice: message timestamps, the bot's own posts echoed back as events,
// retries with a new envelope id, rate limits, and Block Kit validation.
package slacktest

// Identities of the fake workspace and its bot.
const (
	DefaultAppToken = "xapp-1-test" // app-level token accepted by default
	DefaultBotToken = "xoxb-test"   // bot token accepted by default
	TeamID          = "T1"
	TeamDomain      = "collabtest"
	AppID           = "A1"
	BotUserID       = "UBOT" // the bot's user id, as auth.test reports it
	BotID           = "BBOT" // the bot's bot id, set on its messages
	BotName         = "collabbot"

	verificationToken = "verification-token" // the legacy token Slack puts in payloads
)
