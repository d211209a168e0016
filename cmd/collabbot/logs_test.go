package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// With LOG_FORMAT=json every line the running bot writes is one JSON object.
func TestJSONLogsThroughRun(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	t.Setenv("LOG_FORMAT", "json")
	t.Setenv("LOG_LEVEL", "debug")
	b := startBot(t, srv)
	b.stop(t)
	var msgs []string
	for line := range strings.Lines(b.logs.String()) {
		var rec struct {
			Msg   string `json:"msg"`
			Level string `json:"level"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q: %v", line, err)
		}
		msgs = append(msgs, rec.Msg)
	}
	got := strings.Join(msgs, "|")
	for _, want := range []string{"collabbot starting", "slack socket connected", "collabbot stopped"} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON logs lack %q: %s", want, got)
		}
	}
}

func TestLevelFilters(t *testing.T) {
	var out bytes.Buffer
	log := logConfig{LogFormat: "text", LogLevel: "warn"}.logger(&out)
	log.Info("routine")
	log.Warn("notable")
	if got := out.String(); strings.Contains(got, "routine") || !strings.Contains(got, "notable") {
		t.Errorf("at warn, got:\n%s", got)
	}
}

func TestRunRefusesBadLogSettings(t *testing.T) {
	t.Setenv("SLACK_APP_TOKEN", "xapp-1-A")
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-1-B")
	t.Setenv("LOG_LEVEL", "loud")
	err := run(context.Background(), nil, io.Discard, io.Discard)
	if err == nil || err.Error() != `LOG_LEVEL is "loud": use debug, info, warn or error` {
		t.Fatalf("run = %v, want LOG_LEVEL refused", err)
	}
}
