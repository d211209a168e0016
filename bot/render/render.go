// Package render writes every message collabbot sends to Slack, in English
// and Chinese, as Block Kit blocks with a short fallback text.
//
// All wording lives in locales/en.toml and locales/zh.toml: to change what
// the bot says, edit those files (the keys are the same in both). The Go
// code only arranges the texts into blocks, escapes what users typed, and
// keeps every message inside Slack's limits whatever the input.
package render

import (
	"embed"
	"fmt"
	"log/slog"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/slack-go/slack"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var locales embed.FS

// Languages are the languages every message exists in.
var Languages = [2]string{"en", "zh"}

// Message is what the bot sends. Text is the notification and fallback
// text and is always set; it is already escaped for Slack, so send it with
// slack.MsgOptionText(m.Text, false).
type Message struct {
	Text     string
	Blocks   []slack.Block
	Metadata *slack.SlackMetadata // nil when none
}

// Renderer holds the loaded catalogs. It is safe for concurrent use; build
// one with New at start-up.
type Renderer struct {
	// locs are the localizers of Languages, built once: building one
	// parses its language tags, a cost on every message otherwise.
	locs map[string]*i18n.Localizer
	now  func() time.Time
	// miss is told about a message missing from a catalog; the text
	// falls back to English or to the key, so users still read something.
	miss   func(lang, id string, err error)
	parser *fieldParser
	plans  *memo // plan texts of commitments (see planText)
}

// New loads the English and Chinese catalogs embedded in the binary.
func New() (*Renderer, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range Languages {
		path := "locales/" + lang + ".toml"
		if _, err := b.LoadMessageFileFS(locales, path); err != nil {
			return nil, fmt.Errorf("load catalog %s: %w", path, err)
		}
	}
	miss := func(lang, id string, err error) {
		slog.Warn("message missing from catalog", "lang", lang, "id", id, "err", err)
	}
	locs := map[string]*i18n.Localizer{}
	for _, lang := range Languages {
		locs[lang] = i18n.NewLocalizer(b, lang)
	}
	return &Renderer{locs: locs, now: time.Now, miss: miss, parser: &fieldParser{}, plans: newMemo(planMemoBytes)}, nil
}

// planMemoBytes bounds the plan texts remembered: some thousands of
// proposals' worth.
const planMemoBytes = 4 << 20

// WithClock returns a copy of r that dates agreements with now instead of
// the wall clock, for demos and tests that must print the same every time.
func (r *Renderer) WithClock(now func() time.Time) *Renderer {
	c := *r
	c.now = now
	return &c
}

// args are the values a catalog template reads, such as {{.Topic}}.
type args map[string]any

// loc is the catalog of one language.
type loc struct {
	r    *Renderer
	lang string
	l    *i18n.Localizer
}

func (r *Renderer) loc(lang string) loc {
	if lang != "zh" {
		lang = "en"
	}
	return loc{r: r, lang: lang, l: r.locs[lang]}
}

// T returns message id filled with a.
func (l loc) T(id string, a args) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: a})
}

// N returns the plural message id for count n; the template reads n as
// {{.Count}}.
func (l loc) N(id string, n int) string {
	return l.localize(pluralConfig(id, n, args{"Count": n}))
}

// NT is N with more values for the template; a's Count is set to n.
func (l loc) NT(id string, n int, a args) string {
	a["Count"] = n
	return l.localize(pluralConfig(id, n, a))
}

func pluralConfig(id string, n int, a args) *i18n.LocalizeConfig {
	return &i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: a}
}

func (l loc) localize(c *i18n.LocalizeConfig) string {
	c.TemplateParser = l.r.parser
	s, err := l.l.Localize(c)
	if err != nil {
		l.r.miss(l.lang, c.MessageID, err)
		if s == "" {
			return c.MessageID
		}
	}
	return s
}
