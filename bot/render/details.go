package render

import (
	"slices"
	"strings"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Widths of user items in the details: enough to recognise one, short
// enough to keep the proposal a half-minute read. A pair puts two on one
// line, so each gets less; a match's sides are said by their points.
const (
	detailItem = 150
	pairItem   = 80
	matchItem  = 60
	// matchItemZh is matchItem in Chinese, whose points say more per
	// character: two of them and the sides' names keep to a phone's line.
	matchItemZh = 50
	maxTerms    = 3 // words shown that justify a match
)

// needs lists each need once, next to the offers that meet it, each by
// its point (see mediate.NeedPoint), with the words that justify the pair,
// then the needs nobody covers yet, on one line (see openLines), but
// those the summary above already names when summarised. Needs with a candidate
// offer are asked about below, never called uncovered.
func (l loc) needs(title string, p mediate.Proposal, n sideNames, summarised bool) string {
	var ls []string
	w := matchItem
	if l.lang == "zh" {
		w = matchItemZh
	}
	for _, ms := range byNeed(p.Matches) {
		m, offers := ms[0], make([]string, len(ms))
		for i, o := range ms {
			offers[i] = l.point(mediate.OfferPoint(o.Offer.Text), w)
		}
		s := l.T("proposal.match", args{
			"NeedSide": n.of(m.Need.Side), "Need": l.point(mediate.NeedPoint(m.Need.Text), w),
			"OfferSide": n.of(m.Offer.Side), "Offer": l.join(offers, 600),
		})
		switch terms := matchTerms(ms); {
		case m.Confirmed:
			s += l.T("proposal.match_confirmed", args{"NeedSide": n.of(m.Need.Side)})
		case len(terms) > 0:
			s += l.T("proposal.match_terms", args{"Terms": l.terms(terms)})
		}
		ls = append(ls, s)
	}
	if len(p.Matches) == 0 {
		ls = append(ls, l.T("proposal.matches_none", nil))
	}
	open, declined := openNeeds(p)
	if summarised {
		_, shown := l.shortItems(open)
		open = open[shown:]
	}
	ls = append(ls, l.openLines(p, open, n)...)
	for _, it := range declined {
		r, _ := refusal(p, it)
		line := l.T("proposal.open_refused", args{
			"Need": l.point(mediate.NeedPoint(it.Text), summaryItem), "Side": n.of(it.Side), "OfferSide": n.of(r.Side), "Offer": l.point(r.Text, pairItem),
		})
		if who := mediate.ReferredTo(r.Text); who != "" {
			line += l.T("proposal.refused_next", args{"Side": n.of(it.Side), "Who": clip(who, 24)}) // where to take it next
		}
		ls = append(ls, line)
	}
	return l.lines(l.T(title, nil), ls, maxSection)
}

// byNeed groups matches that meet the same need with offers of the same
// side, alike confirmed or not, in the order they come: the need is said
// once, with its offers side by side.
func byNeed(ms []mediate.Match) [][]mediate.Match {
	var out [][]mediate.Match
	for _, m := range ms {
		i := slices.IndexFunc(out, func(g []mediate.Match) bool {
			return g[0].Need == m.Need && g[0].Offer.Side == m.Offer.Side && g[0].Confirmed == m.Confirmed
		})
		if i < 0 {
			out = append(out, nil)
			i = len(out) - 1
		}
		out[i] = append(out[i], m)
	}
	return out
}

// matchTerms are the words that justify a group of matches, each once.
func matchTerms(ms []mediate.Match) []string {
	var out []string
	for _, m := range ms {
		for _, t := range m.Terms {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// openLines says needs nobody covers on one line per kind, each side's
// after its name: a list reads in one glance where a line per need
// repeats its label. Those an unused offer may still meet (see unmatched)
// are said apart, as the question on those offers points to them.
func (l loc) openLines(p mediate.Proposal, open []mediate.Item, n sideNames) []string {
	var out []string
	for _, id := range []string{"proposal.open", "proposal.open_unmatched"} {
		kind := slices.DeleteFunc(slices.Clone(open), func(it mediate.Item) bool { return openID(p, it, "proposal.open") != id })
		if len(kind) > 0 {
			out = append(out, l.T(id, args{"Items": l.bySide(kind, n, func(mine []mediate.Item) string {
				return l.join(l.needPoints(mine), maxSection/3) // all but the rarest: the agreement lists them here, both sides in one section
			})}))
		}
	}
	return out
}

// refusal is the other side's answer that declined open need it, if any:
// said plainly, so nobody reads "nobody covers this" as "nobody answered".
func refusal(p mediate.Proposal, it mediate.Item) (mediate.Item, bool) {
	for _, r := range p.Refused {
		if r.Need == it {
			return r.Offer, true
		}
	}
	return mediate.Item{}, false
}

// terms lists the first words that justify a match, each cut short.
func (l loc) terms(ts []string) string {
	out := make([]string, min(len(ts), maxTerms))
	for i := range out {
		out[i] = clip(ts[i], 24)
	}
	return l.join(out, 100)
}

// conflicts shows, for each clashing deadline, both positions with the
// lead time attributed to whoever needs it (with and without what
// shortens it), the proposed date, what shortens the wait, the step it
// waits for, the parts the work was split into, what can be had by the
// date asked for or plainly that nothing can, whether the event the date
// serves is still met, and what the requester can do while it runs.
// middleID words the date: proposed, or agreed. The first summarised
// clashes are told in the summary above, dates and all: their section
// gives only what the summary does not say (the speed-ups, the step
// waited for, the waiting time); "" when that leaves nothing to say.
func (l loc) conflicts(p mediate.Proposal, n sideNames, middleID string, summarised int) string {
	ls := make([]string, len(p.Conflicts))
	waited := map[string]bool{} // what the requester can do meanwhile, said for the first clash it serves
	for i, cf := range p.Conflicts {
		deadline := l.day(cf.Deadline, cf.HalfDay)
		a := args{
			"NeedSide": n.of(cf.Need.Side), "Need": l.point(mediate.NeedPoint(cf.Need.Text), detailItem),
			"LeadSide": n.of(cf.Lead.Side), "Lead": l.fit(cf.Lead.Text, pairItem), "Days": l.leadTime(cf),
		}
		clash := "proposal.conflict"
		if strings.TrimSpace(cf.LeadParty) != "" {
			clash, a["Party"] = "proposal.conflict_party", clip(cf.LeadParty, maxName)
		}
		dates := args{"Deadline": deadline, "Date": l.proposedDay(cf.MiddleGround, cf.HalfDay), "Standard": l.standard(cf)}
		parts := []string{l.T(clash, a), l.T(middleID, dates)}
		if i < summarised {
			parts = nil // the summary's sentence gives the clash and its dates
		}
		if why := l.why(cf, n, detailItem); why != "" {
			parts = append(parts, why)
		}
		if helps := speedUps(cf); len(helps) > 0 {
			parts = append(parts, l.T("proposal.helps", args{"Items": l.sideItems(helps, n)})+l.honest(cf))
		}
		if cf.Prerequisite != nil {
			first := "proposal.prerequisite"
			if isCut(cf, cf.Prerequisite.What) {
				first = "proposal.prerequisite_cut" // the reason for the date, said once
			}
			parts = append(parts, l.T(first, args{
				"Name": n.of(cf.Prerequisite.Owner), "What": l.commitment(planned(p, *cf.Prerequisite), detailItem),
			}))
		}
		if i >= summarised {
			parts = append(parts, l.byTheDeadline(cf, n, deadline)...)
		}
		if w := l.waiting(cf, p.Commitments, n); w != "" && !waited[w] {
			parts, waited[w] = append(parts, w), true
		}
		ls[i] = strings.Join(parts, "\n")
	}
	if ls = slices.DeleteFunc(ls, func(s string) bool { return s == "" }); len(ls) == 0 {
		return "" // the summary said all there is
	}
	return l.lines(l.T("proposal.conflicts_title", nil), ls, maxSection)
}

// planned is commitment cm as the plan says it: with the plan's plain
// wording of the same work when the plan holds it, as the clash's copy
// has none.
func planned(p mediate.Proposal, cm mediate.Commitment) mediate.Commitment {
	for _, in := range p.Commitments {
		if in.Owner == cm.Owner && in.What == cm.What && in.Due.Equal(cm.Due) && cm.Plain == "" {
			cm.Plain = in.Plain
		}
	}
	return cm
}

// isFirst reports whether what is the step the clash's work waits for.
func isFirst(cf mediate.Conflict, what string) bool {
	return cf.Prerequisite != nil && strings.EqualFold(cf.Prerequisite.What, what)
}

// isCut reports whether what is one of the offers the clash's date
// counts.
func isCut(cf mediate.Conflict, what string) bool {
	return slices.ContainsFunc(cf.Cuts, func(it mediate.Item) bool { return strings.EqualFold(it.Text, what) })
}

// speedUps are the clash's helps but the step the work waits for, which
// its own line names (sending it is when the work starts, not a speed-up),
// the offers the date already counts, which the line before names as its
// reason, and the lead time itself, which the clash quotes.
func speedUps(cf mediate.Conflict) []mediate.Item {
	return slices.DeleteFunc(slices.Clone(cf.Helps), func(it mediate.Item) bool {
		return isFirst(cf, it.Text) || slices.Contains(cf.Cuts, it) || it == cf.Lead
	})
}

// byTheDeadline says what the requester gets by the date it asked for:
// the parts of a split with their dates, what can be had by then, or
// plainly that nothing can; and whether the event the date serves is met.
func (l loc) byTheDeadline(cf mediate.Conflict, n sideNames, deadline string) []string {
	var out []string
	if len(cf.Phases) > 1 {
		out = append(out, l.T("proposal.phased", args{"Parts": l.phases(cf, pairItem)}))
	}
	switch {
	case cf.AfterDeadline && len(cf.ByDeadline) > 0:
		out = append(out, l.T("proposal.by_deadline", args{"NeedSide": n.of(cf.Need.Side), "Deadline": deadline, "Items": l.offersCut(cf.ByDeadline, detailItem)}))
	case cf.AfterDeadline && len(cf.Phases) < 2:
		out = append(out, l.T("proposal.late", args{"NeedSide": n.of(cf.Need.Side), "Deadline": deadline}))
	}
	if cf.Event != "" && cf.AfterDeadline {
		out = append(out, strings.TrimSpace(l.event(cf, detailItem)))
	}
	return out
}

// said reports whether the clash's lines already say what: as the step
// the work waits for, what can be had by the deadline, what shortens the
// wait (the reason for the date among it), or a part.
func said(cf mediate.Conflict, what string) bool {
	if isFirst(cf, what) {
		return true
	}
	for _, it := range slices.Concat(cf.ByDeadline, cf.Helps, cf.Cuts) {
		if it.Text == what {
			return true
		}
	}
	for _, p := range cf.Phases {
		if p.From.Text == what {
			return true
		}
	}
	return false
}

// waiting lists what the requester committed to that falls due while the
// lead time runs, other than the step the work waits for: the waiting
// time used. "" when there is none.
func (l loc) waiting(cf mediate.Conflict, cs []mediate.Commitment, n sideNames) string {
	var mine []string
	for _, cm := range cs {
		if cm.Owner != cf.Need.Side || cm.Due.IsZero() || dayNum(cm.Due) > dayNum(cf.MiddleGround) || said(cf, cm.What) || cm.Standing || onlyIf(cm.What) {
			continue // a role held from now on, or what is done only if needed, is no use of the waiting time
		}
		mine = append(mine, l.commitment(cm, pairItem))
	}
	if len(mine) == 0 {
		return ""
	}
	return l.T("proposal.waiting", args{"Name": n.of(cf.Need.Side), "Items": l.join(mine[:min(len(mine), 2)], 400)})
}

// onlyIf reports whether a commitment is done only on a condition ("we
// have budget for outside counsel if it comes to that", "需要的话…").
func onlyIf(what string) bool {
	low := " " + strings.ToLower(what)
	return strings.Contains(low, " if ") || strings.Contains(what, "如果") || strings.Contains(what, "的话")
}

// items lists user items on one line.
func (l loc) items(is []mediate.Item) string { return l.itemsCut(is, detailItem) }

// sideItems lists items of either side after their side's name, side A
// first: "ops: a, b; tech: c".
func (l loc) sideItems(is []mediate.Item, n sideNames) string { return l.bySide(is, n, l.items) }

// sideOffers is sideItems with each offer said by its point, cut to
// width.
func (l loc) sideOffers(is []mediate.Item, n sideNames, width int) string {
	return l.bySide(is, n, func(mine []mediate.Item) string { return l.offersCut(mine, width) })
}

// bySide lists items of either side, each side's said by list after its
// name, side A first.
func (l loc) bySide(is []mediate.Item, n sideNames, list func([]mediate.Item) string) string {
	var out []string
	for i, side := range [2]mediate.Side{mediate.SideA, mediate.SideB} {
		var mine []mediate.Item
		for _, it := range is {
			if it.Side == side {
				mine = append(mine, it)
			}
		}
		if len(mine) > 0 {
			out = append(out, l.T("proposal.side_item", args{"Name": n[i], "Item": list(mine)}))
		}
	}
	return strings.Join(out, l.T("proposal.semi", nil))
}

// uncovered are the needs nobody covers: Open, less any need the
// proposal asks about, so no need is called uncovered beside the question
// whether an offer covers it.
func uncovered(p mediate.Proposal) []mediate.Item {
	var out []mediate.Item
	for _, it := range p.Open {
		asked := false
		for _, c := range p.Candidates {
			asked = asked || c.Need == it
		}
		if !asked {
			out = append(out, it)
		}
	}
	return out
}
