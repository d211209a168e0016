package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// runArgs runs the program with args and returns what it printed.
func runArgs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, &out, io.Discard)
	return out.String(), err
}

// health is ready against the running bot, and not ready, in one line,
// when the socket is down or nothing listens.
func TestHealthProbesReadyz(t *testing.T) {
	srv := slacktest.New()
	defer srv.Close()
	b := startBot(t, srv)
	t.Setenv("HTTP_ADDR", strings.TrimPrefix(b.base, "http://"))
	if out, err := runArgs(t, "health"); err != nil || out != "ready\n" {
		t.Fatalf("health against a ready bot = %q, %v", out, err)
	}
	srv.Close() // the socket drops and cannot come back
	waitStatus(t, b.base+"/readyz", 503)
	_, err := runArgs(t, "health")
	if err == nil || !strings.Contains(err.Error(), "not ready") || !strings.Contains(err.Error(), "socket not connected") || strings.Contains(err.Error(), "\n") {
		t.Errorf("health with the socket down = %v", err)
	}
	b.stop(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // a port nothing listens on
	t.Setenv("HTTP_ADDR", addr)
	if _, err := runArgs(t, "health"); err == nil || !strings.Contains(err.Error(), "not ready") {
		t.Errorf("health with nothing listening = %v", err)
	}
	t.Setenv("HTTP_ADDR", "")
	if _, err := runArgs(t, "health"); err == nil || !strings.Contains(err.Error(), "HTTP_ADDR is not set") {
		t.Errorf("health without HTTP_ADDR = %v", err)
	}
}

func TestReadyURL(t *testing.T) {
	tests := []struct{ give, want string }{
		{":8080", "http://127.0.0.1:8080/readyz"},
		{"0.0.0.0:8080", "http://127.0.0.1:8080/readyz"},
		{"[::]:8080", "http://127.0.0.1:8080/readyz"},
		{"10.0.0.5:9000", "http://10.0.0.5:9000/readyz"},
		{"localhost:8080", "http://localhost:8080/readyz"},
		{"[::1]:8080", "http://[::1]:8080/readyz"},
	}
	for _, tt := range tests {
		if got := readyURL(tt.give); got != tt.want {
			t.Errorf("readyURL(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	out, err := runArgs(t, "version")
	if err != nil || !strings.HasPrefix(out, "collabbot ") || !strings.Contains(out, runtime.Version()) {
		t.Fatalf("version = %q, %v", out, err)
	}
	info := func(settings ...debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}, Settings: settings}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "abc123"}
	when := debug.BuildSetting{Key: "vcs.time", Value: "2026-11-30T10:00:00Z"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	tests := []struct {
		name   string
		info   *debug.BuildInfo
		linked string
		want   string
	}{
		{"no vcs", info(), "", "collabbot v1.2.0 go1.26.0"},
		{"vcs", info(rev, when), "", "collabbot v1.2.0 go1.26.0 revision abc123 2026-11-30T10:00:00Z"},
		{"modified", info(rev, dirty), "", "collabbot v1.2.0 go1.26.0 revision abc123 (modified)"},
		{"linked", info(), "def456", "collabbot v1.2.0 go1.26.0 revision def456"},
		{"vcs wins over linked", info(rev), "def456", "collabbot v1.2.0 go1.26.0 revision abc123"},
		{"no module version", &debug.BuildInfo{GoVersion: "go1.26.0"}, "", "collabbot (devel) go1.26.0"},
	}
	for _, tt := range tests {
		if got := formatVersion(tt.info, tt.linked); got != tt.want {
			t.Errorf("%s: formatVersion = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestDemoList(t *testing.T) {
	out, err := runArgs(t, "demo", "list")
	if err != nil {
		t.Fatal(err)
	}
	all, err := scenario.All()
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, s := range all {
		want.WriteString(s.Name + "\n")
	}
	if out != want.String() || !strings.Contains(out, "ops-tech-launch\n") {
		t.Errorf("demo list = %q, want %q", out, want.String())
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string // a line the usage holds
	}{
		{[]string{"-h"}, "collabbot health"},
		{[]string{"--help"}, "collabbot version"},
		{[]string{"help"}, "collabbot demo list"},
		{[]string{"demo", "-h"}, "collabbot demo list"},
		{[]string{"demo", "--help"}, "collabbot demo [NAME]"},
		{[]string{"demo", "help"}, "collabbot demo [NAME]"},
		{[]string{"help"}, "collabbot eval [-v] [DIR]"},
	}
	for _, tt := range tests {
		out, err := runArgs(t, tt.args...)
		if err != nil || !strings.HasPrefix(out, "usage:") || !strings.Contains(out, tt.want) || strings.Contains(out, "<<<<") {
			t.Errorf("collabbot %s = %q, %v; want usage with %q", strings.Join(tt.args, " "), out, err, tt.want)
		}
	}
}

func TestUnknownArguments(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve"}, `unknown argument "serve"`},
		{[]string{"demo", "nope"}, `load scenario "nope": not found (collabbot demo list shows the names)`},
		{[]string{"demo", "a", "b"}, "demo takes one name at most"},
	}
	for _, tt := range tests {
		_, err := runArgs(t, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("collabbot %s = %v, want %q", strings.Join(tt.args, " "), err, tt.want)
		}
	}
}
