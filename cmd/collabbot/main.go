// Command collabbot runs the Slack bot; `collabbot demo` plays a sample
// collaboration against a fake Slack, with no workspace needed.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // writers' zones must load in a minimal container too
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "collabbot:", err)
		os.Exit(1)
	}
}

// run is the whole program, with its arguments and output passed in so tests can
// start the real wiring.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if len(args) > 0 {
		switch args[0] {
		case "demo":
			name := "ops-tech-launch"
			if len(args) > 1 {
				name = args[1]
			}
			quiet := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
			return runDemo(ctx, name, stdout, quiet)
		case "eval":
			return runEval(args[1:], stdout)
		case "-h", "--help", "help":
			fmt.Fprint(stdout, usage)
			return nil
		default:
			return fmt.Errorf("unknown argument %q\n%s", args[0], usage)
		}
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	return serve(ctx, cfg, log)
}

const usage = `usage:
  collabbot        run the bot (configured by environment variables, see README.md)
  collabbot demo [NAME]  play a sample collaboration (default ops-tech-launch) against
                         a fake Slack with the embedded store, and print it
  collabbot eval [-v] [DIR]  run every scenario file of DIR (default: the built-in
                         corpus) through the engine and print matches, conflicts, open
                         points, candidates and commitments against their expectations
`
