package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const evalFile = `name: tiny
lang: en
today: 2026-03-02
topic: t
sides:
  a: {name: A, goal: g, needs: "kiwi crates", value: "plums"}
  b: {name: B, goal: g, needs: "plums", value: "kiwi crates"}
expect:
  matches:
    - need: {side: a, text: kiwi}
      offer: {side: b, text: kiwi}
    - need: {side: b, text: plums}
      offer: {side: a, text: plums}
`

// TestEval: a directory of scenarios is scored and printed; a miss is a
// figure, only a file that cannot be read is an error.
func TestEval(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tiny.en.yaml"), []byte(evalFile), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"eval", dir}, &out, io.Discard); err != nil {
		t.Fatalf("eval: %v", err)
	}
	if !strings.Contains(out.String(), "tiny.en.yaml") || !strings.Contains(out.String(), "matches found: 2/2 (100.0%), false matches: 0, false conflicts: 0") {
		t.Errorf("eval printed:\n%s", out.String())
	}
	bad := strings.Replace(evalFile, "expect:", "expekt:", 1)
	if err := os.WriteFile(filepath.Join(dir, "tiny.en.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"eval", dir}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "expekt") {
		t.Errorf("eval of a malformed file: error %v, want one naming the unknown field", err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"eval"}, &out, io.Discard); err != nil || !strings.Contains(out.String(), "total") {
		t.Errorf("eval of the built-in corpus: error %v, output:\n%s", err, out.String())
	}
}
