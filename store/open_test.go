package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
)

func TestOpen(t *testing.T) {
	tests := []struct {
		name     string
		url      string
		embedded bool
	}{
		{"empty url embeds miniredis", "", true},
		{"REDIS_URL", redistest.URL(), false},
	}
	for _, tt := range tests {
		s, closeStore, err := store.Open(ctx(t), tt.url)
		if err != nil {
			t.Fatalf("%s: Open: %v", tt.name, err)
		}
		if s.Embedded() != tt.embedded {
			t.Errorf("%s: Embedded() = %v, want %v", tt.name, s.Embedded(), tt.embedded)
		}
		if err := s.Ping(ctx(t)); err != nil {
			t.Errorf("%s: Ping: %v", tt.name, err)
		}
		if err := closeStore(); err != nil {
			t.Errorf("%s: close: %v", tt.name, err)
		}
		if err := s.Ping(ctx(t)); err == nil {
			t.Errorf("%s: Ping after close = nil, want an error", tt.name)
		}
	}
}

func TestOpenEmbeddedKeepsState(t *testing.T) {
	s, closeStore, err := store.Open(ctx(t), "")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer closeStore()
	c := fullCollab("embedded")
	mustCreate(t, s, &c)
	if got := mustGet(t, s, "embedded"); got.Topic != c.Topic || got.Rev != 1 {
		t.Errorf("Get = topic %q rev %d, want %q rev 1", got.Topic, got.Rev, c.Topic)
	}
}

func TestOpenFails(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"nobody listens", "redis://127.0.0.1:1", "connect redis: "},
		{"not a url", "http://example.com", "parse REDIS_URL: "},
	}
	for _, tt := range tests {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, _, err := store.Open(c, tt.url)
		cancel()
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Open(%q) = %v, want an error starting %q", tt.url, err, tt.want)
		}
	}
}

// A malformed REDIS_URL is reported without the password it holds.
func TestOpenKeepsThePasswordOut(t *testing.T) {
	_, _, err := store.Open(t.Context(), "redis://user:s3cretPW@127.0.0.1:63x79/0")
	if err == nil || strings.Contains(err.Error(), "s3cretPW") || !strings.Contains(err.Error(), "REDIS_URL") {
		t.Fatalf("Open = %v, want an error naming REDIS_URL without the password", err)
	}
}
