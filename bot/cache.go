package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// collabCache keeps recently used collaborations, so a reply costs one
// store round trip to save it, not another to read it. Entries may be
// stale when another instance saved meanwhile: the store's revision check
// catches that and the entry is dropped. It is bounded by the bytes of
// text its collabs hold, not by their number, as answers vary a
// thousandfold in size.
type collabCache struct {
	mu      sync.Mutex
	max     int // bytes
	size    int
	collabs map[string]flows.Collab
	unsaved map[string]fence // delivered effects Redis does not know of yet, and the lease to save them under
	threads map[string]string
}

// maxThreads bounds the thread → collab entries kept (a few MiB).
const maxThreads = 100_000

func newCollabCache(maxBytes int) *collabCache {
	return &collabCache{max: maxBytes, collabs: map[string]flows.Collab{}, unsaved: map[string]fence{}, threads: map[string]string{}}
}

func (cc *collabCache) get(id string) (flows.Collab, bool) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	c, ok := cc.collabs[id]
	return c, ok
}

func (cc *collabCache) put(c flows.Collab) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.putLocked(c)
	delete(cc.unsaved, c.ID)
}

// fence names the partition lease, by partition and fencing token, that
// work was done under: its save is refused once that lease is no longer
// held. A zero token fences nothing.
type fence struct {
	part  int
	token int64
}

// putUnsaved keeps c, which is newer than what Redis holds at the same
// rev: its effects ran, under lease l, but were not recorded (see
// deliverOutbox).
func (cc *collabCache) putUnsaved(c flows.Collab, l fence) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	cc.putLocked(c)
	cc.unsaved[c.ID] = l
}

// isUnsaved reports whether the cached collab id is newer than Redis's.
func (cc *collabCache) isUnsaved(id string) bool {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	_, ok := cc.unsaved[id]
	return ok
}

// unsavedCollabs returns copies of the cached collabs newer than Redis's,
// each with the lease to save it under.
func (cc *collabCache) unsavedCollabs() []fencedSave {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	out := make([]fencedSave, 0, len(cc.unsaved))
	for id, l := range cc.unsaved {
		c := cc.collabs[id]
		out = append(out, fencedSave{Collab: &c, Part: l.part, Token: l.token})
	}
	return out
}

// markSaved records that c, taken unsaved at rev c.Rev-1, was saved as
// c.Rev, unless the cached one changed meanwhile.
func (cc *collabCache) markSaved(c flows.Collab) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	_, unsaved := cc.unsaved[c.ID]
	if old, ok := cc.collabs[c.ID]; ok && unsaved && old.Rev == c.Rev-1 {
		cc.putLocked(c)
		delete(cc.unsaved, c.ID)
	}
}

// flushedFrom reports whether the flush saved collab id as it was at rev:
// the cache holds it, saved, at the next rev (markSaved).
func (cc *collabCache) flushedFrom(id string, rev int64) bool {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	c, ok := cc.collabs[id]
	_, unsaved := cc.unsaved[id]
	return ok && !unsaved && c.Rev == rev+1
}

// dropIfAt drops collab id if the cached one is still at rev.
func (cc *collabCache) dropIfAt(id string, rev int64) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if old, ok := cc.collabs[id]; ok && old.Rev == rev {
		cc.size -= textBytes(&old)
		delete(cc.collabs, id)
		delete(cc.unsaved, id)
	}
}

func (cc *collabCache) putLocked(c flows.Collab) {
	n := textBytes(&c)
	if old, ok := cc.collabs[c.ID]; ok {
		cc.size -= textBytes(&old)
	}
	if cc.size+n > cc.max {
		// Simple and bounded; the store has everything, but for effects
		// not recorded, which the retry job finds again in Slack.
		clear(cc.collabs)
		clear(cc.unsaved)
		cc.size = 0
	}
	cc.collabs[c.ID] = c
	cc.size += n
}

// textBytes estimates what a collab holds in memory: its texts, which
// the proposal repeats, and a fixed part for the rest.
func textBytes(c *flows.Collab) int {
	n := 2048 + len(c.Topic)
	for _, p := range c.Sides {
		for _, a := range p.Answers {
			n += 2 * len(a.Text)
		}
	}
	return n
}

func (cc *collabCache) drop(id string) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if old, ok := cc.collabs[id]; ok {
		cc.size -= textBytes(&old)
	}
	delete(cc.collabs, id)
	delete(cc.unsaved, id)
}

func (cc *collabCache) thread(key string) (string, bool) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	id, ok := cc.threads[key]
	return id, ok
}

func (cc *collabCache) putThread(key, id string) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if len(cc.threads) >= maxThreads {
		clear(cc.threads)
	}
	cc.threads[key] = id
}

// userCache remembers users' time zones and locales from users.info.
type userCache struct {
	mu    sync.Mutex
	log   *slog.Logger
	ttl   time.Duration
	zones map[string]zoneEntry
}

type zoneEntry struct {
	tz, locale string // locale as Slack gives it, such as "zh-CN"
	fetched    time.Time
}

func newUserCache(ttl time.Duration, log *slog.Logger) *userCache {
	return &userCache{ttl: ttl, log: log, zones: map[string]zoneEntry{}}
}

// zone returns the user's IANA zone, or "" when Slack gives none; the
// caller then reads dates in the configured default zone.
func (uc *userCache) zone(ctx context.Context, api *slack.Client, user string) string {
	return uc.get(ctx, api, user).tz
}

// get returns what users.info (which slack-go asks with include_locale)
// says of user, cached; on failure the last known entry, maybe empty:
// answers are then read in the default zone and private messages written
// in the default language, and nothing else depends on it.
func (uc *userCache) get(ctx context.Context, api *slack.Client, user string) zoneEntry {
	uc.mu.Lock()
	e, ok := uc.zones[user]
	uc.mu.Unlock()
	if ok && time.Since(e.fetched) < uc.ttl {
		return e
	}
	u, err := api.GetUserInfoContext(ctx, user)
	if err != nil {
		uc.log.Warn("look up user", "user", user, "err", err)
		return e
	}
	e = zoneEntry{tz: u.TZ, locale: u.Locale, fetched: time.Now()}
	uc.mu.Lock()
	uc.zones[user] = e
	uc.mu.Unlock()
	return e
}
