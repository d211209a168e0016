package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/metrics"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
	"github.com/redis/go-redis/v9"
)

// /readyz gives a Redis that hangs (DEBUG SLEEP on a server of the test's
// own) no more than its bound: it answers that Redis failed, naming
// REDIS_URL, while the server is still asleep. /debug/pprof answers.
func TestHealthWhenRedisHangs(t *testing.T) {
	p := redistest.StartNode(t, "--enable-debug-command", "yes")
	st, closeStore, err := store.Open(t.Context(), "redis://"+p.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer closeStore()
	b, err := bot.New(bot.NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, "http://127.0.0.1:1/api/"), st, bot.Config{})
	if err != nil {
		t.Fatal(err)
	}
	h := endpoints(st, b, metrics.New())
	if rec := get(h, "/debug/pprof/"); rec.Code != http.StatusOK {
		t.Errorf("/debug/pprof/ = %d, want 200", rec.Code)
	}
	admin := redis.NewClient(&redis.Options{Addr: p.Addr, ReadTimeout: -1})
	defer admin.Close()
	asleep := make(chan error, 1)
	go func() { asleep <- admin.Do(context.Background(), "DEBUG", "SLEEP", "3").Err() }()
	time.Sleep(200 * time.Millisecond) // let the server fall asleep first
	rec := get(h, "/readyz")
	select {
	case err := <-asleep:
		t.Fatalf("Redis woke before /readyz answered (%v): the probe waited for it", err)
	default:
	}
	if body := rec.Body.String(); rec.Code != http.StatusServiceUnavailable || !strings.HasPrefix(body, "redis: ping: REDIS_URL redis://") {
		t.Errorf("/readyz = %d %q, want 503 naming REDIS_URL", rec.Code, body)
	}
	if err := <-asleep; err != nil {
		t.Errorf("DEBUG SLEEP: %v", err)
	}
}

func get(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}
