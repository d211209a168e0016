// Package metrics holds collabbot's Prometheus series, all named
// collabbot_…, on a registry of their own: nothing in the process can add
// to them by accident through the global default registry.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics records what the bot does. Its methods are safe for concurrent
// use; a nil *Metrics is not valid, callers that do not measure pass none.
type Metrics struct {
	reg          *prometheus.Registry
	events       *prometheus.CounterVec
	retries      *prometheus.CounterVec
	schedulerLag prometheus.Histogram
	slackCalls   *prometheus.CounterVec
	slackErrors  *prometheus.CounterVec
	slackTime    *prometheus.HistogramVec
	redisTime    *prometheus.HistogramVec
}

// New returns Metrics on a fresh registry.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "collabbot_events_total",
			Help: "Slack events handled, by kind (command, reply, action, …) and outcome (ok, ignored, refused, error, …).",
		}, []string{"kind", "outcome"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "collabbot_retries_total",
			Help: "Work tried again after a failure, by what was retried.",
		}, []string{"what"}),
		schedulerLag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "collabbot_scheduler_lag_seconds",
			Help:    "How late scheduled work (nudges, reminders, expiry) ran after its due time.",
			Buckets: []float64{0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600},
		}),
		slackCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "collabbot_slack_calls_total",
			Help: "Slack Web API requests sent, retries included, by method.",
		}, []string{"method"}),
		slackErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "collabbot_slack_errors_total",
			Help: "Slack Web API requests that failed, by method and code: Slack's error string, http_<status> for 429 and 5xx, or transport.",
		}, []string{"method", "code"}),
		slackTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "collabbot_slack_call_duration_seconds",
			Help:    "Time from sending a Slack Web API request to reading its answer, by method.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method"}),
		redisTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "collabbot_redis_command_duration_seconds",
			Help:    "Redis round trips, by command (pipeline for a pipeline or transaction).",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"command"}),
	}
	m.reg.MustRegister(m.events, m.retries, m.schedulerLag, m.slackCalls, m.slackErrors, m.slackTime, m.redisTime)
	return m
}

// Handler serves the registry in the Prometheus text format. A collector
// that fails (Redis down while counting) leaves the other series served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}

// Registry is the registry the series live on, for collectors of the
// caller's own.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Event counts one Slack event of kind that ended in outcome.
func (m *Metrics) Event(kind, outcome string) { m.events.WithLabelValues(kind, outcome).Inc() }

// Retry counts one more attempt at what.
func (m *Metrics) Retry(what string) { m.retries.WithLabelValues(what).Inc() }

// SchedulerLag records how late a scheduled job ran.
func (m *Metrics) SchedulerLag(d time.Duration) { m.schedulerLag.Observe(d.Seconds()) }

// WatchSocket adds collabbot_socket_connected, read from connected at
// each scrape.
func (m *Metrics) WatchSocket(connected func() bool) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "collabbot_socket_connected",
		Help: "1 while the Slack Socket Mode connection is up, else 0.",
	}, func() float64 {
		if connected() {
			return 1
		}
		return 0
	}))
}

// WatchRedisCommands adds collabbot_redis_commands_total, read from count
// at each scrape.
func (m *Metrics) WatchRedisCommands(count func() int64) {
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "collabbot_redis_commands_total",
		Help: "Redis commands the store has sent, pipelined ones included.",
	}, func() float64 { return float64(count()) }))
}

// WatchRedisRoundTrips adds collabbot_redis_round_trips_total, read from
// count at each scrape: how often the store waited for Redis, the figure
// the load tool reports per reply.
func (m *Metrics) WatchRedisRoundTrips(count func() int64) {
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{
		Name: "collabbot_redis_round_trips_total",
		Help: "Times the store waited for Redis; a pipeline or script counts once.",
	}, func() float64 { return float64(count()) }))
}
