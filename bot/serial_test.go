package bot

import (
	"sync"
	"testing"
)

func TestSerialKeepsOrderPerKey(t *testing.T) {
	s := newSerial()
	var mu sync.Mutex
	got := map[string][]int{}
	for i := range 200 {
		for _, k := range []string{"a", "b", "c"} {
			s.Do(k, func() {
				mu.Lock()
				got[k] = append(got[k], i)
				mu.Unlock()
			})
		}
	}
	s.Wait()
	for _, k := range []string{"a", "b", "c"} {
		if len(got[k]) != 200 {
			t.Fatalf("key %s ran %d functions, want 200", k, len(got[k]))
		}
		for i, v := range got[k] {
			if v != i {
				t.Fatalf("key %s ran %d at position %d", k, v, i)
			}
		}
	}
}

func TestSerialWaitsForNestedWork(t *testing.T) {
	s := newSerial()
	done := false
	s.Do("outer", func() { s.Do("inner", func() { done = true }) })
	s.Wait()
	if !done {
		t.Fatal("Wait returned before work queued by running work")
	}
}
