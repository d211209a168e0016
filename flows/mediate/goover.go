package mediate

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// goOverWords say a thing is gone through once: alone a check ("发货前把数量
// 对一遍"), with a party named before it in the clause a meeting ("每周想跟
// 生产对一次到岗的数字" goes over the figures with production).
var goOverWords = []string{"对一次", "对一下", "对一遍", "过一遍"}

// withParty mark, before a check, the party it is done with.
var withParty = []string{"跟", "与", "同", "和我们", "和你们"}

// goneOverWith adds #meeting for each word of going over that the clause
// before it does with a party, keeping the terms in order.
func goneOverWith(text string, ts []term) []term {
	for _, w := range goOverWords {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(w)
			clause := text[:at]
			if j := strings.LastIndexFunc(clause, isClauseMark); j >= 0 {
				_, n := utf8.DecodeRuneInString(clause[j:])
				clause = clause[j+n:]
			}
			if !says(clause, withParty) {
				continue
			}
			k := slices.IndexFunc(ts, func(t term) bool { return t.start >= at })
			if k < 0 {
				k = len(ts)
			}
			ts = slices.Insert(ts, k, term{key: "#meeting", start: at, end: at + len(w)})
		}
	}
	return ts
}
