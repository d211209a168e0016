package scenario

import (
	"strings"
	"testing"
)

const good = `name: x
lang: en
today: 2026-03-02
topic: t
sides:
  a: {name: A, goal: g, needs: n, value: v}
  b: {name: B, goal: g, needs: n, value: v}
expect:
  matches:
    - need: {side: a, text: n}
      offer: {side: b, text: v}
  conflicts:
    - need: {side: a, text: n}
      lead_time: {side: b, text: n}
      middle_ground: 2026-03-04
  open: []
  lopsided: none
`

// TestDecode: a file whose expectations could not be checked is refused.
func TestDecode(t *testing.T) {
	tests := []struct {
		name, file, old, new, wantErr string
	}{
		{"good", "x.en.yaml", "", "", ""},
		{"unknown field (a typo)", "x.en.yaml", "  open: []", "  opne: []", "opne"},
		{"bad date", "x.en.yaml", "today: 2026-03-02", "today: next week", "date"},
		{"bad side", "x.en.yaml", "offer: {side: b", "offer: {side: c", "side must be a or b"},
		{"empty fragment", "x.en.yaml", "need: {side: a, text: n}\n      offer", "need: {side: a, text: ''}\n      offer", "text non-empty"},
		{"no middle ground", "x.en.yaml", "      middle_ground: 2026-03-04\n", "", "middle_ground"},
		{"bad lopsided", "x.en.yaml", "lopsided: none", "lopsided: both", "lopsided"},
		{"no topic", "x.en.yaml", "topic: t", "topic: ''", "required"},
		{"file not named after the scenario", "y.en.yaml", "", "", "file name"},
	}
	for _, tt := range tests {
		_, err := decode("files/"+tt.file, []byte(strings.Replace(good, tt.old, tt.new, 1)))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: decode = %v, want no error", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: decode error = %v, want one about %q", tt.name, err, tt.wantErr)
		}
	}
}
