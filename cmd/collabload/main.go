// Command collabload measures collabbot under load. It starts the in-repo
// fake Slack on 127.0.0.1 and a Redis (an embedded one on loopback, or a
// loopback Redis under a throw-away key prefix), runs -replicas bots in a
// child process of their own (so their CPU time is measured apart), plays
// many collaborations at once from /collab to the pinned agreement, and
// prints figures one per line. With -footprint it then measures the
// Redis bytes the finished collaborations hold and how long a fresh bot
// takes to start with them stored. It exits non-zero when any
// collaboration did not reach its pinned agreement within -timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// stopGrace bounds how long the bots may take to finish their work in
// flight once told to stop.
const stopGrace = 15 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	var err error
	if len(os.Args) > 1 && os.Args[1] == "bots" {
		err = runBots(ctx, os.Args[2:], os.Stdin, os.Stdout, os.Stderr)
	} else {
		err = run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	}
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
	collabs, concurrency, replicas int
	timeout                        time.Duration
	redisURL, cpuProfile           string
	footprint, schemas             bool
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("collabload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.IntVar(&o.collabs, "collabs", 100, "collaborations to play")
	fs.IntVar(&o.concurrency, "concurrency", 20, "collaborations in flight at once")
	fs.IntVar(&o.replicas, "replicas", 1, "bots sharing the Redis and the fake Slack")
	fs.DurationVar(&o.timeout, "timeout", 2*time.Minute, "stop everything after this long")
	fs.StringVar(&o.redisURL, "redis", os.Getenv("REDIS_URL"), `Redis URL on loopback; "" starts an embedded one`)
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the bots under load to this file")
	fs.BoolVar(&o.schemas, "schemas", false, "have the fake Slack check posted blocks against Slack's schemas (costs it more CPU than the bots spend)")
	fs.BoolVar(&o.footprint, "footprint", false, "after the load, measure Redis bytes per collaboration and a fresh bot's start-up")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	case o.collabs < 1 || o.concurrency < 1 || o.replicas < 1:
		return o, errors.New("-collabs, -concurrency and -replicas must be at least 1")
	case o.timeout <= 0:
		return o, errors.New("-timeout must be positive")
	}
	return o, nil
}

// run plays the load and writes the figures to stdout; the bots log
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
	be, err := openBackend(ctx, o.redisURL)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, be.close()) }()
	var opts []slacktest.Option
	if !o.schemas {
		opts = append(opts, slacktest.WithoutSchemaChecks())
	}
	srv := slacktest.New(opts...)
	defer srv.Close()
	plan := planCollabs(o.collabs, scenarios)
	for _, c := range plan {
		c.register(srv)
	}
	bots, err := startBots(ctx, botArgs{n: o.replicas, api: srv.URL(), redis: be.url, prefix: be.prefix, prof: o.cpuProfile}, stderr)
	if err != nil {
		return err
	}
	before := take(srv)
	results := drive(ctx, srv, plan, o.concurrency)
	wall := time.Since(before.at)
	used, err := bots.stop(stopGrace)
	if err != nil {
		return err
	}
	r := summarize(srv, plan, results, before, take(srv))
	r.wall, r.replicas, r.bots = wall, o.replicas, used
	if o.footprint && r.completed > 0 {
		if r.footprint, err = measureFootprint(ctx, be, srv, r.completed, stderr); err != nil {
			return err
		}
	}
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
