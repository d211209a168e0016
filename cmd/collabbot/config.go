package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// config is read from the environment; the names are a stable contract.
type config struct {
	AppToken string `envconfig:"SLACK_APP_TOKEN"`
	BotToken string `envconfig:"SLACK_BOT_TOKEN"`
	APIURL   string `envconfig:"SLACK_API_URL" default:"https://slack.com/api/"`
	RedisURL string `envconfig:"REDIS_URL"`
	HTTPAddr string `envconfig:"HTTP_ADDR"`
	Lang     string `envconfig:"COLLAB_LANG" default:"auto"`
	TZ       string `envconfig:"COLLAB_TZ" default:"UTC"`
	// Retention is how long a collaboration is kept after its last
	// change: "180d", "720h".
	Retention days `envconfig:"COLLAB_RETENTION" default:"180d"`
	loc       *time.Location
}

// days is a duration that also takes whole days ("180d"), which
// time.ParseDuration does not.
type days time.Duration

// Decode reads "<n>d" or any time.ParseDuration form; envconfig calls it.
func (d *days) Decode(s string) error {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		v, err := strconv.Atoi(n)
		if err != nil || v <= 0 {
			return fmt.Errorf("%q: use a whole number of days such as 180d, or hours such as 720h", s)
		}
		*d = days(time.Duration(v) * 24 * time.Hour)
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil || v <= 0 {
		return fmt.Errorf("%q: use a whole number of days such as 180d, or hours such as 720h", s)
	}
	*d = days(v)
	return nil
}

// loadConfig reads and checks the configuration. Its errors name the
// variable and say where to get a right value; tokens never appear in them.
func loadConfig() (config, error) {
	var cfg config
	if err := envconfig.Process("", &cfg); err != nil {
		return cfg, fmt.Errorf("read configuration: %w", err)
	}
	return cfg, cfg.check()
}

const tokenHelp = "create the app from manifest.yaml at https://api.slack.com/apps, then "

func (c *config) check() error {
	switch {
	case !strings.HasPrefix(c.AppToken, "xapp-"):
		return fmt.Errorf("SLACK_APP_TOKEN %s: it must be an app-level token starting with xapp- (%sBasic Information → App-Level Tokens, scope connections:write)",
			state(c.AppToken), tokenHelp)
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		return fmt.Errorf("SLACK_BOT_TOKEN %s: it must be a bot token starting with xoxb- (%sOAuth & Permissions → Install to Workspace → Bot User OAuth Token)",
			state(c.BotToken), tokenHelp)
	case !strings.HasSuffix(c.APIURL, "/"):
		c.APIURL += "/"
	}
	switch c.Lang {
	case "auto", "en", "zh":
	default:
		return fmt.Errorf("COLLAB_LANG is %q: use auto, en or zh", c.Lang)
	}
	loc, err := time.LoadLocation(c.TZ)
	if err != nil {
		return fmt.Errorf("COLLAB_TZ is %q: use an IANA zone such as UTC or Asia/Shanghai: %w", c.TZ, err)
	}
	c.loc = loc
	return nil
}

// state describes a bad token without showing it.
func state(token string) string {
	if token == "" {
		return "is not set"
	}
	return "has the wrong prefix"
}
