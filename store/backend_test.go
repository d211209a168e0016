package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/collabbot/collabbot/store"
	"github.com/collabbot/collabbot/store/redistest"
	"github.com/redis/go-redis/v9"
)

// env is one backend prepared for one test.
type env struct {
	rdb     redis.UniversalClient
	prefix  string
	store   *store.Store
	advance func(time.Duration) // lets time pass for TTLs
}

// backends run every store test against the real Redis at REDIS_URL, the
// embedded miniredis that Open uses when REDIS_URL is empty, and miniredis
// behind a cluster client (one node holding every slot).
var backends = []struct {
	name string
	open func(t *testing.T) env
}{
	{"redis", func(t *testing.T) env {
		return newEnv(redistest.Client(t), redistest.Prefix(t), time.Sleep)
	}},
	{"miniredis", func(t *testing.T) env {
		mr := miniredis.RunT(t)
		rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
		t.Cleanup(func() { _ = rdb.Close() })
		return newEnv(rdb, "collabbot:", mr.FastForward)
	}},
	{"miniredis-cluster", func(t *testing.T) env {
		mr := miniredis.RunT(t)
		rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{mr.Addr()}})
		t.Cleanup(func() { _ = rdb.Close() })
		return newEnv(rdb, "collabbot:", mr.FastForward)
	}},
}

func newEnv(rdb redis.UniversalClient, prefix string, advance func(time.Duration)) env {
	return env{rdb: rdb, prefix: prefix, store: store.New(rdb, prefix), advance: advance}
}

// forEachBackend runs test once per backend, as a subtest.
func forEachBackend(t *testing.T, test func(t *testing.T, e env)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			test(t, b.open(t))
		})
	}
}

// ctx bounds every test's Redis calls.
func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}
