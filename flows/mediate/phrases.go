package mediate

import (
	"slices"
	"strings"
)

// Some English concepts take several words: "point person", "data
// processing agreement", "final design". They are read where the words
// stand one after another, each word by its stem, so "final designs"
// reads as "final design". A phrase's words become one term.

// lexPhrase is a phrase of the lexicon: its words' keys, and what it
// stands for.
type lexPhrase struct {
	keys  []string
	entry lexEntry
}

// phraseTable maps a phrase's first word key to the phrases that start
// with it, longest first; phraseStarts holds the first three bytes of
// those keys, so that most words are passed over without being stemmed.
// Built once at package load, read only.
var (
	phraseTable  = buildPhrases(conceptTable)
	phraseStarts = starts(phraseTable)
)

func starts(table map[string][]lexPhrase) map[string]bool {
	out := map[string]bool{}
	for k := range table {
		out[k[:min(3, len(k))]] = true
	}
	return out
}

// addPhrase adds p to ps; a phrase written in several concept lines
// stands for all of them, as a word does (see buildLexicon), whatever
// order the lines are read in.
func addPhrase(ps []lexPhrase, p lexPhrase) []lexPhrase {
	for i := range ps {
		if slices.Equal(ps[i].keys, p.keys) {
			cs := slices.Concat(ps[i].entry.concepts, p.entry.concepts)
			slices.Sort(cs)
			ps[i].entry.concepts = slices.Compact(cs)
			return ps
		}
	}
	return append(ps, p)
}

func buildPhrases(table map[string][]string) map[string][]lexPhrase {
	out := map[string][]lexPhrase{}
	for id, words := range table {
		for _, w := range words {
			word, ids, several := strings.Cut(w, ":")
			if !strings.Contains(word, " ") {
				continue
			}
			e := lexEntry{concepts: []string{id}}
			if several {
				e.concepts = strings.Split(ids, ",")
			}
			var keys []string
			for _, part := range strings.Fields(word) {
				keys = append(keys, lexKey(part))
			}
			out[keys[0]] = addPhrase(out[keys[0]], lexPhrase{keys: keys, entry: e})
		}
	}
	for k, ps := range out {
		slices.SortStableFunc(ps, func(a, b lexPhrase) int { return len(b.keys) - len(a.keys) })
		out[k] = ps
	}
	return out
}

// phraseAt returns the end of the lexicon phrase that starts at the word
// text[start:end], and its entry.
func phraseAt(text string, start, end int) (int, lexEntry, bool) {
	if low := lower(text[start:min(end, start+3)]); !phraseStarts[low] || end == len(text) {
		return 0, lexEntry{}, false
	}
	cands := phraseTable[lexKey(text[start:end])]
	for _, p := range cands {
		if stop, ok := followWords(text, end, p.keys[1:]); ok {
			return stop, p.entry, true
		}
	}
	return 0, lexEntry{}, false
}

// followWords reports whether the words after i, each one space, hyphen
// or slash apart ("win/loss"), have keys, and where the last one ends.
func followWords(text string, i int, keys []string) (int, bool) {
	for _, k := range keys {
		if i >= len(text) || (text[i] != ' ' && text[i] != '-' && text[i] != '/') {
			return 0, false
		}
		i++
		if i >= len(text) || !isWordRune(firstRune(text[i:])) {
			return 0, false
		}
		end := wordEnd(text, i)
		if lexKey(strings.ReplaceAll(text[i:end], "’", "'")) != k {
			return 0, false
		}
		i = end
	}
	return i, true
}
