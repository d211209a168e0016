package timeread

import "strings"

// A rule runs only on a clause that holds one of its needs. The words are
// numbered once for all rules, since many share them ("next", "月"), so a
// clause is searched for each word at most once, when a rule first asks,
// and never for words of a script it does not contain, nor for words with
// a character the clause lacks (see runeSig).

// gateMax bounds the distinct words of all rules' needs.
const gateMax = 256

// gate numbers the distinct words of the rules' needs.
type gate struct {
	words []string
	// han and latin mark words with non-ASCII bytes, and with ASCII
	// letters; the others are digits and punctuation ("/", "-").
	han, latin []bool
	sig        []runeSig // the characters of each word
	// needs lists each rule's words, by number, in the rule's order.
	needs [][]int
}

// gates is the gate of the rule table.
var gates = newGate(rules)

func newGate(rs []rule) gate {
	var g gate
	number := map[string]int{}
	for _, r := range rs {
		var ids []int
		for _, w := range r.needs {
			id, ok := number[w]
			if !ok {
				id = len(g.words)
				number[w] = id
				g.words = append(g.words, w)
				g.han = append(g.han, hasHan(w))
				g.latin = append(g.latin, hasLatin(w))
				g.sig = append(g.sig, sigOf(w))
			}
			ids = append(ids, id)
		}
		g.needs = append(g.needs, ids)
	}
	if len(g.words) > gateMax {
		panic("timeread: the rules need more distinct words than gateMax")
	}
	return g
}

// clauseWords answers, for one lowercased clause, which words it holds.
type clauseWords struct {
	lower      string
	han, latin bool
	sig        runeSig
	state      [gateMax]uint8 // 0 not asked yet, 1 absent, 2 present
	gate       *gate
}

func newClauseWords(lower string, g *gate) clauseWords {
	return clauseWords{lower: lower, han: hasHan(lower), latin: hasLatin(lower), sig: sigOf(lower), gate: g}
}

// runeSig is a set of characters, hashed to 128 bits: a text holds a word
// only if its set covers the word's.
type runeSig [2]uint64

func sigOf(s string) runeSig {
	var sig runeSig
	for _, r := range s {
		b := uint32(r)
		if r >= 128 {
			b = uint32(r) * 2654435761 >> 25
		}
		sig[b>>6] |= 1 << (b & 63)
	}
	return sig
}

// covers reports whether every character of o may be in s.
func (s runeSig) covers(o runeSig) bool { return o[0]&^s[0] == 0 && o[1]&^s[1] == 0 }

// admits reports whether the clause holds any of rule i's words.
func (c *clauseWords) admits(i int) bool {
	for _, id := range c.gate.needs[i] {
		if c.state[id] == 0 {
			c.state[id] = 1
			if c.scriptMayHold(id) && c.sig.covers(c.gate.sig[id]) && strings.Contains(c.lower, c.gate.words[id]) {
				c.state[id] = 2
			}
		}
		if c.state[id] == 2 {
			return true
		}
	}
	return false
}

// scriptMayHold reports whether the clause has the script of word id.
func (c *clauseWords) scriptMayHold(id int) bool {
	return (!c.gate.han[id] || c.han) && (!c.gate.latin[id] || c.latin)
}

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
