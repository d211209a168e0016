package mediate

import (
	"slices"
	"strings"

	"github.com/collabbot/collabbot/flows/timeread"
)

// Offers compete for needs. A need paired with an offer on one word,
// while another offer of the same side shares far more with it, was
// paired by a coincidence of wording: "数据处理协议安全条款的模板" and
// "供应商问卷模板" share 模板, but the DPA's security annex template is
// the one asked for. The thin pair goes; the need keeps the offer it
// shares the most with, as a match or as a question (see candidates).

// outweighs is how much more a rival offer must share with a need, by
// weight, for a one-word pair to lose to it.
const outweighs = 1.5

// support is the weight of the strong keys n and o share.
func (c *collab) support(n, o *entry) float64 {
	w := 0.0
	for _, k := range n.keys {
		if c.holdsStrong(o, k) {
			w += c.ws.w[k]
		}
	}
	return w
}

// outranked drops from ms each pair held by one word of the need when an
// offer of the same side shares outweighs times as much with that need.
// An abbreviation both name as a head is no coincidence (see abbrev.go).
func (c *collab) outranked(ms []pairing, offers [2][]*entry) []pairing {
	return slices.DeleteFunc(ms, func(m pairing) bool {
		if !c.oneWordShared(m.need, m.offer) {
			return false
		}
		if _, named := sharedAbbrev(m.need, m.offer); named {
			return false
		}
		own := c.support(m.need, m.offer)
		side := sideIndex(m.offer.Side)
		return slices.ContainsFunc(offers[side], func(o *entry) bool {
			return o != m.offer && !o.refusal && c.support(m.need, o) >= outweighs*own
		})
	})
}

// headOnlyElsewhere drops from ms each pair in which the offer shares
// only its head with the need, when the same offer meets another need by
// what it says of that head, and another offer meets this need too: "看板
// T+1 自动刷新" is about the refresh a need for daily data asks, while
// "看板开发 6 个工作日" builds the dashboard the review meeting asks for.
func headOnlyElsewhere(ms []pairing) []pairing {
	headOnly := func(m pairing) bool {
		return len(m.offer.head) > 0 && !slices.ContainsFunc(m.shared, func(k string) bool { return k[0] == '#' && !slices.Contains(m.offer.head, k) })
	}
	// for its head only, when it is for another need by what it says
	misplaced := func(m pairing) bool {
		return headOnly(m) && slices.ContainsFunc(ms, func(o pairing) bool { return o.offer == m.offer && o.need != m.need && !headOnly(o) })
	}
	return slices.DeleteFunc(slices.Clone(ms), func(m pairing) bool {
		return misplaced(m) && slices.ContainsFunc(ms, func(o pairing) bool { return o.need == m.need && o.offer != m.offer && !misplaced(o) })
	})
}

// oneWordShared is oneTerm of the strong keys n and o share, read
// without collecting them: it runs for every pair found.
func (c *collab) oneWordShared(n, o *entry) bool {
	return oneTermOf(n, func(k string) bool { return c.holdsStrong(o, k) })
}

// holdsStrong reports whether k is a key of e and neither generic nor a
// number.
func (c *collab) holdsStrong(e *entry, k string) bool {
	_, in := slices.BinarySearch(e.keys, k)
	return in && !c.ws.weak[k]
}

// slotOnly reports whether need asks for a job done once by a date and
// offer gives a recurring slot for it, booked ahead ("每月第二周集中做安全
// 评估，提前一周报名", or an item that continues one): whether the next
// slot makes the date, and whether the need fits it, is for the needing
// side to say. A recurring delivery ("每月5号前把上月对账单发给财务")
// books nothing and may meet it.
func (c *collab) slotOnly(n, o *entry) bool {
	if !n.hasDeadline || !advance(o) && (o.from == nil || !advance(o.from)) {
		return false // the cheap tests first: it runs for every pair found
	}
	if _, recurs := c.recurrence(n); recurs {
		return false // "weekly numbers by Friday" asks for a cadence too
	}
	_, recurs := c.slot(o)
	return recurs
}

