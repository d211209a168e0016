package slacktest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// blockKitSchemaJSON is the community Block Kit JSON Schema (MIT, see
// testdata/block-kit/LICENSE); its root is an array of blocks.
//
//go:embed testdata/block-kit/slack-block-kit.schema.json
var blockKitSchemaJSON []byte

const blockKitSchemaURL = "https://tightknit.com/schemas/slack-block-kit.schema.json"

// maxMessageBlocks is Slack's limit for one message (the schema allows the
// 100 of modals).
const maxMessageBlocks = 50

// blockKitSchema compiles the embedded schema once, asserting formats
// ("uri") as Slack rejects bad URLs.
var blockKitSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(blockKitSchemaJSON))
	if err != nil {
		return nil, fmt.Errorf("read block kit schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(blockKitSchemaURL, doc); err != nil {
		return nil, fmt.Errorf("add block kit schema: %w", err)
	}
	return c.Compile(blockKitSchemaURL)
})

// ValidateBlocks reports why Slack would reject blocks as a message's
// blocks: not JSON, not valid Block Kit, or more than 50 blocks.
func ValidateBlocks(blocks json.RawMessage) error {
	sch, err := blockKitSchema()
	if err != nil {
		return fmt.Errorf("validate blocks: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(blocks))
	if err != nil {
		return fmt.Errorf("blocks are not JSON: %w", err)
	}
	if arr, ok := inst.([]any); ok && len(arr) > maxMessageBlocks {
		return fmt.Errorf("%d blocks, a message allows at most %d", len(arr), maxMessageBlocks)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("blocks are not valid Block Kit: %w", explain(err))
	}
	return nil
}

// ValidateMetadata reports why Slack would reject meta as message
// metadata: it must be {"event_type": non-empty string, "event_payload":
// object}, and each payload value a scalar, a flat object, or an array of
// scalars and flat objects.
func ValidateMetadata(meta json.RawMessage) error {
	dec := json.NewDecoder(bytes.NewReader(meta))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return fmt.Errorf("metadata is not a JSON object: %w", err)
	}
	for _, k := range sortedKeys(m) {
		if k != "event_type" && k != "event_payload" {
			return fmt.Errorf("metadata: unknown key %q", k)
		}
	}
	if et, _ := m["event_type"].(string); et == "" {
		return errors.New("metadata: event_type must be a non-empty string")
	}
	payload, isObj := m["event_payload"].(map[string]any)
	if !isObj {
		return errors.New("metadata: event_payload must be an object")
	}
	for _, k := range sortedKeys(payload) {
		if err := checkPayloadValue(payload[k]); err != nil {
			return fmt.Errorf("metadata: event_payload.%s: %w", k, err)
		}
	}
	return nil
}

// checkPayloadValue allows a scalar, a flat object, or an array of
// scalars and flat objects.
func checkPayloadValue(v any) error {
	switch v := v.(type) {
	case map[string]any:
		return checkFlat(v)
	case []any:
		for i, e := range v {
			if _, isArr := e.([]any); isArr {
				return fmt.Errorf("[%d]: arrays may not hold arrays", i)
			}
			if o, isObj := e.(map[string]any); isObj {
				if err := checkFlat(o); err != nil {
					return fmt.Errorf("[%d]: %w", i, err)
				}
			}
		}
	}
	return nil
}

// checkFlat allows an object whose values are all scalars.
func checkFlat(o map[string]any) error {
	for _, k := range sortedKeys(o) {
		switch o[k].(type) {
		case map[string]any, []any:
			return fmt.Errorf(".%s: nested too deep (objects here hold scalars only)", k)
		}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
