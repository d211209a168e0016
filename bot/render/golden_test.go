package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden compares rendered proposals and agreements with
// testdata/*.golden: the plain text a person reads, with the metadata,
// and the Block Kit JSON. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	r := newTestRenderer(t)
	for lang, fixture := range map[string]func() (*flows.Collab, mediate.Proposal){"zh": opsTech, "en": presale} {
		c, p := fixture()
		onTable := *c
		onTable.State = flows.Proposed
		for kind, m := range map[string]Message{"proposal": r.Proposal(&onTable, p), "agreement": r.Agreement(c, p)} {
			meta, err := json.MarshalIndent(m.Metadata, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			blocks, err := json.MarshalIndent(m.Blocks, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			allowed := []string{"<@" + c.Accepted[0] + ">", "<@" + c.Accepted[1] + ">", sideMention(c.Sides[0]), sideMention(c.Sides[1])}
			checkMessage(t, rendered{name: kind + "." + lang, m: m, allowed: allowed})
			text := "text: " + m.Text + "\n\n" + PlainText(m) + "\n\nmetadata: " + string(meta) + "\n"
			golden(t, kind+"."+lang+".golden", []byte(text))
			golden(t, kind+"."+lang+".json.golden", append(blocks, '\n'))
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./bot/render -update and review the diff.\ngot:\n%s", path, got)
	}
}
