package mediate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Chinese is not segmented with a dictionary library: github.com/go-ego/gse
// (v0.80.3, embedded dictionary) takes 1.6 s and 135 MB of heap to load and
// adds 30 MB to the binary, for items of a dozen characters. Instead a
// Chinese run is cut at the words of the lexicon (concepts, generic and
// stop words), and what remains is read as overlapping character pairs,
// leaving out pairs that hold a glue character such as 的.

// term is one meaningful unit of an item: an English stem, a concept
// ("#staff"), a pair of Chinese characters, or a number; start and end
// locate it in the item's text, for display.
type term struct {
	key        string
	start, end int
	weak       bool // a generic word or a number: supports a match, never makes one
}

// termsOf reads the terms of text, in order.
func termsOf(text string) []term {
	var out []term
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		end := i + n
		switch {
		case isHan(r):
			for end < len(text) && isHan(firstRune(text[end:])) {
				end += utf8.RuneLen(firstRune(text[end:]))
			}
			out = appendHan(out, text, i, end)
		case isWordRune(r):
			end = wordEnd(text, i)
			if stop, e, ok := phraseAt(text, i, end); ok {
				out = appendEntry(out, e, lower(text[i:stop]), i, stop)
				end = stop
				break
			}
			out = appendWord(out, text, i, end)
		}
		i = end
	}
	return out
}

// wordEnd returns the end of the word that starts at i: letters and
// digits, joined by inner hyphens and apostrophes, and a slash between
// single letters (A/B, I/O, P/L), which spells one abbreviation.
func wordEnd(text string, i int) int {
	end := i
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		joined := (r == '-' || r == '\'' || r == '’') && end+n < len(text) && isWordRune(firstRune(text[end+n:]))
		joined = joined || r == '/' && end-i == 1 && letterAlone(text[end+n:])
		if !isWordRune(r) && !joined {
			break
		}
		end += n
	}
	return end
}

// letterAlone reports whether s opens with one letter that ends a word.
func letterAlone(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !isHan(r) && (n == len(s) || !isWordRune(firstRune(s[n:])))
}

// appendWord adds the terms of one English word, or of a number.
func appendWord(out []term, text string, start, end int) []term {
	word := lower(strings.ReplaceAll(text[start:end], "’", "'"))
	if strings.Contains(word, "-") {
		if e, known := lookup(word, word); known {
			return appendEntry(out, e, word, start, end)
		}
		if one, ok := strings.CutSuffix(word, "s"); ok {
			if e, known := lookup(one, one); known { // "one-pagers", "check-ins"
				return appendEntry(out, e, one, start, end)
			}
		}
		if rest, ok := strings.CutPrefix(word, "non-"); ok && !strings.Contains(rest, "-") {
			return appendEntry(out, lexEntry{}, "non"+stem(rest), start, end) // "non-eng" names those who are not engineers
		}
		if n, ok := measureCompound(text, start, end); ok {
			return append(out, term{key: n, start: start, end: end, weak: true})
		}
		off := start
		for _, part := range strings.Split(text[start:end], "-") {
			out = appendWord(out, text, off, off+len(part))
			off += len(part) + 1
		}
		return out
	}
	switch {
	case isNumber(word):
		return append(out, term{key: word, start: start, end: end, weak: true})
	case utf8.RuneCountInString(word) < 2 || english.IsStopWord(word) || isClock(word):
		return out // a time of day names nothing: timeread reads it
	}
	if a, ok := acronymPlural(text[start:end]); ok {
		word = a
	}
	if raw := text[start:end]; raw == "PM" || raw == "PMs" {
		return append(out, term{key: conceptKey("product_manager"), start: start, end: end}) // "PM 可以来讲两场"; "3 pm" is a time
	}
	if (word == "offer" || word == "offers") && hasHan(text) {
		return append(out, term{key: conceptKey("offer_letter"), start: start, end: end}) // "offer 9月30日前发出去": in Chinese, an offer is the letter to a hire
	}
	key := stem(word)
	e, _ := lookup(word, key)
	return appendEntry(out, e, key, start, end)
}

// measureCompound reads a count joined to its unit before a noun ("a
// 2-page guide", "3-way matched invoices", "a 12-week study") as the count
// alone: the compound says how long or how many, and its unit is no thing
// the item names. It returns the count.
func measureCompound(text string, start, end int) (string, bool) {
	count, unit, ok := strings.Cut(text[start:end], "-")
	if !ok || !isNumber(count) || count == "" || strings.Contains(unit, "-") || !unicode.IsLetter(firstRune(unit)) {
		return "", false
	}
	rest := strings.TrimLeft(text[end:], " ")
	return count, rest != "" && len(rest) < len(text[end:]) && isWordRune(firstRune(rest))
}

// conceptKeys maps each concept id to its term key, "#" and the id, built
// once so that reading a term does not build the string again. Read only.
var conceptKeys = keysOfConcepts(conceptTable)

// conceptKey returns the term key of concept id c.
func conceptKey(c string) string {
	if k, ok := conceptKeys[c]; ok {
		return k
	}
	return "#" + c
}

func keysOfConcepts(table map[string][]string) map[string]string {
	out := make(map[string]string, len(table))
	for id := range table {
		out[id] = "#" + id
	}
	return out
}

// acronymPlural returns, lower case, the abbreviation a plural like
// "DPAs", "POs" or "SOWs" is written on: the plural of a term is the
// term, and the stemmer does not know capitals.
func acronymPlural(w string) (string, bool) {
	base, ok := strings.CutSuffix(w, "s")
	if !ok || len(base) < 2 || strings.IndexFunc(base, func(r rune) bool { return !unicode.IsUpper(r) && !unicode.IsDigit(r) }) >= 0 {
		return "", false
	}
	return lower(base), true
}

