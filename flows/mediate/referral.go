package mediate

import (
	"regexp"
	"strings"
)

// A side that declines by naming whose business a thing is ("那是行政部
// 的事", "that's the CFO", "IT owns it") has pointed the requester on: the
// proposal says where to take the need next, not only that it was declined.

// referralRes read who a declining answer points to, in order of trust.
var referralRes = []*regexp.Regexp{
	regexp.MustCompile(`(?:请找|得问|要找|可以找|去找|问问)\s*([^，。,；;、！!？?（(]{2,12})`),
	regexp.MustCompile(`(?:那是|这是|是)\s*([^，。,；;我你大]{2,10}?)(?:那边)?的事`),
	regexp.MustCompile(`不归[^，。,；;]{1,8}管[，,]?\s*(?:归|是)\s*([^，。,；;]{2,10}?)(?:管|的事)`),
	regexp.MustCompile(`\b[Tt]hat(?:'s|’s| is)\s+(?:with\s+)?((?:the\s+|our\s+)?[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,3})`),
	regexp.MustCompile(`\b([A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,2})\s+owns\s+(?:it|that|this)\b`),
	regexp.MustCompile(`\b(?:[Aa]sk|[Cc]heck with|[Tt]alk to|[Gg]o to)\s+((?:the\s+)?[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,2})`),
}

// ReferredTo returns who a declining answer says the need belongs with
// ("公关部", "the CFO", "IT"), or "" when it names no one.
func ReferredTo(text string) string {
	for _, re := range referralRes {
		if m := re.FindStringSubmatch(text); m != nil {
			who := strings.TrimSpace(strings.TrimRight(m[1], " .。"))
			if who != "" && !strings.EqualFold(who, "it") || m[1] == "IT" {
				return who
			}
		}
	}
	return ""
}
