// Command collabload measures one collabbot instance under load. It starts
// the in-repo fake Slack on 127.0.0.1, a store (embedded, or a loopback
// Redis under a throw-away key prefix) and one real bot, plays many
// collaborations at once from /collab to the pinned agreement, and prints
// figures one per line. It exits non-zero when any collaboration did not
// reach its pinned agreement within -timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// stopGrace bounds how long the bot may take to finish its work in flight
// once told to stop.
const stopGrace = 15 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "collabload:", err)
		os.Exit(1)
	}
}

// options are the command-line flags.
type options struct {
	collabs, concurrency int
	timeout              time.Duration
	redisURL             string
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("collabload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.collabs, "collabs", 100, "collaborations to play")
	fs.IntVar(&o.concurrency, "concurrency", 20, "collaborations in flight at once")
	fs.DurationVar(&o.timeout, "timeout", 2*time.Minute, "stop everything after this long")
	fs.StringVar(&o.redisURL, "redis", os.Getenv("REDIS_URL"), `Redis URL on loopback; "" starts an embedded one`)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	case o.collabs < 1 || o.concurrency < 1:
		return o, errors.New("-collabs and -concurrency must be at least 1")
	case o.timeout <= 0:
		return o, errors.New("-timeout must be positive")
	}
	return o, nil
}

// run plays the load and writes the figures to stdout; the bot logs
// warnings and errors to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	scenarios, err := scenario.All()
	if err != nil {
		return fmt.Errorf("load scenarios: %w", err)
	}
	st, closeStore, err := openStore(ctx, o.redisURL)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, closeStore()) }()
	srv := slacktest.New()
	defer srv.Close()
	plan := planCollabs(o.collabs, scenarios)
	for _, c := range plan {
		c.register(srv)
	}

	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	b, err := bot.New(bot.NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, srv.URL()), st, bot.Config{Lang: "auto", Log: log})
	if err != nil {
		return fmt.Errorf("new bot: %w", err)
	}
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	done := make(chan error, 1)
	go func() { done <- b.Run(botCtx) }()
	if err := waitConnected(ctx, b, done); err != nil {
		return err
	}

	before := take(srv, st)
	results := drive(ctx, srv, plan, o.concurrency)
	wall := time.Since(before.at)
	goroutines := runtime.NumGoroutine()
	stopBot()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("bot stopped with an error: %w", err)
		}
	case <-time.After(stopGrace):
		return fmt.Errorf("bot did not stop within %s", stopGrace)
	}
	after := take(srv, st)
	r := summarize(srv, plan, results, before, after)
	r.wall, r.goroutinesLoaded = wall, goroutines
	if err := r.print(stdout); err != nil {
		return fmt.Errorf("print figures: %w", err)
	}
	if err := r.failure(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("-timeout %s expired: %w", o.timeout, err)
		}
		return err
	}
	return nil
}

// waitConnected polls: the bot's connection is not state the fake Slack
// can signal a change of.
func waitConnected(ctx context.Context, b *bot.Bot, done <-chan error) error {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !b.Connected() {
		select {
		case err := <-done:
			if err == nil {
				err = ctx.Err()
			}
			return fmt.Errorf("bot stopped before connecting: %w", err)
		case <-ctx.Done():
			return fmt.Errorf("bot did not connect: %w", ctx.Err())
		case <-tick.C:
		}
	}
	return nil
}
