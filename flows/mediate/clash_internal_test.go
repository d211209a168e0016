package mediate

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A date cited or named as what a side does not want is no due date; one
// asked for is.
func TestCitedDates(t *testing.T) {
	cases := map[[2]string]bool{
		{`a heads-up, not a Thursday-night "can you look at this by Friday"`, "by Friday"}: true,
		{`not a Thursday-night ask`, "Thursday"}:                                           true,
		{"改稿提前一天说，而不是周五晚上才说", "周五"}:                                                        true,
		{`改动别晚于周五，别等到“周一前要改完”`, "周一"}:                                                      true,
		{"We need the deck by Friday", "by Friday"}:                                        false,
		{`the "Spring" banner by Friday`, "by Friday"}:                                     false,
	}
	checkPairs(t, "notDue", notDue, cases)
}

// Spans weighed as choices of a period of keeping are its values; a
// span of work is not.
func TestKeptOption(t *testing.T) {
	checkEach(t, "kept", func(text string) bool {
		f, ok := timeread.Calendar{Holidays: "none"}.Lead(text, time.Date(2026, 7, 6, 10, 0, 0, 0, time.UTC))
		return ok && kept(text, f.Phrase)
	}, map[string]bool{
		"审计日志的保留期限要客户确认，90 天和 1 年存储成本差很多":                                          true,
		"log retention agreed with the vendor, 30 days or 1 year changes the cost": true,
		"审计日志完整版要 4 周，先给一版只记登录的":                                                   false,
		"the review takes 5 business days or 3 if the docs are complete":           false,
	})
}

// A shorter length offered on a condition is read with its condition.
func TestAlternative(t *testing.T) {
	at := time.Date(2026, 9, 8, 10, 0, 0, 0, time.UTC)
	for text, want := range map[string]int{
		"full kit: 10 business days from a signed-off brief, or 7 if the copy is final when we start": 7,
		"整套海报6个工作日，如果商品白底图开工时就齐了可以4个工作日":                                                              4,
		"full kit: 10 business days, or 7 if the copy lands by 9/12":                                  7,
		"full kit: 10 business days, or 12 if you add the banners":                                    0,
		"full kit: 10 business days from the brief":                                                   0,
		"审核是材料齐了以后 5 个工作日出意见，按负面清单自查过的可以压到 3 个工作日":                                                    3,
	} {
		e := newEntry(SideB, text, at, timeread.Calendar{Holidays: "none"})
		n, cond, ok := alternative(e)
		if !ok {
			n = 0
		}
		if n != want || ok && cond == "" {
			t.Errorf("alternative(%q) = %d %q, want %d with its condition", text, n, cond, want)
		}
	}
}

// Steps listed clause by clause, each with its length, add up.
func TestStepsByClause(t *testing.T) {
	at := time.Date(2026, 9, 14, 10, 0, 0, 0, time.UTC)
	text := "QA takes 2 business days once the events ship, the test itself needs 10 business days, and analysis takes 3 business days after it stops"
	f, ok := chainedLead(text, at, timeread.Calendar{Holidays: "none"})
	if want := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC); !ok || civilDay(f.Date) != civilDay(want) {
		t.Errorf("chainedLead = %v %v, want 15 business days: %v", f.Date, ok, want)
	}
	if _, ok := chainedLead("QA takes 2 business days, the rest is ready", at, timeread.Calendar{Holidays: "none"}); ok {
		t.Error("a clause without a length of its own is no step")
	}
}

// A lead time times a first part only when its own clause opens one.
func TestFirstPart(t *testing.T) {
	at := time.Date(2026, 7, 6, 10, 0, 0, 0, time.UTC)
	checkEach(t, "firstPart", func(text string) bool {
		return firstPart(newEntry(SideB, text, at, timeread.Calendar{Holidays: "none"}))
	}, map[string]bool{
		"hero + social tiles can go first, 5 business days from the brief": true,
		"审计日志完整版要 4 周，先给一版只记登录和权限变更的":                                      false,
		"主视觉可以先出，3个工作日":                                                    true,
	})
}

