package mediate

import "testing"

// A noun made from a verb has the verb's stem, so that "a decision on
// the vendor" and "decide on the vendor" name one thing.
func TestNominalsStem(t *testing.T) {
	for _, p := range [][2]string{
		{"decision", "decide"}, {"submission", "submit"}, {"permission", "permit"}, {"explanation", "explain"},
		{"extension", "extend"}, {"response", "respond"}, {"failure", "fail"}, {"signature", "sign"},
		{"maintenance", "maintain"}, {"delivery", "deliver"}, {"complaint", "complain"}, {"choice", "choose"},
	} {
		if a, b := stem(p[0]), stem(p[1]); a != b {
			t.Errorf("stem(%q) = %q, stem(%q) = %q, want one stem", p[0], a, p[1], b)
		}
	}
}
