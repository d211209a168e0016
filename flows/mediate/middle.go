package mediate

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The middle ground is built from what the sides offered, as a mediator
// would: the date the binding lead time allows, the offers that shorten
// the wait or that the work waits for, the requester's own step with its
// date, and, when even that date falls after the deadline, what was
// offered that can be had by the deadline itself (a first phase, a
// preview, a first pass).

// middle returns the Conflict of clash k.
func (c *collab) middle(k clash, ms []pairing) Conflict {
	cf := Conflict{
		Need: k.need.Item, Work: c.work(k), Deadline: k.need.deadline.Date, HalfDay: k.need.deadline.HalfDay,
		Lead: k.lead.Item, LeadDays: k.end.Days, MiddleGround: k.end.Date,
		LeadPhrase: k.stepsPhrase(), WorkingDays: k.end.WorkingDays,
		LeadParty:     c.leadParty(k.lead),
		AfterDeadline: civilDay(k.end.Date) > civilDay(k.need.deadline.Date),
		Helps:         c.helpers(k, ms),
		Shortening:    k.cut,
		Phases:        k.phases,
	}
	inPhases := func(it Item) bool { return slices.ContainsFunc(cf.Phases, func(p Phase) bool { return p.From == it }) }
	cf.Helps = slices.DeleteFunc(c.speedUps(k, cf.Helps, ms), inPhases) // a split is no speed-up
	if civilDay(k.std) > civilDay(k.end.Date) {
		cf.Standard = k.std
	}
	for _, o := range c.cuts(k) {
		cf.Cuts = append(cf.Cuts, o.Item)
	}
	cf.ByDeadline = slices.DeleteFunc(c.byDeadline(k), func(it Item) bool {
		return k.cut != nil && it == k.cut.By || inPhases(it) || k.lead.from != nil && it == k.lead.from.Item
	}) // said already, as the speed-up or the split; or the step that starts the wait
	cf.Event, cf.EventDate = c.event(k.need)
	if k.prereq != nil {
		cf.Prerequisite = &Commitment{Owner: k.prereq.Side, What: k.prereq.Text, Due: k.prereqDue, HalfDay: k.prereq.deadline.HalfDay}
	}
	return cf
}

// work is what clash k's need asks to be delivered, said so that it
// follows "wants … by …": the clause with the date, without it; or, when
// that clause says too little to stand alone ("周三前", "要上线", "they
// sign"), the need's first clause without its dates; without the lead-in
// ("the main thing we need is", "最要紧的是") or a 要 that the sentence
// says already.
func (c *collab) work(k clash) string {
	w := c.delivered(k.need, k.lead.Side)
	if other := otherAsk(k.need.Text, clauseOf(k.need.Text, k.need.deadline.Phrase)); other != "" {
		w = c.undated(other, k.need.at)
	} else if whole := bracketed(k.need.Text, k.need.deadline.Phrase); whole != "" {
		w = c.undated(whole, k.need.at)
	}
	if weakWork(w) || len(c.cal.Deadlines(w, k.need.at)) > 0 {
		w = c.undated(leadClause(k.need.Text), k.need.at)
	}
	for _, in := range []string{" need is ", "的是"} { // "the main thing we need is", "最要紧的是"
		if i := strings.Index(lower(prefix(w, 60)), in); i >= 0 && len(w) > i+len(in) {
			w = w[i+len(in):]
		}
	}
	return withoutAsk(trimOpeners(w, []string{"要", "需要"}))
}

// otherAsk returns, when the clause dated holds no ask and dates an event
// ("deck locks Tue Sep 29", "10/12（周一）60 个校招生集中入职"), the clause
// of text that asks ("工位得提前弄好"), else the first clause when the
// dated one is not it; "" when the dated clause is the work.
func otherAsk(text, dated string) string {
	if asks(dated) {
		return ""
	}
	parts := outsideBrackets(text)
	if len(parts) < 2 || !slices.Contains(parts, dated) {
		return "" // the dated clause sits inside brackets: a list, not a clause
	}
	for _, p := range parts {
		if p != dated && asks(p) {
			return strings.TrimSpace(p)
		}
	}
	if len(parts) > 1 && strings.TrimSpace(parts[0]) != strings.TrimSpace(dated) {
		return strings.TrimSpace(parts[0])
	}
	return ""
}

