package render

import (
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Agreement renders the summary the bot posts in the channel and pins once
// both sides accepted: the shared goal and each side's, who does what by when, what meets
// what and what is still open, the clashes settled, who accepted and
// when. An agreement without commitments says so in its header, so it is
// never read as a plan. It carries the agreement as message metadata
// (event type collab_agreement) for other apps and workflows.
func (r *Renderer) Agreement(c *flows.Collab, p mediate.Proposal) Message {
	l := r.loc(c.Lang)
	n := l.names(c, p)
	head, commitments := "agreement.header", l.commitments("agreement.commitments_title", p.Commitments, n)
	if len(p.Commitments) == 0 {
		head, commitments = "agreement.header_empty", l.T("agreement.empty", nil)
	}
	title, headed := l.goalHeader(head, args{}, p)
	blocks := []slack.Block{
		header("agreement_header", title),
		section("agreement_goal", l.summaryGoal(p.Goals, n, headed)),
		section("agreement_commitments", commitments),
		section("agreement_matches", l.needs("agreement.matches_title", p, n, false)),
	}
	if len(p.Conflicts) > 0 {
		blocks = append(blocks, section("agreement_conflicts", l.conflicts(p, n, "agreement.middle_ground", 0)))
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
