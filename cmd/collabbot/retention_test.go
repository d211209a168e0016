package main

import (
	"strings"
	"testing"
	"time"
)

func TestRetentionDecode(t *testing.T) {
	tests := []struct {
		give string
		want time.Duration
		ok   bool
	}{
		{"180d", 180 * 24 * time.Hour, true},
		{"1d", 24 * time.Hour, true},
		{"720h", 720 * time.Hour, true},
		{"90m", 90 * time.Minute, true},
		{"0d", 0, false},
		{"-3d", 0, false},
		{"1.5d", 0, false},
		{"d", 0, false},
		{"0s", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		var d days
		err := d.Decode(tt.give)
		if (err == nil) != tt.ok || time.Duration(d) != tt.want {
			t.Errorf("Decode(%q) = %v, %v; want %v, ok %v", tt.give, time.Duration(d), err, tt.want, tt.ok)
		}
	}
}

// COLLAB_RETENTION defaults to 180 days and names itself when wrong.
func TestRetentionFromEnvironment(t *testing.T) {
	t.Setenv("SLACK_APP_TOKEN", "xapp-1")
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-1")
	cfg, err := loadConfig()
	if err != nil || time.Duration(cfg.Retention) != 180*24*time.Hour {
		t.Errorf("default retention = %v, %v; want 4320h", time.Duration(cfg.Retention), err)
	}
	t.Setenv("COLLAB_RETENTION", "forever")
	if _, err := loadConfig(); err == nil || !strings.Contains(err.Error(), "COLLAB_RETENTION") {
		t.Errorf("COLLAB_RETENTION=forever: %v, want an error naming the variable", err)
	}
}