// outsideBrackets splits text at clause marks that stand outside
// brackets: "the kit (hero, 6 tiles, banners) by Fri 9/18" is one clause.
func outsideBrackets(text string) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range text {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0 && isClauseMark(r):
			parts = append(parts, text[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, text[start:])
}

// bracketed returns the clause holding phrase, read past the clause
// marks inside brackets, when a bracket cuts its plain clause ("the kit
// (hero, 6 tiles, banners) by Fri 9/18"), without a reason that follows;
// "" otherwise.
func bracketed(text, phrase string) string {
	i := strings.Index(text, phrase)
	if i < 0 || phrase == "" {
		return ""
	}
	if start := markedStart(text, i); outOfAside(text, start, i) == start {
		return "" // no mark inside an aside cuts the clause
	}
	for _, p := range outsideBrackets(text) {
		if strings.Contains(p, phrase) {
			if i := reasonInside(p); i > strings.Index(p, phrase) {
				p = p[:i]
			}
			at := strings.Index(p, phrase)
			if j := strings.LastIndex(p[:max(at, 0)], " and "); j >= 0 && asks(p[j:at]) {
				p = p[j+len(" and "):] // "We're launching … and I need the kit (…)": the clause that asks
			}
			return withoutLatest(strings.TrimSpace(withoutAsk(strings.TrimSpace(trimOpeners(strings.TrimSpace(p), connectives)))))
		}
	}
	return ""
}

// weakWork reports whether w cannot name work on its own: a few Chinese
// characters, or a clause whose subject is a person, not a thing.
func weakWork(w string) bool {
	low := lower(strings.TrimSpace(w))
	if isHan(firstRune(low)) && utf8.RuneCountInString(low) < 5 || utf8.RuneCountInString(low) < 3 {
		return true
	}
	return slices.ContainsFunc([]string{"they ", "we ", "he ", "she ", "it ", "对方", "他们", "我们"}, func(p string) bool { return strings.HasPrefix(low, p) })
}

// leadClause is text up to its first clause or sentence mark.
func leadClause(text string) string {
	if i := strings.IndexFunc(text, func(r rune) bool { return isClauseMark(r) || strings.ContainsRune("。！？!?", r) }); i > 0 {
		return text[:i]
	}
	return text
}

// undated is text without the dates it names.
func (c *collab) undated(text string, at time.Time) string {
	for _, d := range c.cal.Deadlines(text, at) {
		text = withoutPhrase(text, d.Phrase)
	}
	return strings.TrimSpace(text)
}

// planned applies to each clash the offers that shorten its lead time by
// a stated amount and the parts its work was split into: the whole is
// done when the requester's last part has had its lead time.
func (c *collab) planned(ks []clash, ms []pairing) []clash {
	for i, k := range ks {
		cut, f := c.shortening(k, c.helpers(k, ms))
		if cut != nil && cut.Used && civilDay(f.Date) < civilDay(k.end.Date) {
			k.end.Date, k.end.Days, k.end.WorkingDays = f.Date, f.Days, f.WorkingDays
		}
		k.cut, k.phases = cut, c.phases(k, ms, cut)
		if last := lastDue(k.phases, k.need.Side); civilDay(last) > civilDay(k.end.Date) {
			k.end.Date, k.end.Days = last, int(last.Sub(dayOf(k.lead.at)).Hours()/24+0.5)
		}
		_, event := c.event(k.need)
		for j, p := range k.phases {
			if p.Due.IsZero() && p.From.Side == k.lead.Side && !(p.Rest && !event.IsZero() && afterEvent(p.Text)) {
				k.phases[j].Due = k.end.Date // a part that names no date is ready when all of it is
			}
		}
		ks[i] = k
	}
	return ks
}

// afterWords say that a part comes after something: "the rest of the
// fleet after the sale", "节后第一个版本".
var afterWords = []string{"after", "后"}

// afterEvent reports whether a part says it comes after something: when
// the need names the event its deadline serves, that part is put off past
// the event, so the date all of the work is ready is not its date.
func afterEvent(part string) bool { return hasWord(part, afterWords) }

// lastDue is the date of the last dated part of the requester's input,
// zero when the requester split nothing.
func lastDue(ps []Phase, requester Side) time.Time {
	var last time.Time
	for _, p := range ps {
		if p.From.Side == requester && p.Due.After(last) {
			last = p.Due
		}
	}
	return last
}

// helpers lists the offers that bear on clash k, in the order typed:
// those matched to the clashing need or to the need that states the lead
// time ("样品至少要 30 套"), the prerequisite, and those that help the lead
// time's work (see helps).
func (c *collab) helpers(k clash, ms []pairing) []Item {
	use := map[*entry]bool{}
	if k.prereq != nil {
		use[k.prereq] = true
	}
	for _, m := range ms {
		if m.offer != k.lead && (m.need == k.need || m.need == k.lead || c.helps(k, m)) && !c.slowerPath(m.offer, k) {
			use[m.offer] = true
		}
	}
	if o, _, ok := c.fastTrack(k); ok {
		use[o] = true // "15 个工作日能压到 10 个"
	}
	for _, o := range c.offers[sideIndex(k.lead.Side)] {
		if o != k.lead && o.savesTime() && (c.related(o, k.lead) || c.follows(o, k.lead)) && !c.declinedCondition(o) {
			use[o] = true // "走班车不用单独订车，能省 2 个工作日"
		}
	}
	var out []Item
	for i := range sides {
		for _, o := range c.offers[i] {
			if use[o] {
				out = append(out, o.Item)
			}
		}
	}
	return out
}

// slowerPath reports whether offer o states a lead time of its own that
// ends later than clash k's ("合同审核标准周期 5 个工作日" beside the
// template's 2): it is another path to the same work, not a help.
func (c *collab) slowerPath(o *entry, k clash) bool {
	if !o.hasLead || o.spanLead || inReason(o.Text, o.lead.Phrase) {
		return false
	}
	f, ok := c.leadFrom(o, k.start())
	return ok && civilDay(f.Date) > civilDay(k.end.Date)
}

// speedWords offer a faster path without saying by how much: "fast-track
// approval", "律所有加急通道".
var speedWords = []string{"加急", "提速", "绿色通道", "开绿灯", "快速通道", "fast-track", "fast track", "expedite", "express", "rush order", "rush service", "rush job", "rush option", "priority queue",
	"rush is ", "rush takes ", "rush turnaround"}

// savesTime is savesTime of e's text, read once: each clash asks it of
// the offers again.
func (e *entry) savesTime() bool {
	if e.saves == 0 {
		e.saves = 2
		if savesTime(e.Text) {
			e.saves = 1
		}
	}
	return e.saves == 1
}

// savesTime reports whether text offers to save time: a word of saving
// or speed that no negation right before denies ("so managers can't skip
// it anymore" saves nothing).
func savesTime(text string) bool {
	low := lower(text)
	has := func(w string) bool {
		for rest := low; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				return false
			}
			if !negatedBefore(rest[:i]) {
				return true
			}
			rest = rest[i+len(w):]
		}
	}
	return slices.ContainsFunc(savedWords, has) || slices.ContainsFunc(speedWords, has)
}

