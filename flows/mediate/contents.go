package mediate

import (
	"slices"
	"strings"
)

// contentsAsks ask what a thing holds or checks ("audit 要查什么", "培训都讲
// 什么"): a question about its contents. In English, "what" before one of
// containVerbs in the same clause asks so ("what the review covers").
var (
	contentsAsks = []string{"查什么", "讲什么", "考什么", "审什么", "包括什么", "包含什么", "准备什么", "有哪些内容",
		"what's covered", "what is covered", "what's included", "what is included", "what's in scope", "what is in scope"}
	containVerbs = []string{"covers", "cover", "includes", "include", "checks", "check", "looks at", "look at"}
)

// asksContents reports whether low (an item in lower case) asks what a
// thing holds or checks.
func asksContents(low string) bool {
	if says(low, contentsAsks) {
		return true
	}
	_, after, ok := strings.Cut(low, "what ")
	if end := strings.IndexFunc(after, isClauseMark); end >= 0 {
		after = after[:end]
	}
	words := strings.Fields(prefix(after, 60))
	return ok && len(words) <= 6 && slices.ContainsFunc(containVerbs, func(v string) bool { return strings.Contains(" "+strings.Join(words, " ")+" ", " "+v+" ") })
}

// holders are what answer such a question: a list, a document, a guide,
// a template, a report, a spec of the thing.
var holders = []string{"#list", "#document", "#guide", "#template", "#report", "#explainer", "#requirement", "#faq"}

// contentsUnmet reports whether need asks what a thing holds and offer's
// first clause names no list or document of it: the audit itself, booked,
// does not say what it will check, nor does the report that follows it.
func contentsUnmet(need, offer *entry) bool {
	if !asksContents(need.lowText()) {
		return false
	}
	end := strings.IndexFunc(offer.Text, isClauseMark)
	if end < 0 {
		end = len(offer.Text)
	}
	return !slices.ContainsFunc(offer.terms, func(t term) bool { return t.start < end && slices.Contains(holders, t.key) })
}
