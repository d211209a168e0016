package render

import (
	"sort"
	"strings"
	"testing"
	"text/template"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// catalog reads one embedded catalog file.
func catalog(t *testing.T, lang string) map[string]*i18n.Message {
	t.Helper()
	path := "locales/" + lang + ".toml"
	buf, err := locales.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	f, err := i18n.ParseMessageFileBytes(buf, path, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	out := map[string]*i18n.Message{}
	for _, m := range f.Messages {
		out[m.ID] = m
	}
	return out
}

// TestCatalogsHaveTheSameKeys checks that every message exists in both
// languages, is not empty and is a valid template.
func TestCatalogsHaveTheSameKeys(t *testing.T) {
	en, zh := catalog(t, "en"), catalog(t, "zh")
	if len(en) < 50 {
		t.Fatalf("en catalog has %d messages; expected the whole bot's wording", len(en))
	}
	for _, pair := range []struct {
		name     string
		from, to map[string]*i18n.Message
	}{{"zh", en, zh}, {"en", zh, en}} {
		var missing []string
		for id := range pair.from {
			if pair.to[id] == nil {
				missing = append(missing, id)
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("%s catalog lacks %s", pair.name, strings.Join(missing, ", "))
		}
	}
	for lang, cat := range map[string]map[string]*i18n.Message{"en": en, "zh": zh} {
		for id, m := range cat {
			if strings.TrimSpace(m.Other) == "" {
				t.Errorf("%s %s: empty text", lang, id)
			}
			for _, form := range []string{m.One, m.Other} {
				if _, err := template.New(id).Parse(form); err != nil {
					t.Errorf("%s %s: %v", lang, id, err)
				}
			}
		}
	}
}

// TestCatalogsAreTranslated flags Chinese messages left in English.
func TestCatalogsAreTranslated(t *testing.T) {
	en, zh := catalog(t, "en"), catalog(t, "zh")
	same := map[string]bool{"root.progress": true, "proposal.summary_unsettled": true, "proposal.plan_owner": true, "proposal.plan_line": true}
	for id, m := range zh {
		if en[id] != nil && m.Other == en[id].Other && !same[id] {
			t.Errorf("zh %s is the English text %q", id, m.Other)
		}
	}
}
