package main

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// The bot's own counts reach /metrics through the real wiring: events by
// kind and outcome, the retry of an effect Slack refused for now, and the
// lag of the scheduled job that retried it.
func TestMetricsCountEventsRetriesAndLag(t *testing.T) {
	sc, err := scenario.Load("presale-load")
	if err != nil {
		t.Fatal(err)
	}
	srv := slacktest.New()
	defer srv.Close()
	groups := populate(srv, sc, "America/New_York")
	b := startBot(t, srv)
	// Every attempt of the first delivery fails (slack-go tries 5 times):
	// the root waits for its scheduled retry.
	srv.Fail("chat.postMessage", 5)
	if err := play(t.Context(), srv, sc, groups); err != nil {
		t.Fatal(err)
	}
	const replies = 6 // three answers from each side
	ok := func(kind string) map[string]string { return map[string]string{"kind": kind, "outcome": "ok"} }
	families := scrape(t, b.base+"/metrics")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if value(families, "collabbot_events_total", ok("click")) >= 2 {
			break
		}
		families = scrape(t, b.base+"/metrics")
	}
	if got := value(families, "collabbot_events_total", ok("command")); got != 1 {
		t.Errorf("events{command,ok} = %v, want 1", got)
	}
	if got := value(families, "collabbot_events_total", ok("reply")); got < float64(replies) {
		t.Errorf("events{reply,ok} = %v, want at least the %d replies", got, replies)
	}
	if got := value(families, "collabbot_events_total", ok("click")); got < 2 {
		t.Errorf("events{click,ok} = %v, want the two acceptances at least", got)
	}
	// The bot's own posts come back as message events and are ignored.
	if got := value(families, "collabbot_events_total", map[string]string{"kind": "reply", "outcome": "ignored"}); got < 1 {
		t.Errorf("events{reply,ignored} = %v, want the bot's own posts", got)
	}
	if got := value(families, "collabbot_retries_total", map[string]string{"what": "effect"}); got != 1 {
		t.Errorf("retries{effect} = %v, want 1 (the refused root)", got)
	}
	if got := histogramCount(families, "collabbot_scheduler_lag_seconds"); got < 1 {
		t.Errorf("scheduler lag observations = %d, want the retry job's", got)
	}
	for _, name := range []string{"collabbot_events_total", "collabbot_retries_total", "collabbot_scheduler_lag_seconds"} {
		if mf := families[name]; mf.GetHelp() == "" {
			t.Errorf("%s lacks HELP", name)
		}
	}
}
