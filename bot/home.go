package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/collabbot/collabbot/flows"
)

// kindHome records that a person opened the app's Home tab.
const kindHome = "home"

// homeEntry records an app_home_opened event of the Home tab; the Messages
// and About tabs need nothing. Every opening of one person lands on one
// partition, handled in order.
func homeEntry(ev *slackevents.AppHomeOpenedEvent) []entry {
	if ev.Tab != "home" || ev.User == "" {
		return nil
	}
	return []entry{{
		Kind: kindHome, Collab: "home:" + ev.User, Key: "home:" + ev.User + ":" + ev.EventTimeStamp,
		TS: ev.EventTimeStamp, Data: []byte(ev.User),
	}}
}

// openHome remembers that user looks at the Home tab, so later changes
// to their collaborations publish it again, and publishes it now.
func (b *Bot) openHome(ctx context.Context, user string) error {
	if err := b.store.OpenedHome(ctx, user); err != nil {
		return notRecorded{err}
	}
	b.homes.mark(user, true, time.Now())
	return b.publishHome(ctx, user, nil)
}

// publishHome builds user's Home tab from their collaborations and
// publishes it, in their Slack language. fresh, when set, stands for its
// stored self: it may hold what its delivery just recorded (the root's ts).
func (b *Bot) publishHome(ctx context.Context, user string, fresh *flows.Collab) error {
	mine, err := b.store.Mine(ctx, user)
	if err != nil {
		return err
	}
	for i := range mine {
		if fresh != nil && mine[i].ID == fresh.ID {
			mine[i] = *fresh
		}
	}
	view := b.msgs.Home(b.readerLang(ctx, user, b.defaultLang()), user, b.listed(ctx, mine), time.Now())
	if _, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: view}); err != nil {
		return fmt.Errorf("publish home of %s: %w", user, err)
	}
	return nil
}

// refreshHomes publishes again the Home tab of each person c concerns who
// has opened it. It runs with the root message's update, which follows
// every change a side sees; it is best effort, as the next opening
// publishes the tab anew.
func (b *Bot) refreshHomes(ctx context.Context, c *flows.Collab) {
	users, err := b.withHome(ctx, c.Concerned())
	if err != nil {
		b.log.Warn("refresh homes", "collab", c.ID, "err", err)
		return
	}
	for _, u := range users {
		if err := b.publishHome(ctx, u, c); err != nil {
			b.log.Warn("refresh home", "collab", c.ID, "user", u, "err", err)
		}
	}
}
