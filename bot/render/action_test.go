package render

import "testing"

func TestActionRoundTrip(t *testing.T) {
	tests := []Action{
		{Collab: "c0ffee", Thread: "1772600000.000001"},
		{Collab: "c0ffee", Thread: "1772600000.000001", Version: 3},
		{Collab: "c0ffee", Thread: "1772600000.000001", Version: 12, Question: "needs"},
		{Collab: `we"ird\id`, Thread: "<&>"},
	}
	for _, want := range tests {
		v := want.Encode()
		if len(v) > 2000 {
			t.Errorf("Encode(%+v) is %d bytes, over a button value's 2000", want, len(v))
		}
		got, err := DecodeAction(v)
		if err != nil || got != want {
			t.Errorf("DecodeAction(%q) = %+v, %v; want %+v", v, got, err, want)
		}
	}
}

func TestDecodeActionRejectsGarbage(t *testing.T) {
	for _, v := range []string{
		"", "garbage", "{", "[]", "null", `"c0ffee"`, `{}`, `{"t":"1.2"}`,
		`{"c":"x","v":-1}`, `{"c":"x","q":"lunch"}`, `{"c":"x","extra":1}`, `{"c":"x"} {"c":"y"}`, `{"c":5}`,
	} {
		if a, err := DecodeAction(v); err == nil {
			t.Errorf("DecodeAction(%q) = %+v, want an error", v, a)
		}
	}
}
