package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
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
		{"nobody listens", "redis://127.0.0.1:1", "connect to REDIS_URL redis://127.0.0.1:1: "},
		{"not a url", "http://example.com", "REDIS_URL http://example.com: scheme "},
		{"unknown topology", "redis+ring://127.0.0.1:1", "REDIS_URL redis+ring://127.0.0.1:1: scheme "},
		{"sentinel without master", "redis+sentinel://127.0.0.1:1", "REDIS_URL redis+sentinel://127.0.0.1:1: a Sentinel URL needs"},
		{"unknown option", "redis+cluster://127.0.0.1:1?bogus=1", "REDIS_URL redis+cluster://127.0.0.1:1?bogus=1: parse: "},
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

// REDIS_URL is named in errors without the passwords it holds.
func TestOpenKeepsThePasswordOut(t *testing.T) {
	for _, url := range []string{
		"redis://user:s3cretPW@127.0.0.1:63x79/0",
		"redis://:s3cretPW@127.0.0.1:1/0",
		"redis+sentinel://:s3cretPW@127.0.0.1:1/0?master_name=m&password=s3cretPW",
		"rediss+cluster://u:s3cretPW@127.0.0.1:1",
	} {
		c, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		_, _, err := store.Open(c, url)
		cancel()
		if err == nil || strings.Contains(err.Error(), "s3cretPW") || !strings.Contains(err.Error(), "REDIS_URL") {
			t.Errorf("Open = %v, want an error naming REDIS_URL without the password", err)
		}
	}
}

// A Redis that accepts connections and never answers gets as long as the
// caller's context allows, not the client's read timeout (here a minute):
// /readyz relies on it to answer within a second.
func TestPingHonoursTheDeadline(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // holds every connection open without a word until ln closes
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	c, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err = store.Open(c, "redis://"+ln.Addr().String()+"?read_timeout=1m&dial_timeout=1m")
	if err == nil || !strings.Contains(err.Error(), "REDIS_URL") {
		t.Fatalf("Open of a silent server = %v, want an error naming REDIS_URL", err)
	}
	if waited := time.Since(start); waited > 10*time.Second {
		t.Errorf("Open waited %v past a 300ms deadline", waited)
	}
}

// go-redis's own log lines go to the logger at debug level, never to
// stderr or above debug.
func TestRouteClientLogs(t *testing.T) {
	var info, debug bytes.Buffer
	for _, tt := range []struct {
		buf   *bytes.Buffer
		level slog.Level
	}{{&info, slog.LevelInfo}, {&debug, slog.LevelDebug}} {
		store.RouteClientLogs(slog.New(slog.NewTextHandler(tt.buf, &slog.HandlerOptions{Level: tt.level})))
		c, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		_, _, err := store.Open(c, "redis://127.0.0.1:1")
		cancel()
		if err == nil {
			t.Fatal("Open of a closed port succeeded")
		}
	}
	store.RouteClientLogs(slog.New(slog.DiscardHandler))
	if info.Len() != 0 {
		t.Errorf("at info level the client logged:\n%s", &info)
	}
	if !strings.Contains(debug.String(), "level=DEBUG msg=\"redis client\"") {
		t.Errorf("at debug level the client's lines are missing:\n%s", &debug)
	}
}

// Once the server is gone, every call's error names REDIS_URL once; a
// miss stays ErrNotFound and Redis's own answers stay as they are.
func TestErrorsNameTheServer(t *testing.T) {
	n := redistest.StartNode(t)
	url := "redis://:s3cretPW@" + n.Addr + "/0?max_retries=-1"
	admin := n.Client()
	defer admin.Close()
	if err := admin.ConfigSet(ctx(t), "requirepass", "s3cretPW").Err(); err != nil {
		t.Fatal(err)
	}
	s := openURL(t, url)
	if _, err := s.Get(ctx(t), "nobody"); !errors.Is(err, flows.ErrNotFound) || strings.Contains(err.Error(), "REDIS_URL") {
		t.Errorf("Get of a missing collab = %v, want ErrNotFound alone", err)
	}
	n.Kill()
	c := fullCollab("gone")
	for name, err := range map[string]error{
		"Create": s.Create(ctx(t), &c),
		"Get":    func() error { _, err := s.Get(ctx(t), "gone"); return err }(),
		"Ping":   s.Ping(ctx(t)),
	} {
		msg := fmt.Sprint(err)
		if strings.Count(msg, "REDIS_URL redis://:xxxxx@"+n.Addr) != 1 || strings.Contains(msg, "s3cretPW") {
			t.Errorf("%s with the server gone = %v, want REDIS_URL named once, password hidden", name, err)
		}
	}
}
