package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Chinese item that sends a person of some role somewhere ("派一个工程
// 师到现场", "安排两名讲师") offers a person, whatever the role: it meets a
// need for someone to be there ("派人到现场", "安排一个人"), which the
// lexicon reads as its owner concept. The role stays read too.

// dispatchVerbs put a person somewhere; the one-character ones only before a
// count ("出一个人", not "出方案").
var (
	dispatchVerbs  = []string{"派", "安排", "抽调", "指派"}
	dispatchCounts = []string{"出", "留", "配"}
)

// personRoles are the concepts that name a person by role.
var personRoles = []string{"#engineer", "#designer", "#tester", "#interviewer", "#staff", "#buddy",
	"#manager", "#contractor", "#intern", "#trainer", "#legal"}

// sentPersons adds #owner after each role term of text that a send verb
// governs, keeping the terms in order.
func sentPersons(text string, ts []term) []term {
	for i := 0; i < len(ts); i++ {
		if t := ts[i]; slices.Contains(personRoles, t.key) && sentBefore(text[:t.start]) {
			ts = slices.Insert(ts, i+1, term{key: "#owner", start: t.start, end: t.end})
			i++
		}
	}
	return ts
}

// sentBefore reports whether before ends in a send verb, past a count and
// a measure word ("派一个", "安排两名", "出1位").
func sentBefore(before string) bool {
	s := strings.TrimRight(before, " ")
	counted := false
	for _, m := range []string{"个", "名", "位"} {
		if cut, ok := strings.CutSuffix(s, m); ok {
			s = cut
			break
		}
	}
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune("一二两三四五六七八九十几0123456789", r) {
			break
		}
		s, counted = s[:len(s)-n], true
	}
	ends := func(v string) bool { return strings.HasSuffix(s, v) }
	if slices.ContainsFunc(dispatchVerbs, ends) || counted && slices.ContainsFunc(dispatchCounts, ends) {
		return true
	}
	// a qualifier of up to three characters may stand between the verb and
	// the role: "派前端工程师"
	rs := []rune(s)
	for i := len(rs) - 1; i >= max(1, len(rs)-3) && isHan(rs[i]); i-- {
		if slices.ContainsFunc(dispatchVerbs, func(v string) bool { return strings.HasSuffix(string(rs[:i]), v) }) {
			return true
		}
	}
	return false
}

// knower reads a person named by what they know: "懂电机的人", "someone
// who knows the billing code". Such a person is asked for as an expert,
// the way a field engineer or someone technical is offered.
var knower = regexp.MustCompile(`懂\p{Han}{1,6}的人|(?i:\b(?:someone|somebody|a person|people|anyone) who (?:really )?(?:knows|understands)\b)`)

// expertPersons reads each knower of text as #engineer and #owner, in
// place of the words inside it: what they know only says which expert
// ("懂埋点的人" is a person, not tracking).
func expertPersons(text string, ts []term) []term {
	if !strings.Contains(text, "懂") && !strings.Contains(text, " who ") {
		return ts // no knower can match: the expression is not run
	}
	for _, m := range knower.FindAllStringIndex(text, -1) {
		ts = slices.DeleteFunc(ts, func(t term) bool { return t.start >= m[0] && t.end <= m[1] })
		at, _ := slices.BinarySearchFunc(ts, m[0], func(t term, start int) int { return t.start - start })
		ts = slices.Insert(ts, at, term{key: "#engineer", start: m[0], end: m[1]}, term{key: "#owner", start: m[0], end: m[1]})
	}
	return ts
}
