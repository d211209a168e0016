package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/store"
)

// cleanupTimeout bounds deleting the run's keys from a real Redis; it runs
// even after -timeout has expired.
const cleanupTimeout = 30 * time.Second

// backend is the Redis the bots share, under a key prefix of the run's.
type backend struct {
	url, prefix string
	rdb         *redis.Client
	embedded    bool
	close       func() error // deletes the run's keys, then closes
}

// openBackend starts an in-process miniredis on loopback for url "", else
// connects to the loopback Redis at url; keys go under a fresh prefix
// "collabload-<hex>:".
func openBackend(ctx context.Context, url string) (backend, error) {
	var mr *miniredis.Miniredis
	if url == "" {
		var err error
		if mr, err = miniredis.Run(); err != nil {
			return backend{}, fmt.Errorf("start embedded redis: %w", err)
		}
		url = "redis://" + mr.Addr()
	}
	opts, err := redis.ParseURL(url)
	if err == nil {
		err = checkLoopback(opts)
	}
	if err != nil {
		return backend{}, fmt.Errorf("-redis: %w", err)
	}
	opts.PoolSize = max(opts.PoolSize, store.MinPoolSize)
	rdb := redis.NewClient(opts)
	if err := rdb.Ping(ctx).Err(); err != nil {
		return backend{}, errors.Join(fmt.Errorf("connect redis %s: %w", opts.Addr, err), rdb.Close())
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix) // never fails
	b := backend{url: url, prefix: "collabload-" + hex.EncodeToString(suffix) + ":", rdb: rdb, embedded: mr != nil}
	b.close = func() error {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
		defer cancel()
		err := errors.Join(deleteKeys(cctx, rdb, b.prefix), rdb.Close())
		if mr != nil {
			mr.Close()
		}
		return err
	}
	return b, nil
}

// checkLoopback refuses a Redis that is not on this machine: the load
// sends all its traffic to 127.0.0.1.
func checkLoopback(opts *redis.Options) error {
	if opts.Network == "unix" {
		return nil
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", opts.Addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address; collabload only talks to 127.0.0.1", opts.Addr)
	}
	return nil
}

// eachKey calls fn with every key under prefix (hex and ':' need no glob
// escaping), a SCAN page at a time.
func eachKey(ctx context.Context, rdb *redis.Client, prefix string, fn func([]string) error) error {
	var cursor uint64
	for {
		keys, next, err := rdb.Scan(ctx, cursor, prefix+"*", 1000).Result()
		if err != nil {
			return fmt.Errorf("scan %s*: %w", prefix, err)
		}
		if len(keys) > 0 {
			if err := fn(keys); err != nil {
				return err
			}
		}
		if cursor = next; cursor == 0 {
			return nil
		}
	}
}

// deleteKeys unlinks every key under prefix.
func deleteKeys(ctx context.Context, rdb *redis.Client, prefix string) error {
	return eachKey(ctx, rdb, prefix, func(keys []string) error {
		if err := rdb.Unlink(ctx, keys...).Err(); err != nil {
			return fmt.Errorf("unlink %s*: %w", prefix, err)
		}
		return nil
	})
}

// storedBytes sums MEMORY USAGE over the keys under prefix, and counts
// them.
func storedBytes(ctx context.Context, rdb *redis.Client, prefix string) (bytes int64, keys int, err error) {
	err = eachKey(ctx, rdb, prefix, func(page []string) error {
		pipe := rdb.Pipeline()
		cmds := make([]*redis.IntCmd, len(page))
		for i, k := range page {
			cmds[i] = pipe.MemoryUsage(ctx, k)
		}
		if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("memory usage: %w", err)
		}
		for _, c := range cmds {
			bytes += c.Val()
		}
		keys += len(page)
		return nil
	})
	return bytes, keys, err
}
