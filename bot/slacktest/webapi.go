package slacktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// params are a call's arguments, flattened to strings.
type params map[string]string

// reply is a Web API answer, plus the events it causes.
type reply struct {
	status     int            // 200 when zero
	body       map[string]any // fields besides ok and error
	err        string         // Slack's error code; empty means ok
	detail     string
	retryAfter string
	events     []Envelope // delivered to the app after answering
}

func ok(body map[string]any) reply { return reply{body: body} }

func fail(code string) reply { return reply{err: code} }

// handler serves one Web API method; it runs with Server.mu held.
type handler func(s *Server, p params) reply

// methods is the Web API the fake serves, by method name.
var methods = map[string]handler{
	"apps.connections.open": (*Server).appsConnectionsOpen,
	"auth.test":             (*Server).authTest,
	"chat.postMessage":      (*Server).chatPostMessage,
	"chat.update":           (*Server).chatUpdate,
	"chat.postEphemeral":    (*Server).chatPostEphemeral,
	"conversations.history": (*Server).conversationsHistory,
	"conversations.replies": (*Server).conversationsReplies,
	"pins.add":              (*Server).pinsAdd,
	"pins.list":             (*Server).pinsList,
	"usergroups.users.list": (*Server).usergroupsUsersList,
	"usergroups.list":       (*Server).usergroupsList,
	"users.info":            (*Server).usersInfo,
	"views.open":            (*Server).viewsOpen,
	"views.publish":         (*Server).viewsPublish,
	"chat.getPermalink":     (*Server).chatGetPermalink,
}

// handleAPI serves /api/{method}: it reads the arguments, checks the token
// and answers as Slack does, logging the call.
func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	p, token, err := readParams(r)
	if err != nil {
		s.answer(w, method, p, func() reply { return fail("invalid_form_data") })
		return
	}
	s.answer(w, method, p, func() reply {
		h, known := methods[method]
		if !known {
			return fail("unknown_method")
		}
		if code := s.checkToken(method, token); code != "" {
			return fail(code)
		}
		return h(s, p)
	})
}

// checkToken returns Slack's error for a missing or wrong token.
func (s *Server) checkToken(method, token string) string {
	if s.revoked != "" {
		return s.revoked
	}
	want := s.cfg.botToken
	if method == "apps.connections.open" {
		want = s.cfg.appToken
	}
	switch token {
	case "":
		return "not_authed"
	case want:
		return ""
	}
	return "invalid_auth"
}

// answer runs h (or an injected fault) under the lock, logs the call,
// writes the answer and then sends the events the call caused.
func (s *Server) answer(w http.ResponseWriter, method string, p params, h func() reply) {
	s.mu.Lock()
	rep, faulted := s.takeFaultLocked(method)
	var stall chan struct{}
	if faulted && rep.status == 0 && rep.err == "" { // Stall: do the call, hold the answer
		stall = s.stallLocked(method)
		faulted = false
	}
	if !faulted {
		rep = h()
	}
	if rep.status == 0 {
		rep.status = http.StatusOK
	}
	s.calls = append(s.calls, Call{
		Method: method, Params: p, Time: time.Now(), Status: rep.status,
		OK: rep.err == "", Error: rep.err, Detail: rep.detail,
	})
	s.notifyLocked()
	s.notifyChannelLocked(p["channel"])
	s.mu.Unlock()
	if stall != nil {
		select {
		case <-stall:
		case <-s.closed:
			return
		}
	}
	writeReply(w, rep)
	for _, env := range rep.events {
		s.sendLater(env)
	}
}

func writeReply(w http.ResponseWriter, rep reply) {
	body := map[string]any{"ok": rep.err == ""}
	maps.Copy(body, rep.body)
	if rep.err != "" {
		body["error"] = rep.err
	}
	if rep.detail != "" {
		body["detail"] = rep.detail
	}
	if rep.retryAfter != "" {
		w.Header().Set("Retry-After", rep.retryAfter)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(rep.status)
	_ = json.NewEncoder(w).Encode(body)
}

// readParams reads query values and a form or JSON body, and the token
// from the Authorization header or, for forms and queries, a token field.
func readParams(r *http.Request) (params, string, error) {
	p := params{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		body, err := readJSONParams(r.Body)
		maps.Copy(p, body)
		delete(p, "token") // Slack reads a JSON body's token from the header only
		return p, bearer(r), err
	}
	if err := r.ParseForm(); err != nil {
		return p, "", err
	}
	for k, v := range r.PostForm {
		p[k] = v[0]
	}
	token := bearer(r)
	if token == "" {
		token = p["token"]
	}
	delete(p, "token")
	return p, token, nil
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// readJSONParams flattens a JSON object: strings stay, other values become
// their JSON text (so blocks arrive as in a form).
func readJSONParams(body io.Reader) (params, error) {
	var obj map[string]json.RawMessage
	if err := json.NewDecoder(body).Decode(&obj); err != nil && !errors.Is(err, io.EOF) {
		return params{}, err
	}
	p := params{}
	for k, raw := range obj {
		raw = bytes.TrimSpace(raw)
		if string(raw) == "null" {
			continue
		}
		var str string
		if json.Unmarshal(raw, &str) == nil {
			p[k] = str
			continue
		}
		p[k] = string(raw)
	}
	return p, nil
}

// boolParam reads Slack's boolean arguments ("true" or "1").
func boolParam(v string) bool {
	b, err := strconv.ParseBool(v)
	return err == nil && b
}
