package bot

import "strings"

// slackEntities are the only entities Slack uses in the text it sends.
var slackEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// unescape turns text as Slack sends it back into what the person typed
// (mentions stay markup), so it is stored, matched and measured as typed;
// render escapes it again whenever it is shown.
func unescape(s string) string { return slackEntities.Replace(s) }
