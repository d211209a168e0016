package bot

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// proposalInput gives the engine each answer with the moment it was
// written, in its writer's zone, so "tomorrow" means the writer's tomorrow,
// and the needing sides' decisions on candidate pairs. Decisions name
// items by their places in how the answers were read, so when there are
// any, the answers are read first to name them.
func proposalInput(c *flows.Collab, fallback *time.Location) mediate.Input {
	in := answersInput(c, fallback)
	if len(c.Decisions) > 0 {
		in.Decisions = decisions(c, mediate.Build(in).Read)
	}
	return in
}

// answersInput is the engine's input from the answers alone.
func answersInput(c *flows.Collab, fallback *time.Location) mediate.Input {
	party := func(s flows.Side) mediate.Party {
		p := c.Side(s)
		answer := func(q flows.Question) mediate.Answer {
			a := p.Answers[q]
			return mediate.Answer{Text: a.Text, At: inZone(a.TZ, fallback, parseTS(a.TS))}
		}
		return mediate.Party{Name: p.Name(), Goal: answer(flows.QGoal), Needs: answer(flows.QNeeds), Values: answer(flows.QValue)}
	}
	return mediate.Input{
		CollabID: c.ID, Version: c.Version, Lang: c.Lang, Topic: c.Topic,
		A: party(flows.SideA), B: party(flows.SideB),
	}
}

// userTime is the moment of a Slack ts in user's zone.
func (b *Bot) userTime(ctx context.Context, user, ts string) time.Time {
	at := parseTS(ts)
	if at.IsZero() {
		at = time.Now()
	}
	return inZone(b.users.zone(ctx, b.api, user), b.cfg.DefaultTZ, at)
}

// inZone puts at in the IANA zone tz, or in fallback when the user's
// Slack profile has none.
func inZone(tz string, fallback *time.Location, at time.Time) time.Time {
	loc := fallback
	if tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			loc = l
		}
	}
	return at.In(loc)
}

// parseTS reads a Slack ts ("1764000000.000100"); zero when malformed.
func parseTS(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000)
}
