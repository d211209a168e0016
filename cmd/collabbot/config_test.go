package main

import (
	"strings"
	"testing"
)

// validConfig passes check; each case changes one thing.
func validConfig() config {
	return config{
		logConfig: logConfig{LogFormat: "text", LogLevel: "info"},
		AppToken:  "xapp-1-A", BotToken: "xoxb-1-B",
		APIURL: "https://slack.com/api/", Lang: "auto", TZ: "UTC",
	}
}

func TestConfigAcceptsAndNormalises(t *testing.T) {
	tests := []struct {
		name   string
		change func(*config)
		want   func(config) string // the normalised value
		give   string
	}{
		{"zh-CN", func(c *config) { c.Lang = "zh-CN" }, func(c config) string { return c.Lang }, "zh"},
		{"ZH", func(c *config) { c.Lang = "ZH" }, func(c config) string { return c.Lang }, "zh"},
		{"zh_CN", func(c *config) { c.Lang = "zh_CN" }, func(c config) string { return c.Lang }, "zh"},
		{"EN", func(c *config) { c.Lang = "EN" }, func(c config) string { return c.Lang }, "en"},
		{"en-US", func(c *config) { c.Lang = "en-US" }, func(c config) string { return c.Lang }, "en"},
		{"Auto", func(c *config) { c.Lang = "Auto" }, func(c config) string { return c.Lang }, "auto"},
		{"app token with newline", func(c *config) { c.AppToken = " xapp-1-A\n" }, func(c config) string { return c.AppToken }, "xapp-1-A"},
		{"bot token with spaces", func(c *config) { c.BotToken = "\txoxb-1-B  " }, func(c config) string { return c.BotToken }, "xoxb-1-B"},
		{"API URL without slash", func(c *config) { c.APIURL = "http://127.0.0.1:9/api" }, func(c config) string { return c.APIURL }, "http://127.0.0.1:9/api/"},
		{"zone", func(c *config) { c.TZ = "Asia/Shanghai" }, func(c config) string { return c.loc.String() }, "Asia/Shanghai"},
	}
	for _, tt := range tests {
		c := validConfig()
		tt.change(&c)
		if err := c.check(); err != nil {
			t.Errorf("%s: check() = %v, want nil", tt.name, err)
			continue
		}
		if got := tt.want(c); got != tt.give {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.give)
		}
	}
}

func TestConfigRefusesWithOneLine(t *testing.T) {
	tests := []struct {
		name   string
		change func(*config)
		want   string
	}{
		{"app placeholder with ellipsis", func(c *config) { c.AppToken = "xapp-…" }, "SLACK_APP_TOKEN is the placeholder"},
		{"app placeholder with dots", func(c *config) { c.AppToken = "xapp-..." }, "SLACK_APP_TOKEN is the placeholder"},
		{"bot placeholder", func(c *config) { c.BotToken = "xoxb-…" }, "SLACK_BOT_TOKEN is the placeholder"},
		{"bare prefix", func(c *config) { c.AppToken = "xapp-" }, "SLACK_APP_TOKEN is the placeholder"},
		{"blank token", func(c *config) { c.BotToken = " \n" }, "SLACK_BOT_TOKEN is not set"},
		{"empty zone", func(c *config) { c.TZ = "" }, "COLLAB_TZ is set but empty"},
		{"unknown zone", func(c *config) { c.TZ = "Mars/Olympus" }, "COLLAB_TZ is"},
		{"API URL without scheme", func(c *config) { c.APIURL = "slack.com/api/" }, "SLACK_API_URL is"},
		{"API URL of another scheme", func(c *config) { c.APIURL = "ftp://slack.com/api/" }, "SLACK_API_URL is"},
		{"API URL without host", func(c *config) { c.APIURL = "https:///api/" }, "SLACK_API_URL is"},
		{"API URL unparsable", func(c *config) { c.APIURL = "http://[::1" }, "SLACK_API_URL is"},
		{"API URL with a query", func(c *config) { c.APIURL = "https://slack.com/api/?x=1" }, "SLACK_API_URL is"},
		{"language", func(c *config) { c.Lang = "fr" }, "COLLAB_LANG is"},
		{"language prefix only", func(c *config) { c.Lang = "-zh" }, "COLLAB_LANG is"},
		{"holidays", func(c *config) { c.Holidays = "us" }, "COLLAB_HOLIDAYS is"},
		{"sprint days", func(c *config) { c.SprintDays = -14 }, "COLLAB_SPRINT_DAYS is"},
	}
	for _, tt := range tests {
		c := validConfig()
		tt.change(&c)
		err := c.check()
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: check() = %v, want one line containing %q", tt.name, err, tt.want)
		}
	}
}

// Through the environment: a variable set to "" is not the same as unset.
func TestEmptyZoneVariableIsRefused(t *testing.T) {
	t.Setenv("SLACK_APP_TOKEN", "xapp-1-A")
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-1-B")
	t.Setenv("COLLAB_TZ", "")
	if _, err := loadConfig(); err == nil || !strings.Contains(err.Error(), "COLLAB_TZ is set but empty") {
		t.Fatalf("loadConfig() = %v, want COLLAB_TZ refused", err)
	}
}

func TestLogSettings(t *testing.T) {
	tests := []struct {
		format, level string
		want          string // "" when accepted
	}{
		{"text", "info", ""},
		{"json", "debug", ""},
		{"JSON", "WARN", ""},
		{"text", "error", ""},
		{"logfmt", "info", "LOG_FORMAT is \"logfmt\""},
		{"", "info", "LOG_FORMAT is \"\""},
		{"text", "verbose", "LOG_LEVEL is \"verbose\""},
		{"text", "warning", "LOG_LEVEL is \"warning\""},
	}
	for _, tt := range tests {
		err := logConfig{LogFormat: tt.format, LogLevel: tt.level}.check()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("LOG_FORMAT=%q LOG_LEVEL=%q: %v, want %q", tt.format, tt.level, err, tt.want)
		}
	}
}
