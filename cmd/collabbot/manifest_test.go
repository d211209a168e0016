package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// manifestSchemas maps the URLs Slack's manifest schema refers to onto the
// copies in testdata, so validating fetches nothing.
var manifestSchemas = map[string]string{
	"https://github.com/slackapi/manifest-schema/blob/main/manifest.schema.json":                           "manifest.schema.json",
	"https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json": "manifest.schema.1.0.0.json",
	"https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json": "manifest.schema.2.0.0.json",
}

const manifestSchemaURL = "https://github.com/slackapi/manifest-schema/blob/main/manifest.schema.json"

// noFetch refuses every URL that was not registered from testdata.
type noFetch struct{}

func (noFetch) Load(url string) (any, error) { return nil, fmt.Errorf("refusing to fetch %s", url) }

// ecmaRegexp compiles the schema's patterns as JSON Schema says they are
// written, ECMA-262: Slack's use lookahead, which Go's regexp lacks.
func ecmaRegexp(pattern string) (jsonschema.Regexp, error) {
	re, err := regexp2.Compile(pattern, regexp2.ECMAScript)
	if err != nil {
		return nil, fmt.Errorf("compile pattern %q: %w", pattern, err)
	}
	return ecmaPattern{re}, nil
}

type ecmaPattern struct{ re *regexp2.Regexp }

func (p ecmaPattern) String() string { return p.re.String() }

// MatchString reports a match; a pattern that times out does not match.
func (p ecmaPattern) MatchString(s string) bool {
	ok, err := p.re.MatchString(s)
	return err == nil && ok
}

func manifestSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.UseLoader(noFetch{})
	c.UseRegexpEngine(ecmaRegexp)
	for url, file := range manifestSchemas {
		f, err := os.Open(filepath.Join("testdata", "manifest", file))
		if err != nil {
			t.Fatalf("open schema: %v", err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("read schema %s: %v", file, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			t.Fatalf("add schema %s: %v", file, err)
		}
	}
	sch, err := c.Compile(manifestSchemaURL)
	if err != nil {
		t.Fatalf("compile manifest schema: %v", err)
	}
	return sch
}

// manifestJSON reads YAML as the JSON value Slack would receive.
func manifestJSON(t *testing.T, y []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(y, &v); err != nil {
		t.Fatalf("manifest is not YAML: %v", err)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("manifest is not JSON-compatible: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("manifest JSON: %v", err)
	}
	return inst
}

// appManifest is the part of the manifest the bot depends on.
type appManifest struct {
	Features struct {
		AppHome struct {
			HomeTab bool `yaml:"home_tab_enabled"`
		} `yaml:"app_home"`
		BotUser struct {
			DisplayName string `yaml:"display_name"`
		} `yaml:"bot_user"`
		SlashCommands []struct {
			Command      string `yaml:"command"`
			Description  string `yaml:"description"`
			UsageHint    string `yaml:"usage_hint"`
			ShouldEscape bool   `yaml:"should_escape"`
			URL          string `yaml:"url"`
		} `yaml:"slash_commands"`
	} `yaml:"features"`
	OAuth struct {
		Scopes struct {
			Bot []string `yaml:"bot"`
		} `yaml:"scopes"`
	} `yaml:"oauth_config"`
	Settings struct {
		Events struct {
			RequestURL string   `yaml:"request_url"`
			BotEvents  []string `yaml:"bot_events"`
		} `yaml:"event_subscriptions"`
		Interactivity struct {
			Enabled    bool   `yaml:"is_enabled"`
			RequestURL string `yaml:"request_url"`
		} `yaml:"interactivity"`
		SocketMode bool `yaml:"socket_mode_enabled"`
	} `yaml:"settings"`
}

// TestManifest checks ../../manifest.yaml against Slack's manifest schema
// and against what the bot needs: its scopes, events and /collab command.
func TestManifest(t *testing.T) {
	y, err := os.ReadFile("../../manifest.yaml")
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	sch := manifestSchema(t)
	if err := sch.Validate(manifestJSON(t, y)); err != nil {
		t.Fatalf("manifest.yaml does not follow Slack's schema: %v", err)
	}
	var m appManifest
	if err := yaml.Unmarshal(y, &m); err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	wantScopes := []string{"channels:history", "chat:write", "commands", "groups:history", "pins:write", "usergroups:read", "users:read"}
	got := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot))
	if !slices.Equal(got, wantScopes) {
		t.Errorf("bot scopes = %v, want %v", got, wantScopes)
	}
	for _, want := range []string{"app_home_opened", "message.channels", "message.groups"} {
		if !slices.Contains(m.Settings.Events.BotEvents, want) {
			t.Errorf("bot events = %v, want %s among them", m.Settings.Events.BotEvents, want)
		}
	}
	if !m.Features.AppHome.HomeTab {
		t.Errorf("the Home tab is off; the bot publishes one per person")
	}
	if len(m.Features.SlashCommands) != 1 {
		t.Fatalf("slash commands = %+v, want only /collab", m.Features.SlashCommands)
	}
	cmd := m.Features.SlashCommands[0]
	if cmd.Command != "/collab" || !strings.HasPrefix(cmd.UsageHint, "@side-a @side-b topic · help") || !cmd.ShouldEscape || cmd.Description == "" {
		t.Errorf("slash command = %+v, want /collab with a description, a usage hint naming the subcommands and should_escape", cmd)
	}
	if m.Features.BotUser.DisplayName != "collabbot" {
		t.Errorf("bot user = %q, want collabbot", m.Features.BotUser.DisplayName)
	}
	if !m.Settings.SocketMode || !m.Settings.Interactivity.Enabled {
		t.Errorf("socket mode %v, interactivity %v: both must be on", m.Settings.SocketMode, m.Settings.Interactivity.Enabled)
	}
	if cmd.URL != "" || m.Settings.Events.RequestURL != "" || m.Settings.Interactivity.RequestURL != "" {
		t.Errorf("request URLs set; a Socket Mode app needs none")
	}
}

