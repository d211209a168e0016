package slacktest

import (
	"regexp"
	"strings"
)

// markup matches what Slack's client turns a typed mention, channel or
// link into; everything else a person types reaches apps with &, < and >
// as entities.
var markup = regexp.MustCompile(`<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|![a-z]+|!subteam\^[A-Z0-9]+|https?://[^>\s]+|mailto:[^>\s]+)(?:\|[^<>]*)?>`)

var entities = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// AsSlackSends returns text as Slack delivers what a person typed: the
// mentions and links in it stay markup, other &, < and > become entities.
func AsSlackSends(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range markup.FindAllStringIndex(text, -1) {
		b.WriteString(entities.Replace(text[last:loc[0]]))
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(entities.Replace(text[last:]))
	return b.String()
}
