package slacktest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/collabbot/collabbot/bot/slacktest"
)

// rawCall posts body to method with a content type and bearer token, and
// decodes Slack's answer.
func rawCall(t *testing.T, srv *slacktest.Server, method, ctype, token, body string) map[string]any {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL()+method, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", method, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s answer: %v", method, err)
	}
	return out
}

func TestPostMessageFormAndJSON(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	blocks := `[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}]`
	meta := `{"event_type":"collab_proposal","event_payload":{"version":1}}`
	form := url.Values{"token": {slacktest.DefaultBotToken}, "channel": {"C1"}, "text": {"form"}, "blocks": {blocks}, "metadata": {meta}}
	jsonBody := `{"channel":"C1","text":"json","blocks":` + blocks + `,"metadata":` + meta + `,"unfurl_links":false}`
	tests := []struct {
		name, ctype, token, body string
	}{
		{name: "form, token field", ctype: "application/x-www-form-urlencoded", body: form.Encode()},
		{name: "json, bearer", ctype: "application/json", token: slacktest.DefaultBotToken, body: jsonBody},
	}
	for _, tt := range tests {
		got := rawCall(t, srv, "chat.postMessage", tt.ctype, tt.token, tt.body)
		if got["ok"] != true || got["ts"] == "" || got["channel"] != "C1" {
			t.Errorf("%s: answer %v, want ok with ts", tt.name, got)
		}
	}
	msgs := srv.Messages("C1")
	if len(msgs) != 2 || msgs[0].Text != "form" || msgs[1].Text != "json" {
		t.Fatalf("Messages = %+v, want form then json", msgs)
	}
	for _, m := range msgs {
		if !jsonEqual(m.Blocks, blocks) || !jsonEqual(m.Metadata, meta) || m.BotID != slacktest.BotID {
			t.Errorf("stored %q: blocks %s metadata %s bot %q", m.Text, m.Blocks, m.Metadata, m.BotID)
		}
	}
	call := callsTo(srv, "chat.postMessage")[1]
	if call.Params["unfurl_links"] != "false" || !jsonEqual(json.RawMessage(call.Params["blocks"]), blocks) || call.Params["token"] != "" {
		t.Errorf("logged JSON params = %v, want flattened strings without token", call.Params)
	}
}

func jsonEqual(a json.RawMessage, b string) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal([]byte(b), &y) == nil && fmtJSON(x) == fmtJSON(y)
}

func fmtJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestTokensAndUnknownMethods(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, method, token, want string
	}{
		{name: "wrong bot token", method: "auth.test", token: "xoxb-wrong", want: "invalid_auth"},
		{name: "app token for a bot method", method: "auth.test", token: slacktest.DefaultAppToken, want: "invalid_auth"},
		{name: "bot token for connections.open", method: "apps.connections.open", token: slacktest.DefaultBotToken, want: "invalid_auth"},
		{name: "no token", method: "auth.test", token: "", want: "not_authed"},
		{name: "unknown method", method: "chat.scheduleMessage", token: slacktest.DefaultBotToken, want: "unknown_method"},
	}
	for _, tt := range tests {
		got := rawCall(t, srv, tt.method, "application/json", tt.token, `{}`)
		if got["ok"] != false || got["error"] != tt.want {
			t.Errorf("%s: answer %v, want error %s", tt.name, got, tt.want)
		}
	}
	if calls := callsTo(srv, "chat.scheduleMessage"); len(calls) != 1 || calls[0].Error != "unknown_method" {
		t.Errorf("unknown method log = %+v", calls)
	}
	bad := slack.New("xoxb-wrong", slack.OptionAPIURL(srv.URL()))
	if _, err := bad.AuthTest(); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("slack-go AuthTest with wrong token = %v, want invalid_auth", err)
	}
}

func TestRateLimitAndFailures(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	api := newAPI(srv)
	srv.RateLimit("chat.postMessage", 2, 3*time.Second)
	srv.Fail("chat.postMessage", 1)
	for i := range 2 {
		_, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false))
		var rl *slack.RateLimitedError
		if !errors.As(err, &rl) || rl.RetryAfter != 3*time.Second {
			t.Errorf("call %d: err = %v, want RateLimitedError after 3s", i, err)
		}
	}
	_, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false))
	var sc slack.StatusCodeError
	if !errors.As(err, &sc) || sc.Code != http.StatusInternalServerError {
		t.Errorf("third call: err = %v, want status 500", err)
	}
	if _, _, err := api.PostMessage("C1", slack.MsgOptionText("x", false)); err != nil {
		t.Errorf("fourth call: %v, want it to pass", err)
	}
	var statuses []int
	for _, c := range callsTo(srv, "chat.postMessage") {
		statuses = append(statuses, c.Status)
	}
	if fmtJSON(statuses) != "[429,429,500,200]" || len(srv.Messages("C1")) != 1 {
		t.Errorf("statuses = %v, messages = %d; want [429 429 500 200] and 1", statuses, len(srv.Messages("C1")))
	}
}

