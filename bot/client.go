package bot

import (
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// NewSlackClient returns a Web API client for apiURL (ending in "/") that
// retries on 429 (honouring Retry-After), 5xx and connection errors.
func NewSlackClient(botToken, appToken, apiURL string) *slack.Client {
	return NewSlackClientVia(botToken, appToken, apiURL, nil)
}

// NewSlackClientVia is NewSlackClient sending its requests through rt
// (nil: http.DefaultTransport). rt sits below the retries, so it sees
// every attempt, which is what metrics must count.
func NewSlackClientVia(botToken, appToken, apiURL string, rt http.RoundTripper) *slack.Client {
	cfg := slack.DefaultRetryConfig()
	cfg.MaxRetries = 4
	cfg.Handlers = append(slack.AllBuiltinRetryHandlers(cfg), slack.NewServerErrorRetryHandler(cfg))
	return slack.New(botToken,
		slack.OptionAPIURL(apiURL),
		slack.OptionAppLevelToken(appToken),
		slack.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: rt}),
		slack.OptionRetryConfig(cfg),
	)
}
