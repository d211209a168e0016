package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// footprint is what the finished collaborations cost at rest.
type footprint struct {
	stored     int   // finished collaborations
	bytes      int64 // MEMORY USAGE summed over the run's keys; -1 when unknown
	keys       int
	startup    time.Duration // a fresh bot process: start to connected
	startupRTs int64         // Redis round trips it made by then
}

// measureFootprint reads the run's keys' memory and times a fresh bot
// process starting with every collaboration stored.
func measureFootprint(ctx context.Context, be backend, srv *slacktest.Server, finished int, stderr io.Writer) (footprint, error) {
	f := footprint{stored: finished, bytes: -1}
	if !be.embedded { // miniredis has no MEMORY USAGE
		var err error
		if f.bytes, f.keys, err = storedBytes(ctx, be.rdb, be.prefix); err != nil {
			return f, err
		}
	}
	p, err := startBots(ctx, botArgs{n: 1, api: srv.URL(), redis: be.url, prefix: be.prefix}, stderr)
	if err != nil {
		return f, fmt.Errorf("fresh bot: %w", err)
	}
	f.startup, f.startupRTs = p.readyAfter, p.ready.roundTrips
	if _, err := p.stop(stopGrace); err != nil {
		return f, fmt.Errorf("fresh bot: %w", err)
	}
	return f, nil
}

func (f footprint) lines() []string {
	bytes := "unknown (the embedded Redis has no MEMORY USAGE)"
	if f.bytes >= 0 {
		bytes = fmt.Sprintf("%.0f (%d bytes in %d keys)", float64(f.bytes)/float64(f.stored), f.bytes, f.keys)
	}
	return []string{
		fmt.Sprintf("redis bytes per finished collaboration: %s", bytes),
		fmt.Sprintf("start-up with %d collaborations stored: %s to connected, %d redis round trips", f.stored, ms(f.startup), f.startupRTs),
	}
}
