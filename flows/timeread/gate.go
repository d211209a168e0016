package timeread

import "strings"

// A rule runs only on a clause that holds one of its needs. The words are
// numbered once for all rules, since many share them ("next", "月"), so a
// clause is searched for each word once, and never for words of a script
// it does not contain, nor for words with a character it lacks (see
// runeSig); a rule then asks for its words by their numbers (wordSet).

// gateMax bounds the distinct words of all rules' needs.
const gateMax = 256

// wordSet is a set of the gate's words, by number.
type wordSet [gateMax / 64]uint64

func (s *wordSet) add(id int) { s[id/64] |= 1 << (id % 64) }

func (s *wordSet) meets(o *wordSet) bool {
	return s[0]&o[0] != 0 || s[1]&o[1] != 0 || s[2]&o[2] != 0 || s[3]&o[3] != 0
}

// gate numbers the distinct words of the rules' needs.
type gate struct {
	words []gateWord
	// needs holds each rule's words, in the rule's order, and also its
	// further words (see rule.also); shapes the characters of the parts of
	// its expression that every match holds (see shapeOf).
	needs, also []wordSet
	shapes      [][]shapeSig
}

// gateWord is one word of the rules' needs, with what a clause must hold
// for it to be there: non-ASCII bytes (han), ASCII letters (latin), its
// characters (sig). Digits and punctuation ("/", "-") need neither.
type gateWord struct {
	text       string
	han, latin bool
	sig        runeSig
}

// gates is the gate of the rule table.
var gates = newGate(rules)

func newGate(rs []rule) gate {
	var g gate
	number := map[string]int{}
	for _, r := range rs {
		g.needs = append(g.needs, g.wordSetOf(r.needs, number))
		g.also = append(g.also, g.wordSetOf(r.also, number))
		g.shapes = append(g.shapes, shapeOf(r.re.String()))
	}
	return g
}

// wordSetOf returns the set of ws, numbering those number lacks.
func (g *gate) wordSetOf(ws []string, number map[string]int) wordSet {
	var ids wordSet
	for _, w := range ws {
		id, ok := number[w]
		if !ok {
			id = len(g.words)
			if id == gateMax {
				panic("timeread: the rules need more distinct words than gateMax")
			}
			number[w] = id
			g.words = append(g.words, gateWord{text: w, han: hasHan(w), latin: hasLatin(w), sig: sigOf(w)})
		}
		ids.add(id)
	}
	return ids
}

// clauseWords holds, for one lowercased clause, the gate's words it holds.
type clauseWords struct {
	lower   string
	present wordSet
	sig     runeSig
	shape   shapeSig // its characters as shapes hash them
	gate    *gate
}

func newClauseWords(lower string, g *gate) clauseWords {
	c := clauseWords{lower: lower, sig: sigOf(lower), shape: shapeSigOf(lower), gate: g}
	han, latin := hasHan(lower), hasLatin(lower)
	for id := range g.words {
		w := &g.words[id]
		if (!w.han || han) && (!w.latin || latin) && c.sig.covers(w.sig) && strings.Contains(lower, w.text) {
			c.present.add(id)
		}
	}
	return c
}

// admits reports whether the clause holds any of rule i's words, and
// characters that each required part of its expression may start with.
func (c *clauseWords) admits(i int) bool {
	if !c.gate.needs[i].meets(&c.present) {
		return false
	}
	if also := &c.gate.also[i]; *also != (wordSet{}) && !also.meets(&c.present) {
		return false
	}
	for j := range c.gate.shapes[i] {
		if !c.shape.meets(&c.gate.shapes[i][j]) {
			return false
		}
	}
	return true
}

// runeSig is a set of characters, hashed to 128 bits: a text holds a word
// only if its set covers the word's.
type runeSig [2]uint64

func sigOf(s string) runeSig {
	var sig runeSig
	for _, r := range s {
		sig = sig.with(r)
	}
	return sig
}

// with returns s with the bit of r set: ASCII characters have one each,
// the others are hashed.
func (s runeSig) with(r rune) runeSig {
	b := uint32(r)
	if r >= 128 {
		b = uint32(r) * 2654435761 >> 25
	}
	s[b>>6] |= 1 << (b & 63)
	return s
}

// meets reports whether s and o may have a character in common.
func (s runeSig) meets(o runeSig) bool { return s[0]&o[0] != 0 || s[1]&o[1] != 0 }

// covers reports whether every character of o may be in s.
func (s runeSig) covers(o runeSig) bool { return o[0]&^s[0] == 0 && o[1]&^s[1] == 0 }

func hasHan(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

func hasLatin(s string) bool {
	for i := range len(s) {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}
