package mediate

import (
	"strings"
	"unicode/utf8"
)

// lower is strings.ToLower(s) without its slow path for what most answers
// hold: Chinese characters and punctuation, which have no case, beside
// ASCII. Any other character is left to strings.ToLower.
func lower(s string) string {
	upper := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			upper = upper || 'A' <= c && c <= 'Z'
			i++
			continue
		}
		// Every caseless character takes three bytes: decode those inline.
		if c < 0xE0 || c > 0xEF || i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 ||
			!caseless(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)) {
			return strings.ToLower(s)
		}
		i += 3
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// lowText is e's text in lower case, as read with it; an entry made
// without it (in a test) is lowered here.
func (e *entry) lowText() string {
	if e.low == "" {
		return lower(e.Text)
	}
	return e.low
}

// caseless reports whether r is in a block without case: general
// punctuation, CJK symbols, kana and ideographs, full-width punctuation.
// U+FFFD, which stands for invalid bytes, is not among them.
func caseless(r rune) bool {
	switch {
	case r >= 0x2000 && r < 0x2070, r >= 0x3000 && r < 0xA000:
		return true
	case r >= 0xFF00 && r < 0xFF21, r >= 0xFF3B && r < 0xFF41, r >= 0xFF5B && r < 0xFFF0:
		return true
	}
	return false
}
