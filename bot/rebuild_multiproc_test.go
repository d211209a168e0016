package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/collabbot/collabbot/store/redistest"
)

// Two bot processes lose every key they keep in Redis mid-collaboration
// (as a flush would): replies of both sides and a stranger's, at once and
// some sent twice to the other process, rebuild the collaboration once,
// and it goes on to the pinned agreement with every message once and
// every answer under its question.
func TestRebuildOnceAcrossReplicas(t *testing.T) {
	f := newFleet(t, 2)
	r := room{f: f, ch: "C0REBUILD"}
	r.open()
	r.reply(opsBo, opsAnswers[0], false)
	r.reply(techCy, techAnswers[0], false)
	f.waitLong("second prompts", func() bool { c := r.count(); return c.opsPrompts == 2 && c.techPrompts == 2 })
	f.settle()
	f.forget()

	for q := 1; q < 3; q++ {
		var wg sync.WaitGroup
		wg.Go(func() { r.reply(opsBo, opsAnswers[q], true) })
		wg.Go(func() { r.reply(techCy, techAnswers[q], q == 2) })
		wg.Go(func() { r.reply(stranger, "anyone for lunch?", false) })
		wg.Wait()
		if q < 2 {
			f.waitLong("third prompts", func() bool { c := r.count(); return c.opsPrompts == 3 && c.techPrompts == 3 })
		}
	}
	f.waitLong("proposal", func() bool { _, ok := r.proposal(); return ok })
	r.click(opsAna, true)
	r.click(techCy, false)
	f.waitLong("pin", func() bool { return r.count().pins > 0 })
	r.check(t)
	if n := f.countLogged("collab rebuilt from its thread"); n != 1 {
		t.Errorf("the collaboration was rebuilt %d times, want once", n)
	}
}

// forget deletes every key the fleet keeps in Redis, as a flush would.
func (f *fleet) forget() {
	f.t.Helper()
	rdb := redistest.Client(f.t)
	var keys []string
	iter := rdb.Scan(f.t.Context(), 0, f.prefix+"*", 500).Iterator()
	for iter.Next(f.t.Context()) {
		keys = append(keys, iter.Val())
	}
	if err := iter.Err(); err != nil || len(keys) == 0 {
		f.t.Fatalf("keys to forget: %d, err %v", len(keys), err)
	}
	if err := rdb.Unlink(f.t.Context(), keys...).Err(); err != nil {
		f.t.Fatal(err)
	}
}

// countLogged counts the log lines, of every process, that contain s.
func (f *fleet) countLogged(s string) int {
	n := 0
	f.lines.Range(func(k, _ any) bool {
		if strings.Contains(k.(string), s) {
			n++
		}
		return true
	})
	return n
}

// open starts the room's collaboration and waits for its first prompts.
func (r room) open() {
	r.f.t.Helper()
	if _, err := r.f.slack.SlashCommand(context.Background(), r.ch, opsAna, "/collab", opsRef+" "+techRef+" "+topicEN); err != nil {
		r.f.t.Fatal(err)
	}
	r.f.waitLong("first prompts", func() bool { c := r.count(); return c.opsPrompts == 1 && c.techPrompts == 1 })
}
