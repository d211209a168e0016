package render

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// rendered is one message and the markup the bot itself may put in it.
type rendered struct {
	name    string
	m       Message
	allowed []string
	exact   bool // the message must carry every allowed markup (a prompt's mention)
}

var allNotices = []flows.Notice{
	flows.NoticeNotMember, flows.NoticeNotAsked, flows.NoticeEmpty, flows.NoticeStale, flows.NoticeRevising,
	flows.NoticeAccepted, flows.NoticeAlreadyAccepted, flows.NoticeChooseRedo, flows.NoticeClosed, flows.NoticeNotAllowed,
	flows.NoticeOtherSide,
}

var allProblems = []Problem{
	ProblemNone, ProblemEmpty, ProblemOneSide, ProblemSameSide, ProblemNotASide, ProblemUnknownGroup,
	ProblemNoTopic, ProblemTopicTooLong, ProblemUnavailable,
}

// allMessages renders every kind of message for input h.
func allMessages(r *Renderer, lang string, h hostile) []rendered {
	c := collab(lang, h.text)
	p := proposal(h.text, h.items)
	mentions := [2]string{"<!subteam^S1>", "<@U2>"}
	var out []rendered
	for _, st := range flows.States {
		cc := *c
		cc.State = st
		out = append(out, rendered{name: "root/" + string(st), m: r.Root(&cc), allowed: []string{mentions[0], mentions[1], "<@UACC1>"}})
	}
	for i, s := range []flows.Side{flows.SideA, flows.SideB} {
		for _, q := range flows.Questions {
			for _, redo := range []bool{false, true} {
				cc := *c
				cc.State, cc.Side(s).Asking, cc.Side(s).Redo = flows.Collecting, q, redo
				name := fmt.Sprintf("prompt/%s/%s/redo=%v", s, q, redo)
				out = append(out, rendered{name: name, m: r.Prompt(&cc, s, q), allowed: []string{mentions[i]}, exact: true})
			}
		}
	}
	out = append(out, rendered{name: "proposal", m: r.Proposal(c, p), allowed: mentions[:]})
	agreed := *c
	agreed.State, agreed.Accepted = flows.Agreed, [2]string{"UACC1", "UACC2"}
	out = append(out, rendered{name: "agreement", m: r.Agreement(&agreed, p), allowed: []string{"<@UACC1>", "<@UACC2>"}})
	for _, n := range allNotices {
		out = append(out, rendered{name: "notice/" + string(n), m: r.Notice(c, n)})
	}
	for _, pr := range allProblems {
		out = append(out, rendered{name: "usage/" + pr.String(), m: r.Usage(lang, pr, "")})
		out = append(out, rendered{name: "usage/" + pr.String() + "/arg", m: r.Usage(lang, pr, h.text)})
	}
	out = append(out, rendered{name: "unavailable", m: r.Unavailable(lang)})
	return out
}

// TestEveryMessageStaysValid renders every message kind in both languages
// from hostile input and checks what Slack would check, and that no user
// text reaches Slack as markup.
func TestEveryMessageStaysValid(t *testing.T) {
	for _, lang := range Languages {
		for _, h := range hostileInputs {
			t.Run(lang+"/"+h.name, func(t *testing.T) {
				r := newTestRenderer(t)
				for _, rd := range allMessages(r, lang, h) {
					checkMessage(t, rd)
				}
			})
		}
	}
}

var markup = regexp.MustCompile(`<[^<>]*>`)

func checkMessage(t *testing.T, rd rendered) {
	t.Helper()
	m := rd.m
	if m.Text == "" || width(m.Text) > 4000 || !utf8.ValidString(m.Text) {
		t.Errorf("%s: Text is empty, over 4000 units or invalid UTF-8 (%d units)", rd.name, width(m.Text))
	}
	if n := len(m.Blocks); n == 0 || n > 50 {
		t.Errorf("%s: %d blocks, want 1..50", rd.name, n)
	}
	raw, err := json.Marshal(m.Blocks)
	if err != nil {
		t.Fatalf("%s: marshal blocks: %v", rd.name, err)
	}
	if err := slacktest.ValidateBlocks(raw); err != nil {
		t.Errorf("%s: ValidateBlocks: %v", rd.name, err)
	}
	var blocks []map[string]any
	if err := json.Unmarshal(raw, &blocks); err != nil {
		t.Fatalf("%s: unmarshal blocks: %v", rd.name, err)
	}
	ids := map[string]bool{}
	for i, b := range blocks {
		id, _ := b["block_id"].(string)
		if id == "" || ids[id] {
			t.Errorf("%s: block %d (%v) has an empty or repeated block_id %q", rd.name, i, b["type"], id)
		}
		ids[id] = true
	}
	texts := append(stringsIn(blocks), m.Text)
	found := map[string]bool{}
	for _, s := range texts {
		for _, tok := range markup.FindAllString(s, -1) {
			found[tok] = true
			if !contains(rd.allowed, tok) {
				t.Errorf("%s: markup %q reaches Slack in %.120q", rd.name, tok, s)
			}
		}
		if bad := badEntity(s); bad >= 0 {
			t.Errorf("%s: unescaped or cut & at byte %d of %.120q", rd.name, bad, s[max(0, bad-20):])
		}
	}
	if rd.exact {
		for _, tok := range rd.allowed {
			if !found[tok] || !strings.Contains(m.Text, tok) {
				t.Errorf("%s: must mention %s in text and blocks", rd.name, tok)
			}
		}
	}
}

// stringsIn collects every string value in decoded JSON.
func stringsIn(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, stringsIn(e)...)
		}
		return out
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, stringsIn(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, stringsIn(e)...)
		}
		return out
	}
	return nil
}

// badEntity returns the index of an & that does not start &amp;, &lt; or
// &gt;, or -1.
func badEntity(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		rest := s[i:]
		if !strings.HasPrefix(rest, "&amp;") && !strings.HasPrefix(rest, "&lt;") && !strings.HasPrefix(rest, "&gt;") {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
