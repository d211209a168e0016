package bot

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// trimPosted drops the "message" Slack echoes in its answers to
// chat.postMessage and chat.update before slack-go reads them: the bot
// needs only the ts and the outcome, and decoding the echoed Block Kit
// was most of the cost of a post. Any other answer passes as it is.
type trimPosted struct{ next http.RoundTripper }

func (t trimPosted) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK || !echoesMessage(req.URL.Path) {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(withoutMessage(body)))
	resp.ContentLength = -1
	resp.Header.Del("Content-Length")
	return resp, nil
}

func echoesMessage(path string) bool {
	return strings.HasSuffix(path, "/chat.postMessage") || strings.HasSuffix(path, "/chat.update")
}

// withoutMessage is a JSON object without its "message" member; anything
// else, such as a body that is not an object, is returned as it is.
func withoutMessage(body []byte) []byte {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil {
		return body
	}
	if _, ok := fields["message"]; !ok {
		return body
	}
	delete(fields, "message")
	out, err := json.Marshal(fields)
	if err != nil {
		return body
	}
	return out
}