// The work of a clash is the clause that asks, not the one that dates an
// event beside it.
func TestOtherAsk(t *testing.T) {
	for text, want := range map[[2]string]string{
		{"10/12（周一）60 个校招生集中入职，工位得提前弄好，最好按部门连着坐", "10/12（周一）60 个校招生集中入职"}:                                           "工位得提前弄好",
		{"results of the pricing page A/B test in the board deck, deck locks Tue Sep 29", " deck locks Tue Sep 29"}: "results of the pricing page A/B test in the board deck",
		{"We need the laptops by Thursday 3/12", "We need the laptops by Thursday 3/12"}:                            "",
	} {
		if got := otherAsk(text[0], text[1]); got != want {
			t.Errorf("otherAsk(%q) = %q, want %q", text[0], got, want)
		}
	}
}

// A clause cut by a bracket is read whole, from the clause that asks.
func TestBracketed(t *testing.T) {
	text := "We're launching on Tue 9/22 and I need the full kit (hero, 6 tiles, web banners) by Fri 9/18 so we can load it Monday"
	if got, want := bracketed(text, "by Fri 9/18"), "the full kit (hero, 6 tiles, web banners) by Fri 9/18"; got != want {
		t.Errorf("bracketed = %q, want %q", got, want)
	}
	if got := bracketed("We need the laptops by Thursday 3/12, the kit ships Friday", "by Thursday 3/12"); got != "" {
		t.Errorf("bracketed of a plain clause = %q, want none", got)
	}
}

// A lead item that offers a part first after its own lead time splits its
// work: that part, then the whole.
func TestOwnFirst(t *testing.T) {
	at := time.Date(2026, 7, 6, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "none"}
	ps := ownFirst(newEntry(SideB, "the full audit log takes 4 weeks, a first version with logins only can go live by 7/24", at, cal))
	if len(ps) != 2 || ps[0].Rest || !ps[1].Rest || ps[1].Text != "the full audit log takes 4 weeks" {
		t.Errorf("ownFirst = %+v, want the first version, then the whole", ps)
	}
	if ps := ownFirst(newEntry(SideB, "hero + social tiles can go first, 5 business days from the brief", at, cal)); ps != nil {
		t.Errorf("ownFirst of a lead time that times the first part = %+v, want none", ps)
	}
}

// A lead time that waits for a step its side asks for counts from the
// offer that meets that need: confirmed, the crash logs come Wednesday and
// the fix takes 2 business days from then.
func TestAskedStep(t *testing.T) {
	at := time.Date(2026, 3, 16, 10, 0, 0, 0, time.UTC) // a Monday
	need := Item{Side: SideB, Text: "crash logs from an affected phone, we can't trigger the crash ourselves"}
	offer := Item{Side: SideA, Text: "We can lend you an affected phone on Wednesday 3/18"}
	in := Input{Lang: "en", Calendar: timeread.Calendar{Holidays: "none"},
		A: Party{Name: "Support", Needs: Answer{"We need the crash fixed by Thursday 3/19", at}, Values: Answer{offer.Text, at}},
		B: Party{Name: "Mobile", Needs: Answer{need.Text, at}, Values: Answer{"the fix takes 2 business days once we have crash logs", at}},
	}
	in.Decisions = []Decision{{Need: need, Offer: offer, Yes: true}}
	p := Build(in)
	if len(p.Conflicts) != 1 || civilDay(p.Conflicts[0].MiddleGround) != 20260320 {
		t.Fatalf("conflicts = %+v, want one with middle ground 2026-03-20", p.Conflicts)
	}
}

// A Chinese span counted "从X到…" starts at step X; a time ("从今天起") is
// no step.
func TestZhFromStep(t *testing.T) {
	cases := map[[2]string]string{
		{"供应商从确认设计稿到进场完工要8个工作日", "8个工作日"}: "确认设计稿",
		{"他们从收到定稿到安装完成要6个工作日", "6个工作日"}:   "收到定稿",
		{"从拿到数据开始算3个工作日", "3个工作日"}:        "拿到数据",
		{"从今天起算，排期要3个工作日", "3个工作日"}:       "",
		{"从6/3到6/10大概5个工作日", "5个工作日"}:     "",
		{"安装要6个工作日", "6个工作日"}:             "",
	}
	checkPairs(t, "zhFromStep", zhFromStep, cases)
}

