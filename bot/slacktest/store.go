package slacktest

import (
	"encoding/json"
	"slices"
	"time"
)

// User is a workspace member. TZ is an IANA zone name ("Asia/Shanghai");
// leave it empty for a user whose profile has none. Locale is the Slack
// language ("en-US", "zh-CN"), empty for none.
type User struct {
	ID, Name, TZ string
	Locale       string
}

// Group is a user group (a "subteam"), mentioned as <!subteam^ID|@Handle>.
type Group struct {
	ID, Handle string
	Users      []string
}

// Message is a message in a channel, top-level or in a thread.
type Message struct {
	Channel  string
	User     string
	BotID    string // BotID for the bot's messages, empty for people's
	Text     string
	TS       string
	ThreadTS string          // the root's ts for a thread reply, empty otherwise
	Blocks   json.RawMessage // as posted, nil when none
	Metadata json.RawMessage // as posted, nil when none
	Edited   int             // how many times chat.update changed it
	// ReplyBroadcast marks a thread reply also shown in the channel.
	ReplyBroadcast bool

	editedTS string
}

// Ephemeral is a message only one user sees: from chat.postEphemeral or a
// response_url.
type Ephemeral struct {
	Channel, User, Text, ThreadTS string
	TS                            string // message_ts, usable in Click
	Blocks                        json.RawMessage
	Via                           string // "chat.postEphemeral" or "response_url"
	// ResponseType, ReplaceOriginal and DeleteOriginal are what a
	// response_url call asked for; Slack's default type is "ephemeral".
	ResponseType                    string
	ReplaceOriginal, DeleteOriginal bool
}

// Call is one Web API call (or response_url post) as the server saw it.
type Call struct {
	Method string
	Params map[string]string // form values, or JSON keys with non-strings as JSON text; no token
	Time   time.Time         // wall-clock time it arrived (not WithClock's)
	Status int               // HTTP status of the answer
	OK     bool
	Error  string // Slack's error code when !OK
	Detail string // why, for invalid_blocks and invalid_metadata
}

// Ack is a Socket Mode acknowledgement the client sent.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage // nil when the ack had none
	Time       time.Time       // wall-clock time it arrived (not WithClock's)
}

// origin is what a response_url answers for.
type origin struct {
	channel, user, threadTS string
}

// state is the Server's mutable data, guarded by Server.mu.
type state struct {
	lastTS     int64 // microseconds of the last ts handed out
	users      map[string]User
	groups     map[string]Group
	messages   map[string][]Message // by channel, sorted by ts
	ephemerals []Ephemeral
	pins       map[string][]string
	homes      map[string]json.RawMessage // Home tab views by user
	calls      []Call
	acks       []Ack
	tickets    map[string]bool   // WebSocket tickets from apps.connections.open
	responses  map[string]origin // response_url id -> origin
	faults     map[string][]*fault
	stalls     map[string]chan struct{} // closed by Release
	triggers   map[string]string        // trigger_id -> the user it was given to
	modals     []Modal                  // opened with views.open, oldest first
	sockets    []*socket                // open, oldest first
	turn       int                      // which live socket gets the next envelope
}

func newState() state {
	return state{
		users:     map[string]User{BotUserID: {ID: BotUserID, Name: BotName}},
		groups:    map[string]Group{},
		messages:  map[string][]Message{},
		pins:      map[string][]string{},
		homes:     map[string]json.RawMessage{},
		tickets:   map[string]bool{},
		responses: map[string]origin{},
		faults:    map[string][]*fault{},
		stalls:    map[string]chan struct{}{},
		triggers:  map[string]string{},
	}
}

// AddUser adds or replaces a workspace member.
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[u.ID] = u
	s.notifyLocked()
}

// AddGroup adds or replaces a user group.
func (s *Server) AddGroup(g Group) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g.Users = slices.Clone(g.Users)
	s.groups[g.ID] = g
	s.notifyLocked()
}

// Messages returns the channel's messages, top-level and thread replies,
// in ts order.
func (s *Server) Messages(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.messages[channel])
}

// Thread returns a thread's root followed by its replies in ts order, or
// nil when the channel has no message threadTS.
func (s *Server) Thread(channel, threadTS string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.threadLocked(channel, threadTS)
}

// Ephemerals returns every ephemeral message in the order they were sent.
func (s *Server) Ephemerals() []Ephemeral {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.ephemerals)
}

// Pins returns the ts of the channel's pinned messages, oldest pin first.
func (s *Server) Pins(channel string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.pins[channel])
}

// Calls returns the Web API call log, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// Acks returns the acknowledgements received, oldest first.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.acks)
}

// Ack returns the first acknowledgement of envelopeID, if any arrived.
func (s *Server) Ack(envelopeID string) (Ack, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.IndexFunc(s.acks, func(a Ack) bool { return a.EnvelopeID == envelopeID })
	if i < 0 {
		return Ack{}, false
	}
	return s.acks[i], true
}

// Connections returns how many Socket Mode connections are open and not
// told to disconnect.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, sk := range s.sockets {
		if !sk.retired {
			n++
		}
	}
	return n
}
