package slacktest

import "time"

// config holds what New's options set.
type config struct {
	appToken     string
	botToken     string
	pingInterval time.Duration
	clock        func() time.Time
	echo         bool
}

func defaultConfig() config {
	return config{
		appToken:     DefaultAppToken,
		botToken:     DefaultBotToken,
		pingInterval: 2 * time.Second,
		clock:        time.Now,
		echo:         true,
	}
}

// Option configures a Server.
type Option func(*config)

// WithAppToken sets the app-level token apps.connections.open accepts.
func WithAppToken(token string) Option { return func(c *config) { c.appToken = token } }

// WithBotToken sets the bot token every other Web API method accepts.
func WithBotToken(token string) Option { return func(c *config) { c.botToken = token } }

// WithPingInterval sets how often the server sends WebSocket PING frames.
// slack-go reconnects when none arrives within its own ping interval (30 s
// by default), so this must stay below the client's.
func WithPingInterval(d time.Duration) Option { return func(c *config) { c.pingInterval = d } }

// WithClock sets the clock that message timestamps and event times read.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithoutEcho stops delivering the bot's own posts back to it as message
// events (real Slack delivers them; the bot must ignore them).
func WithoutEcho() Option { return func(c *config) { c.echo = false } }
