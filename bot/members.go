package bot

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// refreshMembers brings c's user groups' members up to date (within the
// cache's minute) before an event is judged: people who joined a group
// since /collab may answer for it, people who left may not. When Slack
// cannot say, or says a group is empty, the members stored are kept.
func (b *Bot) refreshMembers(ctx context.Context, c flows.Collab) flows.Collab {
	if c.State.Final() {
		return c
	}
	for i, p := range c.Sides {
		if p.Kind != flows.KindGroup {
			continue
		}
		members, err := b.groups.members(ctx, b.api, p.ID)
		if err != nil {
			b.log.Warn("refresh group members", "group", p.ID, "err", err)
			continue
		}
		if len(members) > 0 && !slices.Equal(members, p.Members) {
			c.Sides[i].Members = members
		}
	}
	return c
}

// groupCache keeps user groups' members for a short while, so a stranger
// chatting in a thread does not cost a usergroups.users.list call (a
// low-rate Slack method) per message.
type groupCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]groupEntry
}

type groupEntry struct {
	members []string
	fetched time.Time
}

func newGroupCache(ttl time.Duration) *groupCache {
	return &groupCache{ttl: ttl, entries: map[string]groupEntry{}}
}

func (gc *groupCache) members(ctx context.Context, api *slack.Client, group string) ([]string, error) {
	gc.mu.Lock()
	e, ok := gc.entries[group]
	gc.mu.Unlock()
	if ok && time.Since(e.fetched) < gc.ttl {
		return e.members, nil
	}
	members, err := api.GetUserGroupMembersContext(ctx, group)
	if err != nil {
		return nil, err
	}
	gc.mu.Lock()
	gc.entries[group] = groupEntry{members: members, fetched: time.Now()}
	gc.mu.Unlock()
	return members, nil
}
