package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/collabbot/collabbot/flows/scenario"
)

const demoUsage = `usage:
  collabbot demo [NAME]  play the sample collaboration NAME (default ops-tech-launch)
                         against a fake Slack with the embedded store, and print it
  collabbot demo FILE.yaml  play the collaboration in a scenario file
  collabbot demo list    list the sample collaborations' names
`

// demoCommand runs `collabbot demo` with the arguments after "demo".
func demoCommand(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	if len(args) > 1 {
		return fmt.Errorf("demo takes one name at most, not %d arguments (collabbot demo -h)", len(args))
	}
	name := "ops-tech-launch"
	if len(args) == 1 {
		name = args[0]
	}
	switch name {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, demoUsage)
		return nil
	case "list":
		return listScenarios(stdout)
	}
	return runDemo(ctx, name, stdout, log)
}

// listScenarios prints the scenario names, one a line.
func listScenarios(w io.Writer) error {
	all, err := scenario.All()
	if err != nil {
		return err
	}
	for _, s := range all {
		fmt.Fprintln(w, s.Name)
	}
	return nil
}
