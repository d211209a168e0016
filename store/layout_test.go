package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/store"
)

// TestKeyLayout checks the documented keys: one collab's keys share the
// {id} hash tag (one cluster slot), the thread index has its own key, the
// scheduler's keys share {sched}; the collab and its thread expire after
// the retention period, the seen marker after a day, the scheduler never;
// the listings of a new collab expire after the retention too.
func TestKeyLayout(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e env) {
		c := fullCollab("13345224609.738474920.8088930838d88f008e0")
		mustCreate(t, e.store, &c)
		if err := e.store.IndexThread(ctx(t), c.Channel, c.RootTS, c.ID); err != nil {
			t.Fatalf("IndexThread: %v", err)
		}
		if err := e.store.Apply(ctx(t), &c, "Ev0123:1712345678.000100"); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		collab := e.prefix + "collab:{" + c.ID + "}"
		seen := collab + ":seen:Ev0123:1712345678.000100"
		thread := e.prefix + "thread:C0123:1712345678.000100"
		due, jobs := e.prefix+"{sched}:retry:due", e.prefix+"{sched}:retry:jobs"
		states := e.prefix + "states:" + string(c.State)
		keys := scanKeys(t, e)
		listings := []string{e.prefix + "open:chan:C0123", e.prefix + "mine:U0CREATOR", e.prefix + "mine:U0TECH", e.prefix + "mine:U1", e.prefix + "mine:U2"}
		want := append([]string{collab, seen, states, thread, due, jobs}, listings...)
		slices.Sort(want)
		if !slices.Equal(keys, want) {
			t.Errorf("keys = %q\nwant %q", keys, want)
		}
		for _, pair := range [][2]string{{collab, seen}, {due, jobs}} {
			if a, b := keySlot(pair[0]), keySlot(pair[1]); a != b {
				t.Errorf("slot(%s) = %d, slot(%s) = %d; want one slot", pair[0], a, pair[1], b)
			}
		}
		ttls := []struct {
			key string
			ttl time.Duration
		}{{collab, store.DefaultRetention}, {seen, store.DefaultSeenTTL}, {thread, store.DefaultRetention}, {due, noExpiry}, {jobs, noExpiry}, {states, noExpiry}, {listings[0], store.DefaultRetention}, {listings[1], store.DefaultRetention}}
		for _, tt := range ttls {
			got := e.rdb.PTTL(ctx(t), tt.key).Val()
			if got > tt.ttl || got < tt.ttl-time.Minute {
				t.Errorf("PTTL(%s) = %v, want %v", tt.key, got, tt.ttl)
			}
		}
	})
}

// noExpiry is what go-redis's PTTL reports for a key without a TTL.
const noExpiry = time.Duration(-1)

// scanKeys lists the test's keys, sorted.
func scanKeys(t *testing.T, e env) []string {
	t.Helper()
	var keys []string
	iter := e.rdb.Scan(ctx(t), 0, e.prefix+"*", 100).Iterator()
	for iter.Next(ctx(t)) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil {
		t.Fatalf("SCAN %s*: %v", e.prefix, err)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// keySlot is Redis Cluster's slot of key: CRC16 of its hash tag mod 16384.
func keySlot(key string) uint16 {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			key = key[i+1 : i+1+j]
		}
	}
	return crc16(key) % 16384
}

// crc16 is CRC-16/XMODEM, the checksum Redis Cluster uses.
func crc16(s string) uint16 {
	var crc uint16
	for i := range len(s) {
		crc ^= uint16(s[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

// TestKeySlot pins keySlot to the Redis Cluster spec's examples and to
// CLUSTER KEYSLOT answers from the Redis documentation.
func TestKeySlot(t *testing.T) {
	tests := []struct {
		give string
		want uint16
	}{
		{"123456789", 12739}, // CRC16 check value 0x31C3
		{"foo", 12182},
		{"somekey", 11058},
		{"foo{hash_tag}", 2515},
		{"bar{hash_tag}", 2515},
		{"{}foo", 9500}, // an empty tag hashes the whole key
		{"foo{}", 5542},
		{"foo{}{bar}", 8363},
		{"foo{{bar}}zap", keySlot("{bar")}, // the tag ends at the first '}'
	}
	for _, tt := range tests {
		if got := keySlot(tt.give); got != tt.want {
			t.Errorf("keySlot(%q) = %d, want %d", tt.give, got, tt.want)
		}
	}
}
