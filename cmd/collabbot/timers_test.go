package main

import (
	"strings"
	"testing"
	"time"
)

// COLLAB_NUDGE_AFTER defaults to one working day and COLLAB_EXPIRE_AFTER
// to 14 days; each names itself when wrong.
func TestTimersFromEnvironment(t *testing.T) {
	t.Setenv("SLACK_APP_TOKEN", "xapp-1")
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-1")
	cfg, err := loadConfig()
	if err != nil || time.Duration(cfg.NudgeAfter) != 24*time.Hour || time.Duration(cfg.ExpireAfter) != 14*24*time.Hour {
		t.Errorf("defaults = %v, %v, %v; want 24h, 336h", time.Duration(cfg.NudgeAfter), time.Duration(cfg.ExpireAfter), err)
	}
	t.Setenv("COLLAB_NUDGE_AFTER", "4h")
	t.Setenv("COLLAB_EXPIRE_AFTER", "30d")
	cfg, err = loadConfig()
	if err != nil || time.Duration(cfg.NudgeAfter) != 4*time.Hour || time.Duration(cfg.ExpireAfter) != 30*24*time.Hour {
		t.Errorf("set = %v, %v, %v; want 4h, 720h", time.Duration(cfg.NudgeAfter), time.Duration(cfg.ExpireAfter), err)
	}
	for _, name := range []string{"COLLAB_NUDGE_AFTER", "COLLAB_EXPIRE_AFTER"} {
		t.Setenv(name, "never")
		if _, err := loadConfig(); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=never: %v, want an error naming the variable", name, err)
		}
		t.Setenv(name, "1d")
	}
}
