package slacktest

import "time"

// config holds what New's options set.
type config struct {
	appToken     string
	botToken     string
	pingInterval time.Duration
	clock        func() time.Time
	echo         bool
	schemas      bool // check blocks and metadata against Slack's schemas
	// redeliverAfter > 0 sends an envelope un-acked after that long again,
	// to another connection, up to redeliveries times.
	redeliverAfter time.Duration
	redeliveries   int
}

func defaultConfig() config {
	return config{
		appToken:     DefaultAppToken,
		botToken:     DefaultBotToken,
		pingInterval: 2 * time.Second,
		clock:        time.Now,
		echo:         true,
		schemas:      true,
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

// WithRedelivery makes the server send an envelope that was not acked
// within after again, to another connection when there is one, with a new
// envelope id and retry_attempt one more, up to 3 times, as Slack retries
// events. It does so for every type, so tests can check that a command or
// a click delivered twice still counts once.
func WithRedelivery(after time.Duration) Option {
	return func(c *config) { c.redeliverAfter, c.redeliveries = after, 3 }
}

// WithoutSchemaChecks stops checking posted blocks and metadata against
// Slack's schemas (its limits on text still hold). The checks cost more
// CPU than the bot spends on a post, which would crowd a load measurement
// on a small machine; tests keep them.
func WithoutSchemaChecks() Option { return func(c *config) { c.schemas = false } }
