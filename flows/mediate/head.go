package mediate

import (
	"slices"
	"strings"
	"unicode"
)

// English puts the thing a noun phrase names last: "final payment
// checkout", "page load", "server capacity". When a need and an offer
// share a single word, where it stands tells whether they name the same
// thing: "checkout live" and "a checkout that handles 3x" both name a
// checkout, while "page live" and "faster page load" name a page and a
// load time. Chinese has no spaces to find phrases by; it is left alone.

// word is one word of an item: its term keys (a word may stand for
// several concepts), where it ends in the text, and whether it is weak.
type word struct {
	keys []string
	end  int
	weak bool
}

// lacks reports whether w is a strong word that other does not hold.
func (w word) lacks(other *entry) bool {
	return !w.weak && !slices.ContainsFunc(w.keys, func(k string) bool { return slices.Contains(other.keys, k) })
}

// phrase is a run of words with nothing between them but a space, a
// hyphen, "+", "&", "/" or quotes (a quoted name qualifies the noun after
// it); a stop word or punctuation ends it.
type phrase struct {
	words []word
	next  string // the word that follows the phrase, lower case
}

// predicates follow a noun to say what state it must be in ("checkout
// live by Nov 1"), so they end its phrase.
var predicates = []string{"live", "ready", "done", "online", "available", "written", "given", "taken", "shown",
	"built", "sent", "kept", "frozen", "drawn", "chosen", "signed", "open", // "Tech talk open to support"
	// verbs of motion and state right after their subject: "Interview
	// feedback goes into the ATS" is about the feedback
	"goes", "gets", "comes", "stays", "lands", "moves", "takes", "covers", "includes"}

// isPredicate is a predicate word or a past participle ("imaged",
// "created", "sized"), but not a noun such as "speed" or "feed".
func isPredicate(w string) bool {
	w = lower(w)
	return slices.Contains(predicates, w) || len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") ||
		len(w) >= 7 && !strings.Contains(w, " ") && (strings.HasSuffix(w, "able") || strings.HasSuffix(w, "ible")) && !slices.Contains(ableNouns, w)
}

// ableNouns end in -able without being an adjective after a noun, as
// "reachable" is in "an engineer reachable by CSMs".
var ableNouns = []string{"deliverable", "timetable", "variable", "receivable", "payable", "vegetable", "turntable", "constable"}

// phrases reads e's noun phrases, or nil when e holds Chinese.
func phrases(e *entry) []phrase {
	if strings.IndexFunc(e.Text, isHan) >= 0 {
		return nil
	}
	var out []phrase
	var cur []word
	flush := func(next string) {
		if len(cur) > 0 {
			out = append(out, phrase{words: cur, next: next})
		}
		cur = nil
	}
	cut := frontedEnd(e.lowText())
	for _, t := range e.terms {
		if t.start < cut {
			continue // "For the big screen on the back wall we need a loop video": what is for the screen is the video
		}
		if n := len(cur); n > 0 && t.start < cur[n-1].end {
			cur[n-1].keys = append(cur[n-1].keys, t.key) // one word, several concepts
			continue
		}
		if n := len(cur); n > 0 && strings.Trim(e.Text[cur[n-1].end:t.start], " -+&/\"“”") != "" {
			flush(linkWord(strings.Fields(lower(e.Text[cur[n-1].end:t.start]))))
		}
		if isPredicate(e.Text[t.start:t.end]) || t.key[0] != '#' && afterTo(e.Text[:t.start]) {
			if len(cur) > 0 { // "checkout live": the phrase ends; "Expected peak": a modifier
				flush("")
			}
			continue
		}
		cur = append(cur, word{keys: []string{t.key}, end: t.end, weak: t.weak})
	}
	flush("")
	return out
}

// afterTo reports whether before ends in "to", which makes the word after
// it a verb ("get them to fill in whatever questionnaire you use"), not
// the thing the phrase names.
func afterTo(before string) bool {
	return strings.HasSuffix(before, " to ") || strings.HasSuffix(before, " To ")
}

// frontedEnd returns where the asking starts in low (lower case) when it opens with a
// phrase of purpose or place before it ("For the big screen on the back
// wall we need …", "On launch day we need …"), or 0.
func frontedEnd(low string) int {
	if !hasAnyPrefix(low, []string{"for ", "on ", "at ", "in ", "during ", "before ", "after "}) {
		return 0
	}
	for _, ask := range []string{" we need ", " we'll need ", " i need ", " we want ", " we'd like ", " we would like "} {
		if i := strings.Index(low, ask); i > 0 && strings.IndexFunc(low[:i], func(r rune) bool { return isClauseMark(r) || r == '.' }) < 0 {
			return i + len(ask)
		}
	}
	return 0
}

