package bot

import (
	"errors"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Metrics counts what the bot does; *metrics.Metrics implements it.
// Config.Metrics nil measures nothing. Scheduler lag is measured where
// every due job passes, in the store (store.WithSchedulerLag).
type Metrics interface {
	// Event counts one event by kind (command, reply, click, retry, …)
	// and outcome: ok, error, pending (left for a later try while Redis
	// is away), ignored (nothing for the bot), not_recorded, stop.
	Event(kind, outcome string)
	// Retry counts one more try at what: store (Redis unreachable),
	// save_conflict (another writer saved first), effect (Slack refused
	// an effect for now).
	Retry(what string)
}

type noMetrics struct{}

func (noMetrics) Event(kind, outcome string) {}
func (noMetrics) Retry(what string)          {}

// orNoMetrics is m, or a Metrics that measures nothing when m is nil.
func orNoMetrics(m Metrics) Metrics {
	if m == nil {
		return noMetrics{}
	}
	return m
}

// envelopeKind names an envelope's payload as the event kinds do, for
// envelopes counted before they become entries.
func envelopeKind(data any) string {
	switch d := data.(type) {
	case slack.SlashCommand:
		return kindCommand
	case slack.InteractionCallback:
		return kindClick
	case slackevents.EventsAPIEvent:
		if d.InnerEvent.Type == string(slackevents.Message) {
			return kindReply
		}
		return d.InnerEvent.Type
	}
	return "other"
}

// outcome names how handling an entry ended.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, new(notRecorded)):
		return "pending"
	}
	return "error"
}
