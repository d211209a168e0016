package mediate

import "testing"

// TestNeedPoint: a need is said by what it asks for: the sentence that
// asks, from the clause that asks (unless it points back to the one
// before), up to its reason or warning, without the words that only say
// a side asks.
func TestNeedPoint(t *testing.T) {
	for give, want := range map[string]string{
		"We run two kiosks at the fair. They need card readers that work offline so queues keep moving": "card readers that work offline",
		"We need the badges by Monday because printing takes a day, and the doors open Tuesday":         "the badges by Monday",
		"Printed menus for the tasting, and right now the only designer is on leave":                    "Printed menus for the tasting",
		"pls sort out the parking passes":                                                "sort out the parking passes",
		"quick yes/no on using a pop song in a short video (lol, asking for the agency)": "quick yes/no on using a pop song in a short video",
		"年底评审会很多，希望评审材料提前两天发出来，不然来不及看":                                                   "评审材料提前两天发出来",
		"所以我们最需要的是一个靠谱的按天出库量，而不是最后两天才知道":                                                 "一个靠谱的按天出库量",
		"The campaign plan at least 4 weeks before launch, for load testing":             "The campaign plan at least 4 weeks before launch",
		"想第一时间知道哪些款快断货了，好提前把流量切到别的款":                                                     "想第一时间知道哪些款快断货了",
		"想要供应商最近一年的质量报告":                                                                 "供应商最近一年的质量报告",
		"A venue map with the loading dock marked":                                       "A venue map with the loading dock marked",
		"3 研发派人去客户现场排查":                                                                  "研发派人去客户现场排查",
		"40 个主推款要在华南仓上架":                                                                 "40 个主推款要在华南仓上架",
		"1. full legal name for each contractor":                                         "full legal name for each contractor",
		"Honestly we need quick answers on one-off data questions":                       "quick answers on one-off data questions",
		"Could you send us the crash logs":                                               "send us the crash logs",
		"另外我们这边最需要的是按天出库量":                                                               "按天出库量",
		"展台物料是一批易拉宝，需要有人在会前一天送到酒店":                                                       "展台物料是一批易拉宝，需要有人在会前一天送到酒店",
		"The old laptops are in the basement, we need someone to wipe them":              "The old laptops are in the basement, we need someone to wipe them",
		"新仓库下周一启用，第一天就要能扫码入库":                                                            "第一天就要能扫码入库",
		"报价口径一次说清楚，报出去以后再改就得重新走审批":                                                       "报价口径一次说清楚",
	} {
		checkPoint(t, "NeedPoint", NeedPoint, give, want)
	}
}

// TestOfferPoint: an offer is said by what the side gives: without "we
// can", up to the reason, the side's own part of a sentence that first
// says what someone else does, unless that part points back to it, or
// that first says how things stand, unless that is a condition.
func TestOfferPoint(t *testing.T) {
	for give, want := range map[string]string{
		"We can lend two projectors": "lend two projectors",
		"Our interns are free all Thursday, so anything that needs hands can happen then":    "Our interns are free all Thursday",
		"The venue sets up the stage and we'll bring the banners":                            "bring the banners",
		"The printer delivers the flyers Monday and I'll hand them out at the door":          "The printer delivers the flyers Monday and I'll hand them out at the door",
		"材料到了的话，这个项目我们可以加急：两台设备并行跑":                                                          "材料到了的话，这个项目我们可以加急：两台设备并行跑",
		"every Friday while the pilot runs: a 10 min check-in with ops, we log what changed": "every Friday while the pilot runs: a 10 min check-in with ops, we log what changed",
		"我们可以提供两名测试人员，周末也能加班":                                                                "提供两名测试人员，周末也能加班",
		"1 客户现场的日志今天打包发":                                                                     "客户现场的日志今天打包发",
		"华东仓可以两班倒":                                                                           "华东仓两班倒",
		"IT可以进场施工":                                                                           "IT进场施工",
		"我们也可以派人来":                                                                           "我们也可以派人来",
		"3 servers from the spare pool":                                                      "3 servers from the spare pool",
		"为了赶 paid ads 投放，可以先给一个 T+1 的 Looker 日报":                                             "先给一个 T+1 的 Looker 日报",
		"To make the launch, we can share a daily export":                                    "share a daily export",
		"新园区离地铁远，我们开通了两条早晚班车线路":                                                              "开通了两条早晚班车线路",
		"The new site is far from the subway, we've opened two shuttle lines":                "opened two shuttle lines",
		"If the list comes by Friday, we can have badges Monday":                             "If the list comes by Friday, we can have badges Monday",
		"所有销量领先之类的宣称，我们都会附第三方报告作为出处":                                                         "所有销量领先之类的宣称，我们都会附第三方报告作为出处",
	} {
		checkPoint(t, "OfferPoint", OfferPoint, give, want)
	}
}

func checkPoint(t *testing.T, name string, f func(string) string, give, want string) {
	t.Helper()
	if got := f(give); got != want {
		t.Errorf("%s(%q) = %q, want %q", name, give, got, want)
	}
}
