package render

import (
	"strconv"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// maxAsk bounds the candidate questions of one proposal (two blocks each),
// so a proposal stays within Slack's 50 blocks and a person's patience;
// the rest are asked in the versions that follow the answers.
const maxAsk = 8

// askItem is the width of the need and of the offer in a question: their
// points, short enough to take in at once.
const askItem = 70

// candidates asks the needing side about each pair the engine is unsure
// of, "Does ‹offer› cover ‹need›?", each said by its point (see
// mediate.NeedPoint), with Yes and No buttons while the
// proposal is on the table. The question mentions the needing side, as
// it is the one asked.
func (l loc) candidates(c *flows.Collab, p mediate.Proposal, n sideNames) []slack.Block {
	var blocks []slack.Block
	for i, m := range p.Candidates {
		if i == maxAsk {
			blocks = append(blocks, context("candidates_more", l.N("proposal.candidates_more", len(p.Candidates)-i)))
			break
		}
		id := "candidate_" + strconv.Itoa(i)
		blocks = append(blocks, section(id, l.T("proposal.candidate", args{
			"Mention":   sideMention(*c.Side(flowsSide(m.Need.Side))),
			"OfferSide": n.of(m.Offer.Side), "Offer": l.point(mediate.OfferPoint(m.Offer.Text), askItem),
			"Need": l.point(mediate.NeedPoint(m.Need.Text), askItem),
		})))
		act, ok := candidateAction(c, p, m)
		if !ok || c.State.Final() {
			continue
		}
		yes := button(ActionCandidateYes, l.T("proposal.candidate_yes", nil), act)
		yes.Style = slack.StylePrimary
		no := button(ActionCandidateNo, l.T("proposal.candidate_no", nil), act)
		blocks = append(blocks, slack.NewActionBlock(id+"_actions", yes, no))
	}
	return blocks
}

// candidateAction is the value of a candidate's buttons: the pair as the
// places of its need and offer in how the answers were read, which stay
// the same for as long as the answers do.
func candidateAction(c *flows.Collab, p mediate.Proposal, m mediate.Match) (Action, bool) {
	need := index(p.Read[sideIndex(m.Need.Side)].Needs, m.Need)
	offer := index(p.Read[sideIndex(m.Offer.Side)].Offers, m.Offer)
	if need < 0 || offer < 0 || m.Need.Side == m.Offer.Side {
		return Action{}, false
	}
	return Action{Collab: c.ID, Thread: c.RootTS, Version: p.Version, Side: string(m.Need.Side), Need: need, Offer: offer}, true
}

// Pair is the pair a candidate button names, as the flow reads it.
func (a Action) Pair() (need, offer flows.ItemRef) {
	s := flows.Side(a.Side)
	return flows.ItemRef{Side: s, Index: a.Need}, flows.ItemRef{Side: s.Other(), Index: a.Offer}
}

func index(is []mediate.Item, it mediate.Item) int {
	for i, x := range is {
		if x == it {
			return i
		}
	}
	return -1
}

func sideIndex(s mediate.Side) int {
	if s == mediate.SideB {
		return 1
	}
	return 0
}

func flowsSide(s mediate.Side) flows.Side {
	if s == mediate.SideB {
		return flows.SideB
	}
	return flows.SideA
}