// denials negate the verb right after them.
var denials = []string{"can't", "can’t", "cannot", "won't", "don't", "doesn't", "not", "never", "不能", "不会", "不要", "别", "没法", "无法", "不进", "不发", "不再"}

// negatedBefore reports whether before, the lower-case text before a
// verb, ends in a denial, a word of its own at most between them ("can't
// really skip").
func negatedBefore(before string) bool {
	words := strings.Fields(before)
	for i := len(words) - 1; i >= max(0, len(words)-2); i-- {
		if slices.Contains(denials, words[i]) {
			return true
		}
	}
	return slices.ContainsFunc(denials, func(w string) bool { return isHanWord(w) && strings.HasSuffix(strings.TrimRight(before, " "), w) })
}

// byDeadline lists the offers of the lead side about the clashing work
// (they share terms with the need or the lead time, or split the work)
// that can be had by the need's deadline even though the whole cannot:
// one dated by then, one whose own lead time ends by then ("a first-pass
// review within 3 business days"), counted from when the work can start,
// or a first part that names no date ("a preview build"), which the
// deadline then dates.
func (c *collab) byDeadline(k clash) []Item {
	var out []Item
	for _, o := range c.offers[sideIndex(k.lead.Side)] {
		if o == k.lead || o.refusal {
			continue
		}
		if _, recurs := c.recurrence(o); recurs {
			continue // a report from that day on is no part of the work
		}
		ready, ok := c.readyBy(o, k)
		if !ok || !ready.IsZero() && civilDay(ready) > civilDay(k.need.deadline.Date) {
			continue
		}
		if c.aboutCore(o, k.need) || c.sharesStrong(o.keys, c.ownWorkKeys(k.lead)) || isPhase(o.Text) {
			out = append(out, o.Item) // not through the requester's step the lead waits for ("if you send the paperwork")
		}
	}
	for _, b := range c.timeBuyers(k) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// ownWorkKeys are the keys of lead item l's work without the step it
// waits for: "拿到客户 IdP metadata 后开发+测试" is work on SSO, not on
// whatever else names the customer.
func (c *collab) ownWorkKeys(l *entry) []string {
	if work := c.withoutStep(l); work != nil {
		return intersect(c.workKeys(l), work)
	}
	return c.workKeys(l)
}

// sharesNamed reports whether keys a and b share a strong term other than
// a bare pair of Chinese characters no concept names: "开通" in "VPN 给全员
// 临时开通" and "专线…到开通" is a verb, not the same work.
func (c *collab) sharesNamed(a, b []string) bool {
	return slices.ContainsFunc(intersect(a, b), func(k string) bool {
		return !c.ws.weak[k] && !(isHanWord(k) && lexicon[k].concepts == nil)
	})
}

// readyBy returns when offer o of clash k's lead side is ready: the date
// it names, or the end of its own lead time counted from when the work
// can start; zero for a first part that names neither (see byDeadline);
// false when o says nothing of when, or counts from an event.
func (c *collab) readyBy(o *entry, k clash) (time.Time, bool) {
	switch {
	case o.hasDeadline && o.spanLead && civilDay(k.start()) > civilDay(o.at): // "in 3 business days", from when the work can start
		if f, ok := c.cal.Deadline(o.deadline.Phrase, k.start()); ok {
			return f.Date, ownDate(o)
		}
		return o.deadline.Date, ownDate(o)
	case o.hasDeadline:
		return o.deadline.Date, ownDate(o)
	case o.hasLead && !countsFromEvent(o) && !inReason(o.Text, o.lead.Phrase):
		f, ok := c.cal.Lead(o.lead.Phrase, k.start())
		return f.Date, ok && isPhase(o.Text)
	}
	return time.Time{}, isPhase(o.Text)
}

// aboutCore reports whether offer o is about what need n asks for: it
// shares a key of n's core ("pumps"), not only a word of its setting (the
// ice machine "from the closed 3 West unit" is not about pumps "on the
// unit"). A need without a core is related by any meaningful word.
func (c *collab) aboutCore(o, n *entry) bool {
	if len(n.core) == 0 {
		return c.related(o, n)
	}
	return slices.ContainsFunc(intersect(o.keys, sorted(n.core)), func(k string) bool { return !c.ws.weak[k] }) // keys are sorted
}

// buyWords offer to buy time rather than deliver: a short contract, an
// interim arrangement, an extension, a rental or loan, something given
// first to catch the date ("老供应商那边可以谈 3 个月的短约", "we can extend
// the current licence by a month", "为了赶投放，可以先给一个日报").
var buyWords = []string{"短约", "短期合同", "短期协议", "临时", "过渡", "延期", "宽限", "续一个月", "先签",
	"为了赶", "先顶", "顶着", "应急", "租用", "借用",
	"short-term", "short term", "interim", "temporary", "stopgap", "stop-gap", "bridge", "extension", "extend",
	"month-to-month", "grace period", "in the meantime", "until then", "rent us", "rent you", "rental", "loaner"}

// timeBuyers lists the offers of either side, other than the lead time
// itself, that buy time for clash k's deadline: what the requester can
// decide by then instead of the whole. An offer dated after the deadline
// buys nothing.
func (c *collab) timeBuyers(k clash) []Item {
	var out []Item
	for i := range sides {
		for _, o := range c.offers[i] {
			if o == k.lead || o.refusal || !o.buysTime() {
				continue
			}
			if !c.related(o, k.need) && !c.sharesNamed(o.keys, c.workKeys(k.lead)) {
				continue // "五一期间 VPN 给全员临时开通" buys no time for the office network
			}
			if !o.hasDeadline || !ownDate(o) || civilDay(o.deadline.Date) <= civilDay(k.need.deadline.Date) {
				out = append(out, o.Item)
			}
		}
	}
	return out
}

// phaseWords say that work is split so that a part comes first.
var phaseWords = []string{"phase", "first part", "first batch", "preview", "first pass", "first-pass", "first cut", "partial",
	"split", "pilot", "mvp", "interim", "preliminary", "sneak peek", "demo build", "beta build",
	"分期", "分两期", "一期", "第一期", "首期", "第一批", "首批", "分批", "先上", "先给", "先交", "预览", "初稿", "先做",
	"初审", "预审", "初步", "阶段结论", "阶段性", "中间数据", "体验版", "先出一版", "先看一版", "先过一遍"}

func isPhase(text string) bool {
	low := lower(text)
	return slices.ContainsFunc(phaseWords, func(w string) bool {
		for rest := low; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				return false
			}
			rest = rest[i+len(w):]
			if !strings.HasSuffix(w, "期") || !strings.HasPrefix(rest, "间") {
				return true // "五一期间" is during the holiday, not phase one
			}
		}
	})
}