// A need due before an event named beside it may put a few words between
// the event's 前 and its ask; 前端, 前台 and the like are other words.
func TestZhBeforeEvent(t *testing.T) {
	checkEach(t, "refersBack", refersBack, map[string]bool{
		"，灰度前埋点要验收完":  true,
		"，签约前要能用":     true,
		"，上线前文案得定稿":   true,
		"，前端要改两个页面":   false,
		"，前台要多排两个人":   false,
		"，发布会前期要准备物料": false,
	})
}

// A span that is a bar to cross ("超过1个月的") is no lead time; one that
// says how long work takes is.
func TestThreshold(t *testing.T) {
	cases := map[[2]string]bool{
		{"用工期超过1个月的必须签三方协议", "1个月"}: true,
		{"借用超过2周的设备要填固定资产登记", "2周"}: true,
		{"连续加班满3天就要调休", "3天"}:       true,
		{"审批要2周", "2周"}:             false,
		{"排期一般超过两周，急的可以加急", "两周"}:   false,
	}
	checkPairs(t, "threshold", threshold, cases)
}

// A date that describes a thing ("节前离职的老员工") beside another date, or
// a weekday that names a meeting ("our Thursday design crit"), is no due
// date; one before what is asked or delivered, the only date of its item,
// after a limit word, before a deadline or with a part of its day, is. A
// weekday is no span of weeks.
func TestDescribingDates(t *testing.T) {
	checkPairs(t, "describes", describes, map[[2]string]bool{
		{"节前离职的老员工我们有名单，2/24 当天就能到岗", "节前"}: true,
		{"去年签的合同今年要续", "去年"}:                true,
		{"3/5 要交的材料我们今天发", "3/5"}:           false,
		{"合同 3/5 前要审完", "3/5"}:              false,
	})
	at := time.Date(2026, 2, 2, 10, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{"节前离职的老员工能召回 30 人，2/24 当天就能到岗": "2026-02-24", "明天开会的材料要准备好": "2026-02-03",
		// how long a state lasts is no due date; the date a side concludes with is
		"Team leads send the seating list, they'll need a week though since half are at the conference until Wednesday, so realistically next Wednesday 2/11": "2026-02-11",
		"comp calculator spreadsheet reps can play with (ready 2/20)":                                                                                         "2026-02-20"} {
		if e := newEntry(SideB, text, at, timeread.Calendar{Holidays: "cn"}); e.deadline.Date.Format(time.DateOnly) != want {
			t.Errorf("%q: due %v, want %s", text, e.deadline.Date, want)
		}
	}
	checkPairs(t, "notDue", notDue, map[[2]string]bool{
		{"an engineer in our Thursday design crit", "Thursday"}: true,
		{"国庆后第一天 Q3复盘会要用一个看板", "Q3"}:                            true,
		{"Q3前上线新版会员体系", "Q3"}:                                   false,
		{"春节值班排班表节前发给财务", "春节"}:                                 true,
		{"春节前要发到员工卡上", "春节"}:                                    false,
		{"中秋礼盒的堆头要提前一周进店", "中秋"}:                                true,
		{"notes from the Monday standup go to all", "Monday"}:   true,
		{"the Friday deadline is firm", "Friday"}:               false,
		{"send it before our Friday review", "Friday"}:          false,
		{"the deck by Thursday", "Thursday"}:                    false,
		{"in the Friday morning slot", "Friday"}:                false,
	})
	checkEach(t, "isSpan", isSpan, map[string]bool{"周三": false, "星期五": false, "两周": true, "3 周": true})
}

// A weekday right before a date names that date's day; a clause saying
// what is not needed asks nothing, so a span beside it is the offer's own.
func TestWeekdayBeforeADate(t *testing.T) {
	at := time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"triage call lights rewired Tuesday night Oct 13":                 "2026-10-13",
		"Two engineers on the warehouse floor Wednesday and Thursday":     "2026-10-07",
		"the vendor can rent us 4 pumps in 3 business days, no PO needed": "2026-10-08",
	} {
		e := newEntry(SideB, text, at, timeread.Calendar{Holidays: "none"})
		if got := e.deadline.Date.Format(time.DateOnly); !e.hasDeadline || got != want {
			t.Errorf("%q: due %s (%v), want %s", text, got, e.hasDeadline, want)
		}
	}
	if !eventOnly("the conference is on March 24, we need a booth banner", "March 24") {
		t.Error("a date beside what is needed dates an event")
	}
}

