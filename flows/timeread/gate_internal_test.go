package timeread

import (
	"strings"
	"testing"
)

// FuzzGate: a rule the gate passes over, for want of its words or of the
// characters its parts start with, matches nothing in the clause: skipping
// it changes no reading.
func FuzzGate(f *testing.F) {
	for _, s := range []string{"活动页面明天上线", "需要2天做兼容性测试", "下下周五前", "5个工作日内", "十一月二十一号前",
		"by Friday afternoon", "within the next 5 business days", "Nov. 1st, 2026", "11/1/26", "every other Monday",
		"每月初", "每场面试结束后2个工作日内", "3.15前", "the 21st", "two weeks", "半个月", "Q4", "国庆节前",
		"上上个月", "上个礼拜", "上线", "这一星期内", "周末前", "下个月初", "本月中旬前", "当月末", "这个月内",
		"2h", "3 hours", "one hr", "10+ hrs", "4 working hours", "2 workh", "a fortnight", "5个h", "the high"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, clause := range strings.FieldsFunc(s, isClauseEnd) {
			lower := asciiLower(clause)
			words := newClauseWords(lower, &gates)
			for i := range rules {
				if !words.admits(i) && rules[i].re.MatchString(lower) {
					t.Fatalf("rule %d (%s) matches %q but the gate passes it over", i, rules[i].re, lower)
				}
			}
		}
	})
}

// TestShapes: the parts every match holds are read from the expression.
func TestShapes(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want int
	}{
		{`(?:\d+|[一二三])\s*(?:天|周)`, 2},
		{`明(?:天|日)`, 2},
		{`\bthe\s+\d{1,2}(?:st|nd)\b`, 6}, // t, h, e, white space, a digit, s or n
		{`a?b*`, 0},
		{`.x`, 1},
		{`(?i)abc`, 0},
		{`[^x]y`, 1},
	} {
		if got := len(shapeOf(tt.expr)); got != tt.want {
			t.Errorf("shapeOf(%q) has %d parts, want %d", tt.expr, got, tt.want)
		}
	}
}
