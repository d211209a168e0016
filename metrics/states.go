package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// StateCounter counts collaborations by state. States lists every state
// to report, so one that has none shows 0 rather than vanishing.
type StateCounter interface {
	States() []string
	CountByState(ctx context.Context) (map[string]int, error)
}

// CountStates adds collabbot_collaborations, asking c at each scrape with
// timeout as its deadline.
func (m *Metrics) CountStates(c StateCounter, timeout time.Duration) {
	m.reg.MustRegister(stateCollector{c: c, timeout: timeout})
}

var stateDesc = prometheus.NewDesc("collabbot_collaborations",
	"Collaborations by state, as the store counts them at scrape time.",
	[]string{"state"}, nil)

type stateCollector struct {
	c       StateCounter
	timeout time.Duration
}

func (s stateCollector) Describe(ch chan<- *prometheus.Desc) { ch <- stateDesc }

func (s stateCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), s.timeout)
	defer cancel()
	counts, err := s.c.CountByState(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(stateDesc, err)
		return
	}
	for _, st := range s.c.States() {
		ch <- prometheus.MustNewConstMetric(stateDesc, prometheus.GaugeValue, float64(counts[st]), st)
	}
}
