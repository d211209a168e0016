package mediate

import (
	"testing"
	"time"
)

// TestPeriod: a commitment dated by the first day of a span it names is
// read with the span's last day and its text without the span, in both
// languages; a date that starts no span is no period.
func TestPeriod(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		give     string
		first    time.Time
		last     time.Time
		rest     string
		wantSpan bool
	}{
		{"11/1-11/3 华东仓两班倒", day(11, 1), day(11, 3), "华东仓两班倒", true},
		{"11月1日到3日华东仓两班倒", day(11, 1), day(11, 3), "华东仓两班倒", true},
		{"FAE 11/9-11/13 驻场", day(11, 9), day(11, 13), "FAE 驻场", true},
		{"全部工位电脑由 IT 拆装打标签，2/7-2/8 周末 5 个人加班跟搬", day(2, 7), day(2, 8), "全部工位电脑由 IT 拆装打标签，周末 5 个人加班跟搬", true},
		{"on site March 9-13 with the booth", day(3, 9), day(3, 13), "on site with the booth", true},
		{"we staff the booth Mar 30 to Apr 2", day(3, 30), day(4, 2), "we staff the booth", true},
		{"年终奖名单和金额2月9日给到财务", day(2, 9), time.Time{}, "", false},
		{"11/1-11/3 华东仓两班倒", day(11, 3), time.Time{}, "", false},
		{"workshop on 3/10 - 12 people from sales", day(3, 10), time.Time{}, "", false},
		{"3月10日-12人参加培训", day(3, 10), time.Time{}, "", false},
		{"11月30日-31日盘点", day(11, 30), time.Time{}, "", false}, // November has no 31st
		{"on site March 9-13, then back", day(3, 9), day(3, 13), "on site, then back", true},
	}
	for _, tt := range tests {
		last, rest, ok := Period(tt.give, tt.first)
		if ok != tt.wantSpan || !last.Equal(tt.last) || rest != tt.rest {
			t.Errorf("Period(%q, %s) = %s, %q, %v; want %s, %q, %v", tt.give, tt.first.Format("01-02"),
				last.Format("01-02"), rest, ok, tt.last.Format("01-02"), tt.rest, tt.wantSpan)
		}
	}
}

// TestWithoutDay: the calendar date a plan line's own date repeats goes
// when it stands right before what is done then, with the day word it is
// bracketed after; a date that starts, bounds or names something stays.
func TestWithoutDay(t *testing.T) {
	day := time.Date(2026, 4, 17, 0, 0, 0, 0, time.UTC)
	for give, want := range map[string]string{
		"年终奖名单和金额4月17日给到财务":                                                      "年终奖名单和金额给到财务",
		"PRD 本周五（4月17日）定稿":                                                       "PRD 定稿",
		"4月17日开始开发":                                                              "4月17日开始开发",
		"4月17日前给到财务":                                                             "给到财务",
		"年终奖名单4月20日给到财务":                                                         "年终奖名单4月20日给到财务",
		"Final copy on 4/17 to Legal":                                            "Final copy on 4/17 to Legal",
		"triage call lights rewired Friday night April 17":                       "triage call lights rewired",
		"the full packet (W-9, bank letter) on Friday Apr 17, signed by the CFO": "the full packet (W-9, bank letter), signed by the CFO",
		"the Apr 17 release notes":                                               "the Apr 17 release notes",
		"the packet by Friday":                                                   "the packet",
		"Friday":                                                                 "Friday",
		"旧办公区退租日期（4月17日）":                                                        "旧办公区退租日期",
		"12 场脚本和详情页 4/17（周五）全部定稿给到法务":                                            "12 场脚本和详情页全部定稿给到法务",
		"摄影团队 4/17（周五）就能进场拍":                                                     "摄影团队能进场拍",
		"旧机房服务器 4/17 前下架完":                                                       "旧机房服务器下架完",
		"4月17日（周五）开始开发":                                                          "4月17日（周五）开始开发",
		"门店陈列照片，4/17（周五）交":                                                       "门店陈列照片",
		"培训名单，4/17 前发给你们":                                                        "培训名单",
	} {
		if got := WithoutDay(give, day); got != want {
			t.Errorf("WithoutDay(%q) = %q, want %q", give, got, want)
		}
	}
}

// TestStartsOn: a Chinese text that says its work starts on the day is
// read as the work from then on; one that starts on another day, or is
// done by the day, is not.
func TestStartsOn(t *testing.T) {
	day := time.Date(2026, 12, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		give, want string
		ok         bool
	}{
		{"12月14日起IT可以进场施工", "IT可以进场施工", true},
		{"从12月14日（周一）开始，每天巡检一次", "每天巡检一次", true},
		{"12月15日起IT可以进场施工", "", false},
		{"12/14 起新址弱电间钥匙给 IT 一把", "新址弱电间钥匙给 IT 一把", true},
		{"12月14日前把钥匙交给IT", "", false},
	}
	for _, tt := range tests {
		if got, ok := StartsOn(tt.give, day); got != tt.want || ok != tt.ok {
			t.Errorf("StartsOn(%q) = %q, %v; want %q, %v", tt.give, got, ok, tt.want, tt.ok)
		}
	}
}
