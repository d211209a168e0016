package render

import (
	"strings"
	"testing"

	"github.com/collabbot/collabbot/flows/mediate"
)

// A need declined by naming whose business it is says where to take it.
func TestRefusedSaysWhereNext(t *testing.T) {
	need := ofA("法务能出面回应一下舆情")
	p := mediate.Proposal{
		Open:    []mediate.Item{need},
		Refused: []mediate.Match{{Need: need, Offer: ofB("对外回应舆情是公关部的事，法务只能在后面给意见")}},
	}
	got := newTestRenderer(t).loc("zh").needs("proposal.needs_title", p, sideNames{"市场部", "法务部"}, false)
	if !strings.Contains(got, "→ 请市场部直接找公关部") {
		t.Errorf("needs lack where to take the declined need:\n%s", got)
	}
}
