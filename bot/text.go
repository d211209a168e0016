package bot

import (
	"strings"
	"unicode"
)

// slackEntities are the only entities Slack uses in the text it sends.
var slackEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// unescape turns text as Slack sends it back into what the person typed
// (mentions stay markup), so it is stored, matched and measured as typed;
// render escapes it again whenever it is shown.
func unescape(s string) string { return slackEntities.Replace(s) }

// clean removes what must never reach a message the bot shows: control
// characters other than line breaks and tabs, and the bidirectional
// embeddings, overrides and isolates that can make text read backwards
// (U+202A–U+202E, U+2066–U+2069).
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}
