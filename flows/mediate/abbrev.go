package mediate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An abbreviation of three or more capitals names one kind of document,
// system or unit (DPA, SOC2, SKU, UAT): when a need and an offer each
// name it as what a phrase is about, they name the same thing however
// the rest is worded ("they need a DPA for the EU data" and "Our standard
// DPA with SCCs"). Two letters (IT, HR, PR) name departments or several
// things, and a time abbreviation (EOD, ETA) names no thing.

// timeAbbrevs say when, not what; roleAbbrevs name a person in a role,
// who acts ("the CSM gets nothing", "AE + CSM on the call"), not a thing
// that is asked for.
var (
	timeAbbrevs = []string{"eod", "eow", "eom", "eoq", "eoy", "eta", "tbd", "fyi", "asap", "ooo"}
	roleAbbrevs = []string{"ceo", "cfo", "cto", "coo", "cmo", "cio", "cpo", "ciso", "csm", "tam", "sdr", "bdr", "pmm", "hrbp"}
)

// abbrevHeads returns the keys of e's abbreviations that end a phrase of
// it.
func abbrevHeads(e *entry) []string {
	var out []string
	for _, p := range e.phr {
		w, ok := p.head()
		if !ok || len(w.keys) == 0 {
			continue
		}
		t, ok := termEndingAt(e, w.end)
		if ok && isAbbrev(e.Text[t.start:t.end]) && !slices.Contains(timeAbbrevs, lower(e.Text[t.start:t.end])) && !slices.Contains(roleAbbrevs, lower(strings.TrimSuffix(e.Text[t.start:t.end], "s"))) && !whereFrom(e, p) {
			out = append(out, w.keys...)
		}
	}
	return out
}

// sourceWords put the system named after them as where a thing is, or
// what it is measured against: "export the reasons out of the CRM",
// "spreadsheets outside the CRM", "only as good as the CRM". "Of" alone
// names what a thing holds ("a copy of the DPA"), which is what it is.
var sourceWords = []string{"from", "in", "into", "inside", "outside", "within", "via", "through", "as", "than"}

// whereFrom reports whether phrase p of e stands after a word of
// sourceWords: it says where, not what.
func whereFrom(e *entry, p phrase) bool {
	t, ok := termEndingAt(e, p.words[0].end)
	if !ok {
		return false
	}
	fields := strings.Fields(lower(e.Text[:t.start]))
	for len(fields) > 0 && determiners[fields[len(fields)-1]] { // "out of the CRM"
		fields = fields[:len(fields)-1]
	}
	n := len(fields)
	return n > 0 && (slices.Contains(sourceWords, fields[n-1]) || n > 1 && fields[n-2] == "out" && fields[n-1] == "of")
}

// termEndingAt returns the term of e that ends at end.
func termEndingAt(e *entry, end int) (term, bool) {
	i := slices.IndexFunc(e.terms, func(t term) bool { return t.end == end })
	if i < 0 {
		return term{}, false
	}
	return e.terms[i], true
}

// isAbbrev reports whether w is written as an abbreviation: three to six
// capitals and digits, at least three of them capitals, maybe with a
// plural "s" ("SCCs").
func isAbbrev(w string) bool {
	if n := len(w); n > 3 && w[n-1] == 's' {
		w = w[:n-1]
	}
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case !unicode.IsDigit(r):
			return false
		}
	}
	return caps >= 3 && utf8.RuneCountInString(w) <= 6
}

// sharedAbbrev returns an abbreviation that heads a phrase of both need
// and offer and names no person (a CEO asked for is not a CEO's work).
func sharedAbbrev(need, offer *entry) (string, bool) {
	theirs := abbrevHeads(offer)
	for _, k := range abbrevHeads(need) {
		if slices.Contains(theirs, k) && !slices.Contains(persons, k) {
			return k, true
		}
	}
	return "", false
}