// appendEntry adds what lexicon entry e of key stands for, or the key
// itself when e is empty.
func appendEntry(out []term, e lexEntry, key string, start, end int) []term {
	switch {
	case !e.stop && !e.generic && len(e.concepts) == 0:
		return append(out, term{key: key, start: start, end: end})
	case e.stop:
		return out
	case len(e.concepts) > 0:
		for i, c := range e.concepts {
			k := ""
			if len(e.keys) == len(e.concepts) {
				k = e.keys[i] // read with the lexicon
			} else {
				k = conceptKey(c)
			}
			out = append(out, term{key: k, start: start, end: end})
		}
		return out
	}
	return append(out, term{key: key, start: start, end: end, weak: e.generic})
}

// appendHan adds the terms of a run of Chinese characters: the lexicon's
// words, longest first, and character pairs of the rest.
//
// Lexicon words may overlap: "各仓库存" holds 仓库 (warehouse) and 库存
// (stock), and a reader cannot tell which was meant without more than
// the words, so both are read; a word inside a longer one is not.
func appendHan(out []term, text string, start, end int) []term {
	rest := start    // start of the text not yet read as a lexicon word
	covered := start // end of the last lexicon word read
	for i := start; i < end; i += utf8.RuneLen(firstRune(text[i:])) {
		w := longestWord(text[i:end])
		if w == "" || i+len(w) <= covered {
			continue
		}
		if i >= rest {
			out = appendPairs(out, text, rest, i)
		}
		out = appendEntry(out, lexicon[w], w, i, i+len(w))
		covered = i + len(w)
		rest = covered
	}
	return appendPairs(out, text, rest, end)
}

// hanStarts maps the first two characters of each Chinese lexicon word
// (see pairKey) to the lengths in runes of the words they start, a bit
// each: most pairs of a text start none, and are passed over at one
// lookup, and the others are looked up in the lexicon at those lengths
// only. Built once, read only.
var hanStarts = startsOf(lexicon)

func startsOf(lex map[string]lexEntry) map[uint64]uint64 {
	if maxHan >= 64 {
		panic("mediate: hanStarts keeps the lengths of Chinese words in 64 bits")
	}
	out := map[uint64]uint64{}
	for w := range lex {
		if !isHanWord(w) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		r1, n1 := utf8.DecodeRuneInString(w)
		r2, _ := utf8.DecodeRuneInString(w[n1:])
		out[pairKey(r1, r2)] |= 1 << utf8.RuneCountInString(w)
	}
	return out
}

// pairKey is the key of two characters in hanStarts.
func pairKey(r1, r2 rune) uint64 { return uint64(r1)<<32 | uint64(uint32(r2)) }

// longestWord returns the longest lexicon word that s starts with, or "".
func longestWord(s string) string {
	r1, n1 := utf8.DecodeRuneInString(s)
	if n1 == 0 || n1 >= len(s) {
		return "" // fewer than two characters
	}
	r2, _ := utf8.DecodeRuneInString(s[n1:])
	lengths := hanStarts[pairKey(r1, r2)]
	if lengths == 0 {
		return ""
	}
	var buf [16]int
	ends := buf[:0]
	for i := range s {
		if len(ends) > maxHan {
			break
		}
		ends = append(ends, i)
	}
	ends = append(ends, len(s))
	for k := min(len(ends)-1, maxHan); k >= 2; k-- {
		if lengths&(1<<k) == 0 {
			continue // no word of k characters starts so
		}
		if _, ok := lexicon[s[:ends[k]]]; ok {
			return s[:ends[k]]
		}
	}
	return ""
}

// appendPairs adds the overlapping character pairs of text[start:end]
// that hold no glue character.
func appendPairs(out []term, text string, start, end int) []term {
	for i := start; i < end; {
		r1, n1 := utf8.DecodeRuneInString(text[i:])
		if i+n1 >= end {
			break
		}
		r2, n2 := utf8.DecodeRuneInString(text[i+n1:])
		if !strings.ContainsRune(stopChars, r1) && !strings.ContainsRune(stopChars, r2) && !countPair(text[:i], r1) && !strings.ContainsRune(zhDeterminers, r2) {
			out = append(out, term{key: text[i : i+n1+n2], start: i, end: i + n1 + n2})
		}
		i += n1
	}
	return out
}

// measureChars count or time what follows a number ("8 门课", "6 点前",
// "每批货"); determiners pick one of many ("每门", "各店").
const (
	measureChars  = "点个门位名台套份张次家条件天周年号层批场轮期款项辆箱"
	numeralChars  = "一二两三四五六七八九十百千万几半"
	zhDeterminers = "每各"
)

// countPair reports whether a character pair starting with r, after
// before, is a count or a determiner rather than a word: "门课" in "每门课",
// "点前" in "6 点前", "每门". A pair that ends in a determiner ("到各" in
// "送到各个门店") is no word either: appendPairs leaves it out.
func countPair(before string, r rune) bool {
	if strings.ContainsRune(zhDeterminers, r) {
		return true
	}
	if !strings.ContainsRune(measureChars, r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
	return unicode.IsDigit(prev) || strings.ContainsRune(numeralChars+zhDeterminers, prev)
}

// isHan is unicode.Han, with the common cases first: no Han character
// comes before U+2E80, and U+4E00–U+9FFF are all Han.
func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// isWordRune is a letter or digit of a script written with spaces.
func isWordRune(r rune) bool { return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r) }

// isClock reports whether word is a time of day written as one word
// ("4pm", "10am").
func isClock(word string) bool {
	n := strings.TrimSuffix(strings.TrimSuffix(word, "am"), "pm")
	return n != word && n != "" && isNumber(n)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
