package render

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// The revision form is valid Block Kit in both languages whatever the
// answers hold, carries each answer as typed (cut to what an input
// takes) and names its collab, side and version for the submission.
func TestRevisionForm(t *testing.T) {
	r := newTestRenderer(t)
	c := flows.Collab{ID: "c1", RootTS: "1.2", Topic: "<!channel> & launch", Lang: "en", Version: 3}
	long := strings.Repeat("长", flows.MaxAnswer)
	c.Sides[1].Answers = [3]flows.Answer{{Text: "<@U1> & <!here>"}, {Text: long}, {Text: ""}}
	for _, lang := range []string{"en", "zh"} {
		v := r.RevisionForm(&c, flows.SideB, lang)
		raw, err := json.Marshal(v.Blocks)
		if err != nil {
			t.Fatal(err)
		}
		if err := slacktest.ValidateBlocks(raw); err != nil {
			t.Errorf("%s form: %v", lang, err)
		}
		if n := utf8.RuneCountInString(v.Title.Text); n > 24 || n == 0 {
			t.Errorf("%s title %q: %d characters", lang, v.Title.Text, n)
		}
		if strings.Contains(string(raw), "<!channel>") {
			t.Errorf("%s form shows the topic unescaped", lang)
		}
		ref, err := DecodeRevisionRef(v.PrivateMetadata)
		if err != nil || ref != (RevisionRef{Collab: "c1", Thread: "1.2", Version: 3, Side: "b"}) {
			t.Errorf("%s form metadata = %+v, %v", lang, ref, err)
		}
		var blocks []struct {
			BlockID string `json:"block_id"`
			Element struct {
				InitialValue string `json:"initial_value"`
			} `json:"element"`
		}
		_ = json.Unmarshal(raw, &blocks)
		want := map[string]string{"answer_goal": "<@U1> & <!here>", "answer_needs": long[:3*maxInput], "answer_value": ""}
		for _, b := range blocks {
			if w, ok := want[b.BlockID]; ok && b.Element.InitialValue != w {
				t.Errorf("%s %s initial value has %d runes, want %d", lang, b.BlockID, utf8.RuneCountInString(b.Element.InitialValue), utf8.RuneCountInString(w))
			}
		}
	}
}

// The notices about edits and revisions exist in both catalogs.
func TestEditAndRevisionNotices(t *testing.T) {
	r := newTestRenderer(t)
	for _, lang := range []string{"en", "zh"} {
		c := flows.Collab{ID: "c1", Topic: "launch", Lang: lang}
		for _, n := range []flows.Notice{flows.NoticeEditRecorded, flows.NoticeEditLate, flows.NoticeUnchanged} {
			if m := r.Notice(&c, n); !strings.Contains(m.Text, "launch") {
				t.Errorf("%s notice %s = %q, want it to name the topic", lang, n, m.Text)
			}
		}
	}
}