// slot returns the recurrence of o, or of the item o continues.
func (c *collab) slot(o *entry) (timeread.Recurrence, bool) {
	if r, ok := c.recurrence(o); ok {
		return r, true
	}
	if o.from != nil {
		if r, ok := c.recurrence(o.from); ok {
			return r, true
		}
	}
	return timeread.Recurrence{}, false
}

// slotMissed reports whether the slot o offers cannot make n's deadline:
// booking it ahead alone passes the date, or the next slot of a weekly
// or daily cadence comes after it. No question to ask: the need stays
// open. A monthly cadence is read without its week ("每月第二周"), so
// only its booking is checked.
func (c *collab) slotMissed(n, o *entry) bool {
	r, ok := c.slot(o)
	if !ok || !n.hasDeadline {
		return false
	}
	booked := o
	if !advance(o) && o.from != nil {
		booked = o.from
	}
	if advance(booked) && booked.lead.Date.After(n.deadline.Date) {
		return true
	}
	exact := r.Every == timeread.Daily || r.Every == timeread.Weekly
	return exact && r.First.After(n.deadline.Date)
}

// headsCross reports whether the one word n and o share is n's head and
// only qualifies another word in o: "机房要有独立空调" and "有一间带空调的
// 小库房". The other way round, o may still hold what n asks about: the
// warehouse's hours for "仓库破损件每天发一个清单" are worth asking about.
func headsCross(n, o *entry, strong []string) bool {
	if !holdsAnyKey(needHead(n), strong) || !oneSpan(n, strong) || !qualifiesOnly(o, strong) {
		return false
	}
	if holdsAnyKey(needHead(o), containers) || slices.ContainsFunc(strong, func(k string) bool { return fillsContainer(o, k) }) {
		return false // a container holds what it qualifies
	}
	return !recordsOf(n, strong) && !recordsOf(o, strong) // "候选人进度表" records where the candidates are
}

// evidenced reports whether a pair shows the reader at least one shared
// term: a pair with nothing to show rests on words the need took from the
// item before it, or on none.
func (c *collab) evidenced(m pairing) bool {
	allWeak := !slices.ContainsFunc(m.shared, func(k string) bool { return !c.ws.weak[k] })
	shown := func(k string) bool { // as displayTerms reads it (see strongest)
		_, ok := firstTerm(m.need.terms, k)
		return (allWeak || !c.ws.weak[k]) && ok && !isNumber(k)
	}
	return m.confirmed || slices.ContainsFunc(m.shared, shown)
}

// recordSuffixes end a Chinese noun that records the thing named before
// it: a table, a list, a register.
const recordSuffixes = "表单册"

// recordsOf reports whether a use of keys in e qualifies a noun that
// records it: "候选人进度表", "供应商名单".
func recordsOf(e *entry, keys []string) bool {
	return slices.ContainsFunc(e.terms, func(t term) bool { return slices.Contains(keys, t.key) && recordRun(e, t) != "" })
}

// recordRun returns the run of Chinese characters after term t of e, from
// 的 on, when it ends in a record ("功能清单", "对比表"), else "".
func recordRun(e *entry, t term) string {
	run := []rune(strings.TrimPrefix(e.Text[t.end:], "的"))
	n := 0 // "功能清单" goes on through 能, "对比表" starts with 对
	for n < len(run) && n < 6 && isHan(run[n]) && !strings.ContainsRune(recordStops, run[n]) {
		n++
	}
	if n > 0 && strings.ContainsRune(recordSuffixes, run[n-1]) {
		return string(run[:n])
	}
	return ""
}

// topicOf returns the concepts of the first clause of a need written as
// several, light words left out: the topic is a thing, "报价用的功能清单：
// 哪些功能是标准的" asks of a quote's feature list, not of any feature.
func topicOf(n *entry) []string {
	if len(n.parts) < 2 {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(n.parts[0].keys), func(k string) bool { return slices.Contains(lightHeads, k) })
}

// whichWords ask which of a set: the set is named before them.
var whichWords = []string{"哪些", "哪个", "哪几", "哪一", "which ", "what "}

