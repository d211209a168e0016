package mediate

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// quoteRe finds words set in quotation marks: “0 利率”, 「最终解释权」, "Lead Capture".
var quoteRe = regexp.MustCompile(`“([^”\n]{2,40})”|「([^」\n]{2,40})」|"([^"\n]{2,40})"`)

// sharedQuote returns words that need and offer both set in quotation
// marks, "" if none: an offer that quotes the words a need asks about
// answers that need, whatever else it says ("短信里想写“0 利率”" and
// "不能说成“0 利率”，可以写“免分期手续费”").
func sharedQuote(n, o *entry) string {
	for _, q := range n.quoted() {
		for _, oq := range o.quoted() {
			if shared := quotedAlike(q, oq); shared != "" {
				return shared
			}
		}
	}
	return ""
}

// quoted lists, in lower case, the words e sets in quotation marks that
// hold a letter, a digit or a Chinese character; read once, as every pair
// asks again.
func (e *entry) quoted() []string {
	if e.quotesRead {
		return e.quotes
	}
	e.quotesRead = true
	if !strings.ContainsAny(e.Text, "“「\"") {
		return nil
	}
	for _, m := range quoteRe.FindAllStringSubmatch(e.Text, -1) {
		if q := lower(strings.TrimSpace(m[1] + m[2] + m[3])); strings.IndexFunc(q, isWordOrHan) >= 0 {
			e.quotes = append(e.quotes, q)
		}
	}
	return e.quotes
}

// quotedAlike returns what two quotations share: both whole when equal
// and at least two characters, or the shorter when the longer holds it and
// it is at least three ("“最终解释权”" in "“最终解释权归本行所有”").
func quotedAlike(a, b string) string {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch n := utf8.RuneCountInString(a); {
	case a == b && n >= 2, n >= 3 && strings.Contains(b, a):
		return a
	}
	return ""
}

func isWordOrHan(r rune) bool { return isWordRune(r) || isHan(r) }

// quotedKeys returns the term keys of the words e sets in quotation
// marks, read once: a label ("a \"return your laptop\" step") names the
// thing it labels, not the work its words name.
func (e *entry) quotedKeys() []string {
	if e.quoteKeysRead {
		return e.quoteKeys
	}
	e.quoteKeysRead = true
	for _, q := range e.quoted() {
		e.quoteKeys = append(e.quoteKeys, uniqueKeys(termsOf(q))...)
	}
	return e.quoteKeys
}
