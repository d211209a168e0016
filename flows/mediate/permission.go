package mediate

import "regexp"

// A need may ask whether something is allowed at all ("a clear answer on
// whether we're even allowed to upload hashed emails to Meta", "这些数据
// 是否允许出境"). Only a ruling settles that: an offer of the thing itself
// (a nightly export of the hashed emails) does not say it is allowed.

// permissionAsk is a question of permission: a word of asking followed, in
// the same clause, by a word of being allowed.
var permissionAsk = regexp.MustCompile(`(?i)\b(whether|if)\b[^.;!?]{0,40}\b(allowed|permitted|legal to|legally|compliant)\b|\b(are|am|is) (we|i|they|you|it|this|that) (even |actually |really )?(allowed|permitted|legal|compliant)\b|\bcan (we|i) legally\b|(是否|能否|能不能|可不可以|可否)[^，。；,;]{0,10}(允许|合规|合法)|(允许|合规|合法)吗|允不允许|合不合规|合不合法`)

// rulings are what settle a question of permission: a legal or compliance
// view, a policy, an approval, an answer.
var rulings = []string{"#legal", "#legal_opinion", "#compliance", "#policy", "#privacy_policy", "#approval", "#answer", "#privacy"}

// asksPermission reports whether e asks whether something is allowed.
func asksPermission(e *entry) bool {
	return says(e.low, allowWords) && permissionAsk.MatchString(e.Text)
}

// allowWords are the words of being allowed that permissionAsk needs: an
// item holding none is no such question, and the pattern is not run.
var allowWords = []string{"allowed", "permitted", "legal", "compliant", "允许", "合规", "合法"}

// permissionUnmet reports whether need asks whether something is allowed
// and offer gives no ruling on it.
func permissionUnmet(need, offer *entry) bool {
	return need.permission && !holdsAny(offer, rulings)
}
