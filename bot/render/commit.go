package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/collabbot/collabbot/flows/mediate"
)

// planItem is the width of a plan line's item.
const planItem = 80

// commitments lists, per owner, what it does by when: the owner's name,
// then its plan lines (see sideLines).
func (l loc) commitments(titleID string, cs []mediate.Commitment, n sideNames) string {
	title := l.T(titleID, nil)
	if len(cs) == 0 {
		return title + "\n" + l.T("proposal.commitments_none", nil)
	}
	var groups []string
	for i, group := range byOwner(cs) {
		if len(group) > 0 {
			groups = append(groups, l.lines(l.T("proposal.plan_owner", args{"Owner": n[i]}), l.sideLines(group), maxSection/2))
		}
	}
	return l.lines(title, groups, maxSection)
}

// restOfPlan is the plan the summary leaves out; when all of it is one
// side's, the title names that side, as a line of its own would.
func (l loc) restOfPlan(rest []mediate.Commitment, n sideNames) string {
	for i, group := range byOwner(rest) {
		if len(group) == len(rest) {
			return l.lines(l.T("proposal.commitments_rest_one", args{"Owner": n[i]}), l.sideLines(group), maxSection)
		}
	}
	return l.commitments("proposal.commitments_rest_title", rest, n)
}

// sideLines is one side's plan as a person writes it: one line per
// commitment, date first; what has no date yet, and what holds from now
// on, share one line each; what an event it names times ("before they
// fly out") has a line of its own.
func (l loc) sideLines(group []mediate.Commitment) []string {
	var ls, undated, standing []string
	for _, cm := range group {
		switch {
		case cm.Recurring == "" && cm.Standing:
			standing = append(standing, l.planText(cm))
		case cm.Recurring == "" && cm.Due.IsZero() && !mediate.EventTimed(cm.What):
			undated = append(undated, l.planText(cm))
		default:
			ls = append(ls, l.T("proposal.plan_line", args{"Line": l.planLine(cm, planItem)}))
		}
	}
	for _, set := range []struct {
		id    string
		items []string
	}{{"proposal.plan_undated", undated}, {"proposal.plan_standing", standing}} {
		if len(set.items) > 0 {
			ls = append(ls, l.T("proposal.plan_line", args{"Line": l.T(set.id, args{"What": l.points(set.items)})}))
		}
	}
	return ls
}

// points lists items that share a plan line, each by its point: one
// gets the whole line, several half of it each.
func (l loc) points(texts []string) string {
	width := planItem
	if len(texts) > 1 {
		width /= 2
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = l.point(t, width)
	}
	return l.join(out, 400)
}

// planLine says when, then what: by a date, from a date on a cadence when
// it repeats, from now on, or with the date still to agree. The cadence
// is not said twice when the text holds it ("每周一同步库存").
func (l loc) planLine(cm mediate.Commitment, width int) string {
	return l.when(cm, width, "proposal.plan_")
}

// commitment is a commitment inside a sentence: what, then when.
func (l loc) commitment(cm mediate.Commitment, width int) string {
	return l.when(cm, width, "proposal.")
}

// when fills the form of prefix that fits cm: due, recurring,
// recurring_named, recurring_open, standing or undated; a commitment that
// says how often itself and has no start is its text alone, or in a plan,
// where a line says when first, standing unless its text opens with that.
func (l loc) when(cm mediate.Commitment, width int, prefix string) string {
	key := strings.Join([]string{"when", strconv.Itoa(l.r.now().Year()), l.lang, prefix, strconv.Itoa(width), cm.HalfDay, strconv.FormatBool(cm.Standing), commitmentKey(cm)}, "\x00")
	return l.r.plans.get(key, func() string { return l.whenAfresh(cm, width, prefix) })
}

// whenAfresh is when without the memo; dates show their year only when
// it is not the current one, hence the year in its key.
func (l loc) whenAfresh(cm mediate.Commitment, width int, prefix string) string {
	text, cadence := l.planText(cm), strings.TrimSpace(cm.Recurring)
	if s, ok := l.period(cm, text, width, prefix); ok {
		return s
	}
	named := cadence != "" && strings.Contains(strings.ToLower(text), strings.ToLower(cadence))
	a := args{"What": l.point(text, width), "Cadence": clip(cadence, 60)}
	form := "due"
	switch {
	case cadence != "" && !cm.From.IsZero() && named:
		form, a["From"] = "recurring_named", l.shortDate(cm.From)
	case cadence != "" && !cm.From.IsZero():
		form, a["From"] = "recurring", l.shortDate(cm.From)
	case cadence != "" && cm.From.IsZero() && mediate.StartsAfterEvent(cm.What):
		return a["What"].(string) // it says when it starts: "上线后头两周每天…"
	case cadence != "" && named && prefix == "proposal.plan_" && !strings.HasPrefix(strings.ToLower(text), strings.ToLower(cadence)):
		form = "standing" // a plan line says when first: "from now on — we grade every return within 48h"
	case cadence != "" && named:
		return a["What"].(string) // it says how often itself
	case cadence != "":
		form = "recurring_open"
	case cm.Standing && prefix == "proposal.":
		return a["What"].(string) // kept from now on: no date to agree
	case cm.Standing:
		form = "standing"
	case cm.Due.IsZero() && mediate.EventTimed(cm.What):
		return a["What"].(string) // it says when: "before they fly out"
	case cm.Due.IsZero():
		form = "undated"
	default:
		a["Date"] = l.day(cm.Due, cm.HalfDay)
	}
	return l.T(prefix+form, a)
}

