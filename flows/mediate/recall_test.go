package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestAskedAbout states pairs a mediator would at least ask about: the
// offer names what the need asks for in other words, so the pair is
// matched or put to the needing side, never left open.
func TestAskedAbout(t *testing.T) {
	tests := []struct{ need, offer string }{
		// owning as a verb names an owner; a laptop is a device, as gear is
		{"a named person who owns each laptop on the road", "Each stop has one AE leading it and they can own the gear that week"},
		// "everyone" names no one in particular: the module is asked for
		{`everyone on the trip does the "Travel & Public Wi-Fi" module (20 min) before leaving`, "We'll get everyone through whatever training you need before they fly out"},
		// a hotspot is network access
		{"pls fix the connectivity thing, hotel and venue wifi kept killing the VPN", "4 LTE hotspots in our travel kit"},
		// someone from a department is one of its people; "reachable"
		// after a noun says how to reach it, not what it is
		{"Someone from engineering we can page when a key account is down", "An on-call engineer reachable by CSMs for P1 incidents"},
		// what the laptops are for does not make them other laptops
		{"They need laptops that can get into the CRM so leads go in on the spot.", "loaner pool has 4 laptops already imaged + MDM enrolled"},
	}
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		if len(p.Matches)+len(p.Candidates) != 1 {
			t.Errorf("need %q, offer %q: matches %+v, candidates %+v; want the pair matched or asked about", tt.need, tt.offer, p.Matches, p.Candidates)
		}
	}
}

// TestOwnIsNotOwner: "own" before a noun is a possessive, not an owner.
func TestOwnIsNotOwner(t *testing.T) {
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	p := mediate.Build(input(at, "a named person who owns each laptop on the road", "", "", `"Lead Capture" CRM role (create/edit own leads, no export)`))
	if len(p.Matches)+len(p.Candidates) != 0 {
		t.Errorf("matches %+v, candidates %+v; want none", p.Matches, p.Candidates)
	}
}

// TestMatchedAcrossWordings states pairs a mediator matches outright
// though they share no head word.
func TestMatchedAcrossWordings(t *testing.T) {
	tests := []struct{ need, offer string }{
		// someone from a group is met by a person of that group
		{"Someone from the data team we can ask during US hours", "A data engineer on the analytics channel from 9am ET"},
		// a person named and described between commas does what is asked
		{"We need somebody who signs off on every press release", "Ana, our comms lead, approves all press releases"},
		// paying for a thing is its budget
		{"A budget for a product photo session", "We'll book and pay for the photographer for the product shoot"},
		// going over the figures together once a month is a meeting, and a
		// standup is one
		{"每月想跟财务对一次预算执行的数字", "每月初的财务例会给我们留 15 分钟"},
		{"上线那几天每天碰一下进度", "每天早上的上线站会"},
	}
	at := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		if p := mediate.Build(input(at, tt.need, "", "", tt.offer)); len(p.Matches) != 1 {
			t.Errorf("need %q, offer %q: matches %+v, candidates %+v; want a match", tt.need, tt.offer, p.Matches, p.Candidates)
		}
	}
}
