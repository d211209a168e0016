package main

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"

	"github.com/collabbot/collabbot/flows/timeread"
)

// config is read from the environment; the names are a stable contract.
type config struct {
	logConfig
	AppToken string `envconfig:"SLACK_APP_TOKEN"`
	BotToken string `envconfig:"SLACK_BOT_TOKEN"`
	APIURL   string `envconfig:"SLACK_API_URL" default:"https://slack.com/api/"`
	RedisURL string `envconfig:"REDIS_URL"`
	HTTPAddr string `envconfig:"HTTP_ADDR"`
	Lang     string `envconfig:"COLLAB_LANG" default:"auto"`
	TZ       string `envconfig:"COLLAB_TZ" default:"UTC"`
	// Holidays and SprintDays set how lead times are counted: "cn" or
	// "none" ("" for each collab's language), and the sprint length in days.
	Holidays   string `envconfig:"COLLAB_HOLIDAYS"`
	SprintDays int    `envconfig:"COLLAB_SPRINT_DAYS"`
	// Retention is how long a collaboration is kept after its last
	// change: "180d", "720h".
	Retention days `envconfig:"COLLAB_RETENTION" default:"180d"`
	// NudgeAfter is the working time (weekends and nights left out, in
	// the side's zone) after which an unanswered question is asked once
	// more; ExpireAfter is how long after its start an unfinished
	// collaboration is closed.
	NudgeAfter  days `envconfig:"COLLAB_NUDGE_AFTER" default:"1d"`
	ExpireAfter days `envconfig:"COLLAB_EXPIRE_AFTER" default:"14d"`
	loc         *time.Location
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

// loadConfig reads and checks the configuration. Its errors are one line
// that names the variable and says what a right value looks like; tokens
// never appear in them.
func loadConfig() (config, error) {
	var cfg config
	if err := envconfig.Process("", &cfg); err != nil {
		return cfg, fmt.Errorf("read configuration: %w", err)
	}
	// envconfig skips an embedded struct of an unexported type.
	lc, err := loadLogConfig()
	if err != nil {
		return cfg, err
	}
	cfg.logConfig = lc
	return cfg, cfg.check()
}

const tokenHelp = "create the app from manifest.yaml at https://api.slack.com/apps, then "

// check validates c and puts its values in the form the bot uses.
func (c *config) check() error {
	var err error
	c.AppToken, err = checkToken("SLACK_APP_TOKEN", c.AppToken, "xapp-", "an app-level token",
		"Basic Information → App-Level Tokens, scope connections:write")
	if err != nil {
		return err
	}
	c.BotToken, err = checkToken("SLACK_BOT_TOKEN", c.BotToken, "xoxb-", "a bot token",
		"OAuth & Permissions → Install to Workspace → Bot User OAuth Token")
	if err != nil {
		return err
	}
	if c.APIURL, err = checkAPIURL(c.APIURL); err != nil {
		return err
	}
	if c.Lang, err = checkLang(c.Lang); err != nil {
		return err
	}
	if c.loc, err = checkZone(c.TZ); err != nil {
		return err
	}
	return checkCalendar(c.Holidays, c.SprintDays)
}

// checkCalendar refuses holidays other than cn and none, and a negative
// sprint length.
func checkCalendar(holidays string, sprintDays int) error {
	switch {
	case holidays != "" && holidays != timeread.HolidaysCN && holidays != timeread.HolidaysNone:
		return fmt.Errorf("COLLAB_HOLIDAYS is %q: use cn, none, or leave it empty for each collaboration's language", holidays)
	case sprintDays < 0:
		return fmt.Errorf("COLLAB_SPRINT_DAYS is %d: use the sprint length in days, or 0 when unknown", sprintDays)
	}
	return nil
}

// checkToken trims what a copy and paste adds around a token, then checks
// its prefix and that it is not the placeholder shown in the docs.
func checkToken(name, token, prefix, kind, where string) (string, error) {
	token = strings.TrimSpace(token)
	rest, hasPrefix := strings.CutPrefix(token, prefix)
	switch {
	case token == "":
		return "", fmt.Errorf("%s is not set: it must be %s starting with %s (%s%s)", name, kind, prefix, tokenHelp, where)
	case !hasPrefix:
		return "", fmt.Errorf("%s has the wrong prefix: it must be %s starting with %s (%s%s)", name, kind, prefix, tokenHelp, where)
	case strings.Trim(rest, ".…") == "":
		return "", fmt.Errorf("%s is the placeholder %s…: put the real token there (%s%s)", name, prefix, tokenHelp, where)
	}
	return token, nil
}

// checkAPIURL accepts an absolute http(s) URL with a host, and gives it
// the trailing slash slack-go needs to append method names.
func checkAPIURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("SLACK_API_URL is %q: use an http(s) URL such as https://slack.com/api/", raw)
	}
	if !strings.HasSuffix(raw, "/") {
		raw += "/"
	}
	return raw, nil
}

// checkLang accepts auto, en and zh, and language tags that start with
// them in any case (zh-CN, zh_TW, EN-us).
func checkLang(lang string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	switch l {
	case "auto", "en", "zh":
		return l, nil
	}
	return "", fmt.Errorf("COLLAB_LANG is %q: use auto, en or zh", lang)
}

// checkZone loads an IANA zone. An empty value is refused rather than read
// as UTC, since it is most likely a variable left blank by mistake.
func checkZone(tz string) (*time.Location, error) {
	if strings.TrimSpace(tz) == "" {
		return nil, fmt.Errorf("COLLAB_TZ is set but empty: unset it for UTC, or use an IANA zone such as Asia/Shanghai")
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, fmt.Errorf("COLLAB_TZ is %q: use an IANA zone such as UTC or Asia/Shanghai", tz)
	}
	return loc, nil
}
