package bot

import (
	"context"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/flows"
)

var (
	// permalink is Slack's message link: /archives/<channel>/p<ts without its dot>.
	permalink = regexp.MustCompile(`/archives/([CGD][A-Z0-9]+)/p(\d{10})(\d{6})\b`)
	// collabRef is a collaboration's id, as collabID makes it.
	collabRef = regexp.MustCompile(`^[a-z2-7]{16}$`)
)

// threadOfLink reads the channel and thread a message link points at: a
// reply's link names its thread in thread_ts. Slack sends a pasted link
// as <url> or <url|label>.
func threadOfLink(arg string) (channel, thread string, ok bool) {
	arg = strings.Trim(strings.TrimSpace(arg), "<>")
	arg, _, _ = strings.Cut(arg, "|")
	m := permalink.FindStringSubmatch(arg)
	if m == nil {
		return "", "", false
	}
	thread = m[2] + "." + m[3]
	if u, err := url.Parse(arg); err == nil {
		if t := u.Query().Get("thread_ts"); t != "" {
			thread = t
		}
	}
	return m[1], thread, true
}

// collabOfArg finds the collaboration a command argument names, by link
// or by id.
func (b *Bot) collabOfArg(ctx context.Context, arg string) (flows.Collab, error) {
	id := strings.TrimSpace(arg)
	if channel, thread, ok := threadOfLink(arg); ok {
		var err error
		if id, err = b.threadCollab(ctx, channel, thread); err != nil {
			return flows.Collab{}, err
		}
	} else if !collabRef.MatchString(id) {
		return flows.Collab{}, flows.ErrNotFound
	}
	// From Redis, not the cache: the cache takes a save a moment after
	// Redis does, and whoever saw the change must not be told otherwise.
	return b.fetch(ctx, id)
}

// linkCache remembers permalinks, which never change.
type linkCache struct {
	mu    sync.Mutex
	links map[string]string
}

const maxLinks = 10000

// listed pairs each collaboration with its root message's permalink; a
// link Slack does not give is left out and the topic shown unlinked.
func (b *Bot) listed(ctx context.Context, cs []flows.Collab) []render.Listed {
	out := make([]render.Listed, len(cs))
	for i := range cs {
		out[i] = render.Listed{C: &cs[i], Link: b.permalink(ctx, cs[i].Channel, cs[i].RootTS)}
	}
	return out
}

func (b *Bot) permalink(ctx context.Context, channel, ts string) string {
	if ts == "" {
		return ""
	}
	key := channel + ":" + ts
	b.links.mu.Lock()
	link, ok := b.links.links[key]
	b.links.mu.Unlock()
	if ok {
		return link
	}
	link, err := b.api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: channel, Ts: ts})
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			b.log.Warn("get permalink", "channel", channel, "ts", ts, "err", err)
		}
		return ""
	}
	b.links.mu.Lock()
	if len(b.links.links) >= maxLinks {
		clear(b.links.links)
	}
	b.links.links[key] = link
	b.links.mu.Unlock()
	return link
}
