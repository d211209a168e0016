package store

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// Open connects to the Redis at url with the prefix "collabbot:". An empty
// url starts an in-process miniredis instead (Embedded reports true);
// nothing it holds outlives the process, which the caller should log.
// The returned func closes the client and, if any, the embedded server.
func Open(ctx context.Context, url string) (*Store, func() error, error) {
	const prefix = "collabbot:"
	if url == "" {
		mr, err := miniredis.Run()
		if err != nil {
			return nil, nil, fmt.Errorf("start embedded redis: %w", err)
		}
		rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
		s := New(rdb, prefix)
		s.embedded = true
		closeAll := func() error {
			err := rdb.Close()
			mr.Close()
			return err
		}
		return s, closeAll, nil
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		// url.Error repeats the URL, password included: keep only why.
		var urlErr *neturl.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return nil, nil, fmt.Errorf("parse REDIS_URL: %w", err)
	}
	rdb := redis.NewClient(opts)
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close() // the ping error is the one worth reporting
		return nil, nil, fmt.Errorf("connect redis: %w", err)
	}
	return New(rdb, prefix), rdb.Close, nil
}
