package render

import (
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
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

// myCommitments lists the followed-up commitments of user's sides in an
// agreement, each with its due date and state: done, overdue (marked by
// its follow-up, or its day past at now) or due.
func (l loc) myCommitments(user string, it Listed, now time.Time) []string {
	c := it.C
	sides := c.SidesOf(user)
	var out []string
	for _, k := range c.Commitments {
		if !slices.Contains(sides, k.Owner) {
			continue
		}
		out = append(out, l.T("home.commitment", args{
			"Topic": l.link(it), "Owner": l.name(c.Side(k.Owner).Name()), "What": l.item(k.What), "Due": l.dueState(k, now),
		}))
	}
	return out
}

// dueState is a commitment's due date and how it stands at now.
func (l loc) dueState(k flows.Commitment, now time.Time) string {
	due := l.T("common.by_date", args{"Date": l.date(k.Due)})
	y, m, d := k.Due.Date()
	switch {
	case k.Done():
		return l.T("home.done", args{"Due": due})
	case k.Overdue || now.After(time.Date(y, m, d+1, 0, 0, 0, 0, k.Due.Location())):
		return l.T("home.overdue", args{"Due": due})
	}
	return due
}
