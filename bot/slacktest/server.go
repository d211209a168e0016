package slacktest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"

	"github.com/gorilla/websocket"
)

// ErrClosed is returned by calls that wait on a Server that has been closed.
var ErrClosed = errors.New("slacktest: server closed")

// Server is a fake Slack workspace listening on 127.0.0.1. All its methods
// are safe for concurrent use.
type Server struct {
	cfg      config
	base     string // http://127.0.0.1:port
	http     *http.Server
	upgrader websocket.Upgrader
	wg       sync.WaitGroup // goroutines started by spawn
	closed   chan struct{}

	mu      sync.Mutex
	isDown  bool
	revoked string        // Slack's error for every call once access is taken away
	changed chan struct{} // closed and replaced on every state change
	// inChannel are closed on a change that touches their channel (a
	// message stored or edited, a Web API call naming it), for waits on
	// one channel that must not wake at every change of a busy workspace.
	inChannel map[string]chan struct{}
	state
}

// New starts a Server on a free port of 127.0.0.1. It panics if it cannot
// listen, as httptest.NewServer does; call Close when done.
func New(opts ...Option) *Server {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("slacktest: listen: %v", err))
	}
	s := &Server{
		cfg:       cfg,
		base:      "http://" + ln.Addr().String(),
		upgrader:  websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		closed:    make(chan struct{}),
		changed:   make(chan struct{}),
		inChannel: map[string]chan struct{}{},
		state:     newState(),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.handleAPI)
	mux.HandleFunc("GET /socket", s.handleSocket)
	mux.HandleFunc("POST /response/{id}", s.handleResponseURL)
	s.http = &http.Server{Handler: mux}
	go s.http.Serve(ln) //nolint:errcheck // always ErrServerClosed after Close
	return s
}

// URL returns the Web API base, ending in "/api/", for slack.OptionAPIURL.
func (s *Server) URL() string { return s.base + "/api/" }

// Close stops the server, closes every WebSocket and waits for the
// server's goroutines. Calls blocked on the server return ErrClosed.
func (s *Server) Close() {
	s.mu.Lock()
	if s.isDown {
		s.mu.Unlock()
		return
	}
	s.isDown = true
	close(s.closed)
	sockets := append([]*socket(nil), s.sockets...)
	s.mu.Unlock()
	_ = s.http.Close()
	for _, sk := range sockets {
		sk.close()
	}
	s.wg.Wait()
}

// spawn runs f in a goroutine that Close waits for; it reports false, and
// does not run f, once the server is closed.
func (s *Server) spawn(f func()) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.isDown {
		return false
	}
	s.wg.Go(f)
	return true
}

// notifyLocked wakes every WaitFor; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// notifyChannelLocked wakes every WaitInChannel on channel; s.mu must be
// held.
func (s *Server) notifyChannelLocked(channel string) {
	if ch, ok := s.inChannel[channel]; ok {
		close(ch)
		delete(s.inChannel, channel)
	}
}

// WaitInChannel is WaitFor for a condition on one channel's messages and
// pins: it checks cond again only after a change that touches channel, so
// many waits on as many channels cost what their own channels' changes
// cost.
func (s *Server) WaitInChannel(ctx context.Context, channel string, cond func() bool) error {
	return s.wait(ctx, cond, func() <-chan struct{} {
		changed, ok := s.inChannel[channel]
		if !ok {
			changed = make(chan struct{})
			s.inChannel[channel] = changed
		}
		return changed
	})
}

// WaitFor returns nil as soon as cond reports true. It checks cond now and
// again after every change of the server's state (messages, ephemerals,
// pins, calls, acks, connections); it returns ctx's error if ctx ends first.
// cond runs without the server's lock, so it may call any read method.
func (s *Server) WaitFor(ctx context.Context, cond func() bool) error {
	return s.wait(ctx, cond, func() <-chan struct{} { return s.changed })
}

// wait checks cond until it holds, again each time the channel that
// next (called with s.mu held) returns is closed.
func (s *Server) wait(ctx context.Context, cond func() bool, next func() <-chan struct{}) error {
	for {
		s.mu.Lock()
		changed := next()
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("slacktest: wait for condition: %w", ctx.Err())
		case <-s.closed:
			return ErrClosed
		}
	}
}
