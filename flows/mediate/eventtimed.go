package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// eventLimitEN opens a limit that names an event rather than a day:
// "before they fly out", "ahead of the audit", "in time for launch".
var eventLimitEN = regexp.MustCompile(`(?i)\b(?:before|ahead of|in advance of|prior to|in time for)\s+([a-z][\w'-]*)`)

// notEvents follow a limit word but name a day or a time, not an event,
// or point back at something said before ("before then").
var notEvents = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "eod", "cob", "eow", "noon", "midnight", "today", "tomorrow",
	"tonight", "end", "then", "that", "this", "it", "q1", "q2", "q3", "q4", "next", "mid", "early", "late"}

// EventTimed reports whether undated text is timed by an event it names
// ("get everyone through the training before they fly out", "上线前完成
// 验收"): it says when itself, so no plan line calls its date one to agree.
func EventTimed(text string) bool {
	for _, m := range eventLimitEN.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(notEvents, strings.ToLower(m[1])) {
			return true
		}
	}
	for i := strings.Index(text, "前"); i >= 0; {
		if zhEventLimit(text[:i], text[i+len("前"):]) {
			return true
		}
		j := strings.Index(text[i+len("前"):], "前")
		if j < 0 {
			break
		}
		i += len("前") + j
	}
	return false
}

// zhEventLimit reports whether the 前 between before and after closes a
// limit on an event ("出发前", "上线之前"), not a word of its own (目前,
// 提前, 此前, 前端, 前期) or a count (前两周).
func zhEventLimit(before, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if strings.ContainsRune("端台期置提面后排列线夕途景两几一二三四五六七八九十", r) || unicode.IsDigit(r) {
		return false
	}
	ev := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, "之"), "以"), " ")
	return !strings.ContainsRune("目提当眼空向往面跟此从生", lastRune(ev)) && eventBefore(before+"前")
}
