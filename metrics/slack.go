package metrics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"regexp"
	"time"
)

// Transport returns a RoundTripper that counts every Slack Web API request
// sent through next (nil: http.DefaultTransport). Give it to the Slack
// client's http.Client, below slack-go's retries, so each attempt counts.
func (m *Metrics) Transport(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return slackTransport{m: m, next: next}
}

type slackTransport struct {
	m    *Metrics
	next http.RoundTripper
}

func (t slackTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	method := apiMethod(req.URL.Path)
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	code := "transport"
	if err == nil {
		if code, err = answerCode(resp); err != nil {
			code = "transport"
		}
	}
	t.m.slackTime.WithLabelValues(method).Observe(time.Since(start).Seconds())
	t.record(method, code)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// record counts a call, and an error unless code is empty.
func (t slackTransport) record(method, code string) {
	t.m.slackCalls.WithLabelValues(method).Inc()
	if code != "" {
		t.m.slackErrors.WithLabelValues(method, code).Inc()
	}
}

// methodName is what a Slack Web API method looks like; anything else in
// a path is counted as "other", so a strange URL cannot add series.
var methodName = regexp.MustCompile(`^[a-zA-Z]+(\.[a-zA-Z]+)+$`)

// apiMethod is the method a request calls: the last element of its path,
// as in /api/chat.postMessage.
func apiMethod(p string) string {
	if m := path.Base(p); methodName.MatchString(m) {
		return m
	}
	return "other"
}

// errorCode is what a Slack error string looks like.
var errorCode = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)

// answerCode reads the error code of a Slack answer and leaves resp.Body
// readable again: http_<status> for 429 and 5xx, else the JSON answer's
// "error" when "ok" is false, else "" (success).
func answerCode(resp *http.Response) (string, error) {
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return fmt.Sprintf("http_%d", resp.StatusCode), nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return "", fmt.Errorf("read slack answer: %w", err)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	var answer struct {
		OK    *bool  `json:"ok"`
		Error string `json:"error"`
	}
	switch {
	case resp.StatusCode >= 400:
		return fmt.Sprintf("http_%d", resp.StatusCode), nil
	case json.Unmarshal(body, &answer) != nil || answer.OK == nil || *answer.OK:
		return "", nil // not a Web API answer, or a success
	case errorCode.MatchString(answer.Error):
		return answer.Error, nil
	}
	return "unknown", nil
}
