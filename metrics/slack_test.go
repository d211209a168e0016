package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

// Each answer of a real HTTP server is counted under the method of its
// URL and the code it carries, and the caller still reads the whole body.
func TestTransportCountsByMethodAndCode(t *testing.T) {
	tests := []struct {
		name, path, body string
		status           int
		wantCode         string // "" for a success
	}{
		{"success", "/api/chat.postMessage", `{"ok":true,"ts":"1.2"}`, 200, ""},
		{"slack error", "/api/pins.add", `{"ok":false,"error":"already_pinned"}`, 200, "already_pinned"},
		{"rate limited", "/api/chat.update", `{"ok":false,"error":"ratelimited"}`, 429, "http_429"},
		{"server error", "/api/users.info", `oops`, 503, "http_503"},
		{"not found", "/api/apps.connections.open", `{}`, 404, "http_404"},
		{"odd error string", "/api/auth.test", `{"ok":false,"error":"<script>"}`, 200, "unknown"},
		{"not a method", "/api/../../etc", `{"ok":true}`, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			m := New()
			client := &http.Client{Transport: m.Transport(nil)}
			resp, err := client.Post(srv.URL+tt.path, "application/x-www-form-urlencoded", strings.NewReader("token=x"))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(body) != tt.body {
				t.Errorf("caller read %q, want %q", body, tt.body)
			}
			method := apiMethod(tt.path)
			if got := testutil.ToFloat64(m.slackCalls.WithLabelValues(method)); got != 1 {
				t.Errorf("calls{method=%q} = %v, want 1", method, got)
			}
			wantErrors := 0
			if tt.wantCode != "" {
				wantErrors = 1
				if got := testutil.ToFloat64(m.slackErrors.WithLabelValues(method, tt.wantCode)); got != 1 {
					t.Errorf("errors{%q,%q} = %v, want 1", method, tt.wantCode, got)
				}
			}
			if got := testutil.CollectAndCount(m.slackErrors); got != wantErrors {
				t.Errorf("%d error series, want %d", got, wantErrors)
			}
		})
	}
}

func TestTransportCountsConnectionErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens any more
	m := New()
	client := &http.Client{Transport: m.Transport(nil)}
	if _, err := client.Post(url+"/api/chat.postMessage", "text/plain", nil); err == nil {
		t.Fatal("post to a closed server succeeded")
	}
	if got := testutil.ToFloat64(m.slackErrors.WithLabelValues("chat.postMessage", "transport")); got != 1 {
		t.Errorf("transport errors = %v, want 1", got)
	}
}

func TestAPIMethod(t *testing.T) {
	tests := []struct{ give, want string }{
		{"/api/chat.postMessage", "chat.postMessage"},
		{"/api/apps.connections.open", "apps.connections.open"},
		{"/slack/api/views.publish", "views.publish"},
		{"/api/", "other"},
		{"/api/chat.postMessage%00", "other"},
		{"/api/x", "other"},
	}
	for _, tt := range tests {
		if got := apiMethod(tt.give); got != tt.want {
			t.Errorf("apiMethod(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
