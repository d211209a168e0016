package scenario

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteReport prints one line per score and a total line, with each
// score's notes below it when verbose, and returns the total.
func WriteReport(w io.Writer, scores []Score, verbose bool) (Score, error) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "file\tmatches\tfalse\tconflicts\tfalse\topen\textra open\tcandidates\tfalse\tcommitments")
	total := Score{File: "total"}
	for _, s := range scores {
		row(tw, s)
		total = total.Add(s)
	}
	row(tw, total)
	if err := tw.Flush(); err != nil {
		return total, fmt.Errorf("write report: %w", err)
	}
	if total.Expected > 0 {
		fmt.Fprintf(w, "\nmatches found: %d/%d (%.1f%%), false matches: %d, false conflicts: %d\n",
			total.Found, total.Expected, 100*float64(total.Found)/float64(total.Expected), total.False, total.ConflictsFalse)
	}
	for _, s := range scores {
		if !verbose || len(s.Notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", s.File)
		for _, n := range s.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	return total, nil
}

func row(w io.Writer, s Score) {
	fmt.Fprintf(w, "%s\t%d/%d\t%d\t%d/%d\t%d\t%d/%d\t%d\t%d\t%d\t%d/%d\n", s.File,
		s.Found, s.Expected, s.False, s.ConflictsRight, s.ConflictsExpected, s.ConflictsFalse,
		s.OpenFound, s.OpenExpected, s.OpenExtra, s.Candidates, s.CandidatesFalse, s.CommitFound, s.CommitExpected)
}