// offTopic reports whether clause i of n, a later one asking which of the
// things the first clause names or dropping the object the first clause
// names (see objectDropped), is met by o, which names none of the first
// clause's topic: "哪些要定制" asks which features of the quote list are
// custom, which "SSO是标准功能，不用定制" does not say.
func offTopic(n *entry, i int, o *entry) bool {
	if i == 0 || !(says(lower(n.parts[i].Text), whichWords) && !namedQuestion(n.parts[i]) || objectDropped(n.parts[i].Text)) {
		return false
	}
	topic := topicOf(n)
	return len(topic) > 0 && !holdsAny(o, topic)
}

// droppedObjectVerbs end a Chinese clause whose object is the thing the
// clause before names: "老板 6/22 review 要看" is who looks at the dashboard
// asked for, and when; what it shares with an offer is not the dashboard.
var droppedObjectVerbs = []string{"要看", "要用", "要听", "要过目", "要审", "要签", "会看", "来看"}

// objectDropped reports whether clause ends on a verb of droppedObjectVerbs.
func objectDropped(clause string) bool {
	c := strings.TrimRightFunc(clause, func(r rune) bool { return isPad(r) || strings.ContainsRune("，,。.！!？?；;", r) })
	return slices.ContainsFunc(droppedObjectVerbs, func(v string) bool { return strings.HasSuffix(c, v) })
}

// namedQuestion reports whether clause p's question of which is itself a
// concept ("哪些词能用" asks for the list of banned words): it names its
// own topic, not one of the clause before.
func namedQuestion(p *entry) bool {
	return slices.ContainsFunc(p.terms, func(t term) bool {
		return t.key[0] == '#' && slices.ContainsFunc(whichWords, func(w string) bool { return strings.HasPrefix(lower(prefix(p.Text[t.start:], 12)), w) })
	})
}

// oneSpan reports whether the terms of e with keys run on as one stretch
// of text: "独立空调" is one thing named by two words.
func oneSpan(e *entry, keys []string) bool {
	start, end := -1, -1
	for _, t := range e.terms {
		if !slices.Contains(keys, t.key) {
			continue
		}
		if start >= 0 && t.start > end {
			return false
		}
		start, end = max(start, t.start), max(end, t.end)
	}
	return start >= 0
}

// placeEnds end a Chinese noun for a place or a thing that holds others:
// "小库房", "会议室", "仓库".
const placeEnds = "房室间库柜厅馆楼层舱"

// hasMarks say that the place before them has the thing after them.
var hasMarks = []string{"带", "有", "配有", "自带", "装有", "配"}

// placeHolds reports whether o, Chinese, names the words it shares with n
// only as what a place n does not name has: "库房有空调" and "有间小库房带
// 空调" offer a storeroom, not the air conditioning "机房要有独立空调"
// asks for. Such a pair is asked about, not matched.
func placeHolds(n, o *entry, strong []string) bool {
	if !hasHan(o.Text) || len(strong) == 0 {
		return false
	}
	t, ok := firstTerm(o.terms, strong[0])
	if !ok || !oneSpan(o, strong) {
		return false
	}
	before := strings.TrimRight(o.Text[:t.start], "（(")
	for _, m := range hasMarks {
		if !strings.HasSuffix(before, m) {
			continue
		}
		place := []rune(strings.TrimRight(strings.TrimSuffix(before, m), "（( "))
		if len(place) == 0 || !strings.ContainsRune(placeEnds, place[len(place)-1]) {
			return false
		}
		last := string(place[max(0, len(place)-2):])
		return !strings.Contains(n.Text, last)
	}
	return false
}

// equipMarks say that the thing before them comes with what follows:
// "每个工位都配升降桌", "会议室配有投影".
var equipMarks = []string{"都配有", "都配备", "都配", "均配有", "均配", "配有", "配备"}

// equippedOnly reports whether o, Chinese, names the words it shares with
// n only to say what that thing comes with, which n does not name:
// "每个工位都配升降桌和双屏" offers standing desks and screens, not the
// seating "新员工工位希望按部门集中安排" asks for.
func equippedOnly(n, o *entry, strong []string) bool {
	if !hasHan(o.Text) || len(strong) == 0 {
		return false
	}
	found := false
	for _, t := range o.terms {
		if !slices.Contains(strong, t.key) {
			continue
		}
		i := slices.IndexFunc(equipMarks, func(m string) bool { return strings.HasPrefix(o.Text[t.end:], m) })
		if i < 0 || strings.ContainsRune("合送置额套", firstRune(o.Text[t.end+len(equipMarks[i]):])) {
			return false // "都配合" cooperates, "都配送" delivers
		}
		from := t.end + len(equipMarks[i])
		j := slices.IndexFunc(o.terms, func(u term) bool { return u.start >= from })
		if j >= 0 && holdsAny(n, []string{o.terms[j].key}) {
			return false // "工位配升降桌" for "工位要有升降桌": what it comes with is asked
		}
		found = true
	}
	return found
}