func TestWebAPIErrors(t *testing.T) {
	srv := newServer(t, slacktest.WithoutEcho())
	api := newAPI(srv)
	_, ts, err := api.PostMessage("C1", slack.MsgOptionText("pin me", false))
	if err != nil {
		t.Fatalf("PostMessage: %v", err)
	}
	if err := api.AddPin("C1", slack.NewRefToMessage("C1", ts)); err != nil {
		t.Fatalf("AddPin: %v", err)
	}
	text := slack.MsgOptionText
	badBlocks := slack.MsgOptionBlocks(slack.NewActionBlock("b", slack.NewButtonBlockElement("a", "v",
		slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("x", 76), false, false))))
	nested := slack.MsgOptionMetadata(slack.SlackMetadata{EventType: "collab_proposal",
		EventPayload: map[string]any{"side_a": map[string]any{"goal": map[string]any{"deep": 1}}}})
	tests := []struct {
		name string
		call func() error
		want string
	}{
		{"post to a bad channel", func() error { _, _, err := api.PostMessage("general", text("x", false)); return err }, "channel_not_found"},
		{"post into an unknown thread", func() error {
			_, _, err := api.PostMessage("C1", text("x", false), slack.MsgOptionTS("1.000001"))
			return err
		}, "thread_not_found"},
		{"post nothing", func() error { _, _, err := api.PostMessage("C1"); return err }, "no_text"},
		{"post too long", func() error {
			_, _, err := api.PostMessage("C1", text(strings.Repeat("长", 40001), false))
			return err
		}, "msg_too_long"},
		{"post bad blocks", func() error { _, _, err := api.PostMessage("C1", text("x", false), badBlocks); return err }, "invalid_blocks"},
		{"post nested metadata", func() error { _, _, err := api.PostMessage("C1", text("x", false), nested); return err }, "invalid_metadata"},
		{"update a missing message", func() error { _, _, _, err := api.UpdateMessage("C1", "1.000001", text("x", false)); return err }, "message_not_found"},
		{"update with bad blocks", func() error { _, _, _, err := api.UpdateMessage("C1", ts, badBlocks); return err }, "invalid_blocks"},
		{"ephemeral to an unknown user", func() error { _, err := api.PostEphemeral("C1", "U404", text("x", false)); return err }, "user_not_found"},
		{"ephemeral with bad blocks", func() error { _, err := api.PostEphemeral("C1", "U1", badBlocks); return err }, "invalid_blocks"},
		{"pin twice", func() error { return api.AddPin("C1", slack.NewRefToMessage("C1", ts)) }, "already_pinned"},
		{"pin a missing message", func() error { return api.AddPin("C1", slack.NewRefToMessage("C1", "1.000001")) }, "message_not_found"},
		{"members of an unknown group", func() error { _, err := api.GetUserGroupMembers("S404"); return err }, "no_such_subteam"},
		{"info of an unknown user", func() error { _, err := api.GetUserInfo("U404"); return err }, "user_not_found"},
		{"replies of an unknown thread", func() error {
			_, _, _, err := api.GetConversationReplies(&slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: "1.000001"})
			return err
		}, "thread_not_found"},
	}
	for _, tt := range tests {
		if err := tt.call(); err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %s", tt.name, err, tt.want)
		}
	}
	if got := srv.Messages("C1"); len(got) != 1 || got[0].Edited != 0 {
		t.Errorf("failed calls changed messages: %+v", got)
	}
	if got := srv.Ephemerals(); len(got) != 0 {
		t.Errorf("failed calls left ephemerals: %+v", got)
	}
}

func TestInvalidBlocksDetail(t *testing.T) {
	srv := newServer(t)
	body := `{"channel":"C1","text":"x","blocks":[{"type":"section","text":{"type":"mrkdwn","text":""}}]}`
	got := rawCall(t, srv, "chat.postMessage", "application/json", slacktest.DefaultBotToken, body)
	detail, _ := got["detail"].(string)
	if got["error"] != "invalid_blocks" || !strings.Contains(detail, "/0/text/text") {
		t.Errorf("answer = %v, want invalid_blocks with a detail naming /0/text/text", got)
	}
	if c := callsTo(srv, "chat.postMessage")[0]; c.Detail != detail || c.OK {
		t.Errorf("call log = %+v, want the same detail", c)
	}
}

func TestGetQueryParams(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Get(srv.URL() + "users.info?token=" + slacktest.DefaultBotToken + "&user=U1")
	if err != nil {
		t.Fatalf("GET users.info: %v", err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	if !strings.Contains(buf.String(), `"name":"ana"`) {
		t.Errorf("GET users.info = %s, want ana", buf.String())
	}
}
