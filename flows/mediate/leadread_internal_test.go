package mediate

import (
	"slices"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A hyphenated length before a noun says how far the thing reaches; one
// before a word of time, or after a verb of taking, is how long work takes.
func TestSpanAdjective(t *testing.T) {
	at := time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC)
	checkEach(t, "spanAdjective", func(text string) bool {
		f, ok := timeread.Calendar{Holidays: "none"}.Lead(text, at)
		return ok && spanAdjective(text, f.Phrase)
	}, map[string]bool{
		"The 12-month usage forecast":              true,
		"A reviewer with a 24-hour turnaround":     false,
		"skips the 3-day build":                    false,
		"the build takes 3-day cycles":             false,
		"3 business days to image a laptop":        false,
		"样品到了先做来料检验，1 天":                           false,
		"a 2-week notice before any service is on": false,
		"给主播做一次2小时的品牌和产品培训":                        true,
		"需要3天的兼容性测试":                               false,
	})
}

// checkEach reports each input of cases for which f does not give the
// wanted answer.
func checkEach(t *testing.T, name string, f func(string) bool, cases map[string]bool) {
	t.Helper()
	for in, want := range cases {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %v, want %v", name, in, got, want)
		}
	}
}

// checkPairs is checkEach for a function of two strings.
func checkPairs[T comparable](t *testing.T, name string, f func(a, b string) T, cases map[[2]string]T) {
	t.Helper()
	for in, want := range cases {
		if got := f(in[0], in[1]); got != want {
			t.Errorf("%s(%q, %q) = %v, want %v", name, in[0], in[1], got, want)
		}
	}
}

// A date that is the value of a field, or that a weekday aside follows,
// is read for what it is.
func TestDateFieldsAndAsides(t *testing.T) {
	text := "I'll send the names tomorrow, with their end date (4/2)"
	if !notDue(text, "4/2") {
		t.Errorf("notDue(%q, 4/2) = false: an end date is a fact, not a due date", text)
	}
	if notDue("Names by 4/2", "4/2") {
		t.Error("notDue(Names by 4/2) = true, want a due date")
	}
	if got := skipAside("（周二）上线，流量最好"); got != "上线，流量最好" {
		t.Errorf("skipAside = %q, want the text past the weekday", got)
	}
	if got := skipAside("（等品牌方回复之后再说）上线"); got == "上线" {
		t.Error("skipAside dropped a long aside, which says more than a weekday")
	}
}

// A time that names which quarter's thing, when a payment is earned or a
// time to avoid is no due date; a time that bounds the work is.
func TestDatesThatDescribe(t *testing.T) {
	checkPairs(t, "notDue", notDue, map[[2]string]bool{
		{"节前要交的材料列个清单", "节前"}:                                                                            false,
		{"材料节前要交齐", "节前"}:                                                                                false,
		{"周五前给到", "周五前"}:                                                                                 false,
		{"今天下班前给下个月的物料需求计划", "今天下班前"}:                                                                    false,
		{"Q2 marketing budget 里还有 $5k", "Q2"}:                                                            true,
		{"a forecast of Q4 packaging POs by week", "Q4"}:                                                 true,
		{"by Q3 we need the pilot live", "Q3"}:                                                           false,
		{"Q3 end at the latest", "Q3"}:                                                                   false,
		{"launch in Q3", "Q3"}:                                                                           false,
		{"$300 stay bonus after 30 days, already approved for peak", "30 days"}:                          true,
		{"A weekly touchpoint until launch, so changes don't land on us Friday at 5pm", "Friday at 5pm"}: true,
		{"The build takes 30 days after sign-off", "30 days"}:                                            false,
		{"Specs by Friday so the team can start Monday", "Friday"}:                                       false,
	})
}

// A step the chain names is taken out by an offer that skips a step of
// that length, and only then.
func TestWithoutStep(t *testing.T) {
	for _, tt := range []struct {
		phrase string
		n      int
		want   string
		ok     bool
	}{
		{"5 business days review, then 3 business days", 3, "5 business days review", true},
		{"5 business days review, then 3 business days", 5, "", false},
		{"订车要 2 个工作日，装车在途再 5 个工作日", 5, "订车要 2 个工作日", true},
		{"10 business days", 3, "", false},
	} {
		got, ok := withoutStep(tt.phrase, tt.n)
		if got != tt.want || ok != tt.ok {
			t.Errorf("withoutStep(%q, %d) = %q, %v; want %q, %v", tt.phrase, tt.n, got, ok, tt.want, tt.ok)
		}
	}
}

// Two compounds of the same words the other way round name two things;
// a compound that shares its head does not.
func TestCrossedHeads(t *testing.T) {
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "cn"}
	read := func(side Side, text string) *entry { return newEntry(side, text, at, cal) }
	if n, o := read(SideA, "明年的培训预算能不能先批下来"), read(SideB, "下周三给HR做一次预算系统培训"); !crossedHeads(n, o) {
		t.Errorf("培训预算 / 预算系统培训: not crossed (heads %v, %v)", n.head, o.head)
	}
	if n, o := read(SideA, "新人培训要有讲师"), read(SideB, "下周三做一次新人培训"); crossedHeads(n, o) {
		t.Errorf("新人培训 / 新人培训: crossed (heads %v, %v)", n.head, o.head)
	}
}

