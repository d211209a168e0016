package render

import (
	"regexp"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
)

// Every catalog text, and templates beyond what the catalogs use, reads
// the same through fieldParser as through text/template.
func TestFieldParserPrintsAsTextTemplate(t *testing.T) {
	srcs := []string{
		"plain", "", "{{.A}}", "a {{.A}} b {{ .B }} c", "{{.A}}{{.A}}", "{{- .A }} x", "{{.A.B}}",
		"{{if .A}}y{{end}}", "{{.A | print}}", "{{/* note */}}x", "{{.A", "{{.}}", "{{.a1}} {{._b}}",
	}
	for _, lang := range Languages {
		srcs = append(srcs, catalogTexts(t, "locales/"+lang+".toml")...)
	}
	names := regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_]*)`)
	datas := []func(name string, i int) (any, bool){
		func(n string, _ int) (any, bool) { return "<b>" + n + "</b>", true },
		func(_ string, i int) (any, bool) { return i - 1, true },
		func(string, int) (any, bool) { return nil, true },
		func(string, int) (any, bool) { return nil, false },
		func(_ string, i int) (any, bool) { return []string{"x"}, i%2 == 0 },
		func(_ string, i int) (any, bool) { return 1.5, i%2 == 1 },
	}
	fast, slow := &fieldParser{}, &template.TextParser{}
	for _, src := range srcs {
		want, errWant := slow.Parse(src, "", "")
		got, errGot := fast.Parse(src, "", "")
		if (errWant == nil) != (errGot == nil) {
			t.Fatalf("parse %q: text/template says %v, fieldParser %v", src, errWant, errGot)
		}
		if errWant != nil {
			continue
		}
		for _, data := range datas {
			a := args{}
			for i, m := range names.FindAllStringSubmatch(src, -1) {
				if v, ok := data(m[1], i); ok {
					a[m[1]] = v
				}
			}
			w, errW := want.Execute(a)
			g, errG := got.Execute(a)
			if w != g || (errW == nil) != (errG == nil) {
				t.Errorf("%q with %v: text/template gives %q (%v), fieldParser %q (%v)", src, a, w, errW, g, errG)
			}
		}
	}
}

// catalogTexts are every text of a catalog file, plural forms included.
func catalogTexts(t *testing.T, path string) []string {
	t.Helper()
	data, err := locales.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := toml.Unmarshal(data, &tree); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			for _, w := range v {
				walk(w)
			}
		}
	}
	walk(tree)
	if len(out) < 100 {
		t.Fatalf("%s: only %d texts read", path, len(out))
	}
	return out
}

// BenchmarkLocalize measures one catalog text with fields, as a message
// takes it.
func BenchmarkLocalize(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		l := r.loc("en") // as each message renders
		_ = l.T("common.date", args{"Weekday": "Wed", "MonthName": "Mar", "Day": 4, "Year": ""})
	}
}
