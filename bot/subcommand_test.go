package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// liZH is a member of tech whose Slack is in Chinese.
const liZH = "U0TECHLI"

func addLi(h *harness) {
	h.slack.AddUser(slacktest.User{ID: liZH, Name: "li", TZ: "Asia/Shanghai", Locale: "zh-CN"})
	h.slack.AddGroup(slacktest.Group{ID: techGrp, Handle: "tech", Users: []string{techCy, liZH}})
}

// newestEphemeral waits for user's n-th private message and returns it.
func (h *harness) newestEphemeral(user string, n int) slacktest.Ephemeral {
	h.t.Helper()
	h.waitFor("private answer to "+user, func() bool { return len(h.ephemeralsFor(user)) >= n })
	es := h.ephemeralsFor(user)
	return es[n-1]
}

// link is the permalink Slack gives a collab's root message.
func link(root string) string {
	return "https://" + slacktest.TeamDomain + ".slack.com/archives/" + channel + "/p" + strings.ReplaceAll(root, ".", "")
}

// help answers privately in the reader's Slack language, with an example
// in that language; an unknown subcommand gets the help, naming the word.
func TestHelpInReadersLanguage(t *testing.T) {
	h := newHarness(t)
	addLi(h)
	h.command(opsAna, "help")
	en := h.newestEphemeral(opsAna, 1)
	h.command(liZH, "help")
	zh := h.newestEphemeral(liZH, 1)
	h.command(opsAna, "frobnicate")
	unknown := h.newestEphemeral(opsAna, 2)
	h.command(liZH, "帮助")
	zhAlias := h.newestEphemeral(liZH, 2)

	if en.Via != "response_url" || !strings.Contains(en.Text, "/collab list") || !strings.Contains(en.Text, "Example: `/collab @ops @tech") {
		t.Errorf("English help: %+v", en)
	}
	for _, e := range []slacktest.Ephemeral{zh, zhAlias} {
		if !strings.Contains(e.Text, "示例：`/collab @运营 @技术 春季活动页面上线`") || strings.Contains(e.Text, "Launch") || strings.Contains(e.Text, "Example") {
			t.Errorf("Chinese help holds English or lacks its example: %q", e.Text)
		}
	}
	if !strings.Contains(unknown.Text, "“frobnicate”") || !strings.Contains(unknown.Text, "/collab status") {
		t.Errorf("unknown subcommand: %q", unknown.Text)
	}
	h.settle()
	if msgs := h.slack.Messages(channel); len(msgs) != 0 {
		t.Errorf("subcommands posted in the channel: %+v", msgs[0])
	}
}

// list shows the channel's open collabs with their links, and what waits
// on the person asking; another channel's list holds none of them.
func TestListOpenAndWaiting(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.reply(root, opsAna, opsAnswers[0])
	h.waitFor("ops's second prompt", func() bool { return len(h.prompts(root, "<!subteam^"+opsGroup+">")) == 2 })

	h.command(techCy, "list")
	got := blockText(h.newestEphemeral(techCy, 1).Blocks)
	h.command(opsBo, "list")
	ops := blockText(h.newestEphemeral(opsBo, 1).Blocks)
	if _, err := h.slack.SlashCommand(context.Background(), "C0ELSE", stranger, "/collab", "list"); err != nil {
		t.Fatal(err)
	}
	elsewhere := blockText(h.newestEphemeral(stranger, 1).Blocks)

	want := "<" + link(root) + "|" + topicEN + ">"
	if !strings.Contains(got, want+": ops and tech") || !strings.Contains(got, want+": question 1 of 3 (goal)") {
		t.Errorf("tech's list lacks the collab or its goal question:\n%s", got)
	}
	if !strings.Contains(ops, want+": question 2 of 3 (needs)") {
		t.Errorf("ops's list lacks its needs question:\n%s", ops)
	}
	if strings.Contains(elsewhere, topicEN) || !strings.Contains(elsewhere, "No collab is open in this channel") {
		t.Errorf("another channel's list:\n%s", elsewhere)
	}
}