// partyWords name a third party whose time a side quotes: "Mold supplier
// quotes 6 weeks", "背调公司出报告要5个工作日".
var (
	partyWords   = []string{"supplier", "vendor", "agency", "counsel", "contractor", "bank", "carrier", "partner", "manufacturer", "factory", "landlord", "auditor", "registrar"}
	zhPartyEnds  = []string{"公司", "机构", "供应商", "厂商", "服务商", "代理", "工厂", "品牌方", "甲方", "房东", "银行", "律所", "事务所"}
	backPronouns = []string{"they ", "their ", "他们", "对方"}
	// partyVerbs follow a party that states a time: "the bank needs 3 days".
	partyVerbs = []string{"quotes", "quote", "takes", "take", "needs", "need", "requires", "require", "says", "say",
		"will", "can", "must", "is", "are", "has", "have", "charges", "ships", "delivers", "confirms", "usually", "typically", "only", "cuts", "cut"}
)

// leadParty returns the third party that lead item l quotes, as written,
// or "": a party word in l, or a pronoun in l that points back to the
// party of the item before it in the same answer.
func (c *collab) leadParty(l *entry) string {
	if p := partyIn(l.Text); p != "" {
		return p
	}
	low := l.lowText()
	if !says(low, backPronouns) {
		return ""
	}
	list := c.offers[sideIndex(l.Side)]
	if !c.isOffer(l) {
		list = c.needs[sideIndex(l.Side)]
	}
	if i := slices.Index(list, l); i > 0 {
		return partyIn(list[i-1].Text)
	}
	return ""
}