// placeStops end, going back, the words that name a place before 里.
const placeStops = "在是的要能把到和与及或让给从，。、；：！？（）() "

// placeOf returns the place a Chinese text puts its thing in, in lower
// case: the words before 里 ("App里能看到", "在客服工作台里加一个tab"), or ""
// when it names none. 哪里, 这里 and 那里 point, they name no place.
func placeOf(text string) string {
	i := strings.Index(text, "里")
	if i <= 0 || !hasHan(text) {
		return ""
	}
	before := []rune(text[:i])
	j := len(before)
	for j > 0 && !strings.ContainsRune(placeStops, before[j-1]) {
		j--
	}
	if j == len(before) || strings.ContainsRune("哪这那公千", before[len(before)-1]) {
		return ""
	}
	return lower(string(before[j:]))
}

// placesApart reports whether need and offer put what they name in two
// places with no word in common: refund progress in the app, which users
// see, is not a status tab in the support console.
func placesApart(need, offer *entry) bool {
	if need.place == "" || offer.place == "" || anyPlace(need.place) || anyPlace(offer.place) {
		return false
	}
	for _, r := range need.place {
		if isHan(r) && strings.ContainsRune(offer.place, r) {
			return false
		}
	}
	for i := 0; i < len(need.place); {
		j := i
		for j < len(need.place) && isASCIIAlnum(rune(need.place[j])) {
			j++
		}
		if j > i && holdsRun(offer.place, need.place[i:j]) {
			return false
		}
		i = j + 1
	}
	return true
}

// anyPlaces name a system or a page without saying which: "系统里" may be
// the ERP another item names.
var anyPlaces = []string{"系统", "平台", "后台", "线上", "网上", "页面"}

// anyPlace reports whether place ends in a word of anyPlaces.
func anyPlace(place string) bool {
	return slices.ContainsFunc(anyPlaces, func(w string) bool { return strings.HasSuffix(place, w) && len(place) <= len(w)+3 })
}

// holdsRun reports whether s holds w as a whole run of ASCII letters and
// digits.
func holdsRun(s, w string) bool {
	return holdsApart(s, w, func(b byte) bool { return isASCIIAlnum(rune(b)) })
}

// holdsApart reports whether s holds w with no byte on either side that
// joins it to more (an end of s joins nothing).
func holdsApart(s, w string, joins func(byte) bool) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		start, end := from+k, from+k+len(w)
		if (start == 0 || !joins(s[start-1])) && (end == len(s) || !joins(s[end])) {
			return true
		}
		from = start + 1
	}
}

// recordsApart reports whether n and o, sharing one word, each name a
// record of a different kind after it: "报价功能清单" is a list of the
// quote's features, "竞品价格对比表" a table comparing prices; the shared
// word only says what both are about.
func (c *collab) recordsApart(n, o *entry) bool {
	if !strings.ContainsAny(n.Text, recordSuffixes) || !strings.ContainsAny(o.Text, recordSuffixes) || !hasHan(n.Text) || !hasHan(o.Text) || !c.oneWordShared(n, o) {
		return false
	}
	tn, to := c.recordAfter(n, o), c.recordAfter(o, n)
	return tn != "" && to != "" && !strings.ContainsAny(strings.TrimRight(tn, recordSuffixes), to)
}

// recordStops end the run of a compound noun: particles and joining words.
const recordStops = "的了和与及或吗呢吧是在要给"

// recordAfter returns the record after the first word e shares with
// other (see recordRun).
func (c *collab) recordAfter(e, other *entry) string {
	i := slices.IndexFunc(e.terms, func(t term) bool { return c.holdsStrong(other, t.key) })
	if i < 0 {
		return ""
	}
	return recordRun(e, e.terms[i])
}