// linkWord returns the word of gap (the words between two phrases) that
// links them: the first complement word ("per day on interview loops":
// "on"), else its first word; "" after punctuation. "to" right before a
// verb is a purpose ("a plan to prepare desks"), not which plan.
func linkWord(gap []string) string {
	if len(gap) == 0 || strings.IndexFunc(gap[0], unicode.IsPunct) >= 0 {
		return ""
	}
	for i, w := range gap {
		if strings.IndexFunc(w, unicode.IsPunct) >= 0 {
			break
		}
		if slices.Contains(complements, w) {
			if w == "to" && i == len(gap)-1 {
				return ""
			}
			return w
		}
	}
	return gap[0]
}

// head returns the last strong word of p: "Extra servers" is about servers.
func (p phrase) head() (word, bool) {
	for i := len(p.words) - 1; i >= 0; i-- {
		if !p.words[i].weak {
			return p.words[i], true
		}
	}
	return word{}, false
}

// complements lead into words that say which one a phrase names:
// "approval of the design", "a plan for load tests", "access to the HR
// system". A relative clause ("a checkout that handles 3x") says more
// about it instead.
var complements = []string{"of", "for", "to", "with", "on", "in", "about", "from", "at", "per"}

// headMatch reports whether need and offer name the same thing: their
// first phrases end in the same word, which the offer qualifies with
// nothing that the need lacks (see apart). "Deposit + final payment
// checkout live" and "A checkout that handles 3x" name a checkout; "Badge
// access" and "HR system access" name different accesses, as do "Budget
// approval" and "Approval of the design".
func headMatch(need, offer *entry) (string, bool) {
	ni, oi := firstHeaded(need.phr), firstHeaded(offer.phr)
	if ni < 0 || oi < 0 {
		return "", false
	}
	nh, _ := need.phr[ni].head()
	oh, _ := offer.phr[oi].head()
	shared := intersect(sorted(nh.keys), sorted(oh.keys))
	// Both qualify the head, and with nothing in common: they name two
	// kinds of it ("HR system access" and "Badge access", "engineers at
	// the career fair" and "engineers on the interview panels"). A need
	// that asks for the head as such, or an offer that does not qualify
	// it, names the same thing.
	if len(shared) == 0 {
		return "", false
	}
	nq, oq := phraseQualifiers(need.phr, ni, shared), phraseQualifiers(offer.phr, oi, shared)
	if len(nq) > 0 && len(oq) > 0 && len(intersect(nq, oq)) == 0 {
		return "", false
	}
	return shared[0], true
}

// recordOf returns the keys of what the first record e names holds, when
// a complement with "of" says it ("List of high-spend vendors", "a report
// of every vendor we paid"), and the words that qualify it.
func recordOf(e *entry) (held, quals []string) {
	for i, p := range e.phr[:max(len(e.phr)-1, 0)] {
		if w, ok := p.head(); ok && holdsAnyKey(w.keys, containers) {
			if p.next != "of" {
				return nil, nil
			}
			held = phraseCore(e.phr[i+1])
			return held, phraseQualifiers(e.phr, i+1, held)
		}
	}
	return nil, nil
}

// sameRecord reports whether need and offer each name a record of the
// same thing, whatever each calls the record, and do not qualify it with
// nothing in common: a list of the vendors asked for is met by a report
// of them, a list of open bugs not by a report of the fixed ones.
func sameRecord(need, offer *entry) (string, bool) {
	if len(need.recordQ) > 0 && len(offer.recordQ) > 0 && len(intersect(need.recordQ, offer.recordQ)) == 0 {
		return "", false
	}
	for _, k := range offer.record {
		if slices.Contains(need.record, k) {
			return k, true
		}
	}
	return "", false
}

// heldInContainer reports whether the offer's first phrase names a
// container of what the need's first phrase asks for: "hypothesis doc
// template" for "Experiment hypotheses", "churn report" for "churn
// figures". The container holds the thing; the key is the need's head.
func heldInContainer(need, offer *entry) (string, bool) {
	ni, oi := firstHeaded(need.phr), firstHeaded(offer.phr)
	if ni < 0 || oi < 0 || len(need.head) > 0 || len(offer.head) > 0 {
		return "", false
	}
	nh, _ := need.phr[ni].head()
	oh, _ := offer.phr[oi].head()
	if !slices.ContainsFunc(oh.keys, func(k string) bool { return slices.Contains(containers, k) }) || gerund(need, need.phr[ni]) || inState(need, nh) {
		return "", false
	}
	for _, w := range offer.phr[oi].words {
		for _, k := range w.keys {
			if slices.Contains(nh.keys, k) && !w.weak && !slices.Contains(oh.keys, k) {
				return k, true // what the container holds, not the container: "VPN guide" is no "Wi-Fi guide"
			}
		}
	}
	return "", false
}

// inState reports whether word w of e is followed by a predicate
// ("Tickets tagged by component"): the need asks for a state of the thing,
// which a container of it ("a ticket template") does not bring about,
// unless the state is being written down, which a document does
// ("hypotheses written down" and "a hypothesis doc template").
func inState(e *entry, w word) bool {
	next := strings.Fields(lower(e.Text[w.end:]))
	if len(next) == 0 {
		return false
	}
	p := strings.Trim(next[0], ",.;:")
	return isPredicate(p) && !slices.Contains(writtenWords, p)
}

