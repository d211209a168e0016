package render

import (
	"strings"

	"github.com/slack-go/slack"
)

var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// PlainText flattens m as a person reads it: headers, sections and their
// fields, context lines, buttons as [Label], dividers as a rule, with
// Slack's entities turned back into characters. Without blocks it is the
// message's text. The demo prints threads with it.
func PlainText(m Message) string {
	if len(m.Blocks) == 0 {
		return unescaper.Replace(m.Text)
	}
	var out []string
	for _, b := range m.Blocks {
		if s := blockText(b); s != "" {
			out = append(out, s)
		}
	}
	return unescaper.Replace(strings.Join(out, "\n"))
}

func blockText(b slack.Block) string {
	switch b := b.(type) {
	case *slack.HeaderBlock:
		return "# " + textOf(b.Text)
	case *slack.SectionBlock:
		parts := []string{textOf(b.Text)}
		for _, f := range b.Fields {
			parts = append(parts, textOf(f))
		}
		if b.Accessory != nil {
			parts = append(parts, elementText(b.Accessory.ButtonElement))
		}
		return joinNonEmpty(parts, "\n")
	case *slack.ContextBlock:
		var parts []string
		for _, e := range b.ContextElements.Elements {
			if t, ok := e.(*slack.TextBlockObject); ok {
				parts = append(parts, textOf(t))
			}
		}
		return joinNonEmpty(parts, " · ")
	case *slack.ActionBlock:
		var parts []string
		if b.Elements != nil {
			for _, e := range b.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok {
					parts = append(parts, elementText(btn))
				}
			}
		}
		return joinNonEmpty(parts, " ")
	case *slack.DividerBlock:
		return "────────"
	}
	return ""
}

func textOf(t *slack.TextBlockObject) string {
	if t == nil {
		return ""
	}
	return t.Text
}

func elementText(b *slack.ButtonBlockElement) string {
	if b == nil {
		return ""
	}
	return "[" + textOf(b.Text) + "]"
}

func joinNonEmpty(parts []string, sep string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}
