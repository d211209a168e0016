package bot

import (
	"context"
	"sync"
	"time"
)

// homeTTL is how long a replica trusts what it learnt of who opened the
// Home tab: root updates then cost no Redis round trip for people it
// knows, and someone who first opens the tab through another replica has
// theirs refreshed on changes within this long (opening it always
// publishes it at once).
const homeTTL = 30 * time.Second

// homeCache remembers, per replica, who has opened the Home tab.
type homeCache struct {
	mu   sync.Mutex
	seen map[string]homeSeen
}

type homeSeen struct {
	opened bool
	at     time.Time
}

func newHomeCache() *homeCache { return &homeCache{seen: map[string]homeSeen{}} }

// mark records what is known of user now.
func (hc *homeCache) mark(user string, opened bool, now time.Time) {
	hc.mu.Lock()
	defer hc.mu.Unlock()
	if len(hc.seen) >= maxLinks {
		clear(hc.seen) // bounded; the store has everything
	}
	hc.seen[user] = homeSeen{opened: opened, at: now}
}

// withHome returns those of users who opened the Home tab, asking the
// store only about those this replica has not learnt of lately.
func (b *Bot) withHome(ctx context.Context, users []string) ([]string, error) {
	now := time.Now()
	var opened, ask []string
	b.homes.mu.Lock()
	for _, u := range users {
		s, ok := b.homes.seen[u]
		switch {
		case !ok || now.Sub(s.at) > homeTTL:
			ask = append(ask, u)
		case s.opened:
			opened = append(opened, u)
		}
	}
	b.homes.mu.Unlock()
	if len(ask) == 0 {
		return opened, nil
	}
	got, err := b.store.WithHome(ctx, ask)
	if err != nil {
		return nil, err
	}
	has := map[string]bool{}
	for _, u := range got {
		has[u] = true
	}
	for _, u := range ask {
		b.homes.mark(u, has[u], now)
	}
	return append(opened, got...), nil
}
