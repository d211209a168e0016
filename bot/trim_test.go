package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// The answer to a post keeps everything but the echoed message; what is
// not a JSON object passes as it is.
func TestWithoutMessage(t *testing.T) {
	body := `{"ok":true,"channel":"C1","ts":"1.000100","message":{"text":"hi","blocks":[{"type":"section"}]},"response_metadata":{"warnings":["w"]}}`
	var got map[string]any
	if err := json.Unmarshal(withoutMessage([]byte(body)), &got); err != nil {
		t.Fatal(err)
	}
	if _, kept := got["message"]; kept || got["ts"] != "1.000100" || got["channel"] != "C1" || got["ok"] != true || got["response_metadata"] == nil {
		t.Errorf("trimmed answer = %v", got)
	}
	for _, b := range []string{`{"ok":false,"error":"invalid_blocks"}`, `not json`, `[1,2]`} {
		if out := string(withoutMessage([]byte(b))); out != b {
			t.Errorf("withoutMessage(%s) = %s, want it unchanged", b, out)
		}
	}
}

// Wherever the message member stands, and whatever its strings hold, the
// cut answer decodes to the whole one less its message; what is not a
// well-formed object is left as it is.
func TestWithoutMessageCuts(t *testing.T) {
	msg := `{"text":"a \\\"}{ \\\\","blocks":[{"type":"section","t":"]\\u007d"}],"n":-1.5e3,"x":null}`
	for _, body := range []string{
		`{"message":` + msg + `}`,
		`{"message":` + msg + `,"ok":true}`,
		`{ "ok" : true , "message" : ` + msg + ` , "ts" : "1.2" }`,
		`{"ok":true,"ts":"1.2","message":` + msg + `}`,
		"{\n\t\"ok\": false,\r\n\"message\":" + msg + ",\"meta\":{\"message\":1},\"list\":[\"message\"]}\n",
	} {
		var want map[string]any
		if err := json.Unmarshal([]byte(body), &want); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		delete(want, "message")
		var got map[string]any
		if err := json.Unmarshal(withoutMessage([]byte(body)), &got); err != nil {
			t.Fatalf("withoutMessage(%s) = %s: %v", body, withoutMessage([]byte(body)), err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("withoutMessage(%s) decodes to %v, want %v", body, got, want)
		}
	}
	for _, b := range []string{`{"ok":true,"message":{"a":1}`, `{"ok":true,"message":{"a":1}} x`, `{"message":"x" "ok":1}`,
		`{"message":[1,2}`, `{"ok":true,}`, `{"ok":true,"ts":"1"}`, `{"message"}`, `"message"`, ``} {
		if out := string(withoutMessage([]byte(b))); out != b {
			t.Errorf("withoutMessage(%s) = %s, want it unchanged", b, out)
		}
	}
}

// A post through the bot's client still answers the posted message's ts,
// and Slack's refusals still arrive as errors.
func TestPostThroughTrim(t *testing.T) {
	srv := slacktest.New()
	t.Cleanup(srv.Close)
	api := NewSlackClient(slacktest.DefaultBotToken, slacktest.DefaultAppToken, srv.URL())
	_, ts, err := api.PostMessageContext(t.Context(), "C1", slack.MsgOptionText("hello", false))
	if err != nil || ts == "" {
		t.Fatalf("post = %q, %v", ts, err)
	}
	if m := srv.Messages("C1"); len(m) != 1 || m[0].TS != ts {
		t.Errorf("stored %+v, post answered ts %q", m, ts)
	}
	_, _, err = api.PostMessageContext(t.Context(), "not-a-channel", slack.MsgOptionText("x", false))
	if err == nil {
		t.Error("post to a bad channel answered no error")
	}
}

// BenchmarkPost measures a prompt-sized post to a fake Slack of its own
// (whose work counts too) through the bot's client, with the echoed
// message trimmed from the answer and without.
func BenchmarkPost(b *testing.B) {
	blocks := make([]slack.Block, 0, 6)
	for i := range 6 {
		text := slack.NewTextBlockObject(slack.MarkdownType, strings.Repeat("a question of a prompt ", 8+i), false, false)
		blocks = append(blocks, slack.NewSectionBlock(text, nil, nil))
	}
	for _, c := range []struct {
		name string
		rt   http.RoundTripper
	}{{"trimmed", trimPosted{NewSlackTransport()}}, {"whole", NewSlackTransport()}} {
		b.Run(c.name, func(b *testing.B) {
			srv := slacktest.New()
			defer srv.Close()
			api := slack.New(slacktest.DefaultBotToken, slack.OptionAPIURL(srv.URL()), slack.OptionHTTPClient(&http.Client{Transport: c.rt}))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := api.PostMessageContext(context.Background(), "C1", slack.MsgOptionBlocks(blocks...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
