package render

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/collabbot/collabbot/bot/slacktest"
	"github.com/collabbot/collabbot/flows"
)

// field kinds of the metadata contract, as JSON decodes them.
const (
	str  = "string"
	num  = "number"
	obj  = "object"
	arr  = "array"
	date = "date" // a string, YYYY-MM-DD
	opt  = "date?"
)

var payloadContract = map[string]string{
	"collab_id": str, "version": num, "lang": str, "topic": str,
	"side_a": obj, "side_b": obj, "matches": arr, "conflicts": arr, "open": arr, "commitments": arr,
}

// objects in event_payload and in its arrays, key by key.
var objectContract = map[string]map[string]string{
	"side_a":      {"name": str, "goal": str},
	"side_b":      {"name": str, "goal": str},
	"matches":     {"need_side": str, "need": str, "offer_side": str, "offer": str},
	"candidates":  {"need_side": str, "need": str, "offer_side": str, "offer": str},
	"conflicts":   {"need_side": str, "need": str, "deadline": date, "lead_side": str, "lead": str, "lead_days": num, "middle_ground": date},
	"open":        {"side": str, "need": str},
	"commitments": {"owner": str, "what": str, "due": opt},
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// TestMetadataContract checks the exact keys and JSON types of the
// proposal's and the agreement's metadata, as another app reads them.
func TestMetadataContract(t *testing.T) {
	for _, lang := range Languages {
		for _, h := range hostileInputs {
			r := newTestRenderer(t)
			c := collab(lang, h.text)
			c.Accepted = [2]string{"UACC1", "UACC2"}
			p := proposal(h.text, h.items)
			for _, m := range []Message{r.Proposal(c, p), r.Agreement(c, p)} {
				checkMetadata(t, lang+"/"+h.name, m, c, h.items)
			}
		}
	}
}

func checkMetadata(t *testing.T, name string, m Message, c *flows.Collab, items int) {
	t.Helper()
	if m.Metadata == nil {
		t.Fatalf("%s: no metadata", name)
	}
	raw, err := json.Marshal(m.Metadata)
	if err != nil {
		t.Fatalf("%s: marshal metadata: %v", name, err)
	}
	if err := slacktest.ValidateMetadata(raw); err != nil {
		t.Errorf("%s: ValidateMetadata: %v", name, err)
	}
	var got struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%s: unmarshal metadata: %v", name, err)
	}
	want := map[string]string{}
	for k, v := range payloadContract {
		want[k] = v
	}
	switch got.EventType {
	case EventProposal:
		want["candidates"] = arr
	case EventAgreement:
		want["accepted_by_a"], want["accepted_by_b"] = str, str
		if got.EventPayload["accepted_by_a"] != c.Accepted[0] || got.EventPayload["accepted_by_b"] != c.Accepted[1] {
			t.Errorf("%s: accepted_by = %v, %v; want %v", name, got.EventPayload["accepted_by_a"], got.EventPayload["accepted_by_b"], c.Accepted)
		}
	default:
		t.Fatalf("%s: event_type %q", name, got.EventType)
	}
	name += "/" + got.EventType
	checkObject(t, name, got.EventPayload, want)
	for key, fields := range objectContract {
		switch v := got.EventPayload[key].(type) {
		case map[string]any:
			checkObject(t, name+"."+key, v, fields)
		case []any:
			if len(v) != items {
				t.Errorf("%s.%s: %d entries, want %d", name, key, len(v), items)
			}
			for _, e := range v {
				o, ok := e.(map[string]any)
				if !ok {
					t.Fatalf("%s.%s: entry %T, want an object", name, key, e)
				}
				checkObject(t, name+"."+key, o, fields)
			}
		}
	}
	if got.EventPayload["collab_id"] != c.ID || got.EventPayload["version"] != float64(3) || got.EventPayload["lang"] != c.Lang {
		t.Errorf("%s: collab_id, version, lang = %v, %v, %v", name, got.EventPayload["collab_id"], got.EventPayload["version"], got.EventPayload["lang"])
	}
}

// checkObject checks o has exactly the keys of want, of the right types,
// texts at most 300 runes and dates as YYYY-MM-DD.
func checkObject(t *testing.T, name string, o map[string]any, want map[string]string) {
	t.Helper()
	var keys, wantKeys []string
	for k := range o {
		keys = append(keys, k)
	}
	for k := range want {
		wantKeys = append(wantKeys, k)
	}
	sort.Strings(keys)
	sort.Strings(wantKeys)
	if strings.Join(keys, ",") != strings.Join(wantKeys, ",") {
		t.Errorf("%s: keys %v, want %v", name, keys, wantKeys)
	}
	for k, kind := range want {
		v := o[k]
		ok := false
		switch kind {
		case str:
			s, isStr := v.(string)
			ok = isStr && utf8.RuneCountInString(s) <= 300
		case num:
			_, ok = v.(float64)
		case obj:
			_, ok = v.(map[string]any)
		case arr:
			_, ok = v.([]any) // never null
		case date, opt:
			s, isStr := v.(string)
			ok = isStr && (isoDay.MatchString(s) || kind == opt && s == "")
		}
		if !ok {
			t.Errorf("%s.%s = %#.60v, want %s", name, k, v, kind)
		}
	}
}

func TestMetadataKeepsUsersText(t *testing.T) {
	r := newTestRenderer(t)
	c := collab("en", "<!channel> & me")
	m := r.Proposal(c, proposal("<!channel> & me", 1))
	if got := m.Metadata.EventPayload["topic"]; got != "<!channel> & me" {
		t.Errorf("topic = %q: metadata is data and must hold the text as typed", got)
	}
}