// A date after "before" and the subject of an event's clause dates the
// event the need is due ahead of; the need is due then.
func TestBeforeAnEventClause(t *testing.T) {
	checkPairs(t, "eventOnly", eventOnly, map[[2]string]bool{
		{"audit report signed before we open the store on Mon 3/9, the landlord wants it", "on Mon 3/9"}: false,
		{"badges printed before they arrive on Tuesday, security asks for them", "on Tuesday"}:           false,
		{"the conference is on March 24, we need a booth banner", "March 24"}:                            true,
	})
}

// A lead time's clause that points back ("from that point") counts from
// the step named before it in its sentence.
func TestStepPointedBack(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"The auditors come once the ledger is closed, and from that point it's 6 business days to the opinion": "the ledger is closed",
		"样品寄到实验室后，从那天起 10 个工作日出报告":                                                                             "样品寄到实验室后",
		"The auditors need 6 business days for the opinion":                                                    "",
	} {
		e := newEntry(SideB, text, at, timeread.Calendar{Holidays: "none"})
		if got := stepBefore(e.Text, clauseOf(e.Text, e.lead.Phrase)); got != want {
			t.Errorf("stepBefore(%q) = %q, want %q", text, got, want)
		}
	}
}

// A lead time counted from the order waits for the requester's one dated
// offer that says what to order.
func TestOrderWaitsForSpec(t *testing.T) {
	at := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "none"}
	offers := func(texts ...string) []*entry {
		var out []*entry
		for _, s := range texts {
			out = append(out, newEntry(SideA, s, at, cal))
		}
		return out
	}
	if !ordering("after the purchase order") || !ordering("下单后") || ordering("after the kickoff") {
		t.Error("ordering reads an order step only")
	}
	if o := specFor(offers("booth size and carpet colour confirmed by Thursday 5/7", "we bring our own staff")); o == nil {
		t.Error("a dated offer that fixes the size is what an order waits for")
	}
	if o := specFor(offers("booth size confirmed by 5/7", "banner sizes final by 5/8")); o != nil {
		t.Errorf("of two such offers none is taken, got %q", o.Text)
	}
	if o := specFor(offers("booth size confirmed soon")); o != nil {
		t.Error("an undated offer times nothing")
	}
}

// A date in the condition an offer sets dates that condition, not the
// offer, when the offer dates its own work elsewhere; a condition met in
// time leaves the work's span counted from when it was stated.
func TestDateOfACondition(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "none", SprintDays: 14}
	for text, want := range map[string]string{
		"如果周三拿到平面图，整层布线 10 个工作日内完成":                                       "10 个工作日内",
		"if the floor plan is in by Wednesday, we wire the floor by 3/20": "by 3/20",
		"要是周三前拿不到平面图就来不及了":                                                "周三前",
	} {
		if e := newEntry(SideB, text, at, cal); e.deadline.Phrase != want {
			t.Errorf("%q: due %q, want %q", text, e.deadline.Phrase, want)
		}
	}
	c := &collab{cal: cal}
	l := newEntry(SideB, "如果周三拿到平面图，整层布线 10 个工作日内完成", at, cal)
	l.durationLead()
	if !c.limitMet(l, time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)) {
		t.Error("a step in before its condition's date leaves the span counted from the offer")
	}
	if c.limitMet(l, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)) {
		t.Error("a step in after its condition's date moves the start")
	}
}

