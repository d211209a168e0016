package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/collabbot/collabbot/flows/scenario"
)

// runEval plays every scenario file of the directory in args (default:
// the embedded corpus) through the engine and prints how each proposal
// measures against its expectations. -v adds what went wrong, per file.
// Only a file that cannot be read is an error: a miss is a figure.
func runEval(args []string, stdout io.Writer) error {
	verbose := len(args) > 0 && args[0] == "-v"
	if verbose {
		args = args[1:]
	}
	all, err := loadScenarios(args)
	if err != nil {
		return err
	}
	scores := make([]scenario.Score, len(all))
	for i, s := range all {
		scores[i] = scenario.Eval(s, time.UTC)
	}
	_, err = scenario.WriteReport(stdout, scores, verbose)
	return err
}

// loadScenarios reads the directory args names, or the embedded corpus.
func loadScenarios(args []string) ([]scenario.Scenario, error) {
	switch len(args) {
	case 0:
		return scenario.All()
	case 1:
		all, err := scenario.FromFS(os.DirFS(args[0]))
		if err == nil && len(all) == 0 {
			err = fmt.Errorf("no scenario files (*.yaml) in %s", args[0])
		}
		return all, err
	}
	return nil, fmt.Errorf("eval takes one directory, not %q\n%s", args, usage)
}
