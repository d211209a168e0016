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
