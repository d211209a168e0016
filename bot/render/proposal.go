package render

import (
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Proposal renders joint proposal p in the collab's thread, laid out to be
// read on a phone: goals, needs (matches, clashing deadlines, open points),
// value, commitments, then the Accept and Request changes buttons. It
// carries the proposal as message metadata (event type collab_proposal).
func (r *Renderer) Proposal(c *flows.Collab, p mediate.Proposal) Message {
	l := r.loc(c.Lang)
	n := l.names(c, p)
	blocks := []slack.Block{
		l.header("proposal_header", "proposal.header", args{"Version": p.Version}, p.Topic),
		section("proposal_goals", l.goals(p.Goals, n)),
		divider("proposal_div_needs"),
		section("proposal_needs", l.matches("proposal.needs_title", "proposal.matches_none", p.Matches, n)),
	}
	if len(p.Conflicts) > 0 {
		blocks = append(blocks, section("proposal_conflicts", l.conflicts(p.Conflicts, n)))
	}
	if len(p.Open) > 0 {
		blocks = append(blocks, section("proposal_open", l.open("proposal.open_title", p.Open, n)))
	}
	blocks = append(blocks,
		divider("proposal_div_value"),
		section("proposal_value", l.value(p.Balance, n)),
		divider("proposal_div_commitments"),
		section("proposal_commitments", l.commitments("proposal.commitments_title", p.Commitments, n)),
	)
	blocks = append(blocks, l.proposalActions(c, p.Version)...)
	text := l.T("proposal.text", args{"Version": p.Version, "Topic": l.item(p.Topic)})
	return Message{Text: text, Blocks: blocks, Metadata: metadata(EventProposal, c, p)}
}

// proposalActions ends a proposal: its buttons while it is on the table,
// or, once the collaboration is over, a line saying how it ended, so no
// stale button invites a click.
func (l loc) proposalActions(c *flows.Collab, version int) []slack.Block {
	switch c.State {
	case flows.Agreed:
		return []slack.Block{context("proposal_closed", l.T("proposal.closed_agreed", nil))}
	case flows.Cancelled, flows.Expired:
		return []slack.Block{context("proposal_closed", l.T("proposal.closed_"+string(c.State), nil))}
	}
	act := Action{Collab: c.ID, Thread: c.RootTS, Version: version}
	accept := button(ActionAccept, l.T("proposal.accept", nil), act)
	accept.Style = slack.StylePrimary
	return []slack.Block{
		slack.NewActionBlock("proposal_actions", accept, button(ActionRevise, l.T("proposal.revise", nil), act)),
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

// goals is dimension 1: the company goal, each side's goal, what the two
// goals share, and where each goal meets the company goal.
func (l loc) goals(g mediate.Goals, n sideNames) string {
	ls := []string{
		l.T("proposal.company_goal", args{"Topic": l.item(g.Company)}),
		l.T("proposal.side_goal", args{"Name": n[0], "Goal": l.item(g.A)}),
		l.T("proposal.side_goal", args{"Name": n[1], "Goal": l.item(g.B)}),
	}
	if len(g.Shared) > 0 {
		ls = append(ls, l.T("proposal.shared", args{"Terms": l.terms(g.Shared)}))
	} else {
		ls = append(ls, l.T("proposal.shared_none", nil))
	}
	for i, ts := range [2][]string{g.ATopic, g.BTopic} {
		if len(ts) > 0 {
			ls = append(ls, l.T("proposal.goal_topic", args{"Name": n[i], "Terms": l.terms(ts)}))
		}
	}
	return l.lines(l.T("proposal.goals_title", nil), ls, maxSection)
}

// terms lists shared words, each cut short.
func (l loc) terms(ts []string) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = clip(t, 40)
	}
	return l.join(out, 400)
}

// matches lists each need next to the offer that meets it.
func (l loc) matches(title, none string, ms []mediate.Match, n sideNames) string {
	if len(ms) == 0 {
		return l.T(title, nil) + "\n" + l.T(none, nil)
	}
	ls := make([]string, len(ms))
	for i, m := range ms {
		ls[i] = l.T("proposal.match", args{
			"Need": l.item(m.Need.Text), "NeedSide": n.of(m.Need.Side),
			"Offer": l.item(m.Offer.Text), "OfferSide": n.of(m.Offer.Side),
		})
		if len(m.Terms) > 0 {
			ls[i] += l.T("proposal.match_terms", args{"Terms": l.terms(m.Terms)})
		}
	}
	return l.lines(l.T(title, nil), ls, maxSection)
}

// conflicts shows both positions of each clashing deadline, the middle
// ground and what each side gives to close the gap.
func (l loc) conflicts(cs []mediate.Conflict, n sideNames) string {
	ls := make([]string, len(cs))
	for i, cf := range cs {
		parts := []string{
			l.T("proposal.conflict", args{
				"NeedSide": n.of(cf.Need.Side), "Need": l.item(cf.Need.Text), "Deadline": l.day(cf.Deadline, cf.HalfDay),
				"LeadSide": n.of(cf.Lead.Side), "Lead": l.item(cf.Lead.Text), "Days": l.leadTime(cf),
			}),
			l.T("proposal.middle_ground", args{"Date": l.day(cf.MiddleGround, cf.HalfDay)}),
		}
		for j, gives := range [2][]mediate.Item{cf.GivesA, cf.GivesB} {
			if len(gives) > 0 {
				parts = append(parts, l.T("proposal.gives", args{"Name": n[j], "Items": l.items(gives, 600)}))
			}
		}
		ls[i] = strings.Join(parts, "\n")
	}
	return l.lines(l.T("proposal.conflicts_title", nil), ls, maxSection)
}

// day shows a date, with the half of the day the engine carried ("am":
// 上午, "pm": 下午或晚上), as the seed's middle ground "后天上午" when the
// need asked for a morning.
func (l loc) day(t time.Time, half string) string {
	switch {
	case t.IsZero():
		return l.date(t)
	case half == "am":
		return l.T("common.morning", args{"Date": l.date(t)})
	case half == "pm":
		return l.T("common.afternoon", args{"Date": l.date(t)})
	}
	return l.date(t)
}

// items lists user items on one line, at most max units wide.
func (l loc) items(is []mediate.Item, max int) string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = l.item(it.Text)
	}
	return l.join(out, max)
}

