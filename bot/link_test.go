package bot

import "testing"

func TestSubcommand(t *testing.T) {
	tests := []struct {
		give, name, arg string
		ok              bool
	}{
		{"help", "help", "", true},
		{"  LIST ", "list", "", true},
		{"status <https://x.slack.com/archives/C1/p1700000000000100>", "status", "<https://x.slack.com/archives/C1/p1700000000000100>", true},
		{"取消 abc", "cancel", "abc", true},
		{"frobnicate", "", "frobnicate", true},             // unknown: the help, naming it
		{"launch the page", "", "launch", true},            // no sides: the help
		{"<@U1> <@U2> launch", "", "", false},              // a collab
		{"launch <!subteam^S1|@ops> <@U2>", "", "", false}, // sides given: a collab's usage
		{"@ops @tech launch", "", "", false},               // not mentions: a collab's usage
		{"", "", "", false},
	}
	for _, tt := range tests {
		name, arg, ok := subcommand(tt.give)
		if name != tt.name || arg != tt.arg || ok != tt.ok {
			t.Errorf("subcommand(%q) = %q, %q, %v; want %q, %q, %v", tt.give, name, arg, ok, tt.name, tt.arg, tt.ok)
		}
	}
}

func TestThreadOfLink(t *testing.T) {
	tests := []struct{ give, channel, thread string }{
		{"https://acme.slack.com/archives/C0COLLAB/p1772600000000100", "C0COLLAB", "1772600000.000100"},
		{"<https://acme.slack.com/archives/C0COLLAB/p1772600000000100>", "C0COLLAB", "1772600000.000100"},
		{"<https://acme.slack.com/archives/G1/p1772600000000200?thread_ts=1772600000.000100&cid=G1|a reply>", "G1", "1772600000.000100"},
		{"https://acme.slack.com/archives/C1/p17726", "", ""},
		{"C0COLLAB 1772600000.000100", "", ""},
	}
	for _, tt := range tests {
		channel, thread, ok := threadOfLink(tt.give)
		if channel != tt.channel || thread != tt.thread || ok != (tt.channel != "") {
			t.Errorf("threadOfLink(%q) = %q, %q, %v; want %q, %q", tt.give, channel, thread, ok, tt.channel, tt.thread)
		}
	}
}
