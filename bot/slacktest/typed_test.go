package slacktest_test

import (
	"testing"

	"github.com/collabbot/collabbot/bot/slacktest"
)

func TestAsSlackSends(t *testing.T) {
	tests := []struct{ give, want string }{
		{"R&D <= 5k > 3k", "R&amp;D &lt;= 5k &gt; 3k"},
		{"hi <@U0ANA> and <!here>", "hi <@U0ANA> and <!here>"},
		{"<!subteam^S1|@ops> <https://x.example|y> <#C0GEN>", "<!subteam^S1|@ops> <https://x.example|y> <#C0GEN>"},
		{"<not markup> &amp;", "&lt;not markup&gt; &amp;amp;"},
		{"<@U0ANA", "&lt;@U0ANA"},
	}
	for _, tt := range tests {
		if got := slacktest.AsSlackSends(tt.give); got != tt.want {
			t.Errorf("AsSlackSends(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
