package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/store"
)

// The bots run in a child process of their own ("collabload bots …"), so
// that their CPU time is measured apart from the fake Slack and the load.
// The child prints one usage line when every bot is connected and one
// after they have stopped; it stops when its standard input closes.

// usage is what the bots' process used up to one moment.
type usage struct {
	cpu                  time.Duration // user + system
	roundTrips, commands int64         // Redis, summed over the bots' stores
	// Round trips sent handling replies, and for no one event (intake
	// writes and reads, leases, schedulers).
	replyTrips, sharedTrips int64
	alloc, mallocs          uint64 // Go heap: bytes and objects allocated
	heapInuse               uint64 // after a GC
}

const usageFormat = "cpu_us=%d round_trips=%d commands=%d reply_trips=%d shared_trips=%d alloc=%d mallocs=%d heap_inuse=%d\n"

func (u usage) sub(v usage) usage {
	return usage{cpu: u.cpu - v.cpu, roundTrips: u.roundTrips - v.roundTrips, commands: u.commands - v.commands,
		replyTrips: u.replyTrips - v.replyTrips, sharedTrips: u.sharedTrips - v.sharedTrips,
		alloc: u.alloc - v.alloc, mallocs: u.mallocs - v.mallocs, heapInuse: u.heapInuse}
}

// measure reads this process's usage; stores are the bots' stores.
func measure(stores []*store.Store) usage {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru) // cannot fail for RUSAGE_SELF
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	u := usage{cpu: time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), alloc: m.TotalAlloc, mallocs: m.Mallocs, heapInuse: m.HeapInuse}
	for _, st := range stores {
		u.roundTrips += st.RoundTrips()
		u.commands += st.Commands()
		trips := st.RoundTripsOf()
		u.replyTrips += trips["reply"]
		u.sharedTrips += trips[""]
	}
	return u
}

func (u usage) write(w io.Writer, tag string) error {
	_, err := fmt.Fprintf(w, tag+" "+usageFormat, u.cpu.Microseconds(), u.roundTrips, u.commands, u.replyTrips, u.sharedTrips, u.alloc, u.mallocs, u.heapInuse)
	return err
}

func readUsage(line, tag string) (usage, error) {
	var u usage
	var cpu int64
	_, err := fmt.Sscanf(line, tag+" "+usageFormat, &cpu, &u.roundTrips, &u.commands, &u.replyTrips, &u.sharedTrips, &u.alloc, &u.mallocs, &u.heapInuse)
	if err != nil {
		return u, fmt.Errorf("bots printed %q, want a %s line: %w", line, tag, err)
	}
	u.cpu = time.Duration(cpu) * time.Microsecond
	return u, nil
}

// runBots is the child: n bots, each with its own Redis client, until
// stdin closes.
func runBots(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("collabload bots", flag.ContinueOnError)
	n := fs.Int("n", 1, "bots")
	api := fs.String("api", "", "fake Slack Web API URL")
	redisURL := fs.String("redis", "", "Redis URL")
	prefix := fs.String("prefix", "", "key prefix")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the loaded bots here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	bot.TuneGC() // as collabbot runs them
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	go func() { _, _ = io.Copy(io.Discard, stdin); stop() }() // ends with stdin, before runBots returns
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store.RouteClientLogs(log)
	var stores []*store.Store
	var bots []*bot.Bot
	for range *n {
		st, closeStore, err := store.OpenPrefixed(ctx, *redisURL, *prefix)
		if err != nil {
			return err
		}
		defer closeStore()
		b, err := bot.New(bot.NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, *api), st, bot.Config{Lang: "auto", Log: log})
		if err != nil {
			return fmt.Errorf("new bot: %w", err)
		}
		stores, bots = append(stores, st), append(bots, b)
	}
	return serveBots(ctx, bots, stores, *profile, stdout)
}

// serveBots runs the bots until ctx ends, with the usage lines around.
func serveBots(ctx context.Context, bots []*bot.Bot, stores []*store.Store, profile string, stdout io.Writer) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	ended := make(chan error, len(bots))
	var wg sync.WaitGroup
	for _, b := range bots {
		wg.Go(func() { ended <- b.Run(ctx) })
	}
	err := waitAll(ctx, bots, ended)
	if err == nil {
		err = measure(stores).write(stdout, "ready")
	}
	var stopProfile func() error
	if err == nil && profile != "" {
		stopProfile, err = startProfile(profile)
	}
	if err != nil {
		stop()
	}
	wg.Wait() // the bots return once ctx ends
	close(ended)
	for e := range ended {
		err = errors.Join(err, e)
	}
	if stopProfile != nil {
		err = errors.Join(err, stopProfile())
	}
	if err != nil {
		return err
	}
	return measure(stores).write(stdout, "done")
}

// startProfile starts a CPU profile to path and returns what ends it.
func startProfile(path string) (func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// waitAll polls until every bot is connected (a connection is not state
// the bots can signal a change of), or one has stopped.
func waitAll(ctx context.Context, bots []*bot.Bot, ended chan error) error {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		all := true
		for _, b := range bots {
			all = all && b.Connected()
		}
		if all {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("bots did not connect: %w", ctx.Err())
		case err := <-ended:
			ended <- err // counted again when all have ended
			return fmt.Errorf("a bot stopped before connecting: %v", err)
		case <-tick.C:
		}
	}
}

// scanLine reads the next line of the child's output.
func scanLine(sc *bufio.Scanner) (string, error) {
	if sc.Scan() {
		return sc.Text() + "\n", nil
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", io.ErrUnexpectedEOF
}
