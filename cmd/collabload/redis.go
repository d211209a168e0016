package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/collabbot/collabbot/store"
)

// cleanupTimeout bounds deleting the run's keys from a real Redis; it runs
// even after -timeout has expired.
const cleanupTimeout = 30 * time.Second

// openStore returns the embedded store for url "", else a store on the
// loopback Redis at url under a fresh prefix "collabload-<hex>:"; its
// close func deletes the keys under that prefix, then closes the client.
func openStore(ctx context.Context, url string) (*store.Store, func() error, error) {
	if url == "" {
		st, closeStore, err := store.Open(ctx, "")
		if err != nil {
			return nil, nil, fmt.Errorf("open embedded store: %w", err)
		}
		return st, closeStore, nil
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, nil, fmt.Errorf("parse -redis: %w", err)
	}
	if err := checkLoopback(opts); err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(opts)
	if err := rdb.Ping(ctx).Err(); err != nil {
		return nil, nil, errors.Join(fmt.Errorf("connect redis %s: %w", opts.Addr, err), rdb.Close())
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix) // never fails
	prefix := "collabload-" + hex.EncodeToString(suffix) + ":"
	closeStore := func() error {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
		defer cancel()
		return errors.Join(deleteKeys(cctx, rdb, prefix), rdb.Close())
	}
	return store.New(rdb, prefix), closeStore, nil
}

// checkLoopback refuses a Redis that is not on this machine: the load
// sends all its traffic to 127.0.0.1.
func checkLoopback(opts *redis.Options) error {
	if opts.Network == "unix" {
		return nil
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return fmt.Errorf("-redis address %q: %w", opts.Addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-redis %s is not a loopback address; collabload only talks to 127.0.0.1", opts.Addr)
	}
	return nil
}

// deleteKeys unlinks every key under prefix (hex and ':' need no glob
// escaping), a SCAN page at a time.
func deleteKeys(ctx context.Context, rdb *redis.Client, prefix string) error {
	var cursor uint64
	for {
		keys, next, err := rdb.Scan(ctx, cursor, prefix+"*", 1000).Result()
		if err != nil {
			return fmt.Errorf("scan %s*: %w", prefix, err)
		}
		if len(keys) > 0 {
			if err := rdb.Unlink(ctx, keys...).Err(); err != nil {
				return fmt.Errorf("unlink %s*: %w", prefix, err)
			}
		}
		if cursor = next; cursor == 0 {
			return nil
		}
	}
}
