package render

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/collabbot/collabbot/flows/mediate"
)

// A clash is told as a mediator tells it, in one sentence: who wants
// what, how long the other side needs, the three dates side by side (what
// was asked, what is proposed, and the standard path when the offers
// bring the date forward) with the offers that do, and what is proposed
// instead: the parts a side split the work into with their dates, or what
// can be had by the date asked for, or plainly that nothing can; and
// whether the event the date serves is still met.

// leadWith says the lead time, and a speed-up the date does not count:
// one that does not say by how much, or one that fits only part of the
// work. One the date counts is the reason for it (see why), not a second
// lead time.
func (l loc) leadWith(cf mediate.Conflict) string {
	days, cut := l.leadTime(cf), cf.Shortening
	switch {
	case cut != nil && cut.Unmet:
		return l.T("proposal.lead_if", args{"Days": days, "Short": l.span(cut.Phrase)})
	case cut == nil && leadSideHelps(cf), cut != nil && cut.Phrase == "":
		return l.T("proposal.lead_helps", args{"Days": days})
	case cut == nil, cut.Used:
		return days
	}
	return l.T("proposal.lead_part", args{"Days": days, "Short": l.span(cut.Phrase)})
}

// standard is the standard path after the date proposed, when the offers
// bring that date forward; "" when it is the standard one.
func (l loc) standard(cf mediate.Conflict) string {
	if cf.Standard.IsZero() || dayNum(cf.Standard) <= dayNum(cf.MiddleGround) {
		return ""
	}
	return l.T("proposal.standard", args{"Date": l.date(cf.Standard)})
}

// why names the offers that bring the date forward, each by its point
// cut to width, but the step the work waits for, whose own line says so;
// "" when none does.
func (l loc) why(cf mediate.Conflict, n sideNames, width int) string {
	cuts := slices.DeleteFunc(slices.Clone(cf.Cuts), func(it mediate.Item) bool { return isFirst(cf, it.Text) })
	if l.standard(cf) == "" || len(cuts) == 0 {
		return ""
	}
	return l.T("proposal.why", args{"Items": l.sideOffers(cuts, n, width)})
}

// from says when the lead time starts, when it waits for a dated step:
// the standard path counts from there, as the date asked does not.
func (l loc) from(cf mediate.Conflict) string {
	if cf.Prerequisite == nil || cf.Prerequisite.Due.IsZero() {
		return ""
	}
	return l.T("proposal.lead_from", args{"Date": l.date(cf.Prerequisite.Due)})
}

// planWhy says, in the summary's sentence, whose offers bring the date
// forward; the details below name them (see why).
func (l loc) planWhy(cf mediate.Conflict, n sideNames) string {
	if l.standard(cf) == "" || len(cf.Cuts) == 0 {
		return ""
	}
	var names []string
	for _, side := range [2]mediate.Side{mediate.SideA, mediate.SideB} {
		if slices.ContainsFunc(cf.Cuts, func(it mediate.Item) bool { return it.Side == side }) {
			names = append(names, n.of(side))
		}
	}
	return l.T("proposal.plan_why", args{"Names": strings.Join(names, l.T("proposal.and", nil))})
}

// honest follows the offers that shorten the wait, in the details, when
// the date does not count them: none says by how much, or the one that
// does holds only part of the work.
func (l loc) honest(cf mediate.Conflict) string {
	switch cut := cf.Shortening; {
	case cut != nil && cut.Used, cut == nil && !leadSideHelps(cf):
		return ""
	case cut != nil && cut.Unmet:
		return l.T("proposal.helps_if", args{"Days": l.leadTime(cf), "Short": l.span(cut.Phrase)})
	case cut != nil && cut.Phrase != "":
		return l.T("proposal.helps_part", args{"Days": l.leadTime(cf), "Short": l.span(cut.Phrase)})
	}
	return l.T("proposal.helps_unsaid", args{"Days": l.leadTime(cf)})
}

