package timeread

import "strings"

// A rule runs only on a clause that holds one of its needs. The words are
// numbered once for all rules, since many share them ("next", "月"), and
// indexed by their first two bytes, so a clause is read once, each word
// looked for only where those bytes stand (see newClauseWords); a rule
// then asks for its words by their numbers (wordSet).

// gateMax bounds the distinct words of all rules' needs.
const gateMax = 320

// wordSet is a set of the gate's words, by number.
type wordSet [gateMax / 64]uint64

func (s *wordSet) add(id int) { s[id/64] |= 1 << (id % 64) }

func (s *wordSet) meets(o *wordSet) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

// gate numbers the distinct words of the rules' needs.
type gate struct {
	words []string
	// byPair lists the words of two bytes or more by their first two
	// (pairAt), pairs marks the pairs it holds, and byByte lists the
	// words of one byte.
	byPair map[uint16][]int
	pairs  [1 << 16 / 64]uint64
	byByte [256][]int
	// needs holds each rule's words, in the rule's order, and also its
	// further words (see rule.also); shapes the characters of the parts of
	// its expression that every match holds (see shapeOf).
	needs, also []wordSet
	shapes      [][]shapeSig
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
	g.byPair = map[uint16][]int{}
	for id, w := range g.words {
		if len(w) == 1 {
			g.byByte[w[0]] = append(g.byByte[w[0]], id)
			continue
		}
		p := pairAt(w, 0)
		g.byPair[p] = append(g.byPair[p], id)
		g.pairs[p/64] |= 1 << (p % 64)
	}
	return g
}

// pairAt is the pair of bytes of s at i and i+1.
func pairAt(s string, i int) uint16 { return uint16(s[i])<<8 | uint16(s[i+1]) }

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
			g.words = append(g.words, w)
		}
		ids.add(id)
	}
	return ids
}

// clauseWords holds, for one lowercased clause, the gate's words it holds.
type clauseWords struct {
	lower   string
	present wordSet
	shape   shapeSig // its characters as shapes hash them
	gate    *gate
}

// newClauseWords reads which of g's words lower holds: at each byte, the
// words of that byte, and those that start with it and the next.
func newClauseWords(lower string, g *gate) clauseWords {
	c := clauseWords{lower: lower, shape: shapeSigOf(lower), gate: g}
	for i := range len(lower) {
		for _, id := range g.byByte[lower[i]] {
			c.present.add(id)
		}
		if i+1 == len(lower) {
			break
		}
		if p := pairAt(lower, i); g.pairs[p/64]&(1<<(p%64)) != 0 {
			for _, id := range g.byPair[p] {
				if strings.HasPrefix(lower[i:], g.words[id]) {
					c.present.add(id)
				}
			}
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
