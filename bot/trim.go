package bot

import (
	"bytes"
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

// withoutMessage is a JSON object without its top-level "message"
// member, cut out of the bytes as they are: decoding and encoding the
// answer again cost as much as the decoding it spares. Anything else,
// such as a body that is not an object, is returned as it is.
func withoutMessage(body []byte) []byte {
	from, to, ok := memberSpan(body, "message")
	if !ok {
		return body
	}
	out := make([]byte, 0, len(body)-(to-from))
	return append(append(out, body[:from]...), body[to:]...)
}

// memberSpan finds member name of the JSON object body and returns the
// bytes to cut to remove it: the member and the comma that separated it
// from its neighbour. ok is false when body is not an object read to its
// end or has no such member.
func memberSpan(body []byte, name string) (from, to int, ok bool) {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return 0, 0, false
	}
	prevEnd := -1 // end of the member before, where its comma starts
	for i = skipSpace(body, i+1); i < len(body) && body[i] == '"'; {
		keyEnd := skipValue(body, i)
		colon := skipSpace(body, keyEnd)
		if keyEnd < 0 || colon >= len(body) || body[colon] != ':' {
			return 0, 0, false
		}
		valEnd := skipValue(body, skipSpace(body, colon+1))
		if valEnd < 0 {
			return 0, 0, false
		}
		next := skipSpace(body, valEnd)
		if next >= len(body) {
			return 0, 0, false
		}
		if string(body[i+1:keyEnd-1]) == name {
			return cutMember(body, prevEnd, i, valEnd, next)
		}
		if body[next] != ',' {
			return 0, 0, false
		}
		prevEnd, i = valEnd, skipSpace(body, next+1)
	}
	return 0, 0, false
}

// cutMember is what to cut for the member from key to valEnd, followed
// by the delimiter at next, with the member before it ending at prevEnd
// (-1: none): its separating comma goes too.
func cutMember(body []byte, prevEnd, key, valEnd, next int) (from, to int, ok bool) {
	switch {
	case !closes(body, next):
		return 0, 0, false
	case prevEnd >= 0: // …,"message":{…}
		return prevEnd, valEnd, true
	case body[next] == ',': // {"message":{…}, …
		return key, skipSpace(body, next+1), true
	}
	return key, valEnd, true // the only member
}

// closes reports whether the object whose member ends before i is well
// formed to its end; the rest is only skipped over.
func closes(body []byte, i int) bool {
	for i < len(body) && body[i] == ',' {
		k := skipValue(body, skipSpace(body, i+1))
		if k < 0 {
			return false
		}
		c := skipSpace(body, k)
		if c >= len(body) || body[c] != ':' {
			return false
		}
		if k = skipValue(body, skipSpace(body, c+1)); k < 0 {
			return false
		}
		i = skipSpace(body, k)
	}
	return i < len(body) && body[i] == '}' && skipSpace(body, i+1) == len(body)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value starting at i, or -1 when
// there is none. Strings are read escape by escape; objects and arrays by
// their brackets outside strings; literals and numbers to the next
// delimiter. Values are not checked further: slack-go's decoding does.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		for i++; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return -1
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				if i = skipValue(b, i); i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	}
	start := i
	for i < len(b) && !strings.ContainsRune(",}] \t\n\r", rune(b[i])) {
		i++
	}
	if i == start {
		return -1
	}
	return i
}
