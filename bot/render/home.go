package render

import (
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// Home is user's Home tab: what waits on them (which question, or an
// acceptance), their open collaborations, and their sides' commitments in
// agreements with due dates, those past due at now marked overdue; every
// topic links to its thread. A handful of sections, far under the 100
// blocks a view allows, whatever mine holds.
func (r *Renderer) Home(lang, user string, mine []Listed, now time.Time) slack.HomeTabViewRequest {
	l := r.loc(lang)
	var open, due []string
	for _, it := range mine {
		if !it.C.State.Final() {
			open = append(open, l.listLine(it))
		}
		if it.C.State == flows.Agreed {
			due = append(due, l.myCommitments(user, it, now)...)
		}
	}
	blocks := []slack.Block{
		header("home_header", l.T("home.title", nil)),
		section("home_waiting", l.titled("list.waiting_title", "list.waiting_none", l.waitingLines(user, mine))),
		divider("home_div_open"),
		section("home_open", l.titled("home.open_title", "home.open_none", open)),
		divider("home_div_commitments"),
		section("home_commitments", l.titled("home.commitments_title", "home.commitments_none", due)),
		context("home_help", l.T("home.help", nil)),
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

// myCommitments lists the agreed commitments owned by user's sides.
func (l loc) myCommitments(user string, it Listed, now time.Time) []string {
	c := it.C
	if c.Proposal == nil {
		return nil
	}
	sides := c.SidesOf(user)
	names := l.names(c, *c.Proposal)
	var out []string
	for _, cm := range c.Proposal.Commitments {
		if !slices.Contains(sides, flows.Side(cm.Owner)) {
			continue
		}
		out = append(out, l.T("home.commitment", args{
			"Topic": l.link(it), "Owner": names.of(cm.Owner), "What": l.item(cm.What), "Due": l.dueState(cm, now),
		}))
	}
	return out
}

// dueState is a commitment's due date, marked overdue once its day is
// past at now (in the due date's zone).
func (l loc) dueState(cm mediate.Commitment, now time.Time) string {
	if cm.Due.IsZero() {
		return l.T("common.no_date", nil)
	}
	due := l.T("proposal.due", args{"Date": l.day(cm.Due, cm.HalfDay)})
	y, m, d := cm.Due.Date()
	if now.In(cm.Due.Location()).After(time.Date(y, m, d+1, 0, 0, 0, 0, cm.Due.Location())) {
		return l.T("home.overdue", args{"Due": due})
	}
	return due
}
