package bot

import "sync"

// serial runs functions one at a time per key and concurrently across
// keys, so the events of one collaboration are handled in the order they
// arrived while different collaborations do not wait for each other.
type serial struct {
	mu     sync.Mutex
	queues map[string][]func()
	wg     sync.WaitGroup
}

func newSerial() *serial { return &serial{queues: map[string][]func(){}} }

// Do queues fn behind the functions already queued under key.
func (s *serial) Do(key string, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, running := s.queues[key]
	s.queues[key] = append(q, fn)
	if !running {
		s.wg.Add(1)
		go s.drain(key)
	}
}

// drain runs key's queue until it is empty; an empty queue leaves the map
// so the next Do starts a new goroutine.
func (s *serial) drain(key string) {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		q := s.queues[key]
		if len(q) == 0 {
			delete(s.queues, key)
			s.mu.Unlock()
			return
		}
		fn := q[0]
		q[0] = nil
		s.queues[key] = q[1:]
		s.mu.Unlock()
		fn()
	}
}

// Wait blocks until every queued function has run, including functions
// queued meanwhile by running ones.
func (s *serial) Wait() { s.wg.Wait() }