// writtenWords say a thing is put on record.
var writtenWords = []string{"written", "documented", "recorded", "captured", "logged", "noted", "listed"}

// gerund reports whether phrase p of e opens with a verb in -ing
// ("sizing experiments"): it names an activity, not the thing after it.
func gerund(e *entry, p phrase) bool {
	for _, w := range p.words {
		if w.weak {
			continue
		}
		start := strings.LastIndexFunc(e.Text[:w.end], func(r rune) bool { return !isWordRune(r) }) + 1
		return strings.HasSuffix(lower(e.Text[start:w.end]), "ing")
	}
	return false
}

// phraseQualifiers returns the keys of the strong words of phrase i of
// ps and of the complement that follows it, except the head's keys.
func phraseQualifiers(ps []phrase, i int, head []string) []string {
	words := ps[i].words
	if i+1 < len(ps) && slices.Contains(complements, ps[i].next) {
		words = append(slices.Clone(words), ps[i+1].words...)
	}
	var out []string
	for _, w := range words {
		if w.weak || slices.ContainsFunc(w.keys, func(k string) bool { return slices.Contains(head, k) }) {
			continue
		}
		out = append(out, w.keys...)
	}
	return sorted(out)
}

// firstHeaded returns the index of the first phrase with a strong word,
// or -1: "we'd love" only says how much a side wants what follows.
func firstHeaded(ps []phrase) int {
	for i, p := range ps {
		if _, ok := p.head(); ok {
			return i
		}
	}
	return -1
}

// apart reports whether every use of key in offer is qualified by a strong
// word that need lacks, in its phrase or in a complement after it: "plan"
// in "a plan for load tests" is not the need's "campaign plan", "page" in
// "faster page load" is about load. Then offer is about something else.
func apart(offer, need *entry, key string) bool {
	ps := offer.phr
	found := false
	for i, p := range ps {
		if !slices.ContainsFunc(p.words, func(w word) bool { return slices.Contains(w.keys, key) }) {
			continue
		}
		if found = true; !qualifiedApart(ps, i, need) {
			return false
		}
	}
	return found
}

// qualifiedApart reports whether phrase i of ps, with the complement that
// follows it, holds a strong word that other lacks.
func qualifiedApart(ps []phrase, i int, other *entry) bool {
	words := ps[i].words
	if i+1 < len(ps) && slices.Contains(complements, ps[i].next) {
		words = append(slices.Clone(words), ps[i+1].words...)
	}
	return slices.ContainsFunc(words, func(w word) bool { return w.lacks(other) })
}

// modifies reports whether key stands, in need, only before a strong word
// of its phrase that offer lacks, as "server" in "server logs": then need
// is about that other thing.
func modifies(need, offer *entry, key string) bool {
	return onlyBefore(need, key, func(v word) bool { return v.lacks(offer) })
}

// onlyBefore reports whether key stands in e, and everywhere only before
// a word of its phrase that head accepts.
func onlyBefore(e *entry, key string, head func(word) bool) bool {
	found := false
	for _, p := range e.phr {
		for i, w := range p.words {
			if !slices.Contains(w.keys, key) {
				continue
			}
			if found = true; !slices.ContainsFunc(p.words[i+1:], head) {
				return false
			}
		}
	}
	return found
}

func sorted(keys []string) []string {
	out := slices.Clone(keys)
	slices.Sort(out)
	return out
}

// wherePreps open a complement that says where a thing is or goes: "the
// price sheet loaded into the CPQ tool", "train the new reps on the CPQ
// tool".
var wherePreps = []string{"in", "into", "on", "onto", "inside", "within", "via", "through"}

// placedOnly reports whether need and offer, both English, share only
// words that each holds in a complement of place, and name different
// things before it: the price sheet and the reps' training are both in
// the CPQ tool, and are not the same request.
func (c *collab) placedOnly(need, offer *entry) bool {
	if len(need.phr) == 0 || len(offer.phr) == 0 || holdsAnyKey(need.core, offer.keys) || holdsAnyKey(offer.core, need.keys) {
		return false
	}
	strong := c.strongShared(need, offer)
	return len(strong) > 0 && placedIn(need, strong) && placedIn(offer, strong)
}

// placedIn reports whether every phrase of e that holds one of keys comes
// right after a preposition of place, past an article.
func placedIn(e *entry, keys []string) bool {
	for _, p := range e.phr {
		if !slices.ContainsFunc(p.words, func(w word) bool { return holdsAnyKey(w.keys, keys) }) {
			continue
		}
		at := slices.IndexFunc(e.terms, func(t term) bool { return t.end == p.words[0].end })
		if at < 0 {
			return false
		}
		before := strings.Fields(lower(e.Text[:e.terms[at].start]))
		for len(before) > 0 && slices.Contains([]string{"the", "a", "an", "our", "your", "their"}, before[len(before)-1]) {
			before = before[:len(before)-1]
		}
		if len(before) == 0 || !slices.Contains(wherePreps, before[len(before)-1]) {
			return false
		}
	}
	return true
}