// partyIn returns the phrase of text that names a third party, or "".
func partyIn(text string) string {
	for _, end := range zhPartyEnds {
		if i := strings.Index(text, end); i >= 0 {
			start, n := i, 0
			for start > 0 && n < 2 { // "背调公司", "代理机构": at most two characters name it
				r := lastRune(text[:start])
				if !unicode.Is(unicode.Han, r) || strings.ContainsRune("的是要和与得有个这那在从给向对托", r) {
					break
				}
				start -= len(string(r))
				n++
			}
			return text[start : i+len(end)]
		}
	}
	words := strings.Fields(text)
	for i, w := range words[:min(len(words)-1, 3)] { // the party is the subject: "Mold supplier quotes 6 weeks"
		bare := lower(strings.Trim(w, ",.;:()"))
		next := lower(words[i+1])
		if slices.ContainsFunc(partyWords, func(p string) bool { return bare == p || bare == p+"s" }) && slices.Contains(partyVerbs, next) {
			start := i
			for start > 0 && !isFunctionWord(words[start-1]) && len(words[start-1]) > 0 && !strings.ContainsAny(words[start-1], ",.;:") {
				start--
			}
			return strings.Trim(strings.Join(words[start:i+1], " "), ",.;:()")
		}
	}
	return ""
}

func isFunctionWord(w string) bool {
	switch lower(w) {
	case "the", "a", "an", "our", "your", "their", "its", "if", "we", "and", "or", "to", "from", "with", "by", "for", "of", "pay":
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
