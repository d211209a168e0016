package bot

import (
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// NewSlackClient returns a Web API client for apiURL (ending in "/") that
// retries on 429 (honouring Retry-After), 5xx and connection errors.
func NewSlackClient(botToken, appToken, apiURL string) *slack.Client {
	cfg := slack.DefaultRetryConfig()
	cfg.MaxRetries = 4
	cfg.Handlers = append(slack.AllBuiltinRetryHandlers(cfg), slack.NewServerErrorRetryHandler(cfg))
	return slack.New(botToken,
		slack.OptionAPIURL(apiURL),
		slack.OptionAppLevelToken(appToken),
		slack.OptionHTTPClient(&http.Client{Timeout: 30 * time.Second}),
		slack.OptionRetryConfig(cfg),
	)
}
