package render

import (
	"strings"
	"testing"
)

func TestMemoRemembersWithinItsBound(t *testing.T) {
	m := newMemo(100)
	calls := 0
	derive := func(s string) func() string { return func() string { calls++; return s } }
	if got := m.get("a", derive("A")); got != "A" {
		t.Fatalf("get a = %q", got)
	}
	if got := m.get("a", derive("other")); got != "A" || calls != 1 {
		t.Fatalf("second get a = %q after %d derivations, want the remembered A after 1", got, calls)
	}
	m.get("big", derive(strings.Repeat("x", 96))) // over the bound: starts over
	if m.bytes > m.max {
		t.Fatalf("memo holds %d bytes, bound %d", m.bytes, m.max)
	}
	if got := m.get("a", derive("A again")); got != "A again" {
		t.Fatalf("get a after the memo started over = %q, want a new derivation", got)
	}
}
