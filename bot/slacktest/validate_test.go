package slacktest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

const section = `{"type":"section","text":{"type":"mrkdwn","text":"hi"}}`

func TestValidateBlocks(t *testing.T) {
	tests := []struct {
		name, give string
		wantErr    string // "" for valid blocks
	}{
		{name: "section", give: `[` + section + `]`},
		{name: "actions with buttons", give: `[{"type":"actions","block_id":"p1","elements":[{"type":"button","action_id":"collab_accept","value":"1","style":"primary","text":{"type":"plain_text","text":"Accept"}}]}]`},
		{name: "header and context", give: `[{"type":"header","text":{"type":"plain_text","text":"Agreement"}},{"type":"context","elements":[{"type":"mrkdwn","text":"v1"}]}]`},
		{name: "50 blocks", give: `[` + strings.Repeat(section+",", 49) + section + `]`},
		{name: "51 blocks", give: `[` + strings.Repeat(section+",", 50) + section + `]`, wantErr: "51 blocks"},
		{name: "not JSON", give: `[{"type":`, wantErr: "not JSON"},
		{name: "no blocks", give: `[]`, wantErr: "minItems"},
		{name: "unknown type", give: `[{"type":"sektion","text":{"type":"mrkdwn","text":"hi"}}]`, wantErr: "type must be one of"},
		{name: "empty text", give: `[{"type":"section","text":{"type":"mrkdwn","text":""}}]`, wantErr: "/0/text/text"},
		{name: "section text over 3000", give: `[{"type":"section","text":{"type":"mrkdwn","text":"` + strings.Repeat("a", 3001) + `"}}]`, wantErr: "maxLength"},
		{name: "button text over 75", give: `[{"type":"actions","elements":[{"type":"button","action_id":"a","text":{"type":"plain_text","text":"` + strings.Repeat("a", 76) + `"}}]}]`, wantErr: "/0/elements/0/text/text"},
		{name: "button url not a uri", give: `[{"type":"actions","elements":[{"type":"button","action_id":"a","url":"not a url","text":{"type":"plain_text","text":"a"}}]}]`, wantErr: "uri"},
		{name: "unknown key", give: `[{"type":"divider","colour":"red"}]`, wantErr: "colour"},
		{name: "numeric block_id", give: `[{"type":"divider","block_id":1}]`, wantErr: "block_id"},
	}
	for _, tt := range tests {
		err := slacktest.ValidateBlocks(json.RawMessage(tt.give))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (tt.wantErr == "") != (err == nil) || !strings.Contains(got, tt.wantErr) {
			t.Errorf("%s: ValidateBlocks = %q, want error containing %q", tt.name, got, tt.wantErr)
		}
	}
}

func TestValidateMetadata(t *testing.T) {
	tests := []struct {
		name, give string
		wantErr    string
	}{
		{name: "scalars", give: `{"event_type":"collab_proposal","event_payload":{"collab_id":"c1","version":2,"ok":true,"none":null}}`},
		{name: "flat object", give: `{"event_type":"e","event_payload":{"side_a":{"name":"ops","goal":"gmv"}}}`},
		{name: "array of flat objects", give: `{"event_type":"e","event_payload":{"matches":[{"need":"a","offer":"b"}],"ids":["U1","U2"]}}`},
		{name: "empty payload", give: `{"event_type":"e","event_payload":{}}`},
		{name: "no event_type", give: `{"event_payload":{}}`, wantErr: "event_type"},
		{name: "event_type not a string", give: `{"event_type":1,"event_payload":{}}`, wantErr: "event_type"},
		{name: "payload not an object", give: `{"event_type":"e","event_payload":[1]}`, wantErr: "event_payload must be an object"},
		{name: "object in object", give: `{"event_type":"e","event_payload":{"side_a":{"goal":{"text":"x"}}}}`, wantErr: "event_payload.side_a: .goal"},
		{name: "array in object", give: `{"event_type":"e","event_payload":{"side_a":{"goals":["x"]}}}`, wantErr: "nested too deep"},
		{name: "array of arrays", give: `{"event_type":"e","event_payload":{"m":[[1]]}}`, wantErr: "arrays may not hold arrays"},
		{name: "object in array in object", give: `{"event_type":"e","event_payload":{"m":[{"a":{"b":1}}]}}`, wantErr: "event_payload.m: [0]"},
		{name: "unknown key", give: `{"event_type":"e","event_payload":{},"extra":1}`, wantErr: "unknown key"},
		{name: "not JSON", give: `{`, wantErr: "not a JSON object"},
	}
	for _, tt := range tests {
		err := slacktest.ValidateMetadata(json.RawMessage(tt.give))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (tt.wantErr == "") != (err == nil) || !strings.Contains(got, tt.wantErr) {
			t.Errorf("%s: ValidateMetadata(%s) = %q, want error containing %q", tt.name, tt.give, got, tt.wantErr)
		}
	}
}
