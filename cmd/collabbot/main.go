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

	"github.com/collabbot/collabbot/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// go-redis's logger is process-wide, so it is set here, once, and not
	// in run (tests call run many times). A bad LOG_* setting is left for
	// run to report.
	if lc, err := loadLogConfig(); err == nil {
		store.RouteClientLogs(lc.logger(os.Stderr))
	}
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		line, code := exitLine(err)
		fmt.Fprintln(os.Stderr, line)
		os.Exit(code)
	}
}

// run is the whole program, with its arguments and output passed in so tests can
// start the real wiring.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		cfg, err := loadConfig()
		if err != nil {
			return err
		}
		return serve(ctx, cfg, cfg.logger(stderr))
	}
	switch args[0] {
	case "demo":
		quiet := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		return demoCommand(ctx, args[1:], stdout, quiet)
	case "eval":
		return runEval(args[1:], stdout)
	case "health":
		return healthCommand(ctx, stdout)
	case "version":
		fmt.Fprintln(stdout, buildVersion())
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown argument %q (collabbot help lists the commands)", args[0])
}

const usage = `usage:
  collabbot              run the bot (configured by environment variables, see README.md)
  collabbot health       probe http://HTTP_ADDR/readyz; exit 0 when ready, 1 otherwise
  collabbot version      print the version and the source revision it was built from
  collabbot demo [NAME]  play a sample collaboration (default ops-tech-launch) against
                         a fake Slack with the embedded store, and print it
  collabbot demo FILE.yaml  play the collaboration in a scenario file the same way
  collabbot demo list    list the sample collaborations' names
  collabbot eval [-v] [DIR]  run every scenario file of DIR (default: the built-in
                         corpus) through the engine and print matches, conflicts, open
                         points, candidates and commitments against their expectations
  collabbot help         print this
`
