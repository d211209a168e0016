package store

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"strings"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// Open connects to the Redis at url (REDIS_URL) with the prefix
// "collabbot:". The forms, rediss… for TLS:
//
//	redis://[user:password@]host:6379[/db]                  one server
//	redis+sentinel://[user:password@]host:26379[/db]?master_name=NAME[&addr=host2:26379…][&password=…]
//	                                                        Sentinel: the hosts are sentinels, password= is the master's
//	redis+cluster://[user:password@]host:6379[?addr=host2:6379…]
//	                                                        Cluster: any of its nodes to start from
//
// Further go-redis options go in the query (dial_timeout=2s, pool_size=20…).
// An empty url starts an in-process miniredis instead (Embedded reports
// true); nothing it holds outlives the process, which the caller should
// log. The returned func closes the client and, if any, the embedded
// server. Errors name REDIS_URL, never its password.
func Open(ctx context.Context, url string) (*Store, func() error, error) {
	const prefix = "collabbot:"
	if url == "" {
		return openEmbedded(prefix)
	}
	return OpenPrefixed(ctx, url, prefix)
}

// OpenPrefixed is Open for a non-empty url with keys under prefix, so
// that tools and tests can share a server with the bot.
func OpenPrefixed(ctx context.Context, url, prefix string) (*Store, func() error, error) {
	where := "REDIS_URL " + redact(url)
	rdb, err := dial(url)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", where, err)
	}
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close() // the ping error is the one worth reporting
		return nil, nil, fmt.Errorf("connect to %s: %w", where, err)
	}
	s := New(rdb, prefix)
	s.where = where
	return s, rdb.Close, nil
}

func openEmbedded(prefix string) (*Store, func() error, error) {
	mr, err := miniredis.Run()
	if err != nil {
		return nil, nil, fmt.Errorf("start embedded redis: %w", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	s := New(rdb, prefix)
	s.embedded, s.where = true, "embedded redis"
	closeAll := func() error {
		err := rdb.Close()
		mr.Close()
		return err
	}
	return s, closeAll, nil
}

// MinPoolSize is the fewest connections a client keeps per server: a
// replica blocks one on each intake partition it reads (up to 8), and
// saves, the scheduler and health checks need theirs beside them. A
// larger pool_size in REDIS_URL stands.
const MinPoolSize = 32

// dial builds the client url's scheme asks for, without connecting.
// Deadlines of contexts bound every command, so a health check that gives
// Redis a second gets its answer within that second.
func dial(url string) (redis.UniversalClient, error) {
	scheme, rest, ok := strings.Cut(url, "://")
	base, topology, _ := strings.Cut(scheme, "+")
	if !ok || (base != "redis" && base != "rediss") {
		return nil, fmt.Errorf("scheme %q: use redis, rediss, redis+sentinel, rediss+sentinel, redis+cluster or rediss+cluster", scheme)
	}
	plain := base + "://" + rest
	switch topology {
	case "":
		o, err := redis.ParseURL(plain)
		if err != nil {
			return nil, parseError(err)
		}
		o.ContextTimeoutEnabled = true
		o.PoolSize = max(o.PoolSize, MinPoolSize)
		return redis.NewClient(o), nil
	case "sentinel":
		o, err := redis.ParseFailoverURL(plain)
		if err != nil {
			return nil, parseError(err)
		}
		if o.MasterName == "" {
			return nil, errors.New("a Sentinel URL needs ?master_name=NAME")
		}
		o.ContextTimeoutEnabled = true
		o.PoolSize = max(o.PoolSize, MinPoolSize)
		return redis.NewFailoverClient(o), nil
	case "cluster":
		o, err := redis.ParseClusterURL(plain)
		if err != nil {
			return nil, parseError(err)
		}
		o.ContextTimeoutEnabled = true
		o.PoolSize = max(o.PoolSize, MinPoolSize)
		return redis.NewClusterClient(o), nil
	}
	return nil, fmt.Errorf("scheme %q: %q is neither sentinel nor cluster", scheme, topology)
}

// parseError keeps why a URL was refused; url.Error repeats the URL,
// password included.
func parseError(err error) error {
	var urlErr *neturl.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return fmt.Errorf("parse: %w", err)
}

// redact hides the passwords of a Redis URL: its user info and the
// password query parameter of the Sentinel form.
func redact(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil {
		return "(malformed URL)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
