package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary play the bots' child process, as the
// collabload binary does.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "bots" {
		if err := runBots(context.Background(), os.Args[2:], os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "collabload bots:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestRun plays three collaborations on the embedded store with two bots
// and checks that every figure is printed.
func TestRun(t *testing.T) {
	var out, logs bytes.Buffer
	args := []string{"-collabs", "3", "-concurrency", "3", "-replicas", "2", "-redis", "", "-timeout", "60s", "-footprint"}
	if err := run(context.Background(), args, &out, &logs); err != nil {
		t.Fatalf("run: %v\nfigures:\n%s\nlogs:\n%s", err, &out, &logs)
	}
	for _, want := range []string{
		"collaborations completed: 3/3\n",
		"bots: 2, in one process of their own\n",
		"wall time: ",
		"handled events: 27 (slash commands 3, replies 18, clicks 6)\n",
		"events/s: ",
		"reply->next prompt latency (n=12): p50=",
		"last accept->pin latency (n=3): p50=",
		"ack latency (n=27, unacked 0): p50=",
		"envelopes/s: ",
		"bot cpu per envelope: ",
		"redis round trips per event: ",
		"slack api calls per event: ",
		"slack api calls per event, chat.postMessage: ",
		"slack api calls per event, pins.add: 0.11 (3)\n",
		"bot allocations per envelope: ",
		"bot go heap in use after GC, once stopped: ",
		"redis bytes per finished collaboration: unknown",
		"start-up with 3 collaborations stored: ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("figures lack %q:\n%s", want, &out)
		}
	}
}

// TestFlags: bad flags and a Redis off this machine are refused.
func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-collabs", "0"},
		{"-replicas", "0"},
		{"-timeout", "0s"},
		{"extra"},
		{"-redis", "redis://10.1.2.3:6379"},
	} {
		var out, logs bytes.Buffer
		if err := run(context.Background(), args, &out, &logs); err == nil {
			t.Errorf("run %q succeeded, want an error", args)
		}
	}
}

func TestPercentile(t *testing.T) {
	var hundred []time.Duration
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, time.Duration(i)*time.Millisecond)
	}
	tests := []struct {
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{hundred, 50, 50 * time.Millisecond},
		{hundred, 95, 95 * time.Millisecond},
		{hundred, 99, 99 * time.Millisecond},
		{hundred, 99.5, 100 * time.Millisecond},
		{hundred, 100, 100 * time.Millisecond},
		{hundred, 0.1, 1 * time.Millisecond},
		{[]time.Duration{1, 3, 5}, 50, 3},
		{[]time.Duration{1, 3, 5, 7}, 50, 3},
		{[]time.Duration{1, 3, 5, 7}, 51, 5},
		{[]time.Duration{7}, 99, 7},
		{nil, 50, 0},
	}
	for _, tt := range tests {
		if got := percentile(tt.sorted, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
		}
	}
}
