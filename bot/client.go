package bot

import (
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// slackIdleConns is how many idle connections to Slack the client keeps:
// net/http's default of 2 per host makes a busy bot dial for most calls.
const slackIdleConns = 128

// NewSlackClient returns a Web API client for apiURL (ending in "/") that
// retries on 429 (honouring Retry-After), 5xx and connection errors.
func NewSlackClient(botToken, appToken, apiURL string) *slack.Client {
	return NewSlackClientVia(botToken, appToken, apiURL, nil)
}

// NewSlackClientVia is NewSlackClient sending its requests through rt
// (nil: NewSlackTransport()). rt sits below the retries, so it sees every
// attempt, which is what metrics must count.
func NewSlackClientVia(botToken, appToken, apiURL string, rt http.RoundTripper) *slack.Client {
	if rt == nil {
		rt = NewSlackTransport()
	}
	cfg := slack.DefaultRetryConfig()
	cfg.MaxRetries = 4
	cfg.Handlers = append(slack.AllBuiltinRetryHandlers(cfg), slack.NewServerErrorRetryHandler(cfg))
	return slack.New(botToken,
		slack.OptionAPIURL(apiURL),
		slack.OptionAppLevelToken(appToken),
		slack.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: trimPosted{rt}}),
		slack.OptionRetryConfig(cfg),
	)
}

// NewSlackTransport is http.DefaultTransport keeping enough idle
// connections to Slack for concurrent collaborations; wrap it to observe
// calls.
func NewSlackTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = slackIdleConns
	t.MaxIdleConnsPerHost = slackIdleConns
	return t
}
