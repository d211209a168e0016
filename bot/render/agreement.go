package render

import (
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Agreement renders the summary the bot posts in the channel and pins once
// both sides accepted: the shared goal, who does what, what meets what, what
// is still open, who accepted and when. It carries the agreement as message
// metadata (event type collab_agreement) for other apps and workflows.
func (r *Renderer) Agreement(c *flows.Collab, p mediate.Proposal) Message {
	l := r.loc(c.Lang)
	n := l.names(c, p)
	goal := []string{
		l.T("proposal.side_goal", args{"Name": n[0], "Goal": l.item(p.Goals.A)}),
		l.T("proposal.side_goal", args{"Name": n[1], "Goal": l.item(p.Goals.B)}),
	}
	blocks := []slack.Block{
		l.header("agreement_header", "agreement.header", args{}, p.Topic),
		section("agreement_goal", l.lines(l.T("agreement.goal", args{"Topic": l.item(p.Goals.Company)}), goal, maxSection)),
		section("agreement_commitments", l.commitments("agreement.commitments_title", p.Commitments, n)),
		section("agreement_matches", l.matches("agreement.matches_title", "proposal.matches_none", p.Matches, n)),
	}
	if len(p.Conflicts) > 0 {
		blocks = append(blocks, section("agreement_conflicts", l.conflicts(p.Conflicts, n)))
	}
	if len(p.Open) > 0 {
		blocks = append(blocks, section("agreement_open", l.open("agreement.open_title", p.Open, n)))
	}
	if f := l.followUps(c); f != "" {
		blocks = append(blocks, section("agreement_followup", f))
	}
	day := c.AgreedAt
	if day.IsZero() {
		day = r.now().In(location(c.CreatedAt))
	}
	blocks = append(blocks, context("agreement_accepted", l.T("agreement.accepted", args{
		"A": userMention(c.Accepted[0]), "NameA": n[0], "B": userMention(c.Accepted[1]), "NameB": n[1],
		"Date": l.date(day), "Version": p.Version,
	})))
	text := l.T("agreement.text", args{"Topic": l.item(p.Topic), "NameA": n[0], "NameB": n[1], "Version": p.Version})
	return Message{Text: text, Blocks: blocks, Metadata: metadata(EventAgreement, c, p)}
}

// location is where the agreement is dated: the zone the collab was
// created in (UTC when unknown).
func location(t time.Time) *time.Location {
	if t.IsZero() {
		return time.UTC
	}
	return t.Location()
}
