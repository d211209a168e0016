package render

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/collabbot/collabbot/flows"
)

// Action is what a button carries in its value, so a click can be routed
// to its collaboration without a lookup.
type Action struct {
	Collab   string `json:"c"`
	Thread   string `json:"t"`
	Version  int    `json:"v,omitempty"`
	Question string `json:"q,omitempty"` // "goal", "needs" or "value" for a redo
	// Side, Need and Offer name a candidate pair: the needing side, the
	// place of its need among its needs, and the place of the other
	// side's offer among its offers (see Pair).
	Side  string `json:"s,omitempty"`
	Need  int    `json:"n,omitempty"`
	Offer int    `json:"o,omitempty"`
	Item  int    `json:"i,omitempty"` // a commitment's index, for its reminder's buttons
	Days  int    `json:"d,omitempty"` // a sprint length, for "How long is a sprint?"
}

// Encode returns a as a button value: compact JSON.
func (a Action) Encode() string {
	b, err := json.Marshal(a)
	if err != nil { // cannot happen: the fields are strings and an int
		panic(fmt.Sprintf("encode action: %v", err))
	}
	return string(b)
}

// DecodeAction reads a button value written by Encode.
func DecodeAction(v string) (Action, error) {
	var a Action
	d := json.NewDecoder(strings.NewReader(v))
	d.DisallowUnknownFields()
	if err := d.Decode(&a); err != nil {
		return Action{}, fmt.Errorf("decode action %q: %w", v, err)
	}
	if d.More() {
		return Action{}, fmt.Errorf("decode action %q: trailing data", v)
	}
	switch {
	case a.Collab == "":
		return Action{}, fmt.Errorf("decode action %q: no collab id", v)
	case a.Version < 0 || a.Item < 0:
		return Action{}, fmt.Errorf("decode action %q: negative version or item", v)
	case a.Side != "" && a.Side != string(flows.SideA) && a.Side != string(flows.SideB):
		return Action{}, fmt.Errorf("decode action %q: unknown side", v)
	case a.Need < 0 || a.Offer < 0:
		return Action{}, fmt.Errorf("decode action %q: negative item", v)
	case a.Question != "":
		if _, ok := flows.ParseQuestion(a.Question); !ok {
			return Action{}, fmt.Errorf("decode action %q: unknown question", v)
		}
	}
	return a, nil
}
