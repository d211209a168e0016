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
func sharedQuote(need, offer string) string {
	var quoted []string
	for _, m := range quoteRe.FindAllStringSubmatch(offer, -1) {
		quoted = append(quoted, strings.ToLower(strings.TrimSpace(m[1]+m[2]+m[3])))
	}
	for _, m := range quoteRe.FindAllStringSubmatch(need, -1) {
		q := strings.TrimSpace(m[1] + m[2] + m[3])
		if strings.IndexFunc(q, isWordOrHan) < 0 {
			continue
		}
		for _, o := range quoted {
			if shared := quotedAlike(strings.ToLower(q), o); shared != "" {
				return shared
			}
		}
	}
	return ""
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
