package main

import (
	"encoding/json"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Docker cannot run here: these tests read the deployment files as Docker
// and Compose would, for what the bot relies on.

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestComposeRunsTheBotOnADurableRedis(t *testing.T) {
	var c struct {
		Services map[string]struct {
			Build       string            `yaml:"build"`
			Image       string            `yaml:"image"`
			Command     []string          `yaml:"command"`
			Environment map[string]string `yaml:"environment"`
			Volumes     []string          `yaml:"volumes"`
			Healthcheck struct {
				Test []string `yaml:"test"`
			} `yaml:"healthcheck"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal([]byte(readRepoFile(t, "compose.yaml")), &c); err != nil {
		t.Fatalf("compose.yaml is not YAML: %v", err)
	}
	bot, redis := c.Services["collabbot"], c.Services["redis"]
	if bot.Build != "." || !strings.HasPrefix(bot.Environment["REDIS_URL"], "redis://redis:6379") {
		t.Errorf("collabbot service: build %q, REDIS_URL %q", bot.Build, bot.Environment["REDIS_URL"])
	}
	for _, token := range []string{"SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"} {
		if !strings.HasPrefix(bot.Environment[token], "${"+token+":?") {
			t.Errorf("%s = %q, want it required from the environment", token, bot.Environment[token])
		}
	}
	if strings.Join(bot.Healthcheck.Test, " ") != "CMD /collabbot health" || bot.Environment["HTTP_ADDR"] == "" {
		t.Errorf("collabbot health check %v with HTTP_ADDR %q", bot.Healthcheck.Test, bot.Environment["HTTP_ADDR"])
	}
	if redis.Image != "redis:7" || !strings.Contains(strings.Join(redis.Command, " "), "--appendonly yes") {
		t.Errorf("redis service: image %q, command %v", redis.Image, redis.Command)
	}
	if len(redis.Volumes) != 1 || !strings.HasSuffix(redis.Volumes[0], ":/data") {
		t.Fatalf("redis volumes = %v, want a named volume on /data", redis.Volumes)
	}
	if _, ok := c.Volumes[strings.TrimSuffix(redis.Volumes[0], ":/data")]; !ok {
		t.Errorf("volume %s is not a named volume", redis.Volumes[0])
	}
}

func TestDockerfileChecksItsHealth(t *testing.T) {
	df := readRepoFile(t, "Dockerfile")
	m := regexp.MustCompile(`(?m)^HEALTHCHECK .*CMD (\[.*\])$`).FindStringSubmatch(df)
	if m == nil {
		t.Fatal("Dockerfile has no exec-form HEALTHCHECK")
	}
	var argv []string
	if err := json.Unmarshal([]byte(m[1]), &argv); err != nil || strings.Join(argv, " ") != "/collabbot health" {
		t.Errorf("HEALTHCHECK runs %s, want [\"/collabbot\",\"health\"]", m[1])
	}
	if !strings.Contains(df, "ENV HTTP_ADDR=") {
		t.Error("the image sets no HTTP_ADDR, so health has nothing to probe")
	}
}

// The README's configuration table lists every variable with the binary's
// default and, where the Dockerfile sets one, the image's.
func TestREADMETableMatchesDefaults(t *testing.T) {
	readme := readRepoFile(t, "README.md")
	rows := map[string][]string{}
	for _, line := range strings.Split(readme, "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 4 && strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			rows[strings.Trim(strings.TrimSpace(cells[1]), "`")] = cells[2:]
		}
	}
	image := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^ENV (\w+)=(\S+)$`).FindAllStringSubmatch(readRepoFile(t, "Dockerfile"), -1) {
		image[m[1]] = m[2]
	}
	for name, def := range envDefaults() {
		row, ok := rows[name]
		if !ok {
			t.Errorf("README table lacks %s", name)
			continue
		}
		if def != "" && !strings.Contains(row[0], "`"+def+"`") {
			t.Errorf("README: %s default %q, want `%s`", name, strings.TrimSpace(row[0]), def)
		}
		if v, ok := image[name]; ok && !strings.Contains(row[1], "`"+v+"`") {
			t.Errorf("README: %s in the image %q, want `%s`", name, strings.TrimSpace(row[1]), v)
		}
	}
}

// envDefaults lists the variables config and logConfig read, with their
// defaults, from their struct tags.
func envDefaults() map[string]string {
	out := map[string]string{}
	add := func(fields []fieldTag) {
		for _, f := range fields {
			out[f.env] = f.def
		}
	}
	add(tagsOf(config{}))
	add(tagsOf(logConfig{}))
	return out
}

// Every file a //go:embed names reaches the image build.
func TestDockerignoreKeepsEmbeddedFiles(t *testing.T) {
	root := filepath.Join("..", "..")
	patterns := dockerignore(readRepoFile(t, ".dockerignore"))
	checked := 0
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() == ".git" {
			return err
		}
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			return nil // not a Go package
		}
		for _, p := range pkg.EmbedPatterns {
			files, _ := filepath.Glob(filepath.Join(dir, p))
			for _, f := range files {
				rel, _ := filepath.Rel(root, f)
				checked++
				if ignored(patterns, filepath.ToSlash(rel)) {
					t.Errorf(".dockerignore drops %s, which //go:embed needs", rel)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 3 {
		t.Fatalf("found %d embedded files; the walk is broken", checked)
	}
	if !ignored(patterns, "cmd/collabbot/main_test.go") || !ignored(patterns, ".git/HEAD") {
		t.Error("the matcher keeps what .dockerignore drops")
	}
}
