package timeread

import (
	"regexp/syntax"
	"unicode"
)

// Most rules' expressions cannot match a clause that lacks some kind of
// character: "(\d+|[一二三…]+)\s*(天|周)" needs a digit or a numeral, and
// a unit. The characters each part of an expression that every match
// holds may start with are read from the expression once; a clause whose
// characters (see shapeSig) hold none of one part's is not run through it.

// shapeOf returns the character sets of expr's required parts, hashed as
// shapeSig does; a set too large to be worth hashing is left out.
func shapeOf(expr string) []shapeSig {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil // rx reports it
	}
	var out []shapeSig
	for _, set := range required(re.Simplify()) {
		if sig, ok := sigOfSet(set); ok {
			out = append(out, sig)
		}
	}
	return out
}

// required returns, for each part of re that every match holds (and that
// cannot be empty), the ranges of the characters it may start with.
func required(re *syntax.Regexp) [][]rune {
	switch re.Op {
	case syntax.OpConcat:
		var out [][]rune
		for _, sub := range re.Sub {
			out = append(out, required(sub)...)
		}
		return out
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 { // every character of a word
			var out [][]rune
			for _, r := range re.Rune {
				out = append(out, []rune{r, r})
			}
			return out
		}
	}
	if nullable(re) {
		return nil
	}
	if set, ok := first(re); ok {
		return [][]rune{set}
	}
	return nil
}

// nullable reports whether re may match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
		return false
	}
	return true // empty-width assertions, star, quest, empty match
}

// first returns the ranges of the characters a non-empty match of re may
// start with, or false when they are not known (any character, case
// folding).
func first(re *syntax.Regexp) ([]rune, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpLiteral:
		return []rune{re.Rune[0], re.Rune[0]}, len(re.Rune) > 0
	case syntax.OpCharClass:
		return re.Rune, true
	case syntax.OpCapture, syntax.OpPlus, syntax.OpRepeat, syntax.OpStar, syntax.OpQuest:
		return first(re.Sub[0])
	case syntax.OpConcat, syntax.OpAlternate:
		var out []rune
		for _, sub := range re.Sub {
			set, ok := first(sub)
			if !ok {
				return nil, false
			}
			out = append(out, set...)
			if re.Op == syntax.OpConcat && !nullable(sub) {
				break // a match starts within the first part that cannot be empty
			}
		}
		return out, true
	}
	if nullable(re) {
		return nil, true // an assertion: the match starts with what follows it
	}
	return nil, false
}

// maxSetRunes bounds the characters of a set hashed one by one.
const maxSetRunes = 4096

// sigOfSet returns the shapeSig bits of the characters in ranges, or false
// when there are too many to be worth it.
func sigOfSet(ranges []rune) (shapeSig, bool) {
	var sig shapeSig
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > maxSetRunes || ranges[i+1] > unicode.MaxRune {
			return shapeSig{}, false
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			sig.add(r)
		}
	}
	return sig, n > 0
}

// shapeSig is a set of characters hashed to 512 bits: ASCII characters
// have a bit each, and the others, Chinese above all, share 384, so that a
// clause of Chinese is seldom taken to hold a character of a part it lacks.
type shapeSig [8]uint64

func shapeSigOf(s string) shapeSig {
	var sig shapeSig
	for _, r := range s {
		sig.add(r)
	}
	return sig
}

// add sets the bit of r.
func (s *shapeSig) add(r rune) {
	b := uint32(r)
	if r >= 128 {
		b = 128 + uint32(r)*2654435761>>16%384
	}
	s[b>>6] |= 1 << (b & 63)
}

// meets reports whether s and o may have a character in common.
func (s *shapeSig) meets(o *shapeSig) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}
