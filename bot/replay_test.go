package bot

import (
	"reflect"
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/flows"
)

// botMsg is a message posted by the app with bot id botID as user user,
// carrying metadata md and, when fx is set, that effect id.
func botMsg(user, botID, ts, fx string, md *slack.SlackMetadata) slack.Message {
	m := slack.Message{Msg: slack.Msg{User: user, BotID: botID, Timestamp: ts, ThreadTimestamp: "100.000001"}}
	if md != nil {
		m.Metadata = *md
	}
	if fx != "" {
		m.Blocks = slack.Blocks{BlockSet: []slack.Block{slack.NewSectionBlock(nil, nil, nil, slack.SectionBlockOptionBlockID(effectBlockID(fx)))}}
	}
	return m
}

// Only the bot's own messages say what a collab was: another app's
// message that looks like a prompt or a proposal changes nothing of a
// rebuild, while the bot's own prompt does.
func TestReplayTrustsOnlyTheBotsMessages(t *testing.T) {
	b := &Bot{self: "UBOT"}
	begun := flows.Collab{ID: "c1", Topic: "launch", Lang: "en", CreatedBy: "UA", State: flows.Collecting, Sides: [2]flows.Party{
		{Kind: flows.KindUser, ID: "UA", Handle: "ana"}, {Kind: flows.KindUser, ID: "UB", Handle: "bo"},
	}}
	root := botMsg("UBOT", "B1", "100.000001", "c1.1", rootMetadata(&begun))
	c, start, ok := collabFromRoot(root, "C1")
	if !ok || !b.ownMessage(root) || c.Topic != "launch" || c.Sides[1].ID != "UB" || c.Side(flows.SideA).Asking != flows.QGoal {
		t.Fatalf("collab from root = %+v, %v", c, ok)
	}
	if foreign := botMsg("UOTHER", "B9", "100.000001", "", rootMetadata(&begun)); b.ownMessage(foreign) {
		t.Error("another app's root taken for the bot's")
	}
	r := newReplay(c, start)
	r.seq = b.seqOf(root, c.ID)
	prompt := func(s flows.Side, q flows.Question, redo bool) *slack.SlackMetadata {
		return &slack.SlackMetadata{EventType: eventPrompt, EventPayload: map[string]any{
			"collab_id": "c1", "side": string(s), "question": q.String(), "redo": redo,
		}}
	}
	proposal := &slack.SlackMetadata{EventType: "collab_proposal", EventPayload: map[string]any{"version": float64(4)}}
	for _, m := range []slack.Message{
		botMsg("UOTHER", "B9", "101.000001", "c1.9", prompt(flows.SideA, flows.QGoal, false)),
		botMsg("UOTHER", "B9", "102.000001", "c1.10", proposal),
		botMsg("UBOT", "B1", "103.000001", "c1.3", prompt(flows.SideB, flows.QGoal, false)),
	} {
		if err := b.replayMessage(t.Context(), r, m); err != nil {
			t.Fatal(err)
		}
	}
	want := flows.Restore{Unasked: []flows.Asked{{Side: flows.SideA, Question: flows.QGoal}}}
	if got := r.restore(); !reflect.DeepEqual(got, want) || r.seq != 3 {
		t.Errorf("replay = %+v with seq %d, want %+v with seq 3", got, r.seq, want)
	}
}
