package mediate_test

import (
	"testing"

	"github.com/collabbot/collabbot/flows/mediate"
)

func TestReferredTo(t *testing.T) {
	for text, want := range map[string]string{
		"说明一下：对外回应舆情是公关部的事，法务只能在后面给意见，不能出面":                                       "公关部",
		"食堂不归厂务管，那是行政部的事":                                                         "行政部",
		"奖品个税不归法务管，这个请找财务税务组":                                                     "财务税务组",
		"fyi a liability cap above 2x fees isn't mine to approve, that's the CFO": "the CFO",
		"Kronos API 权限不归我们管, IT owns it":                                          "IT",
		"We don't keep a KOL contact list, that's with PR":                        "PR",
		"dark mode 这期不做, it's not in the design system yet":                       "",
		"We can't sign a two-year lock-in":                                        "",
	} {
		if got := mediate.ReferredTo(text); got != want {
			t.Errorf("ReferredTo(%q) = %q, want %q", text, got, want)
		}
	}
}
