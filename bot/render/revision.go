package render

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// Revision form identifiers: the view's callback_id, and per question the
// input's block_id ("answer_goal", …) and action_id.
const (
	RevisionCallback = "collab_revision"
	RevisionAction   = "answer"
)

// maxInput is the longest initial or typed value a plain_text_input
// takes; a longer earlier answer is shown cut, and kept unless edited.
const maxInput = 3000

// RevisionRef is what a revision form carries in its private_metadata:
// the collaboration, the side whose answers it edits and the version
// the form was opened on.
type RevisionRef struct {
	Collab  string `json:"c"`
	Thread  string `json:"t"`
	Version int    `json:"v"`
	Side    string `json:"s"`
}

// DecodeRevisionRef reads a form's private_metadata.
func DecodeRevisionRef(s string) (RevisionRef, error) {
	var r RevisionRef
	if err := json.Unmarshal([]byte(s), &r); err != nil || r.Collab == "" {
		return RevisionRef{}, fmt.Errorf("decode revision form metadata %q: %v", s, err)
	}
	return r, nil
}

// RevisionBlockID names the input of question q.
func RevisionBlockID(q flows.Question) string { return "answer_" + q.String() }

// RevisionForm is the modal, in the reader's lang, in which a member of
// side s edits the side's answers: one input per question, holding the
// answer given, so picking the question and editing its text happen in
// one form.
func (r *Renderer) RevisionForm(c *flows.Collab, s flows.Side, lang string) slack.ModalViewRequest {
	l := r.loc(lang)
	ref, _ := json.Marshal(RevisionRef{Collab: c.ID, Thread: c.RootTS, Version: c.Version, Side: string(s)})
	blocks := []slack.Block{section("revision_intro", l.T("revision.intro", args{"Topic": l.item(c.Topic), "Version": c.Version}))}
	for _, q := range flows.Questions {
		in := slack.NewPlainTextInputBlockElement(nil, RevisionAction)
		in.Multiline = true
		in.MaxLength = maxInput
		in.InitialValue = firstRunes(c.Side(s).Answers[q].Text, maxInput)
		blocks = append(blocks, slack.NewInputBlock(RevisionBlockID(q), plain(l.T("revision.label_"+q.String(), nil)), nil, in))
	}
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      RevisionCallback,
		Title:           plain(l.T("revision.title", nil)),
		Submit:          plain(l.T("revision.submit", nil)),
		Close:           plain(l.T("revision.close", nil)),
		Blocks:          slack.Blocks{BlockSet: blocks},
		PrivateMetadata: string(ref),
	}
}

// firstRunes keeps the first n runes of s: plain text for an input, not
// escaped (Slack shows an input's value as typed).
func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