// A shorter length after a clause that names the kind of input it is for
// ("…的，6 个工作日") is an alternative on that input; said after a
// semicolon, it continues the lead time before it.
func TestLengthForAKind(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "cn"}
	e := newEntry(SideB, "图纸审查从拿到图纸起 10 个工作日，用标准户型不改结构的，6 个工作日", at, cal)
	if n, cond, ok := alternative(e); !ok || n != 6 || cond != "用标准户型不改结构" {
		t.Errorf("alternative = %d %q %v, want 6 on 用标准户型不改结构", n, cond, ok)
	}
	es := entries(SideB, Answer{Text: "图纸审查从拿到图纸起 10 个工作日；用标准户型不改结构的，6 个工作日", At: at}, cal)
	if len(es) != 2 || es[1].sequelOf != es[0] || kindClause(es[1]) != "用标准户型不改结构" {
		t.Errorf("the part after the semicolon gives the review another length: %d items", len(es))
	}
	es = entries(SideB, Answer{Text: "图纸审查 10 个工作日。另有加急通道，6 个工作日", At: at}, cal)
	if len(es) == 2 && es[1].sequelOf != nil {
		t.Error("a new sentence with work of its own is no sequel")
	}
}

// offersOnly reads a collaboration in which each side only offers.
func offersOnly(at time.Time, cal timeread.Calendar, offersA, offersB string) *collab {
	return read(Input{
		A:        Party{Name: "A", Values: Answer{Text: offersA, At: at}},
		B:        Party{Name: "B", Values: Answer{Text: offersB, At: at}},
		Calendar: cal,
	})
}

// A length for a kind of input binds only when the requester offers
// input of that kind.
func TestKindConditionMet(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "cn"}
	for offer, want := range map[string]bool{
		"图纸全部用标准户型，不改结构":   true,
		"图纸下周三给，户型还在和业主商量": false,
	} {
		c := offersOnly(at, cal, offer, "图纸审查从拿到图纸起 10 个工作日；用标准户型不改结构的，6 个工作日")
		if got := c.conditionMet(c.offers[1][1], at); got != want {
			t.Errorf("with %q: condition met %v, want %v", offer, got, want)
		}
	}
}

// A Chinese step ended by 后 before the work and its span is what the
// work waits for; a time or a word that only holds 后 is none.
func TestZhStepIn(t *testing.T) {
	for before, want := range map[string]string{
		"合同签完后开发要":    "合同签完",
		"样衣确认之后大货生产要": "样衣确认",
		"3天后交付要":      "",
		"后台开发要":       "",
		"最后联调要":       "",
	} {
		if got := zhStepIn(before); got != want {
			t.Errorf("zhStepIn(%q) = %q, want %q", before, got, want)
		}
	}
}

// A lead time counted from the work stated just before it being done
// ("刷好后…再要 2 个工作日") starts when that work ends, and the work
// before it is ready only when both are.
func TestStepAfterStep(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	c := read(Input{
		A:        Party{Name: "行政部", Needs: Answer{Text: "新办公室 6/12 前要能入住", At: at}},
		B:        Party{Name: "装修队", Values: Answer{Text: "- 墙面刷漆要 6 个工作日\n- 遮挡家具的罩布我们自带\n- 刷好后通风、保洁再要 2 个工作日", At: at}},
		Calendar: timeread.Calendar{Holidays: "none"},
	})
	paint, clean := c.offers[1][0], c.offers[1][2]
	if c.stepBefore(clean) != paint || c.nextStep(paint) != clean {
		t.Fatal("the cleaning waits for the painting")
	}
	want := time.Date(2026, 6, 11, 0, 0, 0, 0, time.UTC)
	for _, l := range []*entry{paint, clean} {
		if k := c.clashOf(l, 0, nil); civilDay(k.end.Date) != civilDay(want) {
			t.Errorf("%q ends %v, want both steps done %v", l.Text, k.end.Date, want)
		}
	}
	if got := c.clashOf(paint, 0, nil).stepsPhrase(); got != "6 个工作日，之后再要 2 个工作日" {
		t.Errorf("the painting's time reads %q, want both steps", got)
	}
	if c.stepBefore(paint) != nil || c.nextStep(clean) != nil {
		t.Error("the painting waits for nothing stated")
	}
}