// period fills the form of prefix for a commitment done over the span
// of days its text names from its date on ("11月1日—3日：华东仓两班倒"),
// or from its date on ("12月14日起：IT进场施工"), said once, as its date;
// ok false when it names neither.
func (l loc) period(cm mediate.Commitment, text string, width int, prefix string) (string, bool) {
	if cm.Due.IsZero() || cm.Recurring != "" || cm.Standing {
		return "", false
	}
	if rest, ok := mediate.StartsOn(text, cm.Due); ok {
		return l.T(prefix+"from", args{"From": l.shortDate(cm.Due), "What": l.point(mediate.OfferPoint(rest), width)}), true
	}
	last, rest, ok := mediate.Period(text, cm.Due)
	if !ok {
		return "", false
	}
	to := l.shortDate(last)
	if last.Month() == cm.Due.Month() && last.Year() == cm.Due.Year() {
		to = l.T("proposal.period_day", args{"Day": last.Day()})
	}
	return l.T(prefix+"period", args{"From": l.shortDate(cm.Due), "To": to, "What": l.point(mediate.OfferPoint(rest), width)}), true
}

// value credits what each side offers beyond the needs it meets, on one
// line a side, first what serves the other side's goal, and says so when
// the exchange is lopsided; "" when there is nothing to add. Offers shown
// elsewhere are left where they are.
func (l loc) value(p mediate.Proposal, n sideNames) string {
	b := p.Balance
	var ls []string
	for i, side := range [2]struct{ forGoal, also []mediate.Item }{{b.ForGoalA, b.AlsoA}, {b.ForGoalB, b.AlsoB}} {
		var items []string
		for _, it := range side.forGoal {
			if !saidElsewhere(p, it) {
				items = append(items, l.T("proposal.for_goal", args{"Item": l.point(mediate.OfferPoint(it.Text), pairItem), "To": n[1-i]}))
			}
		}
		for _, it := range side.also {
			if !saidElsewhere(p, it) {
				items = append(items, l.point(mediate.OfferPoint(it.Text), pairItem))
			}
		}
		if len(items) > 0 {
			id := "proposal.also"
			if openOf(p, sideOf(1-i)) {
				id = "proposal.also_ask" // what the engine could not pair may still be the answer
			}
			ls = append(ls, l.T(id, args{"From": n[i], "To": n[1-i], "Items": l.join(items, 900)}))
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

// saidElsewhere reports whether offer it is shown in a match, a question,
// a clash or the plan, so it is not listed again as also offered.
func saidElsewhere(p mediate.Proposal, it mediate.Item) bool {
	return matched(p, it) || askedOffer(p, it) || committed(p, it) ||
		slices.ContainsFunc(p.Conflicts, func(cf mediate.Conflict) bool { return said(cf, it.Text) })
}

// committed reports whether offer it is in the plan as a commitment of
// its side, which already shows it: whole, in parts (a start and the work
// it starts, a first time and a cadence), or with the item it goes on from.
func committed(p mediate.Proposal, it mediate.Item) bool {
	return slices.ContainsFunc(p.Commitments, func(cm mediate.Commitment) bool {
		return cm.Owner == it.Side && (cm.What == it.Text || strings.Contains(it.Text, cm.What) || strings.Contains(cm.What, it.Text))
	})
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

// unusedOffers reports whether side s offers something the proposal shows
// nowhere but in its "also offers" line: then a need of the other side
// that no offer was matched to may still be met by it, and the proposal
// says "not matched yet", not "nobody covers this", and asks.
func unusedOffers(p mediate.Proposal, s mediate.Side) bool {
	b := p.Balance
	also := slices.Concat(b.AlsoA, b.ForGoalA)
	if s == mediate.SideB {
		also = slices.Concat(b.AlsoB, b.ForGoalB)
	}
	return slices.ContainsFunc(also, func(it mediate.Item) bool { return !saidElsewhere(p, it) })
}

// openOf reports whether side s has a need nobody answered (see openNeeds).
func openOf(p mediate.Proposal, s mediate.Side) bool {
	open, _ := openNeeds(p)
	return slices.ContainsFunc(open, func(it mediate.Item) bool { return it.Side == s })
}

func sideOf(i int) mediate.Side {
	if i == 1 {
		return mediate.SideB
	}
	return mediate.SideA
}

// unmatched reports whether open need it is to be said "not matched
// yet": the other side offers something shown nowhere else (see
// unusedOffers).
func unmatched(p mediate.Proposal, it mediate.Item) bool {
	return unusedOffers(p, sideOf(1-sideIndex(it.Side)))
}

// openID is message id for open need it, or its "not matched yet" form.
func openID(p mediate.Proposal, it mediate.Item, id string) string {
	if unmatched(p, it) {
		return id + "_unmatched"
	}
	return id
}