// TestManifestSchemaRejects proves the schema check can fail: each
// broken manifest must be refused.
func TestManifestSchemaRejects(t *testing.T) {
	sch := manifestSchema(t)
	tests := []struct{ name, yaml string }{
		{"no display information", "features:\n  bot_user:\n    display_name: collabbot\n"},
		{"command without slash", "display_information:\n  name: collabbot\nfeatures:\n  slash_commands:\n    - command: collab\n      description: x\n"},
		{"unknown setting", "display_information:\n  name: collabbot\nsettings:\n  socket_mode: true\n"},
		{"unfurl domain starting with a dot", "display_information:\n  name: collabbot\nfeatures:\n  unfurl_domains:\n    - .example.com\n"},
		{"name too long", "display_information:\n  name: " + string(bytes.Repeat([]byte("x"), 36)) + "\n"},
	}
	for _, tt := range tests {
		if err := sch.Validate(manifestJSON(t, []byte(tt.yaml))); err == nil {
			t.Errorf("%s: schema accepted\n%s", tt.name, tt.yaml)
		}
	}
}

// The subscriber's manifest example in the README follows Slack's schema.
func TestREADMESubscriberManifest(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := bytes.Cut(readme, []byte("## Workflows and other apps"))
	_, block, ok2 := bytes.Cut(section, []byte("```yaml\n"))
	block, _, ok3 := bytes.Cut(block, []byte("```"))
	if !ok || !ok2 || !ok3 {
		t.Fatal("README has no YAML example under \"Workflows and other apps\"")
	}
	doc := append([]byte("display_information:\n  name: subscriber\n"), block...)
	if err := manifestSchema(t).Validate(manifestJSON(t, doc)); err != nil {
		t.Fatalf("README's subscriber manifest does not follow Slack's schema: %v\n%s", err, doc)
	}
	if !bytes.Contains(block, []byte("event_type: collab_agreement")) {
		t.Error("the example does not subscribe to collab_agreement")
	}
}
