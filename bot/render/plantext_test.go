package render

import (
	"strings"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestPlanLines: the plan gives each side's name, then one line per
// commitment, date first, the item said by its point; what repeats says
// its cadence and first day first; what has no date yet shares one line,
// unless an event it names times it.
func TestPlanLines(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	a, b := mediate.SideA, mediate.SideB
	tests := []struct {
		lang string
		cs   []mediate.Commitment
		want string
	}{
		{"en", []mediate.Commitment{
			{Owner: a, What: "Final venue list, so catering can quote", Due: d(10)},
			{Owner: a, What: "Access cards for the crew from tomorrow", Due: d(9)},
			{Owner: a, What: "every Monday while the pilot runs: a 10 min check-in with ops", Recurring: "every Monday", From: d(16)},
			{Owner: b, What: "Signage for the lobby"},
			{Owner: b, What: "The caterer confirms numbers tomorrow (Wed) and we'll book the tables", Due: d(11)},
			{Owner: b, What: "Badge printer on loan"},
			{Owner: b, What: "a walkthrough for every volunteer before the doors open"},
			{Owner: b, What: "No menu changes after the tasting", Standing: true},
			{Owner: a, What: "early-access build for the crew on Thu 3/12 so they can rehearse", Due: d(12)},
			{Owner: b, What: "we grade every return within 48h", Recurring: "every return within 48h"},
		}, "*Who does what, by when*\n*Events*\n• Mon Mar 9 — Access cards for the crew\n• Tue Mar 10 — Final venue list\n• Thu Mar 12 — early-access build for the crew\n• every Monday from Mar 16 — a 10 min check-in with ops\n" +
			"*Facilities*\n• Wed Mar 11 — book the tables\n• from now on — we grade every return within 48h\n• a walkthrough for every volunteer before the doors open\n• date to agree — Signage for the lobby, Badge printer on loan\n• from now on — No menu changes after the tasting"},
		{"zh", []mediate.Commitment{
			{Owner: a, What: "10/20 预售开始后，每天上午 10 点前发前一天的定金数据", Recurring: "每天", From: d(20)},
			{Owner: a, What: "从 3/16 开始我们每周一把排班表发到群里", Recurring: "每周一", From: d(16)},
			{Owner: b, What: "新供应商免费给 50 套样品，今天下单，三个工作日到货，到了以后先做来料检验和尺寸测量，检验结果当天同步给研发", Due: d(12)},
			{Owner: b, What: "每周三下午开料件评审会", Recurring: "每周三"},
		}, "*谁做什么、何时完成*\n*Events*\n• 3月16日起：我们每周一把排班表发到群里\n• 3月20日起：每天上午 10 点前发前一天的定金数据\n" +
			"*Facilities*\n• 3月12日（周四）前：新供应商免费给 50 套样品，今天下单，三个工作日到货\n• 每周三下午开料件评审会"},
	}
	for _, tt := range tests {
		got := newTestRenderer(t).loc(tt.lang).commitments("proposal.commitments_title", tt.cs, sideNames{"Events", "Facilities"})
		if got != tt.want {
			t.Errorf("commitments(%s) =\n%s\nwant\n%s", tt.lang, got, tt.want)
		}
	}
}

// TestPointCutsAtAClause: an item too long for its line is cut after a
// clause that ends a thought, whole and without "…"; after a list mark
// or at a word, with "…"; never inside a word, between a count and its
// measure word, or on a Chinese word that waits for more. Chinese gets
// half the width.
func TestPointCutsAtAClause(t *testing.T) {
	tests := []struct {
		lang, give string
		max        int
		want       string
	}{
		{"en", "Two badge printers on loan; we also bring the lanyards and the spare ribbons", 50, "Two badge printers on loan"},
		{"en", "Badge printers, lanyards, ribbons and a spare laptop for the desk", 40, "Badge printers, lanyards, ribbons…"},
		{"en", "A venue map with the loading dock and the fire exits marked", 30, "A venue map with the loading…"},
		{"zh", "样品今天下单，三个工作日到，到了先做来料检验", 30, "样品今天下单，三个工作日到"},
		{"zh", "法务审合同、财务审报价、采购审供应商资质", 30, "法务审合同、财务审报价…"},
		{"en", "<!channel> gets the map; the rest follows", 40, "&lt;!channel&gt; gets the map"},
		{"zh", "会议室预订系统（沿用现有系统，加新会议室）、打印机联网", 40, "会议室预订系统…"},
		{"zh", "故障说明报告按今天拿到的日志来写，至少", 80, "故障说明报告按今天拿到的日志来写"},
		{"zh", "从 10/20 开始我们每天早上 9 点前把各仓库存和在途推到群里", 60, "从 10/20 开始我们每天早上…"},
		{"en", "A status page customers can subscribe to", 80, "A status page customers can subscribe to"},
	}
	for _, tt := range tests {
		got := newTestRenderer(t).loc(tt.lang).point(tt.give, tt.max)
		if got != tt.want {
			t.Errorf("point(%s, %q, %d) = %q, want %q", tt.lang, tt.give, tt.max, got, tt.want)
		}
	}
}

// TestWithoutStart: a repeating commitment's lead-in that only says when
// it starts or how often goes, as its line says that first; other text
// stays.
// TestWithoutDayClause: a dated Chinese plan line does not say the day
// again in a short last clause; a clause that says more stays.
func TestWithoutDayClause(t *testing.T) {
	for give, want := range map[string]string{
		"新址租赁合同扫描件和房东盖章的授权书，今天就能给你们":   "新址租赁合同扫描件和房东盖章的授权书",
		"课程介绍文档都是现成的，明天发":              "课程介绍文档都是现成的",
		"样品今天下单，明天到了以后先做来料检验，再安排小批量试产": "样品今天下单，明天到了以后先做来料检验，再安排小批量试产",
		"今天就能给": "今天就能给",
	} {
		checkText(t, "withoutDayClause", withoutDayClause, give, want)
	}
}

// checkText fails t when f(give) is not want.
func checkText(t *testing.T, name string, f func(string) string, give, want string) {
	t.Helper()
	if got := f(give); got != want {
		t.Errorf("%s(%q) = %q, want %q", name, give, got, want)
	}
}

// TestWithoutDayWord: a dated plan line does not say "today" or
// "tomorrow", wherever the day word stands.
func TestWithoutDayWord(t *testing.T) {
	for give, want := range map[string]string{
		"From today, any override goes through the exception queue": "any override goes through the exception queue",
		"Access cards for the crew from tomorrow":                   "Access cards for the crew",
		"Today's numbers": "Today's numbers",
	} {
		checkText(t, "withoutDayWord", withoutDayWord, give, want)
	}
}

func TestWithoutStart(t *testing.T) {
	for _, tt := range []struct{ give, cadence, want string }{
		{"every Friday during the pilot: a 10 min check-in", "every Friday", "a 10 min check-in"},
		{"Starting next week, a daily stock report", "daily", "a daily stock report"},
		{"从下周一开始每天推送库存", "每天", "每天推送库存"},
		{"上线以后，每周一发一次周报", "每周一", "每周一发一次周报"},
		{"每周三下午有评审会，新料可以直接带过来", "每周三", ""},
		{"A weekly digest: top issues", "every week", ""},
		{"每天早上 9:30 的搬迁站会，IT 派一个人来就行", "每天", ""},
		{"every day at 9:30: a stand-up", "every day", "a stand-up"},
	} {
		if got := withoutStart(tt.give, tt.cadence); got != tt.want {
			t.Errorf("withoutStart(%q, %q) = %q, want %q", tt.give, tt.cadence, got, tt.want)
		}
	}
}

// TestQuestionsAreShort: a question names the offer and the need by their
// points, not by the whole answers.
func TestQuestionsAreShort(t *testing.T) {
	need := mediate.Item{Side: mediate.SideA, Text: "We run two kiosks at the fair with temps from an agency. They need card readers that work offline so queues keep moving, last year the wifi died twice"}
	offer := mediate.Item{Side: mediate.SideB, Text: "We can lend 3 offline card readers, already set up, they skip the 2-day setup and come with spare paper rolls"}
	p := proposal("x", 0)
	p.Read[0].Needs, p.Read[1].Offers = []mediate.Item{need}, []mediate.Item{offer}
	p.Candidates = []mediate.Match{{Need: need, Offer: offer}}
	c := collab("en", "Launch")
	got := PlainText(Message{Blocks: newTestRenderer(t).loc("en").candidates(c, p, sideNames{"Sales", "IT"})})
	want := "IT’s “lend 3 offline card readers, already set up” cover your need “card readers that work offline”?"
	if !strings.Contains(got, want) {
		t.Errorf("question =\n%s\nwant it to hold %q", got, want)
	}
}

// TestEachOfferSaidOnce: an offer in a match is not listed again as also
// offered, and the offers read are listed only when shown nowhere else.
func TestEachOfferSaidOnce(t *testing.T) {
	need := mediate.Item{Side: mediate.SideA, Text: "a venue map"}
	matched := mediate.Item{Side: mediate.SideB, Text: "the floor plan with the booths marked"}
	extra := mediate.Item{Side: mediate.SideB, Text: "two spare monitors"}
	unused := mediate.Item{Side: mediate.SideB, Text: "a tour of the server room"}
	p := mediate.Proposal{
		Read:    [2]mediate.Reading{{Needs: []mediate.Item{need}, Offers: []mediate.Item{{Side: mediate.SideA, Text: "snacks"}}}, {Offers: []mediate.Item{matched, extra, unused}}},
		Matches: []mediate.Match{{Need: need, Offer: matched}},
		Balance: mediate.Balance{AlsoB: []mediate.Item{matched, extra}, AlsoA: []mediate.Item{{Side: mediate.SideA, Text: "snacks"}}},
	}
	l := newTestRenderer(t).loc("en")
	names := sideNames{"Sales", "IT"}
	if got := l.value(p, names); strings.Contains(got, "floor plan") || !strings.Contains(got, "IT also offers: two spare monitors") {
		t.Errorf("also offers:\n%s", got)
	}
	read := strings.Join(l.readOffers(p, names), " · ")
	if read != "1 more offer from IT, not used above: ① a tour of the server room" {
		t.Errorf("offers read = %q, want only the one shown nowhere else", read)
	}
	p.Read[1].Offers = p.Read[1].Offers[:2]
	if got := l.readOffers(p, names); len(got) != 0 {
		t.Errorf("offers read = %q, want none when every offer is shown", got)
	}
	no := mediate.Item{Side: mediate.SideB, Text: "we don't do printing"}
	p.Read[1].Offers, p.Read[1].Declines = append(p.Read[1].Offers, no), []mediate.Item{no}
	if read := strings.Join(l.readOffers(p, names), " · "); read != "IT said no to: ① we don't do printing" {
		t.Errorf("offers read = %q, want the refusal said as one, not as an offer", read)
	}
}

// TestOfferCommittedInParts: an offer the plan commits in parts (a start
// and the work it starts) is shown, not listed again as unused.
func TestOfferCommittedInParts(t *testing.T) {
	offer := mediate.Item{Side: mediate.SideB, Text: "The build takes 10 business days, and we can raise the PO today"}
	p := mediate.Proposal{
		Read: [2]mediate.Reading{{}, {Offers: []mediate.Item{offer}}},
		Commitments: []mediate.Commitment{
			{Owner: mediate.SideB, What: "and we can raise the PO today"},
			{Owner: mediate.SideB, What: "The build takes 10 business days"},
		},
	}
	for _, r := range newTestRenderer(t).loc("en").readOffers(p, sideNames{"Sales", "IT"}) {
		if strings.Contains(r, "not used above") {
			t.Errorf("offers read = %q, want the offer shown in the plan", r)
		}
	}
}

// A date's "at the latest" goes with the date to the front of its line.
func TestWithoutHedge(t *testing.T) {
	for give, want := range map[string]string{
		"send the list at the latest":   "send the list",
		"at the latest, the final list": "the final list",
		"最晚给到名单":                        "给到名单",
		"at the latest":                 "at the latest",
		"the latest build":              "the latest build",
	} {
		if got := withoutHedge(give); got != want {
			t.Errorf("withoutHedge(%q) = %q, want %q", give, got, want)
		}
	}
}

// A recurrence that starts with an event its text names is said as
// written, with no start date and no "from now on".
func TestRecurrenceAfterEventLine(t *testing.T) {
	r := newTestRenderer(t)
	for lang, what := range map[string]string{"zh": "上线后头两周每天发一次数据日报", "en": "weekly usage report after launch"} {
		cm := mediate.Commitment{Owner: mediate.SideB, What: what, Recurring: map[string]string{"zh": "每天", "en": "weekly"}[lang]}
		got := r.loc(lang).when(cm, planItem, "proposal.plan_")
		if !strings.Contains(got, what) || strings.Contains(got, "即日起") || strings.Contains(got, "from now on") {
			t.Errorf("%s plan line %q, want %q as written", lang, got, what)
		}
	}
}

// TestNoOrphanClause: dropping a date never leaves a one-character clause.
func TestNoOrphanClause(t *testing.T) {
	for give, want := range map[string]string{
		"新供应商免费给 50 套样品， 到": "新供应商免费给 50 套样品",
		"样品今天下单，三个工作日到":     "样品今天下单，三个工作日到",
		"Send the list, A":  "Send the list, A",
	} {
		if got := withoutOrphan(give); got != want {
			t.Errorf("withoutOrphan(%q) = %q, want %q", give, got, want)
		}
	}
}
