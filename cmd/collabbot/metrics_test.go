package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// After a whole collaboration through the real wiring, /metrics holds the
// expected series, each with HELP and TYPE, and values that fit what
// happened.
func TestMetricsAfterACollaboration(t *testing.T) {
	sc, err := scenario.Load("presale-load")
	if err != nil {
		t.Fatal(err)
	}
	srv := slacktest.New()
	defer srv.Close()
	groups := populate(srv, sc, "America/New_York")
	b := startBot(t, srv)
	srv.Fail("chat.postMessage", 1) // the root message is posted on a retry
	if err := play(t.Context(), srv, sc, groups); err != nil {
		t.Fatal(err)
	}
	// The pin is in the fake Slack a moment before its answer is counted.
	pinned := map[string]string{"method": "pins.add"}
	var families map[string]*dto.MetricFamily
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if families = scrape(t, b.base+"/metrics"); value(families, "collabbot_slack_calls_total", pinned) > 0 {
			break
		}
	}

	for _, name := range []string{
		"collabbot_slack_calls_total", "collabbot_slack_errors_total", "collabbot_slack_call_duration_seconds",
		"collabbot_redis_command_duration_seconds", "collabbot_redis_commands_total",
		"collabbot_socket_connected", "collabbot_collaborations",
	} {
		mf, ok := families[name]
		if !ok {
			t.Errorf("no series %s", name)
			continue
		}
		if mf.GetHelp() == "" || mf.GetType() == dto.MetricType_UNTYPED {
			t.Errorf("%s lacks HELP or TYPE", name)
		}
	}
	for name := range families {
		if !strings.HasPrefix(name, "collabbot_") {
			t.Errorf("series %s is not named collabbot_…", name)
		}
	}
	if got := value(families, "collabbot_socket_connected", nil); got != 1 {
		t.Errorf("socket connected = %v, want 1", got)
	}
	posts := value(families, "collabbot_slack_calls_total", map[string]string{"method": "chat.postMessage"})
	if posts < 10 { // root twice, 6 prompts, proposal, agreement
		t.Errorf("chat.postMessage calls = %v, want at least 10", posts)
	}
	failed := map[string]string{"method": "chat.postMessage", "code": "http_500"}
	if got := value(families, "collabbot_slack_errors_total", failed); got != 1 {
		t.Errorf("chat.postMessage errors with http_500 = %v, want 1", got)
	}
	if pins := value(families, "collabbot_slack_calls_total", pinned); pins != 1 {
		t.Errorf("pins.add calls = %v, want 1", pins)
	}
	if got := value(families, "collabbot_redis_commands_total", nil); got <= 0 {
		t.Errorf("redis commands = %v, want > 0", got)
	}
	if got := histogramCount(families, "collabbot_redis_command_duration_seconds"); got == 0 {
		t.Error("no Redis round trip timed")
	}
	for _, state := range []string{"collecting", "proposed"} {
		if got := value(families, "collabbot_collaborations", map[string]string{"state": state}); got != 0 {
			t.Errorf("collaborations{state=%q} = %v after the agreement, want 0", state, got)
		}
	}
}

func scrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return families
}

// value sums the gauge or counter samples of name whose labels include want.
func value(families map[string]*dto.MetricFamily, name string, want map[string]string) float64 {
	sum := 0.0
	for _, m := range families[name].GetMetric() {
		if hasLabels(m, want) {
			sum += m.GetCounter().GetValue() + m.GetGauge().GetValue() + m.GetUntyped().GetValue()
		}
	}
	return sum
}

func histogramCount(families map[string]*dto.MetricFamily, name string) uint64 {
	var n uint64
	for _, m := range families[name].GetMetric() {
		n += m.GetHistogram().GetSampleCount()
	}
	return n
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	have := map[string]string{}
	for _, l := range m.GetLabel() {
		have[l.GetName()] = l.GetValue()
	}
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}
