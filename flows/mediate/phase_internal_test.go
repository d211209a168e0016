package mediate

import (
	"reflect"
	"testing"
)

// TestSplitIn: parts are read from grammar, the markers of a split, of a
// first part and of the rest, in both languages.
func TestSplitIn(t *testing.T) {
	tests := []struct {
		give string
		want []string // the parts' texts; nil when the offer splits nothing
	}{
		{"可以分两期：首页和开卡流程赶9月29日的版本，权益页、积分页放到节后第一个版本", []string{"首页和开卡流程赶9月29日的版本", "权益页、积分页放到节后第一个版本"}},
		{"先上首页，其余下个版本", []string{"先上首页", "其余下个版本"}},
		{"可以先改渠道代理合同，11月9日前给你们，其余模板放到12月初", []string{"可以先改渠道代理合同，11月9日前给你们", "其余模板放到12月初"}},
		{"the start page in the next release, the rest in the one after", []string{"the start page in the next release", "the rest in the one after"}},
		{"We can ship in two phases: checkout by May 4, account pages by May 18", []string{"checkout by May 4", "account pages by May 18"}},
		{"提前一天通知，优先处理大客户", nil},
		{"Two engineers on the floor, on call all week", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range splitIn(&entry{Item: Item{Text: tt.give}}) {
			got = append(got, p.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitIn(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestTimed(t *testing.T) {
	tests := []struct {
		parts []string
		want  bool
	}{
		{[]string{"the start page in the next release", "the rest in the one after"}, true},
		{[]string{"两名测试人员全程支持", "其余同事随时待命"}, false},
		{[]string{"先上首页", "其余下个版本"}, true},
		{[]string{"先派两个人", "其余的人随时待命"}, false},
	}
	for _, tt := range tests {
		var ps []Phase
		for _, p := range tt.parts {
			ps = append(ps, Phase{Text: p})
		}
		if got := timed(ps); got != tt.want {
			t.Errorf("timed(%q) = %v, want %v", tt.parts, got, tt.want)
		}
	}
}
