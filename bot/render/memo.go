package render

import "sync"

// memo remembers texts derived from user text, bounded in bytes. A
// proposal is drawn again on each click and for the agreement, and reading
// the dates out of its plan lines anew each time was most of the drawing's
// cost; what it derives depends on its key alone.
type memo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
	max   int
}

func newMemo(maxBytes int) *memo { return &memo{m: map[string]string{}, max: maxBytes} }

// get returns the text remembered for key, or derive's, remembering it
// while there is room; when full it starts over rather than tracking age.
func (m *memo) get(key string, derive func() string) string {
	m.mu.Lock()
	s, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return s
	}
	s = derive()
	size := len(key) + len(s)
	if size > m.max {
		return s
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.bytes+size > m.max {
		clear(m.m)
		m.bytes = 0
	}
	m.m[key] = s
	m.bytes += size
	return s
}