// plan is the clash and the proposal as one sentence; width cuts the
// users' items in it.
func (l loc) plan(cf mediate.Conflict, n sideNames, width int) string {
	deadline := l.day(cf.Deadline, cf.HalfDay)
	a := args{
		"NeedSide": n.of(cf.Need.Side), "Work": l.fit(l.work(cf), width), "Deadline": deadline,
		"LeadSide": l.leadOwner(cf, n), "Days": l.leadWith(cf), "Date": l.proposedDay(cf.MiddleGround, cf.HalfDay),
		"Standard": l.standard(cf), "Why": l.planWhy(cf, n), "From": l.from(cf),
	}
	s := l.T("proposal.plan_clash", a)
	switch {
	case !cf.AfterDeadline:
		s += l.T("proposal.plan_in_time", a)
	case len(cf.Phases) > 1:
		a["Parts"] = l.phases(cf, width)
		s += l.T("proposal.plan_phases", a)
	case len(cf.ByDeadline) > 0:
		a["Items"] = l.offersCut(cf.ByDeadline, width)
		s += l.T("proposal.plan_by", a)
	default:
		s += l.T("proposal.plan_late", a)
	}
	if cf.Event != "" && cf.AfterDeadline {
		s += l.event(cf, width)
	}
	return strings.ReplaceAll(s, "….", "…") // a cut item that ends a sentence needs no second stop
}

// event says whether the event behind the deadline is still met: by all
// of it, by the first part only, by what can be had by the deadline with
// the rest plainly later, or not at all.
func (l loc) event(cf mediate.Conflict, width int) string {
	e := args{"Event": l.fit(cf.Event, width), "Date": l.date(cf.EventDate)}
	switch {
	case dayNum(cf.MiddleGround) <= dayNum(cf.EventDate):
		return l.T("proposal.plan_event_kept", e)
	case len(cf.Phases) > 1 && !cf.Phases[0].Due.IsZero() && dayNum(cf.Phases[0].Due) <= dayNum(cf.EventDate):
		return l.T("proposal.plan_event_part", e)
	case len(cf.Phases) <= 1 && len(cf.ByDeadline) > 0:
		e["Whole"] = l.day(cf.MiddleGround, cf.HalfDay) // what can be had by then keeps the event, the rest cannot
		return l.T("proposal.plan_event_by", e)
	}
	return l.T("proposal.plan_event_missed", e)
}

// phases lists the parts of a split, each with its date and whether it
// is in time for the deadline.
func (l loc) phases(cf mediate.Conflict, width int) string {
	out := make([]string, len(cf.Phases))
	for i, p := range cf.Phases {
		a := args{"Part": l.fit(cmp.Or(p.Work, p.Text), width), "Date": l.date(p.Due)}
		switch {
		case p.Due.IsZero():
			out[i] = a["Part"].(string)
		case dayNum(p.Due) <= dayNum(cf.Deadline):
			out[i] = l.T("proposal.part_in_time", a)
		default:
			out[i] = l.T("proposal.part_due", a)
		}
	}
	return l.joinWith(out, l.T("proposal.semi", nil), 900)
}

// itemsCut lists user items on one line, each cut to width.
func (l loc) itemsCut(is []mediate.Item, width int) string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = l.fit(it.Text, width)
	}
	return l.join(out, 600)
}

// offersCut lists offers said as what will be done, each by its point
// (see mediate.OfferPoint), cut to width.
func (l loc) offersCut(is []mediate.Item, width int) string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = l.point(l.inSentence(mediate.OfferPoint(it.Text)), width)
	}
	return l.join(out, 600)
}

// dayNum numbers t's calendar day in t's own location, for comparing the
// dates the engine gives.
func dayNum(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// work is what the clashing need asks for: the work without its date, or
// the need as typed when nothing is left of it, without a list number or
// the date the sentence says, set inside a sentence.
func (l loc) work(cf mediate.Conflict) string {
	w := strings.TrimSpace(cf.Work)
	if w == "" {
		w = cf.Need.Text
	}
	return l.inSentence(mediate.WithoutDay(mediate.Unnumbered(w), cf.Deadline)) // the sentence says the date
}

// inSentence is user text set inside an English sentence: a capital that
// only opened the item goes ("Laptops set up" → "laptops set up"); an
// acronym stays ("CRM access").
func (l loc) inSentence(s string) string {
	r := []rune(s)
	first, _, _ := strings.Cut(s, " ")
	if strings.HasSuffix(first, "'s") || strings.HasSuffix(first, "’s") {
		return s // "Legal's redlines back": a name's, which keeps its capital
	}
	if l.lang != "zh" && len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// leadSideHelps reports whether the side whose lead time it is offers to
// shorten it: only that side can say by how much. The requester's inputs
// the work waits for are no speed-up of it.
func leadSideHelps(cf mediate.Conflict) bool {
	for _, h := range cf.Helps {
		if h.Side == cf.Lead.Side {
			return true
		}
	}
	return false
}
