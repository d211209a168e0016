package mediate

import "testing"

// TestAsksPermission: a question whether something is allowed, not a
// mention of the legal team or of what is allowed.
func TestAsksPermission(t *testing.T) {
	for text, want := range map[string]bool{
		"a clear answer on whether we're even allowed to upload hashed emails": true,
		"Are we allowed to record the calls?":                                  true,
		"客户手机号是否允许同步给外包客服":                                                     true,
		"这些数据出境合规吗":                                                            true,
		"The NDA is checked by legal before we sign":                           false,
		"Users allowed to reset their own passwords":                           false,
		"系统要允许用户自助改密码":                                                         false,
	} {
		if got := permissionAsk.MatchString(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
