package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/collabbot/collabbot/bot"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
	"github.com/collabbot/collabbot/store"
)

// demoChannel is where the demo collaboration happens.
const demoChannel = "C0DEMO"

// demoPeople are the two people who answer, one for each side.
var demoPeople = [2]slacktest.User{{ID: "U0DEMOA", Name: "ana"}, {ID: "U0DEMOB", Name: "bo"}}

// runDemo plays one sample collaboration against a fake Slack with the
// embedded store and prints the thread as a person would read it.
func runDemo(ctx context.Context, name string, out io.Writer, log *slog.Logger) error {
	sc, err := loadDemo(name)
	if err != nil {
		return err
	}
	tz := map[string]string{"zh": "Asia/Shanghai"}[sc.Lang]
	if tz == "" {
		tz = "America/New_York"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return fmt.Errorf("demo time zone: %w", err)
	}
	start, began := sc.Today.At(10, loc), time.Now()
	clock := func() time.Time { return start.Add(time.Since(began)) }
	srv := slacktest.New(slacktest.WithClock(clock))
	defer srv.Close()
	st, closeStore, err := store.Open(ctx, "")
	if err != nil {
		return err
	}
	defer closeStore()
	groups := populate(srv, sc, tz)
	b, err := bot.New(bot.NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, srv.URL()), st, bot.Config{Lang: "auto", DefaultTZ: loc, Log: log, Holidays: sc.Holidays, SprintDays: sc.SprintDays, Now: clock})
	if err != nil {
		return err
	}
	botCtx, stopBot := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- b.Run(botCtx) }()
	playErr := play(ctx, srv, sc, groups)
	stopBot()
	if err := <-done; err != nil {
		return err
	}
	if playErr != nil {
		return playErr
	}
	return printThread(out, srv, map[string]string{groups[0]: handle(0, sc), groups[1]: handle(1, sc)})
}

// loadDemo loads a corpus scenario by name, or a scenario file by path
// (a name ending in .yaml).
func loadDemo(name string) (scenario.Scenario, error) {
	if strings.HasSuffix(name, ".yaml") {
		return scenario.ReadFile(os.DirFS(filepath.Dir(name)), filepath.Base(name))
	}
	sc, err := scenario.Load(name)
	if err != nil {
		return sc, fmt.Errorf("%w (collabbot demo list shows the names)", err)
	}
	return sc, nil
}

// populate adds the demo's two people, in zone tz, and a user group for
// each side of sc to srv, and returns the groups' ids.
func populate(srv *slacktest.Server, sc scenario.Scenario, tz string) [2]string {
	groups := [2]string{"S0DEMOA", "S0DEMOB"}
	for i, u := range demoPeople {
		u.TZ = tz
		srv.AddUser(u)
		srv.AddGroup(slacktest.Group{ID: groups[i], Handle: handle(i, sc), Users: []string{u.ID}})
	}
	return groups
}

func handle(i int, sc scenario.Scenario) string {
	return [2]string{sc.Sides.A.Name, sc.Sides.B.Name}[i]
}
