package mediate

import (
	"slices"
	"strings"
	"unicode"
)

// A need and an offer that share a meaningful concept but not enough to be
// sure are not matched, nor is the need called open: the needing side is
// asked "Does ‹offer› cover ‹need›?" (see Proposal.Candidates), and its
// answer (a Decision) settles the pair in the next version.

// candidates returns, for each need that no offer meets, the offer of the
// other side that shares the most with it, when they share a concept of
// the lexicon or two meaningful words and their heads do not disagree.
// Pairs the needing side has ruled out are left out.
func (c *collab) candidates(ms []pairing, no map[[2]Item]bool) []pairing {
	met, used := map[*entry]bool{}, map[*entry]bool{}
	for _, m := range ms {
		met[m.need], used[m.offer] = true, true
	}
	var found [2][]pairing
	bothSides(func(i int) { // as in matches, the two sides' needs share no item
		for _, n := range c.needs[i] {
			if met[n] {
				continue
			}
			if best, ok := c.bestGuess(n, c.offers[1-i], no); ok {
				found[i] = append(found[i], best)
			} else if same, ok := c.sameHeadOffer(n, c.offers[1-i], used, no); ok {
				found[i] = append(found[i], same)
			}
		}
	})
	return append(found[0], found[1]...)
}

// sameHeadOffer returns an offer that meets no need yet and is headed by
// what n asks for ("Non-standard terms flagged 5 days before signature" and
// "Non-standard terms flagged in the deal room"): the proposal would
// otherwise call n uncovered and list that very offer as "also offered".
// Too unsure to match, it is worth asking about. A need that only states
// how long its own side's work takes asks for nothing.
func (c *collab) sameHeadOffer(n *entry, offers []*entry, used map[*entry]bool, no map[[2]Item]bool) (pairing, bool) {
	if n.statement || n.hasLead && !n.hasDeadline && !advance(n) {
		return pairing{}, false
	}
	ask := askingPart(n)
	head := slices.DeleteFunc(slices.Clone(needHead(ask)), func(k string) bool { return c.ws.weak[k] })
	for _, o := range offers {
		if sigsApart(n, o) {
			continue // no strong key in common, let alone three
		}
		// three words in common, the head among them: one or two are no evidence
		strong := c.askedShared(n, ask, o)
		if len(strong) < 3 || used[o] || o.refusal || no[[2]Item{n.Item, o.Item}] || len(head) == 0 || opposed(n, o) || actionsDisagree(n, o) || banUnmet(n, o) || headsDisagree(n, o) || sameHeadApart(n, o) || permissionUnmet(n, o) || deniesNothing(n, o) {
			continue
		}
		if len(intersect(head, needHead(o))) > 0 {
			return pairing{need: n, offer: o, shared: strong}, true
		}
	}
	return pairing{}, false
}

// askedShared is the strong keys n shares with o that the clause of n
// that asks (ask) holds: what the need is for, or why, is no ground to
// ask ("想要人群画像数据，看看联名款到底拉来了什么人" asks for personas, not
// for anything about the co-branded line).
// A team the need names as who acts ("直播间搭建的费用希望品牌部出") is no
// ground either.
func (c *collab) askedShared(n, ask, o *entry) []string {
	teams := n.teamKeys()
	return slices.DeleteFunc(c.strongShared(n, o), func(k string) bool {
		return ask != n && !slices.Contains(ask.keys, k) || slices.Contains(teams, k) || enTeamOnly(n, k)
	})
}

// teamKeys returns the keys e uses only to name a team or a receiver (see
// partyUse), read once when first asked for.
func (e *entry) teamKeys() []string {
	if !e.teamsRead {
		for _, k := range e.keys {
			if some, all := partyUse(e, k, true); some && all {
				e.teams = append(e.teams, k)
			}
		}
		e.teamsRead = true
	}
	return e.teams
}

