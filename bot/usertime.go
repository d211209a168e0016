package bot

import (
	"context"
	"time"

	"github.com/collabbot/collabbot/flows"
)

// userTime is the moment of a Slack ts in user's zone.
func (b *Bot) userTime(ctx context.Context, user, ts string) time.Time {
	at := flows.TSTime(ts)
	if at.IsZero() {
		at = time.Now()
	}
	return at.In(flows.Zone(b.users.zone(ctx, b.api, user), b.cfg.DefaultTZ))
}
