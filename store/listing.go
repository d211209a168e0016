package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/redis/go-redis/v9"
)

// Listings answer "what is open in this channel" and "what concerns me"
// without a scan. Creating a collab scores it, by its creation time, in a
// sorted set of its channel and one of each person who started it or can
// speak for a side then; a final save takes it out of its channel's set
// and, unless agreed, out of the people's too (an agreed one stays for
// its commitments). Other saves touch no listing, so an ordinary save
// costs nothing more. Entries are hints: readers load the collabs and keep
// what still holds. Someone who joins a side's group later finds the
// collab in the channel's list, not in their own.
//
//	<prefix>open:chan:<channel>   collabs not yet final in the channel
//	<prefix>mine:<user>           collabs of the user's sides, agreed ones included
//	<prefix>homes                 users who opened the app's Home tab
//
// An entry whose collab expired is removed by the reader that finds it
// gone; each set expires with the retention after the last collab was
// created in it.

// maxListed bounds what one listing reads.
const maxListed = 50

func (s *Store) chanKey(channel string) string { return s.prefix + "open:chan:" + channel }
func (s *Store) mineKey(user string) string    { return s.prefix + "mine:" + user }
func (s *Store) homesKey() string              { return s.prefix + "homes" }

// queueListing adds to a save's pipeline what c's listings need: entries
// when c is new (rev 1), their removal once c is final. Should the save
// be refused, readers check the entries anyway.
func (s *Store) queueListing(ctx context.Context, pipe redis.Pipeliner, c *flows.Collab) {
	if c.Channel == "" || !c.State.Final() && c.Rev != 1 {
		return
	}
	// Only an agreement still concerns its people, for its commitments.
	gone := c.State.Final() && c.State != flows.Agreed
	keys := []string{s.chanKey(c.Channel)}
	if c.Rev == 1 || gone {
		for _, u := range c.Concerned() {
			keys = append(keys, s.mineKey(u))
		}
	}
	score := float64(time.Now().UnixMilli())
	for i, key := range keys {
		if gone || i == 0 && c.State.Final() {
			pipe.ZRem(ctx, key, c.ID)
			continue
		}
		pipe.ZAdd(ctx, key, redis.Z{Score: score, Member: c.ID})
		pipe.PExpire(ctx, key, s.retention)
	}
}

// OpenInChannel returns the newest collabs not yet final in channel, at
// most maxListed, newest first.
func (s *Store) OpenInChannel(ctx context.Context, channel string) ([]flows.Collab, error) {
	return s.listed(ctx, s.chanKey(channel), func(c flows.Collab) bool { return !c.State.Final() })
}

// Mine returns the newest collabs user can speak for or started, open or
// agreed, at most maxListed, newest first.
func (s *Store) Mine(ctx context.Context, user string) ([]flows.Collab, error) {
	return s.listed(ctx, s.mineKey(user), func(c flows.Collab) bool {
		return (!c.State.Final() || c.State == flows.Agreed) && (c.CreatedBy == user || len(c.SidesOf(user)) > 0)
	})
}

// listed loads the collabs a listing names, in one round trip, keeping
// those keep accepts.
func (s *Store) listed(ctx context.Context, key string, keep func(flows.Collab) bool) ([]flows.Collab, error) {
	ids, err := s.rdb.ZRevRange(s.own(ctx), key, 0, maxListed-1).Result()
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", key, err)
	}
	gets := make([]*redis.StringCmd, len(ids))
	err = s.pipelined(ctx, func(ctx context.Context, pipe redis.Pipeliner) {
		for i, id := range ids {
			gets[i] = pipe.Get(ctx, s.collabKey(id))
		}
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("load listed collabs of %s: %w", key, err)
	}
	out := make([]flows.Collab, 0, len(ids))
	var gone []any
	for i, g := range gets {
		c, err := decodeCollab(ids[i], g)
		switch {
		case err != nil:
			return nil, err
		case c == nil:
			gone = append(gone, ids[i])
		case keep(*c):
			out = append(out, *c)
		}
	}
	if len(gone) > 0 {
		// Best effort: the next reader tries again.
		_ = s.rdb.ZRem(s.own(ctx), key, gone...).Err()
	}
	return out, nil
}

// decodeCollab reads one pipelined GET; nil when the collab is gone.
func decodeCollab(id string, g *redis.StringCmd) (*flows.Collab, error) {
	data, err := g.Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load collab %s: %w", id, err)
	}
	var c flows.Collab
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("decode collab %s: %w", id, err)
	}
	return &c, nil
}

// OpenedHome records that user opened the Home tab, so changes to their
// collabs publish it again.
func (s *Store) OpenedHome(ctx context.Context, user string) error {
	if err := s.rdb.SAdd(s.own(ctx), s.homesKey(), user).Err(); err != nil {
		return fmt.Errorf("record home of %s: %w", user, err)
	}
	return nil
}

// WithHome returns those of users who opened the Home tab.
func (s *Store) WithHome(ctx context.Context, users []string) ([]string, error) {
	if len(users) == 0 {
		return nil, nil
	}
	members := make([]any, len(users))
	for i, u := range users {
		members[i] = u
	}
	has, err := s.rdb.SMIsMember(s.own(ctx), s.homesKey(), members...).Result()
	if err != nil {
		return nil, fmt.Errorf("look up homes: %w", err)
	}
	var out []string
	for i, ok := range has {
		if ok {
			out = append(out, users[i])
		}
	}
	return out, nil
}
