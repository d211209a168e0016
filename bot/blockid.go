package bot

import (
	"strings"

	"github.com/slack-go/slack"
)

// effectPrefix starts the block_id that carries the id of the effect that
// posted a message. Effect ids are "<collab id>.<seq>", far below Slack's
// 255-character bound on block ids.
const effectPrefix = "fx."

func effectBlockID(effectID string) string { return effectPrefix + effectID }

// effectOf returns the effect id a message's first block carries, or "".
func effectOf(m slack.Message) string {
	if len(m.Blocks.BlockSet) == 0 {
		return ""
	}
	id, ok := strings.CutPrefix(m.Blocks.BlockSet[0].ID(), effectPrefix)
	if !ok {
		return ""
	}
	return id
}

// withBlockID returns a copy of b with block_id id, for the kinds of
// block that start the bot's messages; other kinds come back unchanged.
func withBlockID(b slack.Block, id string) slack.Block {
	switch v := b.(type) {
	case *slack.HeaderBlock:
		c := *v
		c.BlockID = id
		return &c
	case *slack.SectionBlock:
		c := *v
		c.BlockID = id
		return &c
	case *slack.ContextBlock:
		c := *v
		c.BlockID = id
		return &c
	}
	return b
}
