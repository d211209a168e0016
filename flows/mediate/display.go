package mediate

import (
	"cmp"
	"slices"
	"strings"
)

// span is a stretch of an item's text that shares terms with the other
// item, and the weight of those terms.
type span struct {
	start, end int
	weight     float64
	other      string // the other item's wording, when it differs (synonyms)
}

// displayTerms turns the shared keys of need and offer into words people
// can check: the need's own wording, with adjacent shared words joined
// when the offer has the same phrase ("设备型号", "peak traffic"), and a
// synonym shown with the offer's word ("人手/人员"). Heaviest first.
func displayTerms(need, offer *entry, shared []string, ws weights) []string {
	spans := sharedSpans(need, offer, strongest(shared, ws), ws)
	spans = joinPhrases(need.Text, offer.Text, spans)
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Compare(b.weight, a.weight) })
	var out []string
	for _, s := range spans {
		text := need.Text[s.start:s.end]
		if s.other != "" && lexKey(s.other) != lexKey(text) {
			text += "/" + s.other
		}
		if !slices.Contains(out, text) && !isNumber(text) {
			out = append(out, text)
		}
	}
	return out
}

// strongest drops the generic words and numbers of shared, unless
// nothing else is left: they do not justify a match to a reader.
func strongest(shared []string, ws weights) []string {
	strong := slices.DeleteFunc(slices.Clone(shared), func(k string) bool { return ws.weak[k] })
	if len(strong) == 0 {
		return shared
	}
	return strong
}

// sharedSpans locates each shared key in need (first occurrence), one
// span per stretch of text, in text order.
func sharedSpans(need, offer *entry, shared []string, ws weights) []span {
	var out []span
	for _, k := range shared {
		nt, ot, ok := closestTerms(need, offer, k)
		if !ok { // a key the offer reads from the item before it (see inherit)
			if nt, ok = firstTerm(need.terms, k); !ok {
				continue
			}
			ot = term{}
		}
		i := slices.IndexFunc(out, func(s span) bool { return s.start == nt.start && s.end == nt.end })
		if i >= 0 {
			out[i].weight += ws.w[k]
			continue
		}
		s := span{start: nt.start, end: nt.end, weight: ws.w[k]}
		if strings.HasPrefix(k, "#") && ot.end > ot.start {
			s.other = offer.Text[ot.start:ot.end]
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	return out
}

// closestTerms returns the terms of need and offer with key k, preferring
// a pair written alike: "扩容" in both rather than "服务器" and "扩容".
func closestTerms(need, offer *entry, k string) (nt, ot term, ok bool) {
	for _, n := range need.terms {
		if n.key != k {
			continue
		}
		written := lexKey(need.Text[n.start:n.end])
		for _, o := range offer.terms {
			if o.key != k {
				continue
			}
			alike := written == lexKey(offer.Text[o.start:o.end])
			if !ok || alike {
				nt, ot, ok = n, o, true
			}
			if alike {
				return nt, ot, true
			}
		}
	}
	return nt, ot, ok
}

// firstTerm returns the first of ts with key.
func firstTerm(ts []term, key string) (term, bool) {
	for _, t := range ts {
		if t.key == key {
			return t, true
		}
	}
	return term{}, false
}

// joinPhrases joins neighbouring spans (touching, overlapping, or one
// space or hyphen apart) when the offer holds the joined phrase too.
func joinPhrases(need, offer string, spans []span) []span {
	var out []span
	lowOffer := lower(offer)
	for _, s := range spans {
		if len(out) > 0 {
			last := &out[len(out)-1]
			if near(need, last.end, s.start) && s.end > last.end &&
				strings.Contains(lowOffer, lower(need[last.start:s.end])) {
				last.end, last.weight, last.other = s.end, last.weight+s.weight, ""
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// near reports whether a span ending at end and one starting at start are
// neighbours in text.
func near(text string, end, start int) bool {
	return start <= end || (start == end+1 && (text[end] == ' ' || text[end] == '-'))
}