// minGuess is the weight of a concept that makes a pair worth asking
// about on its own: one that few items of the collaboration name, not its
// theme ("customer" in a sales collaboration).
const minGuess = 0.8

// bestGuess returns the offer of offers most plausibly meeting n: one
// that holds n's head, or shares with it two meaningful words or a concept
// of the lexicon few items name; never one that names another thing by the
// same word (see apartAsked). A need that only states how long work takes is a
// condition, not something to ask about.
func (c *collab) bestGuess(n *entry, offers []*entry, no map[[2]Item]bool) (pairing, bool) {
	var best pairing
	bestW := 0.0
	if n.hasLead && !n.hasDeadline && !advance(n) {
		return best, false
	}
	ask := askingPart(n)
	head := needHead(ask)
	for _, o := range offers {
		if sigsApart(n, o) || c.nameOnly(n, o) {
			continue
		}
		strong := c.askedShared(n, ask, o)
		if len(strong) == 0 || no[[2]Item{n.Item, o.Item}] || c.slotMissed(n, o) || headsCross(ask, o, strong) || o.refusal && !grants(n, o) || c.unrelated(ask, o) || apartAsked(ask, o, head) || ask != n && sameHeadApart(n, o) || opposed(n, o) || banUnmet(n, o) || permissionUnmet(n, o) || c.servesAsker(n, o) || conformUnmet(n, o) || deniesNothing(n, o) {
			continue // sharing no word of weight, it cannot be the best guess
		}
		if agentOnly(n, strong) || equippedOnly(n, o, strong) {
			continue
		}
		w := 0.0
		for _, k := range strong {
			w += c.ws.w[k]
		}
		// a concept the need names only to qualify a deliverable the offer lacks
		// ("audit questionnaire" and "Internal audit") is no ground on its own
		concept := slices.ContainsFunc(strong, func(k string) bool { return k[0] == '#' && c.ws.w[k] >= minGuess && !qualifiesOther(n, o, k) })
		if (concept || len(strong) >= 2 || holdsAny(o, head) && len(strong) > 0) && w > bestW {
			best, bestW = pairing{need: n, offer: o, shared: strong}, w
		}
	}
	return best, bestW > 0
}

// deniesNothing reports whether need n forbids something ("客服别自己先挂出
// 去", "don't email customers directly") and offer o neither forbids nor
// denies anything: an offer that only does things is no answer worth
// asking about to a need that asks that something not be done.
func deniesNothing(n, o *entry) bool {
	return forbidsSomething(n.Text) && !prohibits(o.Text) && !denies(o.lowText()) && !o.refusal
}

// denies reports whether low holds a denial: an English one as a word of
// its own ("not", never "notice"), a Chinese one anywhere.
func denies(low string) bool {
	return slices.ContainsFunc(denials, func(w string) bool {
		if isHan(firstRune(w)) {
			return strings.Contains(low, w)
		}
		return slices.Contains(strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }), w)
	})
}

// forbidsSomething is prohibits without the 别 of a word (别家, 别人,
// 区别, 特别): "不然场地就放给别家了" forbids nothing.
func forbidsSomething(text string) bool {
	text = strings.NewReplacer("要不要", "", "需不需要", "", "用不用", "").Replace(text) // "不知道要不要授权" asks, forbids nothing
	if !prohibits(text) {
		return false
	}
	if !strings.Contains(text, "别") || says(lower(strings.ReplaceAll(text, "别", "")), prohibitions) {
		return true
	}
	return anyAt(text, "别", func(before, after string) bool {
		return !strings.ContainsRune("区特分个类级告识辨性差", lastRune(before)) && !strings.ContainsRune("家人的处样", firstRune(after))
	})
}

// agentOnly reports whether every key of strong names, in n, the person
// who is to do what n asks ("someone to map the spreadsheets"): a person
// offered for something else shares only that someone is involved.
func agentOnly(n *entry, strong []string) bool {
	return !slices.ContainsFunc(strong, func(k string) bool { return !slices.Contains(persons, k) || !actsFor(n, k) })
}

