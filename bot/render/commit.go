package render

import (
	"cmp"
	"slices"
	"strings"

	"github.com/collabbot/collabbot/flows/mediate"
)

// commitments lists, per owner, what it does by when, on one line each,
// as a person would write a plan.
func (l loc) commitments(titleID string, cs []mediate.Commitment, n sideNames) string {
	title := l.T(titleID, nil)
	if len(cs) == 0 {
		return title + "\n" + l.T("proposal.commitments_none", nil)
	}
	var ls []string
	sep := l.T("proposal.commitment_sep", nil)
	for i, group := range byOwner(cs) {
		if len(group) == 0 {
			continue
		}
		items := make([]string, len(group))
		for j, cm := range group {
			items[j] = l.commitment(cm, detailItem)
		}
		ls = append(ls, l.T("proposal.commitment_group", args{"Owner": n[i], "Items": strings.Join(items, sep)}))
	}
	return l.lines(title, ls, maxSection)
}

// commitment says what and when: by a date, from a date on a cadence when
// it repeats, or with the date still to agree. The cadence is not said
// twice when the text already holds it ("每周一同步库存").
func (l loc) commitment(cm mediate.Commitment, width int) string {
	what := l.fit(cmp.Or(cm.Plain, cm.What), width)
	cadence := strings.TrimSpace(cm.Recurring)
	named := cadence != "" && strings.Contains(strings.ToLower(cmp.Or(cm.Plain, cm.What)), strings.ToLower(cadence))
	a := args{"What": what, "Cadence": clip(cadence, 60)}
	switch {
	case cadence != "" && !cm.From.IsZero():
		a["From"] = l.shortDate(cm.From)
		if named {
			return l.T("proposal.recurring_named", a)
		}
		return l.T("proposal.recurring", a)
	case cadence != "" && named:
		return what
	case cadence != "":
		return l.T("proposal.recurring_open", a)
	case cm.Standing:
		return what // kept from now on: no date to agree
	case cm.Due.IsZero():
		return l.T("proposal.undated", a)
	}
	a["Date"] = l.day(cm.Due, cm.HalfDay)
	return l.T("proposal.due", a)
}

// value credits what each side offers beyond the needs it meets, on one
// line a side, first what serves the other side's goal, and says so when
// the exchange is lopsided; "" when there is nothing to add. Offers asked
// about as candidates are left to their question.
func (l loc) value(p mediate.Proposal, n sideNames) string {
	b := p.Balance
	var ls []string
	for i, side := range [2]struct{ forGoal, also []mediate.Item }{{b.ForGoalA, b.AlsoA}, {b.ForGoalB, b.AlsoB}} {
		var items []string
		for _, it := range side.forGoal {
			if !askedOffer(p, it) {
				items = append(items, l.T("proposal.for_goal", args{"Item": l.detail(it.Text), "To": n[1-i]}))
			}
		}
		for _, it := range side.also {
			if !askedOffer(p, it) && !committed(p, it) {
				items = append(items, l.detail(it.Text))
			}
		}
		if len(items) > 0 {
			ls = append(ls, l.T("proposal.also", args{"From": n[i], "Items": l.join(items, 900)}))
		}
	}
	if b.Lopsided != "" {
		ls = append(ls, l.T("proposal.lopsided", args{"Giver": n.of(b.Lopsided), "Taker": n.other(b.Lopsided)}))
	}
	if len(ls) == 0 {
		return ""
	}
	return l.lines("", ls, maxSection)
}

// committed reports whether offer it is in the plan as a commitment of
// its side, which already shows it.
func committed(p mediate.Proposal, it mediate.Item) bool {
	return slices.ContainsFunc(p.Commitments, func(cm mediate.Commitment) bool { return cm.Owner == it.Side && cm.What == it.Text })
}

// askedOffer reports whether offer it is asked about as a candidate.
func askedOffer(p mediate.Proposal, it mediate.Item) bool {
	for _, c := range p.Candidates {
		if c.Offer == it {
			return true
		}
	}
	return false
}
