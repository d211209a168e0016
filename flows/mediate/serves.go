package mediate

import (
	"strings"
	"unicode/utf8"
)

// purposeMarks open the clause of a goal that says what it serves: "to
// protect user trust", "so the roadmap isn't blocked", "支撑明年三条新产品
// 线的人手". English ones stand after a space, Chinese ones anywhere.
var (
	enPurpose = []string{" so that ", " in order to ", " to ", " so ", " helping ", " supporting "}
	zhPurpose = []string{"支撑", "支持", "保障", "确保", "为了", "助力", "服务于", "带动", "推动", "以便", "从而", "保证"}
)

// objectFollows reports whether rest starts with a determiner or a
// pronoun: "tied to a named person" names a thing, "to protect user
// trust" a purpose.
func objectFollows(rest string) bool {
	w, _, _ := strings.Cut(rest, " ")
	switch w {
	case "a", "an", "the", "our", "your", "their", "its", "his", "her", "my", "this", "that", "these", "those", "each", "every", "all":
		return true
	}
	return false
}

// serves returns the clause of goal that says what it serves, as
// written, or "" when the goal does not say.
func serves(goal string) string {
	goal = strings.TrimSpace(goal)
	best := -1
	for _, m := range zhPurpose {
		if i := purposeAt(goal, m); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	low := lower(goal)
	for _, m := range enPurpose {
		if i := strings.Index(low, m); i > 0 && (best < 0 || i+1 < best) && !(m == " to " && objectFollows(low[i+len(m):])) {
			best = i + 1
		}
	}
	if best < 0 {
		return ""
	}
	clause := strings.TrimLeft(goal[best:], " ,，")
	if end := strings.IndexAny(clause, "。.;；\n"); end > 0 {
		clause = clause[:end]
	}
	if utf8.RuneCountInString(clause) < 3 {
		return ""
	}
	return strings.TrimRight(clause, " ,，")
}

// purposeAt is where Chinese purpose word m first opens a clause of goal
// with what it serves after it, -1 if nowhere: "都有数据支撑，…" ends a
// clause on the word, which names no purpose there.
func purposeAt(goal, m string) int {
	for from := 0; ; {
		i := strings.Index(goal[from:], m)
		if i < 0 {
			return -1
		}
		at := from + i
		rest := goal[at+len(m):]
		if end := strings.IndexAny(rest, "，,。.;；\n"); end >= 0 {
			rest = rest[:end]
		}
		if utf8.RuneCountInString(strings.TrimSpace(rest)) >= 2 {
			return at
		}
		from = at + len(m)
	}
}