// Someone asked for by what they know is an expert, in either language,
// and the words of what they know only say which one.
func TestKnowerIsAnExpert(t *testing.T) {
	for _, text := range []string{"这个得有懂埋点的人直接配合", "someone who knows the warehouse tables on the call"} {
		ts := expertPersons(text, termsOf(text))
		keys := uniqueKeys(ts)
		if !slices.Contains(keys, "#engineer") || !slices.Contains(keys, "#owner") {
			t.Errorf("%q: keys %v, want an expert person", text, keys)
		}
	}
	if keys := uniqueKeys(expertPersons("懂埋点的人", termsOf("懂埋点的人"))); slices.Contains(keys, "#tracking") {
		t.Errorf("懂埋点的人: keys %v hold what the person knows as a thing asked for", keys)
	}
	if keys := uniqueKeys(expertPersons("埋点方案要改", termsOf("埋点方案要改"))); slices.Contains(keys, "#engineer") {
		t.Errorf("埋点方案要改: keys %v name an expert nobody asked for", keys)
	}
}

// A side says its work waits for what it asks in several ways.
func TestWaitsFor(t *testing.T) {
	checkEach(t, "waitsFor", waitsFor, map[string]bool{
		"review doesn't start until all of it is in":   true,
		"we can't start the request without all of it": true,
		"测试包和接口文档，缺一样没法评估":                             true,
		"资料到齐才能开始":                                     true,
		"材料要一次给齐，缺一份不开始算":                              true,
		"品牌审核一般 4 个工作日，材料不齐不开始算":                       true,
		"the clock doesn't start on partial packs":     true,
		"the bus doesn't start on cold mornings":       false,
		"we can't make the meeting without a room":     false,
		"缺人手，周末没法加班":                                   false,
	})
}

// A group of people right before a head narrows it: the leavers' bonus
// is not the bonus paid to all, unless the need names that group too.
func TestGroupNarrowed(t *testing.T) {
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "cn"}
	offer := newEntry(SideB, "离职员工年终奖按在职月数折算，口径我们出一页纸说明", at, cal)
	for need, want := range map[string]bool{
		"年终奖最晚2/12（周四）要到员工卡上":   true,
		"离职员工的年终奖怎么按比例算，想要统一口径": false,
	} {
		if got := groupNarrowed(newEntry(SideA, need, at, cal), offer); got != want {
			t.Errorf("groupNarrowed(%q) = %v, want %v", need, got, want)
		}
	}
	need := newEntry(SideA, "9 月这批 12 个新员工要配笔记本", at, cal)
	if !groupNarrowed(need, newEntry(SideB, "实习生笔记本用旧机翻新", at, cal)) {
		t.Error("the interns' laptops meet the new hires' need")
	}
}

// Counts, determiners and times of day are no terms of a Chinese text:
// "每门课" and "8 门课" share the course, not "门课"; "早上 6 点前" names when.
func TestCountsAreNoTerms(t *testing.T) {
	for text, not := range map[string]string{
		"每门课都有主讲老师的介绍": "门课",
		"课程介绍 8 门课都有":  "门课",
		"早上 6 点前一次":    "点前",
		"每天早上补货":       "早上",
		"各店的库存":        "各店",
	} {
		if keys := uniqueKeys(termsOf(text)); slices.Contains(keys, not) {
			t.Errorf("terms of %q hold %q: %v", text, not, keys)
		}
	}
	if keys := uniqueKeys(termsOf("门店课程表")); !slices.Contains(keys, "门店") {
		t.Errorf("terms of 门店课程表 lack 门店: %v", keys)
	}
}

// A need asks that something not be done only in what it asks, not in
// the purpose it gives.
func TestProhibitsOnlyInTheAsk(t *testing.T) {
	for text, want := range map[string]bool{
		"Our region's risk appetite numbers, so RMs stop pitching deals you'll decline anyway": false,
		"Please stop changing the specs after sign-off":                                        true,
		"别再临时改需求": true,
	} {
		if got := prohibits(text); got != want {
			t.Errorf("prohibits(%q) = %v, want %v", text, got, want)
		}
	}
}

// A limit counted back from an event named right before it, or a period
// that names what a thing covers, is no deadline from today; a limit
// after a date is, and so is a period said of nothing.
func TestBackFromEvent(t *testing.T) {
	at := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC)
	checkEach(t, "deadline read", func(text string) bool {
		return newEntry(SideA, text, at, timeread.Calendar{}).hasDeadline
	}, map[string]bool{
		"出货前 5 天内订单不能再改数量和型号":   false,
		"上线前3天内不能再提需求":          false,
		"订单 5 天内确认":             true,
		"11月20日前5天内给到":          true,
		"9-10月的活动排期表可以共享给法务":    false,
		"this year's numbers":   false,
		"10月底的报告":               true,
		"the numbers this year": true,
		"Account scoring (propensity to buy in the next 90 days) for every named account": false,
		"Account scoring (by Friday)": true,
		"Account scoring (due Oct 9)": true,
	})
}

// Notice is a length asked ahead of an event, not how long work takes.
func TestAdvanceNotice(t *testing.T) {
	at := time.Date(2026, 4, 14, 10, 0, 0, 0, time.UTC)
	checkEach(t, "advance", func(text string) bool {
		return advance(newEntry(SideA, text, at, timeread.Calendar{}))
	}, map[string]bool{
		"we'll book the retest with our pentest vendor, they need 10 business days' notice": true,
		"HR data at least 5 business days before the start date":                            true,
		"the retest takes 10 business days":                                                 false,
	})
}

// An order waits for the dated offer that says how many: a count is a
// specification, a headcount forecast is not.
func TestSpecForCount(t *testing.T) {
	at := time.Date(2026, 6, 24, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{}
	count := newEntry(SideA, "till count per store, can send today", at, cal)
	forecast := newEntry(SideA, "Q2 headcount forecast by Friday", at, cal)
	if got := specFor([]*entry{count}); got != count {
		t.Errorf("specFor(count) = %v, want the count", got)
	}
	if got := specFor([]*entry{forecast}); got != nil {
		t.Errorf("specFor(headcount forecast) = %q, want none", got.Text)
	}
}