// status by link shows each side's progress; someone outside both the
// collab and its channel learns nothing of it.
func TestStatusByLink(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.command(techCy, "status <"+link(root)+">")
	st := h.newestEphemeral(techCy, 1)
	h.command(techCy, "status")
	noLink := h.newestEphemeral(techCy, 2)
	if _, err := h.slack.SlashCommand(context.Background(), "C0ELSE", stranger, "/collab", "status "+link(root)); err != nil {
		t.Fatal(err)
	}
	outsider := h.newestEphemeral(stranger, 1)

	if !strings.Contains(st.Text, topicEN) || !strings.Contains(st.Text, "collecting answers") ||
		!strings.Contains(string(st.Blocks), "For you: ") || !strings.Contains(string(st.Blocks), "*tech*") {
		t.Errorf("status: %q %s", st.Text, st.Blocks)
	}
	if !strings.Contains(noLink.Text, "`/collab status &lt;link&gt;`") {
		t.Errorf("status without a link: %q", noLink.Text)
	}
	if strings.Contains(outsider.Text+string(outsider.Blocks), topicEN) || !strings.Contains(outsider.Text, "found no collab") {
		t.Errorf("an outsider was shown the collab: %q", outsider.Text)
	}
}

// cancel by link asks to confirm with a button; only its click cancels,
// through the flow, and someone of neither side cannot.
func TestCancelByLinkConfirms(t *testing.T) {
	h := newHarness(t)
	root := h.start(opsAna, opsRef+" "+techRef+" "+topicEN)
	h.command(stranger, "cancel "+link(root))
	refused := h.newestEphemeral(stranger, 1)
	h.command(techCy, "cancel "+link(root))
	confirm := h.newestEphemeral(techCy, 1)
	if !strings.Contains(refused.Text, "Only a member of a side") {
		t.Errorf("a stranger's cancel: %q", refused.Text)
	}
	value := button(t, confirm.Blocks, "collab_cancel")
	h.settle()
	if c := h.collab(root); c.State != flows.Collecting {
		t.Fatalf("cancelled before the confirmation: %s", c.State)
	}
	if _, err := h.slack.Click(context.Background(), slacktest.Click{Channel: channel, User: techCy, MessageTS: confirm.TS, ActionID: "collab_cancel", Value: value}); err != nil {
		t.Fatal(err)
	}
	h.waitFor("cancelled", func() bool { return h.collab(root).State == flows.Cancelled })
	h.command(techCy, "cancel "+link(root))
	if again := h.newestEphemeral(techCy, 2); !strings.Contains(again.Text, "is closed") {
		t.Errorf("cancelling a cancelled collab: %q", again.Text)
	}
}

// blockText is every text of blocks, one a line, as Slack reads them.
func blockText(blocks json.RawMessage) string {
	var v any
	_ = json.Unmarshal(blocks, &v)
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if t, ok := v["text"].(string); ok {
				out = append(out, t)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return strings.Join(out, "\n")
}

// collab loads the collab of a thread from the store.
func (h *harness) collab(root string) flows.Collab {
	h.t.Helper()
	c, err := h.store.Get(h.t.Context(), collabOf(h.t, h, root))
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

// A /collab that starts nothing is answered in the reader's language,
// unless its text is Chinese.
func TestUsageInReadersLanguage(t *testing.T) {
	h := newHarness(t)
	addLi(h)
	h.command(liZH, "")
	h.command(opsAna, opsRef+" "+techRef)
	h.command(opsBo, opsRef+" 上线春季活动页")
	zh, en, zhText := h.newestEphemeral(liZH, 1), h.newestEphemeral(opsAna, 1), h.newestEphemeral(opsBo, 1)
	if !strings.Contains(zh.Text, "用法") || !strings.Contains(en.Text, "Usage") || !strings.Contains(zhText.Text, "用法") {
		t.Errorf("usage languages: %q / %q / %q", zh.Text, en.Text, zhText.Text)
	}
}
