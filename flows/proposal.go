package flows

import (
	"strconv"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Propose returns the proposal of c's current version: the one built and
// stored when the version was made, so what people accept, and what the
// agreement shows, is exactly what was posted; or, for a collaboration
// stored before proposals were, one built now.
func Propose(c *Collab) mediate.Proposal {
	if c.Proposal != nil && c.Proposal.Version == c.Version {
		return *c.Proposal
	}
	return mediate.Build(proposalInput(c))
}

// propose builds and stores the proposal of c's new version.
func propose(c *Collab) {
	p := mediate.Build(proposalInput(c))
	c.Proposal = &p
}

// reproposed moves c to a new version built afresh, which no earlier
// acceptance covers, and returns the effects that post it.
func reproposed(c *Collab) []Effect {
	c.Version++
	c.Accepted = [2]string{}
	propose(c)
	return []Effect{{Kind: PostProposal, Version: c.Version}, {Kind: UpdateRoot}}
}

// proposalInput is everything the engine reads of a collaboration: each
// answer with the moment it was written, and the needing sides' decisions
// on candidate pairs. Decisions name items by their places in how the
// answers were read, so when there are any, the answers are read first to
// name them.
func proposalInput(c *Collab) mediate.Input {
	in := answersInput(c)
	if len(c.Decisions) > 0 {
		in.Decisions = decisions(c, mediate.Build(in).Read)
	}
	return in
}

// decisions names the collab's decisions that still read its current
// answers by the items they point to in read. A decision whose places fall
// outside what was read is dropped: it cannot be named.
func decisions(c *Collab, read [2]mediate.Reading) []mediate.Decision {
	var out []mediate.Decision
	for _, d := range c.Decisions {
		if !d.Current(c) {
			continue
		}
		needs, offers := read[d.Need.Side.Index()].Needs, read[d.Offer.Side.Index()].Offers
		if d.Need.Index >= len(needs) || d.Offer.Index >= len(offers) {
			continue
		}
		out = append(out, mediate.Decision{Need: needs[d.Need.Index], Offer: offers[d.Offer.Index], Yes: d.Yes})
	}
	return out
}

// answersInput is the engine's input from the answers alone: each answer
// with the moment it was written, in its writer's zone, so "tomorrow"
// means the writer's tomorrow (c.TZ when Slack gave none).
func answersInput(c *Collab) mediate.Input {
	party := func(s Side) mediate.Party {
		return mediate.Party{Name: c.Side(s).Name(), Goal: c.EngineAnswer(s, QGoal), Needs: c.EngineAnswer(s, QNeeds), Values: c.EngineAnswer(s, QValue)}
	}
	return mediate.Input{
		CollabID: c.ID, Version: c.Version, Lang: c.Lang, Topic: c.Topic,
		A: party(SideA), B: party(SideB), Calendar: c.Calendar,
	}
}

// EngineAnswer is side s's answer to q as the engine reads it: with the
// moment it was written, in its writer's zone (c.TZ when Slack gave none).
func (c *Collab) EngineAnswer(s Side, q Question) mediate.Answer {
	a := c.Side(s).Answers[q]
	return mediate.Answer{Text: a.Text, At: TSTime(a.TS).In(Zone(a.TZ, Zone(c.TZ, time.UTC)))}
}

// Zone is the IANA zone tz, or fallback when tz is empty or unknown.
func Zone(tz string, fallback *time.Location) *time.Location {
	if tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			return l
		}
	}
	return fallback
}

// TSTime reads a Slack ts ("1764000000.000100"); zero when malformed.
func TSTime(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000)
}
