package bot_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// maxData is PRODUCT.md's bound on a text in message metadata, in
// characters.
const maxData = 300

// wantPayload is the event_payload PRODUCT.md asks for, written out
// afresh from the proposal the engine built and the flow stored: with
// candidates on the proposal, with who accepted on the agreement. It
// goes through JSON as Slack's metadata does, so numbers compare.
func wantPayload(t *testing.T, c flows.Collab, p mediate.Proposal, agreement bool) map[string]any {
	t.Helper()
	names := [2]string{p.NameA, p.NameB}
	for i := range names {
		if names[i] == "" {
			names[i] = c.Sides[i].Name()
		}
	}
	payload := map[string]any{
		"collab_id":   c.ID,
		"version":     p.Version,
		"lang":        c.Lang,
		"topic":       cut(p.Topic),
		"side_a":      map[string]any{"name": cut(names[0]), "goal": cut(p.Goals.A)},
		"side_b":      map[string]any{"name": cut(names[1]), "goal": cut(p.Goals.B)},
		"matches":     pairData(p.Matches),
		"conflicts":   conflictData(p.Conflicts),
		"open":        openData(p.Open),
		"commitments": commitmentData(p.Commitments),
	}
	if agreement {
		payload["accepted_by_a"], payload["accepted_by_b"] = c.Accepted[0], c.Accepted[1]
	} else {
		payload["candidates"] = pairData(p.Candidates)
	}
	data, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPayload reports every key of got that differs from want, and
// every key beyond it but the bot's effect_id.
func checkPayload(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	for k := range want {
		if !reflect.DeepEqual(got[k], want[k]) {
			t.Errorf("%s %s = %v, want %v", what, k, got[k], want[k])
		}
	}
	for k, v := range got {
		if k == "effect_id" {
			// The bot's own mark, by which a replica finds a message
			// already posted (bot/reconcile.go).
			if id, _ := v.(string); id == "" {
				t.Errorf("%s effect_id = %v, want the effect's id", what, v)
			}
			continue
		}
		if _, ok := want[k]; !ok {
			t.Errorf("%s has %s = %v, not in the contract", what, k, got[k])
		}
	}
}

func pairData(ms []mediate.Match) []map[string]any {
	out := []map[string]any{}
	for _, m := range ms {
		out = append(out, pairObject(m.Need, m.Offer))
	}
	return out
}

func pairObject(need, offer mediate.Item) map[string]any {
	return map[string]any{"need_side": string(need.Side), "need": cut(need.Text), "offer_side": string(offer.Side), "offer": cut(offer.Text)}
}

func conflictData(cs []mediate.Conflict) []map[string]any {
	out := []map[string]any{}
	for _, c := range cs {
		out = append(out, map[string]any{
			"need_side": string(c.Need.Side), "need": cut(c.Need.Text), "deadline": day(c.Deadline),
			"lead_side": string(c.Lead.Side), "lead": cut(c.Lead.Text), "lead_days": c.LeadDays,
			"middle_ground": day(c.MiddleGround),
		})
	}
	return out
}

func openData(is []mediate.Item) []map[string]any {
	out := []map[string]any{}
	for _, it := range is {
		out = append(out, map[string]any{"side": string(it.Side), "need": cut(it.Text)})
	}
	return out
}

func commitmentData(cs []mediate.Commitment) []map[string]any {
	out := []map[string]any{}
	for _, c := range cs {
		out = append(out, map[string]any{"owner": string(c.Owner), "what": cut(c.What), "due": day(c.Due)})
	}
	return out
}

// cut is a user's text as metadata carries it: trimmed, at most maxData
// characters.
func cut(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > maxData {
		r = r[:maxData]
	}
	return string(r)
}

// day is a date as YYYY-MM-DD, or "" for none.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
