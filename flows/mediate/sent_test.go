package mediate

import (
	"slices"
	"testing"
)

// A role sent somewhere is a person offered; a role named otherwise is not.
func TestSentPersons(t *testing.T) {
	for text, want := range map[string]bool{
		"发布会当天可以派一个工程师到现场答疑": true,
		"安排两名讲师给新人上课":        true,
		"出1位设计师跟进":           true,
		"派设计师驻场一周":           true,
		"工程师出方案":             false,
		"出设计稿给工程师":           false,
		"工程师两名已经到岗":          false,
	} {
		got := slices.ContainsFunc(sentPersons(text, termsOf(text)), func(k term) bool { return k.key == "#owner" })
		if got != want {
			t.Errorf("%q: a person sent = %v, want %v", text, got, want)
		}
	}
}
