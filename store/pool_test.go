package store

import (
	"testing"

	"github.com/redis/go-redis/v9"
)

// TestPoolSize: every topology keeps at least MinPoolSize connections per
// server, as blocking intake reads hold one each, and a larger pool_size
// in the URL stands.
func TestPoolSize(t *testing.T) {
	for url, want := range map[string]int{
		"redis://127.0.0.1:1":                                      MinPoolSize,
		"redis://127.0.0.1:1?pool_size=100":                        100,
		"redis+sentinel://127.0.0.1:1?master_name=m":               MinPoolSize,
		"redis+cluster://127.0.0.1:1?addr=127.0.0.1:2":             MinPoolSize,
		"redis+cluster://127.0.0.1:1?addr=127.0.0.1:2&pool_size=3": MinPoolSize,
	} {
		rdb, err := dial(url)
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		var got int
		switch c := rdb.(type) {
		case *redis.Client:
			got = c.Options().PoolSize
		case *redis.ClusterClient:
			got = c.Options().PoolSize
		}
		_ = rdb.Close()
		if got != want {
			t.Errorf("%s: pool size %d, want %d", url, got, want)
		}
	}
}