// open states plainly the needs that no offer meets.
func (l loc) open(title string, is []mediate.Item, n sideNames) string {
	ls := make([]string, len(is))
	for i, it := range is {
		ls[i] = l.T("proposal.open", args{"Need": l.item(it.Text), "Side": n.of(it.Side)})
	}
	return l.lines(l.T(title, nil), ls, maxSection)
}

// value is dimension 3: what each side gives the other, what else it
// offers that meets no stated need, and a plain sentence when the exchange
// is lopsided.
func (l loc) value(b mediate.Balance, n sideNames) string {
	var ls []string
	flow := func(from, to string, is, also []mediate.Item) {
		items := l.T("proposal.value_nothing", nil)
		if len(is) > 0 {
			items = l.items(is, 1200)
		}
		ls = append(ls, l.T("proposal.value_flow", args{"From": from, "To": to, "Items": items}))
		if len(also) > 0 {
			ls = append(ls, l.T("proposal.value_also", args{"Items": l.items(also, 600)}))
		}
	}
	flow(n[0], n[1], b.AGivesB, b.AlsoA)
	flow(n[1], n[0], b.BGivesA, b.AlsoB)
	switch {
	case b.Lopsided != "":
		ls = append(ls, l.T("proposal.lopsided", args{"Giver": n.of(b.Lopsided), "Taker": n.other(b.Lopsided)}))
	case len(b.AGivesB) > 0 && len(b.BGivesA) > 0:
		ls = append(ls, l.T("proposal.balanced", nil))
	}
	return l.lines(l.T("proposal.value_title", nil), ls, maxSection)
}

// commitments lists owner — what — by when.
func (l loc) commitments(titleID string, cs []mediate.Commitment, n sideNames) string {
	title := l.T(titleID, nil)
	if len(cs) == 0 {
		return title + "\n" + l.T("proposal.commitments_none", nil)
	}
	ls := make([]string, len(cs))
	for i, cm := range cs {
		due := l.T("common.no_date", nil)
		if !cm.Due.IsZero() {
			due = l.T("proposal.due", args{"Date": l.day(cm.Due, cm.HalfDay)})
		}
		ls[i] = l.T("proposal.commitment", args{"Owner": n.of(cm.Owner), "What": l.item(cm.What), "Due": due})
	}
	return l.lines(title, ls, maxSection)
}

// leadTime says how long the lead side needs: in its own words when it
// counted working days (the calendar days would misquote it), else in days.
func (l loc) leadTime(cf mediate.Conflict) string {
	if cf.WorkingDays && cf.LeadPhrase != "" {
		return l.item(cf.LeadPhrase)
	}
	return l.N("common.days", cf.LeadDays)
}