// apartAsked reports whether offer o names something else than need n
// by the words they share: their heads disagree, o holds n's head only as
// a modifier of its own, each names other work done to it (see
// actionsDisagree), or both qualify it with nothing in common.
func apartAsked(n, o *entry, head []string) bool {
	if headsDisagree(n, o) || crossedHeads(n, o) || groupNarrowed(n, o) || modifierOnly(n, o) || offerHeadQualifies(n, o) || opposed(n, o) || actionsDisagree(n, o) || ruleApart(n, o) || speedMissing(n, o) || sameHeadApart(n, o) || permissionUnmet(n, o) {
		return true
	}
	for _, k := range head {
		if qualifiedApartBy(n, o, k) {
			return true
		}
	}
	ni, oi := firstHeaded(n.phr), firstHeaded(o.phr)
	if ni < 0 || oi < 0 {
		return false
	}
	nq, oq := phraseQualifiers(n.phr, ni, head), phraseQualifiers(o.phr, oi, head)
	return len(nq) > 0 && len(oq) > 0 && len(intersect(nq, oq)) == 0
}

// askingPart returns the first clause of n that asks for something when
// n is written as several ("We've got 3 contractors… They need laptops…"),
// else n.
func askingPart(n *entry) *entry {
	for _, p := range n.parts {
		if asks(p.Text) || orders(p.Text) {
			return p
		}
	}
	return n
}

// orderVerbs, with "one" after them, open a Chinese clause that asks for
// what follows: "开一个店铺后台的子账号给品牌部".
var orderVerbs = []string{"开个", "开一个", "建个", "建一个", "加个", "加一个", "搞个", "搞一个"}

// orders reports whether clause opens with a word of orderVerbs.
func orders(clause string) bool {
	t := strings.TrimLeftFunc(clause, isPad)
	return slices.ContainsFunc(orderVerbs, func(w string) bool { return strings.HasPrefix(t, w) })
}

// needHead is the head of n: its Chinese head, else the head of its first
// English phrase.
func needHead(n *entry) []string {
	if len(n.head) > 0 {
		return n.head
	}
	if i := firstHeaded(n.phr); i >= 0 {
		w, _ := n.phr[i].head()
		return w.keys
	}
	return nil
}

// sigsApart reports whether n and o, both read with the weights, share no
// strong key by their signatures (see entry.strongSig).
func sigsApart(n, o *entry) bool {
	return n.sigRead && o.sigRead && n.strongSig&o.strongSig == 0
}

// strongShared returns the keys n and o share that are neither generic
// nor numbers.
func (c *collab) strongShared(n, o *entry) []string {
	return intersect(c.strongKeys(n), c.strongKeys(o))
}

// shareStrong reports whether strongShared(n, o) holds a key, without
// listing them: most pairs are asked only that.
func (c *collab) shareStrong(n, o *entry) bool {
	b := c.strongKeys(o) // sorted, as keys are
	return slices.ContainsFunc(c.strongKeys(n), func(k string) bool { _, ok := slices.BinarySearch(b, k); return ok })
}

// strongKeys returns e's keys that are neither generic nor numbers: those
// read with the weights (see readRequests), unless e's keys are not the
// ones read then (a copy of e read without some of them).
func (c *collab) strongKeys(e *entry) []string {
	if sameSlice(e.strongOf, e.keys) {
		return e.strong
	}
	return c.ws.strong(e.keys)
}

// sameSlice reports whether a and b are the same slice of one array.
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// qualifiesOther reports whether key stands, in n, only before a
// deliverable of its phrase that o lacks: "audit" in "sustainability audit
// questionnaire" says which questionnaire is asked for. Any other word
// after it may say what of it matters ("survey participation").
func qualifiesOther(n, o *entry, key string) bool {
	return onlyBefore(n, key, func(v word) bool { return v.lacks(o) && holdsAnyKey(v.keys, deliverables) })
}
