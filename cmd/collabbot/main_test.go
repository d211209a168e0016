package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
)

func TestDemoEndsWithThePinnedAgreement(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"demo"}, &out, io.Discard); err != nil {
		t.Fatalf("demo: %v", err)
	}
	got := out.String()
	for _, want := range []string{"📌 pinned", "商定改到：*3月4日（周三）*", "@运营部", "提供核心用户的设备型号清单"} {
		if !strings.Contains(got, want) {
			t.Errorf("demo output lacks %q:\n%s", want, got)
		}
	}
}

// A collaboration written in a file of one's own plays like a sample.
func TestDemoPlaysAFile(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/tea-room.en.yaml"
	if err := os.WriteFile(file, []byte(teaRoom), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"demo", file}, &out, io.Discard); err != nil {
		t.Fatalf("demo %s: %v", file, err)
	}
	for _, want := range []string{"📌 pinned", "@Facilities", "Refit the tea room"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if err := run(context.Background(), []string{"demo", dir + "/missing.yaml"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("demo of a missing file: %v, want an error naming it", err)
	}
}

const teaRoom = `name: tea-room
lang: en
today: 2026-05-04
topic: Refit the tea room
sides:
  a:
    name: Facilities
    goal: A tea room people use
    needs: A list of what people want in it
    value: The refit done in two weeks
  b:
    name: People
    goal: Happier staff
    needs: The refit done before the summer party
    value: A survey of what people want in the tea room
expect:
  matches:
    - need: {side: a, text: list of what people want}
      offer: {side: b, text: survey of what people want}
`

func TestConfigErrorsNameTheVariable(t *testing.T) {
	const secret = "xoxp-SECRET-VALUE"
	tests := []struct {
		name, app, bot, lang, tz string
		want                     string
	}{
		{"no app token", "", "xoxb-1", "auto", "UTC", "SLACK_APP_TOKEN is not set"},
		{"bot token in app's place", secret, "xoxb-1", "auto", "UTC", "SLACK_APP_TOKEN has the wrong prefix"},
		{"no bot token", "xapp-1", "", "auto", "UTC", "SLACK_BOT_TOKEN is not set"},
		{"user token", "xapp-1", secret, "auto", "UTC", "SLACK_BOT_TOKEN has the wrong prefix"},
		{"language", "xapp-1", "xoxb-1", "fr", "UTC", "COLLAB_LANG"},
		{"zone", "xapp-1", "xoxb-1", "auto", "Mars/Olympus", "COLLAB_TZ"},
	}
	for _, tt := range tests {
		t.Setenv("SLACK_APP_TOKEN", tt.app)
		t.Setenv("SLACK_BOT_TOKEN", tt.bot)
		t.Setenv("COLLAB_LANG", tt.lang)
		t.Setenv("COLLAB_TZ", tt.tz)
		err := run(context.Background(), nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%s: error %v, want one containing %q and no token", tt.name, err, tt.want)
		}
	}
}

// syncBuffer is a log sink the test reads while the bot writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunServesUntilCancelled starts the real wiring against a fake Slack
// with the embedded store: health endpoints answer, a /collab works, and
// cancelling (as SIGTERM does) ends run with nil. No token is logged.
func TestRunServesUntilCancelled(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	srv.AddUser(slacktest.User{ID: "U0ANA", Name: "ana"})
	srv.AddUser(slacktest.User{ID: "U0CY", Name: "cy"})
	b := startBot(t, srv)
	waitStatus(t, b.base+"/healthz", http.StatusOK)
	if _, err := srv.SlashCommand(t.Context(), "C0RUN", "U0ANA", "/collab", "<@U0ANA|ana> <@U0CY|cy> Run check"); err != nil {
		t.Fatal(err)
	}
	wctx, wcancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer wcancel()
	if err := srv.WaitFor(wctx, func() bool { return len(srv.Messages("C0RUN")) >= 3 }); err != nil {
		t.Fatalf("no root and prompts: %v", err)
	}
	b.stop(t)
	got := b.logs.String()
	for _, want := range []string{"nothing outlives the process", "collabbot stopped"} {
		if !strings.Contains(got, want) {
			t.Errorf("logs lack %q:\n%s", want, got)
		}
	}
	for _, token := range []string{slacktest.DefaultAppToken, slacktest.DefaultBotToken} {
		if strings.Contains(got, token) {
			t.Errorf("logs show a token")
		}
	}
}

// listenLine finds the HTTP address in the text or JSON log.
var listenLine = regexp.MustCompile(`health endpoints listening"(?: addr=|,"addr":")([0-9a-f.:\[\]]+)`)

// runningBot is run() serving against a fake Slack in the background.
type runningBot struct {
	base   string // http://HTTP_ADDR
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// startBot starts run() against srv with the embedded store and HTTP_ADDR
// on a free port, and waits until /readyz says ready.
func startBot(t *testing.T, srv *slacktest.Server) *runningBot {
	t.Helper()
	t.Setenv("SLACK_APP_TOKEN", slacktest.DefaultAppToken)
	t.Setenv("SLACK_BOT_TOKEN", slacktest.DefaultBotToken)
	t.Setenv("SLACK_API_URL", srv.URL())
	t.Setenv("REDIS_URL", "")
	t.Setenv("HTTP_ADDR", "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	b := &runningBot{logs: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() { b.done <- run(ctx, nil, io.Discard, b.logs) }()
	t.Cleanup(func() { b.stop(t) })
	b.base = "http://" + waitLog(t, b.logs, listenLine)
	waitStatus(t, b.base+"/readyz", http.StatusOK)
	return b
}

// stop cancels run, as SIGTERM does, and checks that it returns nil.
func (b *runningBot) stop(t *testing.T) {
	t.Helper()
	if b.done == nil {
		return
	}
	b.cancel()
	select {
	case err := <-b.done:
		if err != nil {
			t.Errorf("run after cancel = %v, want nil", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("run did not return after cancel")
	}
	b.done = nil
}

func waitLog(t *testing.T, logs *syncBuffer, re *regexp.Regexp) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(logs.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("no log line matching %s in:\n%s", re, logs.String())
	return ""
}

func waitStatus(t *testing.T, url string, want int) {
	t.Helper()
	var got int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err := http.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if got = resp.StatusCode; got == want {
			return
		}
	}
	t.Fatalf("GET %s = %d, want %d", url, got, want)
}

// A token Slack refuses stops the bot with the variable to check.
func TestRefusedTokenNamesTheVariable(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	t.Setenv("SLACK_APP_TOKEN", slacktest.DefaultAppToken)
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
	t.Setenv("SLACK_API_URL", srv.URL())
	t.Setenv("REDIS_URL", "")
	t.Setenv("HTTP_ADDR", "")
	err := run(context.Background(), nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "Slack refused SLACK_BOT_TOKEN") || strings.Contains(err.Error(), "xoxb-revoked") {
		t.Fatalf("run = %v, want an error naming SLACK_BOT_TOKEN without the token", err)
	}
}

// TestDemoDatesByItsOwnDay: a sample dated in another year is played on
// its own day, so its dates read as this year's, without the year.
func TestDemoDatesByItsOwnDay(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"demo", "hr-eng-interviews"}, &out, io.Discard); err != nil {
		t.Fatalf("demo: %v", err)
	}
	if got := out.String(); !strings.Contains(got, "📌 pinned") || strings.Contains(got, ", 2027") {
		t.Errorf("demo of a 2027 sample names the year or pins nothing:\n%s", got)
	}
}
