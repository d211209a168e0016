package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/kelseyhightower/envconfig"
)

// logConfig is how the bot logs: LOG_FORMAT and LOG_LEVEL.
type logConfig struct {
	LogFormat string `envconfig:"LOG_FORMAT" default:"text"`
	LogLevel  string `envconfig:"LOG_LEVEL" default:"info"`
}

// logLevels are the values LOG_LEVEL takes.
var logLevels = map[string]slog.Level{
	"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError,
}

// loadLogConfig reads only the log settings, for main: it must set up
// logging before run has read and checked the rest.
func loadLogConfig() (logConfig, error) {
	var lc logConfig
	if err := envconfig.Process("", &lc); err != nil {
		return lc, fmt.Errorf("read configuration: %w", err)
	}
	return lc, lc.check()
}

func (lc logConfig) check() error {
	if _, ok := logLevels[strings.ToLower(lc.LogLevel)]; !ok {
		return fmt.Errorf("LOG_LEVEL is %q: use debug, info, warn or error", lc.LogLevel)
	}
	switch strings.ToLower(lc.LogFormat) {
	case "text", "json":
		return nil
	}
	return fmt.Errorf("LOG_FORMAT is %q: use text or json", lc.LogFormat)
}

// logger returns a logger writing to w as lc says; lc must have passed check.
func (lc logConfig) logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: logLevels[strings.ToLower(lc.LogLevel)]}
	if strings.EqualFold(lc.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
