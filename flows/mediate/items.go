package mediate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxItems bounds the items of one answer, and so the engine's work on a
// pasted document. Items beyond it are joined into the last one, with
// "; ", so that nothing typed is dropped.
const MaxItems = 100

// Items splits an answer into its items: one per line, per `;` or `；`,
// with bullets (-, *, •) and numbering (1. 1) (1) （1） 一、 ①) trimmed, so
// each item keeps the user's own wording for display. An answer that only
// says there is nothing ("None", "暂无") has no items, and an item repeated
// verbatim counts once. There are at most MaxItems items.
func Items(text string) []string {
	out := splitItems(text)
	if len(out) > MaxItems {
		out[MaxItems-1] = strings.Join(out[MaxItems-1:], "; ")
		out = out[:MaxItems]
	}
	return out
}

// splitItems is Items without the bound.
func splitItems(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(text, isItemBreak) {
		item := trimMarkers(part)
		key := strings.ToLower(strings.Join(strings.Fields(item), " "))
		if item == "" || seen[key] || isNothing(key) {
			continue
		}
		seen[key] = true
		out = append(out, item)
	}
	return out
}

// isItemBreak reports whether r ends an item.
func isItemBreak(r rune) bool {
	switch r {
	case '\n', '\r', ';', '；', '\u2028', '\u2029':
		return true
	}
	return false
}

// trimMarkers removes leading bullets and numbering, and the spaces and
// dangling separators around the item.
func trimMarkers(s string) string {
	for {
		s = strings.TrimFunc(s, isPad)
		rest := trimBullet(s)
		if rest == s {
			rest = trimNumber(s)
		}
		if rest == s {
			return strings.TrimRightFunc(s, func(r rune) bool { return isPad(r) || strings.ContainsRune(",，、", r) })
		}
		s = rest
	}
}

// isPad is white space, including the ideographic space.
func isPad(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// trimBullet removes one leading bullet character.
func trimBullet(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·‣◦●○▪■□–—>", r) {
		// "-5%" or "*args" are text, not bullets: a bullet is followed by a space.
		if next, _ := utf8.DecodeRuneInString(s[n:]); n == len(s) || isPad(next) || r == '•' || r == '●' || r == '▪' || r == '■' {
			return s[n:]
		}
	}
	return s
}

// trimNumber removes one leading list number: 1. 1) 1、 (1) （1） (a) a)
// 一、 （一） ① and the like. A number that is part of the text ("1.5天",
// "3 servers", "2026年") is left alone.
func trimNumber(s string) string {
	if r, n := utf8.DecodeRuneInString(s); r >= '①' && r <= '⑳' {
		return s[n:]
	}
	if open, n := utf8.DecodeRuneInString(s); open == '(' || open == '（' {
		label, rest := cutLabel(s[n:])
		if close, m := utf8.DecodeRuneInString(rest); label != "" && (close == ')' || close == '）') {
			return rest[m:]
		}
		return s
	}
	label, rest := cutLabel(s)
	if label == "" {
		return s
	}
	sep, m := utf8.DecodeRuneInString(rest)
	next := firstRune(rest[m:])
	digits := label[0] >= '0' && label[0] <= '9'
	switch {
	case sep == '、' || sep == '．' || sep == ')':
		return rest[m:]
	case sep == '.' && digits && !unicode.IsDigit(next): // "1.Laptops", not "1.5天"
		return rest[m:]
	case sep == '.' && (m == len(rest) || isPad(next)): // "a. ", not "e.g."
		return rest[m:]
	}
	return s
}

// cutLabel splits off a list label: up to three ASCII digits, one ASCII
// letter, or up to three Chinese numerals.
func cutLabel(s string) (label, rest string) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		return s[:i], s[i:]
	}
	if len(s) > 0 && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z' && (len(s) == 1 || !isASCIIAlnum(rune(s[1]))) {
		return s[:1], s[1:]
	}
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isNothing reports whether an item only says that there is nothing to
// list; key is lower case with single spaces.
func isNothing(key string) bool {
	key = strings.TrimRightFunc(key, func(r rune) bool { return unicode.IsPunct(r) || isPad(r) })
	switch key {
	case "none", "nothing", "n/a", "na", "nil", "no", "-", "—", "none for now", "nothing for now",
		"nothing yet", "none yet", "no needs", "nothing needed", "not at the moment",
		"无", "没有", "暂无", "暂时没有", "目前没有", "暂无需求", "没有需求", "无需求", "暂时无":
		return true
	}
	return false
}
