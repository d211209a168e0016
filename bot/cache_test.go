package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/flows"
)

// The collab cache is bounded by bytes: collabs full of long answers push
// the others out sooner than small ones do, and it never holds more.
func TestCollabCacheBoundedInBytes(t *testing.T) {
	cc := newCollabCache(1 << 20)
	long := strings.Repeat("x", flows.MaxAnswer)
	for i := range 1000 {
		c := flows.Collab{ID: fmt.Sprint(i)}
		for s := range c.Sides {
			for q := range c.Sides[s].Answers {
				c.Sides[s].Answers[q].Text = long
			}
		}
		cc.put(c)
		if cc.size > cc.max {
			t.Fatalf("after %d collabs the cache holds %d bytes, over its %d", i+1, cc.size, cc.max)
		}
	}
	if n := len(cc.collabs); n == 0 || n > (1<<20)/(6*2*flows.MaxAnswer) {
		t.Errorf("%d collabs of 48 KB each in a 1 MiB cache", n)
	}
	cc.drop("999")
	if _, ok := cc.get("999"); ok {
		t.Error("dropped collab still cached")
	}
}
