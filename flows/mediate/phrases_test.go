package mediate

import (
	"slices"
	"testing"
)

// TestPhraseInSeveralLines: a phrase of several concept lines stands for
// all of them, so that what it means does not hang on reading order.
func TestPhraseInSeveralLines(t *testing.T) {
	keys := uniqueKeys(termsOf("a usability test with five customers"))
	for _, want := range []string{"#user_research", "#usability", "#test"} {
		if !slices.Contains(keys, want) {
			t.Errorf("keys %v lack %s", keys, want)
		}
	}
}

// TestSameConceptWorded: words a careful reader takes for one thing share
// a concept, so that a pair worded each way is at least asked about.
func TestSameConceptWorded(t *testing.T) {
	tests := []struct{ a, b, concept string }{
		{"a plain-English list of the rules", "a plain-language version of each rule", "#plain_language"},
		{"通俗版说明", "大白话讲一遍", "#plain_language"},
		{"dark mode on every screen", "a dark theme for the app", "#dark_mode"},
		{"pay them net-15", "net 90 for large vendors", "#payment_terms"},
		{"新楼门禁要跟现在的工卡打通", "门禁联调我们牵头", "#integration"},
		{"signed publicity release from Northwind", "she'll sign whatever release form we send", "#consent"},
		{"签字费/安家费这块要定个标准", "签约金我们可以定一个统一标准", "#bonus"},
		{"a monthly list of what hurts customers most", "Voice of Customer report, top 10 pain points", "#complaint"},
		{"a standing slot every week to bring our top bugs to eng", "bug triage every Thursday 2pm, support gets the first 15 min", "#meeting"},
		{"培训最好是产品经理本人来讲", "PM 可以来给坐席讲两场", "#product_manager"},
		{"想用测评视频里的原话做宣传，不知道要不要授权", "肖像/内容使用授权书模板，随时可以要", "#license"},
		{"每个大区出一个人核对，核完签字确认", "每个大区指定一个 sales ops 核数", "#check_figures"},
		{"每个大区出一个人核对", "每个大区指定一个 sales ops 核数", "#owner"},
		{"single approver, 1 round of consolidated feedback", "Priya is the only approver on our side", "#decider"},
		{"my KAMs need the one-pagers before the calls", "a one-pager per top-20 customer", "#one_pager"},
		{"offer 必须 9月30日（周三）前发出去", "拿到完整的录用名单以后，一共需要 7 个工作日", "#offer_letter"},
	}
	for _, tt := range tests {
		for _, text := range []string{tt.a, tt.b} {
			if keys := uniqueKeys(termsOf(text)); !slices.Contains(keys, tt.concept) {
				t.Errorf("%q: keys %v lack %s", text, keys, tt.concept)
			}
		}
	}
}

// TestWhoseIsNoPerson: "personal" and "personally" say whose or how,
// and name no person, though they share a stem with "person".
func TestWhoseIsNoPerson(t *testing.T) {
	for _, text := range []string{"a personal copy of the handbook", "I'll personally check the figures"} {
		if keys := uniqueKeys(termsOf(text)); slices.Contains(keys, "#staff") {
			t.Errorf("%q: keys %v name a person", text, keys)
		}
	}
}

// TestHeadlineFigures: headlines are copy, a headline figure is a main one.
func TestHeadlineFigures(t *testing.T) {
	if keys := uniqueKeys(termsOf("headline numbers for the board")); slices.Contains(keys, "#copy") {
		t.Errorf("headline numbers: keys %v name copy", keys)
	}
	if keys := uniqueKeys(termsOf("check our headlines")); !slices.Contains(keys, "#copy") {
		t.Errorf("headlines: keys %v lack copy", keys)
	}
}

// TestCustomersAreNoCustoms: a plural that stems like another concept's
// word ("customers", "customs") names only its own concept.
func TestCustomersAreNoCustoms(t *testing.T) {
	keys := uniqueKeys(termsOf("all double-charged customers refunded"))
	if !slices.Contains(keys, "#customer") || slices.Contains(keys, "#customs") {
		t.Errorf("keys %v, want #customer and not #customs", keys)
	}
}

// A small "pm" is a time of day, not a product manager.
func TestPMIsNoTime(t *testing.T) {
	if keys := uniqueKeys(termsOf("review at 3 pm on Thursday")); slices.Contains(keys, "#product_manager") {
		t.Errorf("keys %v name a product manager", keys)
	}
}
