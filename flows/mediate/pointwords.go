package mediate

import (
	"strings"
	"unicode/utf8"
)

// measureWords follow a count in Chinese ("40 个主推款", "3 天", "6 万单"):
// a number before one is a quantity, not a list number.
const measureWords = "个套台万千百亿天周月年日号点次项名人位份张件款单元块条批家小分秒倍层篇页场轮组辆箱吨米公斤克期届座栋间所只头支把本部节门笔首封双对串盒包袋瓶杯桶罐颗粒片行列段句字角成折季"

// Unnumbered drops a list number written without a mark ("1 客户现场
// 的日志今天打包发"): one or two digits and a space before a Chinese word
// that is no measure word. Punctuated numbers ("1.", "1、") are trimmed
// where answers are split into items (see trimMarkers).
func Unnumbered(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i < 1 || i > 2 {
		return s
	}
	rest := strings.TrimLeft(s[i:], " \u3000")
	if len(rest) == len(s[i:]) || !isHan(firstRune(rest)) || strings.ContainsRune(measureWords, firstRune(rest)) {
		return s
	}
	return rest
}

// withoutCan drops a 可以 that only says a side can, after a short subject
// at the start ("华东仓可以两班倒", "IT可以进场"): a plan says what will be
// done. Openers before any subject are trimmed by trimOpeners.
func withoutCan(s string) string {
	const can = "可以"
	i := strings.Index(s, can)
	if i <= 0 || utf8.RuneCountInString(s[:i]) > 6 || strings.ContainsAny(s[:i], ",，;；:：。 ") {
		return s
	}
	after := s[i+len(can):]
	if !isHan(lastRune(s[:i])) && !isASCIIAlnum(lastRune(s[:i])) || strings.ContainsRune("不也都还就才", lastRune(s[:i])) || !isHan(firstRune(after)) || utf8.RuneCountInString(after) < 2 {
		return s
	}
	return s[:i] + after
}

// asides open a later clause that only says what is not asked for or
// what it is for ("，而不是最后两天才知道", ", rather than a PDF", ", for
// load testing", "，好提前把流量切走").
var asides = []string{"，而不是", "，而非", ",而不是", ", rather than ", ", instead of ",
	", for ", ", so that ", "，好", "，以便", "，方便", "，用来", "，用于"}

// beforeAside is s up to its first aside (see asides).
func beforeAside(s string) string {
	low := lower(s)
	for _, c := range asides {
		if i := strings.Index(low, c); i > 0 {
			return s[:i]
		}
	}
	return s
}
