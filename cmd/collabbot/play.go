package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/collabbot/collabbot/bot/render"
	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows/scenario"
)

// play drives the collaboration as its two people would: /collab, three
// answers each (waiting for each question), then both accept.
func play(ctx context.Context, srv *slacktest.Server, sc scenario.Scenario, groups [2]string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	text := fmt.Sprintf("<!subteam^%s|@%s> <!subteam^%s|@%s> %s", groups[0], handle(0, sc), groups[1], handle(1, sc), sc.Topic)
	if _, err := srv.SlashCommand(ctx, demoChannel, demoPeople[0].ID, "/collab", text); err != nil {
		return fmt.Errorf("demo /collab: %w", err)
	}
	var root string
	err := srv.WaitFor(ctx, func() bool { root = rootTS(srv); return root != "" || len(srv.Ephemerals()) > 0 })
	if err != nil {
		return fmt.Errorf("demo: no root message: %w", err)
	}
	if root == "" {
		return fmt.Errorf("demo: /collab was refused: %s", srv.Ephemerals()[0].Text)
	}
	answers := [2][3]string{
		{sc.Sides.A.Goal, sc.Sides.A.Needs, sc.Sides.A.Value},
		{sc.Sides.B.Goal, sc.Sides.B.Needs, sc.Sides.B.Value},
	}
	for q := range 3 {
		for side := range 2 {
			mention := "<!subteam^" + groups[side] + ">"
			if err := srv.WaitFor(ctx, func() bool { return countMentions(srv, root, mention) == q+1 }); err != nil {
				return fmt.Errorf("demo: question %d for side %d never came: %w", q+1, side+1, err)
			}
			msg := slacktest.Message{Channel: demoChannel, User: demoPeople[side].ID, Text: strings.TrimSpace(answers[side][q]), ThreadTS: root}
			if _, _, err := srv.Reply(ctx, msg); err != nil {
				return fmt.Errorf("demo reply: %w", err)
			}
		}
	}
	return acceptBoth(ctx, srv, root)
}

func acceptBoth(ctx context.Context, srv *slacktest.Server, root string) error {
	var proposal slacktest.Message
	err := srv.WaitFor(ctx, func() bool {
		var ok bool
		proposal, ok = find(srv.Thread(demoChannel, root), "collab_proposal")
		return ok
	})
	if err != nil {
		return fmt.Errorf("demo: no proposal: %w", err)
	}
	if !bytes.Contains(proposal.Blocks, []byte(`"`+render.ActionAccept+`"`)) {
		return nil // nothing met, nothing committed: there is nothing to accept
	}
	for _, u := range demoPeople {
		// No Value: the fake Slack sends the clicked button's own.
		click := slacktest.Click{Channel: demoChannel, User: u.ID, MessageTS: proposal.TS, ActionID: render.ActionAccept}
		if _, err := srv.Click(ctx, click); err != nil {
			return fmt.Errorf("demo accept: %w", err)
		}
	}
	err = srv.WaitFor(ctx, func() bool { return len(srv.Pins(demoChannel)) == 1 })
	if err != nil {
		return fmt.Errorf("demo: agreement never pinned: %w", err)
	}
	return nil
}

func rootTS(srv *slacktest.Server) string {
	for _, m := range srv.Messages(demoChannel) {
		if m.BotID != "" && m.ThreadTS == "" {
			return m.TS
		}
	}
	return ""
}

func countMentions(srv *slacktest.Server, root, mention string) int {
	n := 0
	for _, m := range srv.Thread(demoChannel, root) {
		if m.BotID != "" && m.TS != root && isPrompt(m) && strings.Contains(m.Text, mention) {
			n++
		}
	}
	return n
}

// isPrompt tells a question from the proposal, which mentions the sides
// too: prompts carry metadata of type collab_prompt.
func isPrompt(m slacktest.Message) bool {
	_, ok := find([]slacktest.Message{m}, "collab_prompt")
	return ok
}

func find(msgs []slacktest.Message, eventType string) (slacktest.Message, bool) {
	for i := len(msgs) - 1; i >= 0; i-- {
		var md struct {
			EventType string `json:"event_type"`
		}
		if json.Unmarshal(msgs[i].Metadata, &md) == nil && md.EventType == eventType {
			return msgs[i], true
		}
	}
	return slacktest.Message{}, false
}
