package render

import (
	"github.com/slack-go/slack"
)

// Problem says what is wrong with the arguments of a /collab command.
type Problem int

const (
	ProblemNone         Problem = iota // nothing wrong
	ProblemEmpty                       // no arguments at all
	ProblemOneSide                     // only one side given
	ProblemSameSide                    // the same side twice
	ProblemNotASide                    // a side that is neither a user group nor a user mention
	ProblemUnknownGroup                // a user group Slack does not know, or without members
	ProblemNoTopic                     // two sides but no topic
	ProblemTopicTooLong                // a topic over MaxTopic characters
	ProblemUnavailable                 // the store is unreachable: nothing was created
	ProblemNotInChannel                // Slack refused the root message: the bot is not in the channel
	ProblemCannotAnswer                // a side that can never answer: the bot, a deactivated or unknown user
)

// problemKeys names each problem's sentence in the catalogs.
var problemKeys = [...]string{
	ProblemNone:         "",
	ProblemEmpty:        "usage.no_args",
	ProblemOneSide:      "usage.one_side",
	ProblemSameSide:     "usage.same_side",
	ProblemNotASide:     "usage.bad_side",
	ProblemUnknownGroup: "usage.unknown_group",
	ProblemNoTopic:      "usage.no_topic",
	ProblemTopicTooLong: "usage.topic_too_long",
	ProblemUnavailable:  "usage.unavailable",
	ProblemNotInChannel: "usage.not_in_channel",
	ProblemCannotAnswer: "usage.cannot_answer",
}

// String returns the problem's stable name, for logs.
func (p Problem) String() string {
	if p < 0 || int(p) >= len(problemKeys) {
		return "unknown"
	}
	if p == ProblemNone {
		return "none"
	}
	return problemKeys[p][len("usage."):]
}

// Usage renders the ephemeral reply to a bad /collab: what is wrong, then
// the correct form. arg, when set, is quoted: the side that is not a side,
// or the handle of the unknown user group.
func (r *Renderer) Usage(lang string, problem Problem, arg string) Message {
	l := r.loc(lang)
	text := l.T("usage.form", nil)
	if problem != ProblemNone && problem >= 0 && int(problem) < len(problemKeys) {
		key := problemKeys[problem]
		if arg != "" && (problem == ProblemNotASide || problem == ProblemUnknownGroup || problem == ProblemCannotAnswer) {
			key += "_arg"
		}
		sentence := l.T(key, args{"Arg": clip(arg, maxName), "Max": MaxTopic})
		if problem == ProblemUnavailable || problem == ProblemNotInChannel {
			text = sentence
		} else {
			text = sentence + "\n" + text
		}
	}
	return Message{Text: text, Blocks: []slack.Block{section("usage", text)}}
}
