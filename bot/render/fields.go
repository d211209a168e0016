package render

import (
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n/template"
)

// fieldParser parses catalog templates for go-i18n. Every catalog
// message is text with {{.Name}} actions, which text/template executes
// through reflection, a large part of rendering a message; such a
// template is filled here by looking the names up. Any other template,
// and any value other than a string or an int, goes to text/template
// as before, so the output is the same either way.
type fieldParser struct{ text template.TextParser }

func (fieldParser) Cacheable() bool { return true }

func (p fieldParser) Parse(src, left, right string) (template.ParsedTemplate, error) {
	slow, err := p.text.Parse(src, left, right)
	if err != nil {
		return nil, err
	}
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	parts, ok := splitFields(src, left, right)
	if !ok {
		return slow, nil
	}
	return fieldTemplate{parts: parts, slow: slow}, nil
}

// fieldTemplate is src cut into text and field names, alternately:
// parts[0] is text, parts[1] a name, parts[2] text, and so on.
type fieldTemplate struct {
	parts []string
	slow  template.ParsedTemplate
}

func (t fieldTemplate) Execute(data any) (string, error) {
	m, ok := data.(args)
	if !ok {
		return t.slow.Execute(data)
	}
	var sb strings.Builder
	for i, p := range t.parts {
		if i%2 == 0 {
			sb.WriteString(p)
			continue
		}
		switch v := m[p].(type) {
		case string:
			sb.WriteString(v)
		case int:
			sb.WriteString(strconv.Itoa(v))
		default: // absent, nil or another type: text/template's printing
			return t.slow.Execute(data)
		}
	}
	return sb.String(), nil
}

// splitFields cuts src at its actions; ok is false unless every action
// is a plain field, {{.Name}} or {{ .Name }}.
func splitFields(src, left, right string) ([]string, bool) {
	var parts []string
	for {
		before, rest, found := strings.Cut(src, left)
		parts = append(parts, before)
		if !found {
			return parts, true
		}
		action, after, closed := strings.Cut(rest, right)
		name, field := strings.CutPrefix(strings.TrimSpace(action), ".")
		if !closed || !field || !isIdent(name) {
			return nil, false
		}
		parts = append(parts, name)
		src = after
	}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}
