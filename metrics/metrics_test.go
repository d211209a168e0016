package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// counts is a StateCounter over fixed numbers, failing when err is set.
type counts struct {
	n   map[string]int
	err error
}

func (c counts) States() []string { return []string{"collecting", "proposed"} }

func (c counts) CountByState(context.Context) (map[string]int, error) { return c.n, c.err }

func scrapeText(t *testing.T, m *Metrics) (string, int) {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body), rec.Code
}

func TestStatesShowZeroesAndSurviveAFailedCount(t *testing.T) {
	m := New()
	m.CountStates(counts{n: map[string]int{"collecting": 3}}, time.Second)
	m.SchedulerLag(2 * time.Second)
	body, _ := scrapeText(t, m)
	for _, want := range []string{
		"# TYPE collabbot_collaborations gauge",
		`collabbot_collaborations{state="collecting"} 3`,
		`collabbot_collaborations{state="proposed"} 0`,
		"collabbot_scheduler_lag_seconds_count 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("scrape lacks %q:\n%s", want, body)
		}
	}

	failing := New()
	failing.CountStates(counts{err: errors.New("redis down")}, time.Second)
	failing.Event("reply", "ok")
	body, code := scrapeText(t, failing)
	if code != http.StatusOK || !strings.Contains(body, `collabbot_events_total{kind="reply",outcome="ok"} 1`) {
		t.Errorf("with the count failing: %d\n%s", code, body)
	}
}

// BenchmarkTransport is the cost the counting transport adds to one Slack
// call against a local server; compare with BenchmarkTransportBare.
func BenchmarkTransport(b *testing.B) { benchTransport(b, New().Transport(nil)) }

func BenchmarkTransportBare(b *testing.B) { benchTransport(b, http.DefaultTransport) }

func benchTransport(b *testing.B, rt http.RoundTripper) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"ok":true,"channel":"C1","ts":"1700000000.000100","message":{"text":"`+strings.Repeat("x", 2000)+`"}}`)
	}))
	defer srv.Close()
	client := &http.Client{Transport: rt}
	for b.Loop() {
		resp, err := client.Post(srv.URL+"/api/chat.postMessage", "application/x-www-form-urlencoded", strings.NewReader("token=x"))
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}
