package slacktest

import (
	"cmp"
	"crypto/rand"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// channelRE is what a channel id looks like: public (C), private (G) or a
// direct message (D). Every such channel exists in the fake workspace.
var channelRE = regexp.MustCompile(`^[CGD][A-Z0-9]+$`)

// tsRE is Slack's message timestamp: seconds, a dot, six digits.
var tsRE = regexp.MustCompile(`^([0-9]{1,12})\.([0-9]{6})$`)

func validChannel(id string) bool { return channelRE.MatchString(id) }

// channelName is the name the fake gives a channel in payloads.
func channelName(id string) string { return strings.ToLower(id) }

// channelType is the Events API channel_type of a channel id.
func channelType(id string) string {
	switch id[0] {
	case 'G':
		return "group"
	case 'D':
		return "im"
	}
	return "channel"
}

// parseTS returns a ts in microseconds.
func parseTS(ts string) (int64, bool) {
	m := tsRE.FindStringSubmatch(ts)
	if m == nil {
		return 0, false
	}
	sec, _ := strconv.ParseInt(m[1], 10, 64)
	micro, _ := strconv.ParseInt(m[2], 10, 64)
	return sec*1_000_000 + micro, true
}

// mustTS is parseTS for a ts already checked; "" is 0.
func mustTS(ts string) int64 {
	v, _ := parseTS(ts)
	return v
}

func formatTS(micros int64) string {
	return fmt.Sprintf("%d.%06d", micros/1_000_000, micros%1_000_000)
}

// nextTSLocked hands out a ts from the clock, later than every ts before.
func (s *Server) nextTSLocked() string {
	now := s.cfg.clock().UnixMicro()
	s.lastTS = max(now, s.lastTS+1)
	return formatTS(s.lastTS)
}

// claimTSLocked accepts a ts a test chose, or hands out the next one when
// ts is empty. Later generated ts stay after it.
func (s *Server) claimTSLocked(channel, ts string) (string, error) {
	if ts == "" {
		return s.nextTSLocked(), nil
	}
	micros, ok := parseTS(ts)
	if !ok {
		return "", fmt.Errorf("slacktest: ts %q is not like 1764000000.000100", ts)
	}
	if _, taken := s.findLocked(channel, ts); taken {
		return "", fmt.Errorf("slacktest: channel %s already has a message %s", channel, ts)
	}
	s.lastTS = max(s.lastTS, micros)
	return ts, nil
}

// insertLocked stores m, keeping the channel sorted by ts.
func (s *Server) insertLocked(m Message) {
	msgs := s.messages[m.Channel]
	key, _ := parseTS(m.TS)
	i, _ := slices.BinarySearchFunc(msgs, key, func(x Message, k int64) int {
		v, _ := parseTS(x.TS)
		return cmp.Compare(v, k)
	})
	s.messages[m.Channel] = slices.Insert(msgs, i, m)
	s.notifyLocked()
	s.notifyChannelLocked(m.Channel)
}

// findLocked returns the index of the channel's message ts.
func (s *Server) findLocked(channel, ts string) (int, bool) {
	i := slices.IndexFunc(s.messages[channel], func(m Message) bool { return m.TS == ts })
	return i, i >= 0
}

// rootLocked returns the ts of the thread root that ts belongs to: ts
// itself for a top-level message, its ThreadTS for a reply.
func (s *Server) rootLocked(channel, ts string) (string, bool) {
	i, ok := s.findLocked(channel, ts)
	if !ok {
		return "", false
	}
	if m := s.messages[channel][i]; m.ThreadTS != "" {
		return m.ThreadTS, true
	}
	return ts, true
}

// threadLocked returns the root of threadTS and its replies, in ts order.
func (s *Server) threadLocked(channel, threadTS string) []Message {
	root, ok := s.rootLocked(channel, threadTS)
	if !ok {
		return nil
	}
	var out []Message
	for _, m := range s.messages[channel] {
		if m.TS == root || m.ThreadTS == root {
			out = append(out, m)
		}
	}
	return out
}

// newID returns a random id like Slack's envelope ids (a UUID).
func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newTriggerIDLocked returns a unique trigger_id shaped like Slack's.
func (s *Server) newTriggerIDLocked() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%d.1001.%x", s.cfg.clock().Unix(), b)
}
