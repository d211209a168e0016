package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// openHome sends app_home_opened for user and waits for a publish.
func (h *harness) openHome(user string) string {
	h.t.Helper()
	before := string(h.slack.Home(user))
	if _, err := h.slack.AppHomeOpened(context.Background(), user); err != nil {
		h.t.Fatal(err)
	}
	var home string
	h.waitFor("home of "+user, func() bool { home = string(h.slack.Home(user)); return home != "" && home != before })
	return home
}

// Opening the Home tab publishes what waits on the person, in their Slack
// language; a change to their collab publishes it again; the views pass
// the Block Kit schema (the fake refuses any other).
func TestHomeTab(t *testing.T) {
	h := newHarness(t)
	addLi(h)
	empty := h.openHome(techCy)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.waitFor("home with the new collab, linked", func() bool {
		home := string(h.slack.Home(techCy))
		return strings.Contains(home, "question 1 of 3") && strings.Contains(home, link(root))
	})
	zh := h.openHome(liZH)
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("home after the answer", func() bool { return strings.Contains(string(h.slack.Home(techCy)), "question 2 of 3") })
	home := string(h.slack.Home(techCy))

	if !strings.Contains(empty, "Nothing is waiting on you") || !strings.Contains(empty, "You have no open collab") {
		t.Errorf("empty home: %s", empty)
	}
	if !strings.Contains(home, link(root)) || !strings.Contains(home, "ops and tech") {
		t.Errorf("home lacks the collab's link or sides: %s", home)
	}
	if !strings.Contains(zh, "等你处理") || !strings.Contains(zh, "你方待回答第1个问题") {
		t.Errorf("Chinese home: %s", zh)
	}
	if err := slacktest.ValidateView([]byte(home), "home"); err != nil {
		t.Error(err)
	}
	for _, c := range h.slack.Calls() {
		if c.Method == "views.publish" && !c.OK {
			t.Errorf("views.publish refused: %s %s", c.Error, c.Detail)
		}
	}
}

// Private notices follow the reader's Slack language, whatever the
// collab's.
func TestNoticeInReadersLanguage(t *testing.T) {
	h := newHarness(t)
	h.slack.AddUser(slacktest.User{ID: "U0ZHWANG", Name: "wang", Locale: "zh-CN"})
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, "U0ZHWANG", "hello")
	e := h.newestEphemeral("U0ZHWANG", 1)
	if !strings.Contains(e.Text, "你不是") {
		t.Errorf("notice to a Chinese reader: %q", e.Text)
	}
}

// After the agreement the Home tab of someone who opened it lists their
// side's commitments with due dates, and no longer the collab as open.
func TestHomeShowsCommitments(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.openHome(opsAna)
	h.openHome(techCy)
	ops, tech := opsAnswers, techAnswers
	ops[2] = "A list of our core users' device models within 3 days"
	tech[2] = "Two testers assigned with priority within 2 days"
	h.answer(root, opsAna, ops, techCy, tech)
	h.accept(root, opsAna, techCy)
	h.waitFor("agreement", func() bool { _, ok := h.agreement(); return ok })
	c := h.collab(root)
	if len(c.Commitments) == 0 {
		t.Fatalf("the agreement has no dated commitment to show: %+v", c.Proposal.Commitments)
	}
	for _, k := range c.Commitments {
		user := map[flows.Side]string{flows.SideA: opsAna, flows.SideB: techCy}[k.Owner]
		due := "by " + k.Due.Format("Mon Jan 2") // the renderer's English date
		h.waitFor("commitment on the home of "+user, func() bool { return strings.Contains(string(h.slack.Home(user)), due) })
	}
	for _, u := range []string{opsAna, techCy} {
		if home := string(h.slack.Home(u)); !strings.Contains(home, "You have no open collab") {
			t.Errorf("the agreed collab is still open on %s's home: %s", u, home)
		}
	}
}
