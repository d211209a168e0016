package flows

import "fmt"

// ItemRef names one item of a side's answer by its place in the answer's
// item list (from 0): a need of the needs answer, or an offer of the value
// answer. Places are stable for a given answer text, and a Decision also
// records which answers it read, so a revised answer drops it.
type ItemRef struct {
	Side  Side `json:"side"`
	Index int  `json:"index"`
}

// Confirm is a click on Yes or No under "Does ‹offer› cover ‹need›?": the
// needing side says whether the other side's offer meets its need. Only a
// member of the needing side may answer.
type Confirm struct {
	User    string
	Version int
	Need    ItemRef // a need of the needing side
	Offer   ItemRef // an offer of the other side
	Yes     bool
	On      string // the message clicked on, as for Accept
}

func (e Confirm) user() string { return e.User }

// Decision is a side's recorded answer to a candidate pair. NeedTS and
// OfferTS are the ts of the answers the refs point into: once either
// answer is revised, the decision no longer applies.
type Decision struct {
	Need    ItemRef `json:"need"`
	Offer   ItemRef `json:"offer"`
	Yes     bool    `json:"yes"`
	NeedTS  string  `json:"need_ts"`
	OfferTS string  `json:"offer_ts"`
}

// NoticeOtherSide tells a member of the offering side that only the
// needing side can say whether an offer meets its need.
const NoticeOtherSide Notice = "other_side"

// Current reports whether d still reads the answers c holds now.
func (d Decision) Current(c *Collab) bool {
	return c.Side(d.Need.Side).Answers[QNeeds].TS == d.NeedTS &&
		c.Side(d.Offer.Side).Answers[QValue].TS == d.OfferTS
}

func (d Decision) samePair(o Decision) bool {
	return d.Need == o.Need && d.Offer == o.Offer && d.NeedTS == o.NeedTS && d.OfferTS == o.OfferTS
}

// confirm records the needing side's decision on a candidate pair and
// proposes a new version built with it: a yes becomes a match, a no stops
// being suggested. Earlier acceptances stop counting, as for any change.
func confirm(c Collab, ev Confirm) (Collab, []Effect, error) {
	if !validSide(ev.Need.Side) || ev.Offer.Side != ev.Need.Side.Other() || ev.Need.Index < 0 || ev.Offer.Index < 0 {
		return c, nil, fmt.Errorf("collab %s: confirm of malformed pair %+v ← %+v", c.ID, ev.Need, ev.Offer)
	}
	if _, e := proposalClick(&c, ev.User, ev.Version, ev.On); e != nil {
		return c, []Effect{*e}, nil
	}
	if !c.Side(ev.Need.Side).Has(ev.User) {
		return c, []Effect{notify(ev.User, NoticeOtherSide)}, nil
	}
	d := Decision{
		Need: ev.Need, Offer: ev.Offer, Yes: ev.Yes,
		NeedTS:  c.Side(ev.Need.Side).Answers[QNeeds].TS,
		OfferTS: c.Side(ev.Offer.Side).Answers[QValue].TS,
	}
	kept := make([]Decision, 0, len(c.Decisions)+1)
	for _, old := range c.Decisions {
		if old.Current(&c) && !old.samePair(d) { // stale decisions go
			kept = append(kept, old)
		}
	}
	c.Decisions = append(kept, d)
	return c, reproposed(&c), nil
}

func validSide(s Side) bool { return s == SideA || s == SideB }
