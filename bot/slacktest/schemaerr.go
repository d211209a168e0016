package slacktest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// explain shortens a schema error to the failures that matter. Block Kit
// is a union discriminated by "type", so a failing block reports one
// failure per block type it is not; explain drops the branches written
// for another type and keeps the leaves of the branch for the block's own.
func explain(err error) error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	return errors.New(strings.Join(unique(leaves(ve)), "; "))
}

func leaves(e *jsonschema.ValidationError) []string {
	if len(e.Causes) == 0 {
		return []string{(&jsonschema.ValidationError{InstanceLocation: e.InstanceLocation, ErrorKind: e.ErrorKind}).Error()}
	}
	var out []string
	var types []string
	for _, c := range e.Causes {
		if want, isOther := otherType(c); isOther {
			types = append(types, want)
			continue
		}
		out = append(out, leaves(c)...)
	}
	if len(out) == 0 {
		return []string{fmt.Sprintf("at '/%s': type must be one of %s",
			strings.Join(e.InstanceLocation, "/"), strings.Join(types, ", "))}
	}
	return out
}

// otherType reports whether e is a union branch for another "type": its
// own or a direct cause's failure is a const on the "type" property.
func otherType(e *jsonschema.ValidationError) (string, bool) {
	for _, c := range append([]*jsonschema.ValidationError{e}, e.Causes...) {
		k, isConst := c.ErrorKind.(*kind.Const)
		loc := c.InstanceLocation
		if isConst && len(loc) > 0 && loc[len(loc)-1] == "type" {
			return fmt.Sprint(k.Want), true
		}
	}
	return "", false
}

// unique drops repeated messages, keeping the first of each.
func unique(msgs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range msgs {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}
