package render

import (
	"sync"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// std is the Renderer behind the package functions: the embedded catalogs
// are loaded once, on first use, and never change afterwards. A catalog
// that does not load is a build defect, caught by the package's tests.
var std = sync.OnceValue(func() *Renderer {
	r, err := New()
	if err != nil {
		panic(err)
	}
	return r
})

// Root renders the root message with the embedded catalogs; see Renderer.Root.
func Root(c *flows.Collab) Message { return std().Root(c) }

// Prompt asks a side one question; see Renderer.Prompt.
func Prompt(c *flows.Collab, s flows.Side, q flows.Question) Message { return std().Prompt(c, s, q) }

// Proposal renders a joint proposal; see Renderer.Proposal.
func Proposal(c *flows.Collab, p mediate.Proposal) Message { return std().Proposal(c, p) }

// Agreement renders the agreement summary, dated today; see Renderer.Agreement.
func Agreement(c *flows.Collab, p mediate.Proposal) Message { return std().Agreement(c, p) }

// Notice renders a private message to one user; see Renderer.Notice.
func Notice(c *flows.Collab, n flows.Notice) Message { return std().Notice(c, n) }

// Usage renders the reply to a bad /collab; see Renderer.Usage.
func Usage(lang string, problem Problem) Message { return std().Usage(lang, problem, "") }

// UsageArg is Usage quoting the offending text: the side that is not a
// side, or the handle of the unknown user group.
func UsageArg(lang string, problem Problem, arg string) Message {
	return std().Usage(lang, problem, arg)
}

// Unavailable tells a user that what they did was not recorded; see
// Renderer.Unavailable.
func Unavailable(lang string) Message { return std().Unavailable(lang) }
