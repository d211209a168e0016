package render

import (
	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Proposal renders joint proposal p in the collab's thread. It leads with
// a summary of at most five lines (the shared goal; the clash and what is
// proposed; who does what by when; what is still open), then the details
// it leaves out (the rest of the plan among them),
// the questions about uncertain pairs with Yes / No buttons, the offers
// shown nowhere else, and the Accept and Request changes buttons. It
// carries the proposal as message metadata (event type collab_proposal).
func (r *Renderer) Proposal(c *flows.Collab, p mediate.Proposal) Message {
	l := r.loc(c.Lang)
	n := l.names(c, p)
	head, headed := l.goalHeader("proposal.header", args{"Version": p.Version}, p)
	blocks := []slack.Block{
		header("proposal_header", head),
		section("proposal_summary", l.summary(p, n, headed)),
		divider("proposal_div_details"),
		section("proposal_needs", l.needs("proposal.needs_title", p, n, true)),
	}
	if s := l.conflicts(p, n, "proposal.middle_ground", 1); len(p.Conflicts) > 0 && s != "" {
		blocks = append(blocks, section("proposal_conflicts", s))
	}
	if rest := unsummarised(p.Commitments); len(rest) > 0 {
		blocks = append(blocks, section("proposal_commitments", l.restOfPlan(rest, n)))
	}
	if v := l.value(p, n); v != "" {
		blocks = append(blocks, section("proposal_value", v))
	}
	blocks = append(blocks, l.candidates(c, p, n)...)
	blocks = append(blocks, l.sprints(c, p)...)
	if read := l.readOffers(p, n); len(read) > 0 {
		blocks = append(blocks, context("proposal_read", read...))
	}
	blocks = append(blocks, l.proposalActions(c, p)...)
	text := l.T("proposal.text", args{"Version": p.Version, "Topic": l.item(p.Topic)})
	return Message{Text: text, Blocks: blocks, Metadata: metadata(EventProposal, c, p)}
}

// proposalActions ends a proposal: its buttons while it is on the table,
// or, once the collaboration is over, a line saying how it ended, so no
// stale button invites a click. A proposal with nothing to agree on offers
// only Request changes.
func (l loc) proposalActions(c *flows.Collab, p mediate.Proposal) []slack.Block {
	switch c.State {
	case flows.Agreed:
		return []slack.Block{context("proposal_closed", l.T("proposal.closed_agreed", nil))}
	case flows.Cancelled, flows.Expired:
		return []slack.Block{context("proposal_closed", l.T("proposal.closed_"+string(c.State), nil))}
	}
	act := Action{Collab: c.ID, Thread: c.RootTS, Version: p.Version}
	revise := button(ActionRevise, l.T("proposal.revise", nil), act)
	if !p.Agreeable() {
		why := "proposal.nothing_agreed"
		if questions(p) > 0 {
			why = "proposal.nothing_agreed_ask"
		}
		return []slack.Block{slack.NewActionBlock("proposal_actions", revise), context("proposal_how", l.T(why, nil))}
	}
	accept := button(ActionAccept, l.T("proposal.accept", nil), act)
	accept.Style = slack.StylePrimary
	return []slack.Block{
		slack.NewActionBlock("proposal_actions", accept, revise),
		context("proposal_how", l.T("proposal.how", nil)),
	}
}

// Replaced is what an earlier proposal turns into when version replaces
// it: a pointer to the new one, with no buttons left to click.
func (r *Renderer) Replaced(c *flows.Collab, old, version int) Message {
	l := r.loc(c.Lang)
	text := l.T("proposal.replaced", args{"Version": old, "New": version})
	return Message{Text: text, Blocks: []slack.Block{section("proposal_replaced", text)}}
}

// sideNames holds the escaped display names of sides a and b.
type sideNames [2]string

func (n sideNames) of(s mediate.Side) string {
	if s == mediate.SideB {
		return n[1]
	}
	return n[0]
}

func (n sideNames) other(s mediate.Side) string {
	if s == mediate.SideB {
		return n[0]
	}
	return n[1]
}

// names prefers the proposal's side names and falls back on the collab's.
func (l loc) names(c *flows.Collab, p mediate.Proposal) sideNames {
	a, b := p.NameA, p.NameB
	if a == "" {
		a = c.Side(flows.SideA).Name()
	}
	if b == "" {
		b = c.Side(flows.SideB).Name()
	}
	return sideNames{l.name(a), l.name(b)}
}
