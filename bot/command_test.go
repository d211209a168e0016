package bot_test

import (
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// Bad /collab arguments get a private usage message and create nothing.
func TestBadCommandsCreateNothing(t *testing.T) {
	h := newHarness(t)
	tests := []struct{ name, text string }{
		{"no arguments", ""},
		{"one side", opsRef},
		{"same side twice", opsRef + " " + opsRef + " " + topicEN},
		{"unknown group", opsRef + " <!subteam^S0NOPE|@nope> " + topicEN},
		{"not a mention", "@ops @tech " + topicEN},
		{"no topic", opsRef + " " + techRef},
		{"topic too long", opsRef + " " + techRef + " " + strings.Repeat("long ", 100)},
	}
	for i, tt := range tests {
		h.command(opsAna, tt.text)
		h.waitFor(tt.name+" answered", func() bool { return len(h.ephemeralsFor(opsAna)) == i+1 })
		e := h.ephemeralsFor(opsAna)[i]
		if e.Via != "response_url" || !strings.Contains(e.Text, "/collab") {
			t.Errorf("%s: reply %+v, want a usage message through response_url", tt.name, e)
		}
	}
	h.settle()
	if msgs := h.slack.Messages(channel); len(msgs) != 0 {
		t.Errorf("bad commands posted %d messages: %+v", len(msgs), msgs[0])
	}
}

// A user mention works as a side, and the mentioned user answers for it.
func TestUserAsSide(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" <@"+techCy+"|cy> "+topicEN)
	h.reply(root, techCy, techAnswers[0])
	h.waitFor("cy's second prompt", func() bool { return len(h.prompts(root, "<@"+techCy+">")) == 2 })
}

// Someone who joins a side's user group after /collab can answer for it;
// someone who left can no longer accept for it.
func TestGroupMembershipFollowsSlack(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.slack.AddGroup(slacktest.Group{ID: techGrp, Handle: "tech", Users: []string{techCy, stranger}})
	h.reply(root, stranger, techAnswers[0])
	h.waitFor("tech's second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+techGrp+">")) == 2 })
	if n := len(h.ephemeralsFor(stranger)); n != 0 {
		t.Errorf("the new member was told off %d times", n)
	}
}

func TestLeaverCannotAccept(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.answer(root, opsAna, opsAnswers, techCy, techAnswers)
	h.slack.AddGroup(slacktest.Group{ID: opsGroup, Handle: "ops", Users: []string{opsAna}})
	h.accept(root, opsBo)
	h.waitFor("bo told he is no member", func() bool { return len(h.ephemeralsFor(opsBo)) == 1 })
	c, err := h.store.Get(t.Context(), collabOf(t, h, root))
	if err != nil {
		t.Fatal(err)
	}
	if c.Accepted[0] != "" {
		t.Errorf("a leaver's acceptance counted: %v", c.Accepted)
	}
}

// When Slack refuses the root message for good, whoever ran /collab is
// told to invite the bot, and nothing is left half-started.
func TestCommandWhereTheBotCannotPost(t *testing.T) {
	h := newHarness(t)
	h.slack.Refuse("chat.postMessage", "not_in_channel", 1)
	h.command(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.waitFor("told to invite the bot", func() bool {
		for _, e := range h.ephemeralsFor(opsAna) {
			if strings.Contains(e.Text, "/invite") {
				return true
			}
		}
		return false
	})
	h.settle()
	if msgs := h.slack.Messages(channel); len(msgs) != 0 {
		t.Errorf("posted %d messages after the refusal, first %q", len(msgs), msgs[0].Text)
	}
}

// Mentions that come without a label are named from Slack's directory.
func TestUnlabelledSidesAreNamed(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, "<!subteam^"+opsGroup+"> <@"+techCy+"> "+topicEN)
	for q := range 3 {
		h.reply(root, opsAna, opsAnswers[q])
		h.reply(root, techCy, techAnswers[q])
	}
	h.waitFor("proposal", func() bool { _, ok := h.proposal(root); return ok })
	p, _ := h.proposal(root)
	md := meta(p).EventPayload
	a, _ := md["side_a"].(map[string]any)
	b, _ := md["side_b"].(map[string]any)
	if a["name"] != "ops" || b["name"] != "cy" {
		t.Errorf("side names = %v, %v, want ops and cy", a["name"], b["name"])
	}
}
