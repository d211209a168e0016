package slacktest

import (
	"encoding/json"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// writeTimeout bounds every WebSocket write.
const writeTimeout = 5 * time.Second

// retireGrace is how long a socket told to disconnect stays open, as Slack
// leaves the client time to reconnect before it closes the old socket.
const retireGrace = 5 * time.Second

// socket is one Socket Mode WebSocket connection.
type socket struct {
	ws      *websocket.Conn
	wmu     sync.Mutex // gorilla allows one writer at a time
	retired bool       // told to disconnect: gets no more envelopes (Server.mu)
	done    chan struct{}
	once    sync.Once
}

func (sk *socket) close() {
	sk.once.Do(func() {
		close(sk.done)
		_ = sk.ws.Close()
	})
}

// write sends one text frame; s.mu must not be held.
func (sk *socket) write(data []byte) error {
	_ = sk.ws.SetWriteDeadline(time.Now().Add(writeTimeout))
	return sk.ws.WriteMessage(websocket.TextMessage, data)
}

// hello is the first message Slack sends on a new connection.
type hello struct {
	Type           string         `json:"type"`
	NumConnections int            `json:"num_connections"`
	DebugInfo      map[string]any `json:"debug_info"`
	ConnectionInfo map[string]any `json:"connection_info"`
}

// handleSocket accepts a WebSocket dialled with a ticket from
// apps.connections.open, says hello, then pings it and reads its acks.
func (s *Server) handleSocket(w http.ResponseWriter, r *http.Request) {
	if !s.useTicket(r.URL.Query().Get("ticket")) {
		http.Error(w, "invalid or used ticket", http.StatusForbidden)
		return
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}
	sk := &socket{ws: ws, done: make(chan struct{})}
	s.mu.Lock()
	n := len(s.sockets) + 1
	s.mu.Unlock()
	data, _ := json.Marshal(hello{
		Type:           "hello",
		NumConnections: n,
		DebugInfo:      map[string]any{"host": "applink-slacktest", "build_number": 1, "approximate_connection_time": 18060},
		ConnectionInfo: map[string]any{"app_id": AppID},
	})
	if err := sk.write(data); err != nil || !s.addSocket(sk) {
		sk.close()
	}
}

// useTicket consumes a WebSocket ticket; each works once.
func (s *Server) useTicket(ticket string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ok := s.tickets[ticket]
	delete(s.tickets, ticket)
	return ok
}

// addSocket makes sk the newest connection and starts its pinger and
// reader; it reports false when the server is closed.
func (s *Server) addSocket(sk *socket) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.isDown {
		return false
	}
	s.sockets = append(s.sockets, sk)
	s.notifyLocked()
	s.wg.Go(func() { s.readAcks(sk) })
	s.wg.Go(func() { s.ping(sk) })
	return true
}

// dropSocket closes sk and forgets it.
func (s *Server) dropSocket(sk *socket) {
	sk.close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := slices.Index(s.sockets, sk); i >= 0 {
		s.sockets = slices.Delete(s.sockets, i, i+1)
		s.notifyLocked()
	}
}

// ping sends a PING frame every ping interval until sk closes.
func (s *Server) ping(sk *socket) {
	t := time.NewTicker(s.cfg.pingInterval)
	defer t.Stop()
	for {
		select {
		case <-sk.done:
			return
		case <-t.C:
			// WriteControl may run concurrently with other writes.
			err := sk.ws.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(writeTimeout))
			if err != nil {
				s.dropSocket(sk)
				return
			}
		}
	}
}

// readAcks records every ack the client sends until the socket fails.
func (s *Server) readAcks(sk *socket) {
	defer s.dropSocket(sk)
	for {
		_, data, err := sk.ws.ReadMessage()
		if err != nil {
			return
		}
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(data, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		if string(ack.Payload) == "null" {
			ack.Payload = nil
		}
		s.mu.Lock()
		s.acks = append(s.acks, Ack{EnvelopeID: ack.EnvelopeID, Payload: ack.Payload, Time: time.Now()})
		s.notifyLocked()
		s.mu.Unlock()
	}
}