// A condition is granted by the requester's offer of what it asks, not by
// one that names the same thing to ask for the opposite.
func TestConditionOpposed(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	for offer, want := range map[string]bool{
		"今年一定要做定制款，这是卖点": true,
		"不做定制也行，现成款就可以":  false,
	} {
		c := offersOnly(at, timeread.Calendar{Holidays: "none"}, offer, "- 生产要 20 个工作日\n- 如果用现成款不做定制，能少 5 个工作日")
		if got := c.declinedCondition(c.offers[1][1]); got != want {
			t.Errorf("with %q: declined %v, want %v", offer, got, want)
		}
	}
}

// A duration said of how things stand now is the complaint behind a
// need, not a time the side's work takes.
func TestNowState(t *testing.T) {
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	checkEach(t, "nowState", func(text string) bool {
		return nowState(newEntry(SideA, text, at, timeread.Calendar{Holidays: "cn"}))
	}, map[string]bool{
		"签证现在要三周才下来，同事出差很被动":                             true,
		"a new laptop currently takes 2 weeks to arrive": true,
		"安全审核要 5 个工作日，材料要一次给齐":                           false,
	})
}

// A lead time that names nothing of a need does not hold up what the lead
// side offers for that need by its date.
func TestInTimeOfferNotHeldUp(t *testing.T) {
	at := time.Date(2026, 4, 27, 10, 0, 0, 0, time.UTC)
	c := read(Input{
		A: Party{Name: "市场部", Needs: Answer{Text: "- 展会要 300 份宣传册样张，5/8 前要\n- 2 万份正式宣传册 5/29 前要到", At: at},
			Values: Answer{Text: "- 文案 4/30 定稿", At: at}},
		B:        Party{Name: "采购部", Values: Answer{Text: "- 印刷厂：定稿后印刷要 25 个工作日\n- 数码快印的样张 300 份，5/6 能给", At: at}},
		Calendar: timeread.Calendar{Holidays: "none"},
	})
	late, _, _ := c.conflicts(c.matches())
	if len(late) != 1 || late[0].need != c.needs[0][1] {
		for _, k := range late {
			t.Errorf("clash %q vs %q", k.need.Text, k.lead.Text)
		}
		t.Error("want only the print run held up by the printing")
	}
}

// An ask reported in the past, often of others, gives the reason for a
// need; it is not the side's request.
func TestAskedIsNoAsk(t *testing.T) {
	checkEach(t, "asks", asks, map[string]bool{
		"the auditors asked for the signed copy": false,
		"we ask for the signed copy by Friday":   true,
		"we need the signed copy":                true,
	})
}

// A span offered on the condition that the side receives its input is how
// long the work takes once the input is in, not a promise of a date.
func TestSpanAwaitingInput(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	cal := timeread.Calendar{Holidays: "none", SprintDays: 14}
	for text, span := range map[string]bool{
		"如果周三前拿到户型图，整套效果图 10 个工作日内出":                                               false,
		"if we get the floor plan by Wednesday, the renders are done in 2 sprints": false,
		"the renders are done in 10 business days":                                 true,
	} {
		e := newEntry(SideB, text, at, cal)
		e.durationLead()
		if !e.hasLead || e.spanLead != span {
			t.Errorf("%q: lead %v, span %v, want span %v", text, e.hasLead, e.spanLead, span)
		}
	}
}

// A time counted back from an event the topic or a goal dates is due that
// long before the event's date.
func TestBeforeADatedEvent(t *testing.T) {
	at := time.Date(2026, 8, 3, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ topic, offer, want string }{
		{"Move the Berlin team into the new office, which opens on Mon 8/31", "Desks are assembled 2 business days before the opening", "2026-08-27"},
		{"会员日活动 8/28（周五）上线", "上线前 3 个工作日冻结配置", "2026-08-25"},
		{"Move the Berlin team into the new office", "Desks are assembled 2 business days before the opening", "0001-01-01"},
		{"Weekly releases from 8/31 on", "Notes 2 business days before each release", "0001-01-01"},
	} {
		c := read(Input{Topic: tc.topic, B: Party{Name: "B", Values: Answer{Text: tc.offer, At: at}}, Calendar: timeread.Calendar{Holidays: "none"}})
		if got := c.eventDay(c.offers[1][0]).Format(time.DateOnly); got != tc.want {
			t.Errorf("%q with %q: due %s, want %s", tc.offer, tc.topic, got, tc.want)
		}
	}
}
