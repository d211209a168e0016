// Package redistest connects tests to the real Redis at REDIS_URL and
// gives each test its own key prefix, cleaned up afterwards. Tests that use
// it fail, not skip, when Redis does not answer. It never flushes a
// database: other test packages share the server concurrently.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// URL returns REDIS_URL, empty when it is unset: tests use only a Redis
// the caller named, never one that happens to listen on a default port.
func URL() string { return os.Getenv("REDIS_URL") }

// Client returns a client of the Redis at REDIS_URL, closed when the test
// ends. It fails the test if Redis does not answer PING within 3 seconds.
func Client(t testing.TB) *redis.Client {
	t.Helper()
	rdb, err := dial(URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// dial connects to url and checks that Redis answers PING.
func dial(url string) (*redis.Client, error) {
	if url == "" {
		return nil, errors.New("REDIS_URL is not set: these tests need a Redis they may write to under their own key prefix; " +
			"set REDIS_URL=redis://host:port, or run bash .ci/run, which starts one")
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL=%q is not a Redis URL", redacted(url))
	}
	rdb := redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		return nil, fmt.Errorf("redis at REDIS_URL=%q does not answer PING: %w (start one, or set REDIS_URL)", redacted(url), err)
	}
	return rdb, nil
}

// redacted hides a password in a URL, for messages.
func redacted(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil {
		return "(malformed)"
	}
	return u.Redacted()
}

// unsafe matches what may not appear in a prefix: glob characters of SCAN
// MATCH, hash-tag braces and anything else beyond a plain name.
var unsafe = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// Prefix returns a key prefix unique to this test run, like
// "TestApply_stale-3f9a1c2b:", and deletes every key under it when the
// test ends.
func Prefix(t testing.TB) string {
	t.Helper()
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatalf("random prefix: %v", err)
	}
	prefix := unsafe.ReplaceAllString(t.Name(), "_") + "-" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() { deleteKeys(t, prefix) })
	return prefix
}

// deleteKeys removes the keys under prefix with SCAN MATCH and UNLINK.
func deleteKeys(t testing.TB, prefix string) {
	rdb, err := dial(URL())
	if err != nil {
		t.Errorf("clean up keys %s*: %v", prefix, err)
		return
	}
	defer rdb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
	var keys []string
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
		if len(keys) == 500 {
			unlink(ctx, t, rdb, keys)
			keys = keys[:0]
		}
	}
	if err := iter.Err(); err != nil {
		t.Errorf("clean up keys %s*: %v", prefix, err)
	}
	unlink(ctx, t, rdb, keys)
}

func unlink(ctx context.Context, t testing.TB, rdb *redis.Client, keys []string) {
	if len(keys) == 0 {
		return
	}
	if err := rdb.Unlink(ctx, keys...).Err(); err != nil {
		t.Errorf("clean up %d keys: %v", len(keys), err)
	}
}
