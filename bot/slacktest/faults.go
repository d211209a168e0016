package slacktest

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// fault is an injected failure for the next calls of one method.
type fault struct {
	status     int
	code       string // Slack's error code for an ok:false answer
	retryAfter time.Duration
	left       int
	stall      bool // do the call, then hold its answer until Release
}

// RateLimit makes the next n calls of method answer HTTP 429 with a
// Retry-After header of retryAfter (in whole seconds, rounded up), as Slack
// does; slack-go turns that into *slack.RateLimitedError. Method is a Web
// API method name or "response_url".
func (s *Server) RateLimit(method string, n int, retryAfter time.Duration) {
	s.addFault(method, &fault{status: http.StatusTooManyRequests, retryAfter: retryAfter, left: n})
}

// Fail makes the next n calls of method answer HTTP 500.
func (s *Server) Fail(method string, n int) {
	s.addFault(method, &fault{status: http.StatusInternalServerError, left: n})
}

// Refuse makes the next n calls of method answer {"ok":false} with code,
// as Slack does for, say, not_in_channel.
func (s *Server) Refuse(method, code string, n int) {
	s.addFault(method, &fault{status: http.StatusOK, code: code, left: n})
}

func (s *Server) addFault(method string, f *fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], f)
}

// takeFaultLocked consumes one call of the oldest pending fault of method.
func (s *Server) takeFaultLocked(method string) (reply, bool) {
	for len(s.faults[method]) > 0 {
		f := s.faults[method][0]
		if f.left <= 0 {
			s.faults[method] = s.faults[method][1:]
			continue
		}
		f.left--
		return f.reply(), true
	}
	return reply{}, false
}

func (f *fault) reply() reply {
	if f.stall {
		return reply{}
	}
	if f.code != "" {
		return reply{err: f.code}
	}
	if f.status == http.StatusTooManyRequests {
		secs := int(math.Ceil(f.retryAfter.Seconds()))
		return reply{status: f.status, err: "ratelimited", retryAfter: strconv.Itoa(secs)}
	}
	return reply{status: f.status, err: "internal_error"}
}

// Heal drops every pending fault of method: its next call succeeds.
func (s *Server) Heal(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.faults, method)
}

// Stall makes the next n calls of method take effect (a message is
// posted, a pin added) but hold their answer until Release or Close, so
// a test can kill the caller between an effect and its answer. The call
// is in Calls as soon as it stalls.
func (s *Server) Stall(method string, n int) {
	s.addFault(method, &fault{status: http.StatusOK, stall: true, left: n})
}

// Release answers every call of method held by Stall.
func (s *Server) Release(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, ok := s.stalls[method]; ok {
		close(ch)
		delete(s.stalls, method)
	}
}

// stallLocked returns the channel a stalled call of method waits on.
func (s *Server) stallLocked(method string) chan struct{} {
	ch, ok := s.stalls[method]
	if !ok {
		ch = make(chan struct{})
		s.stalls[method] = ch
	}
	return ch
}
