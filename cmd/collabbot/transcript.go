package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
)

// printThread writes the channel as a person reads it: each top-level
// message with its thread indented below it, pinned messages marked.
func printThread(out io.Writer, srv *slacktest.Server, groups map[string]string) error {
	pins := srv.Pins(demoChannel)
	names := map[string]string{}
	for _, u := range demoPeople {
		names[u.ID] = u.Name
	}
	for id, handle := range groups {
		names[id] = handle
	}
	for _, m := range srv.Messages(demoChannel) {
		if m.ThreadTS != "" {
			continue
		}
		if err := printMessage(out, m, names, "", slices.Contains(pins, m.TS)); err != nil {
			return err
		}
		for _, r := range srv.Thread(demoChannel, m.TS) {
			if r.TS == m.TS {
				continue
			}
			if err := printMessage(out, r, names, "    │ ", false); err != nil {
				return err
			}
		}
	}
	return nil
}

func printMessage(out io.Writer, m slacktest.Message, names map[string]string, indent string, pinned bool) error {
	author := names[m.User]
	if m.BotID != "" {
		author = "collabbot"
	}
	if pinned {
		author += "  📌 pinned"
	}
	text, err := readable(m)
	if err != nil {
		return err
	}
	text = humanize(text, names)
	var b strings.Builder
	fmt.Fprintf(&b, "%s── %s\n", indent, author)
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		fmt.Fprintf(&b, "%s%s\n", indent, line)
	}
	fmt.Fprintf(&b, "%s\n", strings.TrimRight(indent, " "))
	_, err = io.WriteString(out, b.String())
	return err
}

// readable flattens a message's blocks, or returns its text when it has none.
func readable(m slacktest.Message) (string, error) {
	if len(m.Blocks) == 0 {
		return m.Text, nil
	}
	var blocks slack.Blocks
	if err := json.Unmarshal(m.Blocks, &blocks); err != nil {
		return "", fmt.Errorf("read blocks of %s: %w", m.TS, err)
	}
	return render.PlainText(render.Message{Text: m.Text, Blocks: blocks.BlockSet}), nil
}

var mention = regexp.MustCompile(`<(?:@|!subteam\^)([A-Z0-9]+)(?:\|[^>]*)?>`)

// humanize shows Slack markup as Slack's client does: mentions as @name,
// entities as the characters they stand for.
func humanize(text string, names map[string]string) string {
	text = mention.ReplaceAllStringFunc(text, func(m string) string {
		id := mention.FindStringSubmatch(m)[1]
		if n, ok := names[id]; ok {
			return "@" + n
		}
		return m
	})
	return html.UnescapeString(text)
}
