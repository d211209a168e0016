package mediate

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// A side that cannot deliver everything by the deadline often offers to
// deliver it in parts: "可以分两期：首页和开卡流程赶9月29日的版本，权益页、积分
// 页放到节后第一个版本", "先上首页，其余下个版本", "the start page in the next
// release, the rest in the one after"; or, on the requester's side, its
// input comes in parts: "前 15 个数量今天就能定" then "剩下 25 个要等品牌方周三
// 回库存". The middle ground uses the split: what the requester gets by
// when. A part the lead side delivers is due on the date it names; a part
// of the requester's input is ready on the date it names, and delivered a
// lead time later.

// Phase is one part of clashing work split so that a part comes first.
type Phase struct {
	From Item   // the offer that states the part
	Text string // the part, as written
	// Work is the part without a date that ends it ("the payment step"
	// of "the payment step by May 8"), for saying it with Due; Text when
	// no date ends it.
	Work string
	// Due is when the part is delivered: the date it names, or, for a part
	// of the lead side that names none, the middle ground, when all of it
	// is ready; zero when such a part comes after the event the deadline
	// serves ("the rest in the release after the sale").
	Due time.Time
	// Ready is when a part of the requester's input is ready, as it says;
	// zero for a part the lead side delivers.
	Ready time.Time
	Rest  bool // the part that follows the first
}

// Markers of a split, by grammar. splitWords announce one ("分两期",
// "in two phases"); firstWords open the part that comes first; restWords
// the part that follows.
var (
	splitWords = []string{"分两期", "分三期", "分期", "分批", "分两批", "分两次", "分阶段", "两步走",
		"in two phases", "in phases", "in two parts", "in batches", "in two batches", "in two steps", "phased", "phase it", "two releases"}
	firstWords = []string{"首批", "第一批", "第一期", "一期", "首期", "第一阶段",
		"first ", "first,", "initial ", "go first", "goes first", "come first", "comes first", "ship first", "phase 1", "phase one", "batch 1", "to start with", "starting with", "jump the queue", "jumps the queue", "it's first", "it is first", "插队"}
	restWords = []string{"剩下", "剩余", "其余", "其他的", "其它的", "余下", "第二批", "第二期", "二期", "后续", "之后再",
		"the rest", "remaining", "remainder", "rest of", "phase 2", "phase two", "second batch", "batch 2", "the others", "the other "}
	// leadingFirst reads "先上首页" (not "提前", "优先"), "前 15 个", "the
	// first 15": a part that comes first.
	leadingFirst = regexp.MustCompile(`(?i)(?:^|[^提优事预原祖抢领首])先|(?:^|[^\p{Han}]|里|中)前\s*\d+|\bfirst\s+\d+`)
	// partNumber reads the size of a part: "前 15 个", "剩下 25 个", "the
	// first 15", "the remaining 25".
	partNumber = regexp.MustCompile(`(?i)(?:前|剩下|剩余|其余|余下|后|first|remaining|rest of the|last)\s*(\d+)`)
)

// partCount returns the number of things a part names, or 0.
func partCount(text string) int {
	if m := partNumber.FindStringSubmatch(text); m != nil {
		if n, ok := firstNumber(m[1]); ok {
			return n
		}
	}
	return countOf(text)
}

func hasWord(text string, words []string) bool { return says(lower(text), words) }

// firstHints are what every match of leadingFirst holds, folded to lower
// case ("ſ" folds to "s", so "first" is looked for as "fir").
var firstHints = []string{"先", "前", "fir"}

func opensFirst(text string) bool { return firstIn(text, lower(text)) }

// firstIn is opensFirst of text, lower case low.
func firstIn(text, low string) bool {
	return says(low, firstWords) || says(low, firstHints) && leadingFirst.MatchString(text)
}

// phaseMarks are the markers of a split an offer holds, read once: every
// clash asks each offer again.
type phaseMarks struct{ split, first, rest bool }

func marksOf(e *entry) phaseMarks {
	if e.marks == nil {
		low := e.lowText()
		e.marks = &phaseMarks{says(low, splitWords), firstIn(e.Text, low), says(low, restWords)}
	}
	return *e.marks
}

// phases returns the parts of clash k's work that a side split it into,
// first part first, or nil: from one offer that holds the split, or from
// an offer of a first part followed by one of the rest.
func (c *collab) phases(k clash, ms []pairing, cut *Shortening) []Phase {
	if ps := ownFirst(k.lead); ps != nil && !(k.prereq != nil && strings.Contains(ps[0].Text, k.prereq.Text)) { // the step the work waits for is no part of it
		if ps = c.dated(ps, k, cut); timed(ps) {
			return ps
		}
	}
	for i := range sides {
		list := c.offers[i]
		for j, o := range list {
			m := marksOf(o)
			if o == k.lead || o.refusal || !m.split && !m.first && !m.rest || !c.aboutClash(o, k, ms) {
				continue // no part without a marker of one
			}
			if o.Side == k.need.Side && k.prereq != nil && o != k.prereq && !c.sharesStrong(o.keys, k.prereq.keys) {
				continue // the requester splits what it hands in, not its own plans after ("大促结束后…剩余库存的清单")
			}
			ps := splitIn(o)
			if len(ps) < 2 && j+1 < len(list) && m.first && marksOf(list[j+1]).rest {
				ps = []Phase{{From: o.Item, Text: o.Text}, {From: list[j+1].Item, Text: list[j+1].Text, Rest: true}}
			}
			if len(ps) > 1 {
				ps = c.dated(ps, k, cut)
			}
			if timed(ps) || len(ps) > 1 && m.split {
				return ps
			}
		}
	}
	return nil
}

// ownFirst returns the parts lead item l splits its own work into when,
// after the clause of its lead time, it offers a part first ("审计日志完整
// 版要 4 周，先给一版只记登录和权限变更的，7/24 前能上"): that part, then the
// whole as the rest; nil otherwise.
func ownFirst(l *entry) []Phase {
	i := strings.Index(l.Text, l.lead.Phrase)
	if i < 0 || l.lead.Phrase == "" || firstPart(l) {
		return nil
	}
	end := i + len(l.lead.Phrase)
	j := strings.IndexFunc(l.Text[end:], isClauseMark)
	if j < 0 {
		return nil
	}
	whole, rest := l.Text[:end+j], strings.TrimLeft(l.Text[end+j:], ",，;； ")
	if !opensFirst(rest) {
		return nil
	}
	return []Phase{{From: l.Item, Text: rest}, {From: l.Item, Text: strings.TrimSpace(whole), Rest: true}}
}

// whenWords say when a part comes without a date: "in the next release",
// "节后第一个版本".
var whenWords = []string{"release", "version", "sprint", "next", "after", "later", "phase", "batch",
	"版本", "迭代", "之后", "以后", "节后", "下个", "下一", "下周", "下月", "月底", "月初", "上线"}

// timed reports whether parts say when they come: one is dated, or each
// part after the first, which comes now, names a when ("先上首页，其余下个
// 版本"). Parts that say no when ("两名测试人员全程支持，其余同事随时待命")
// split people, not the work in time.
func timed(ps []Phase) bool {
	if len(ps) < 2 {
		return false
	}
	if slices.ContainsFunc(ps, func(p Phase) bool { return !p.Due.IsZero() || !p.Ready.IsZero() }) {
		return true
	}
	return !slices.ContainsFunc(ps[1:], func(p Phase) bool { return !hasWord(p.Text, whenWords) })
}

// aboutClash reports whether offer o bears on clash k: it meets the need,
// shares terms with the need or the lead time, or counts part of what the
// need counts ("前 15 个" of "40 个主推款").
func (c *collab) aboutClash(o *entry, k clash, ms []pairing) bool {
	if matched(o, k.need, ms) || c.related(o, k.need) || c.related(o, k.lead) {
		return true
	}
	n, whole := partCount(o.Text), countOf(k.need.Text)
	return n > 0 && n < whole && (opensFirst(o.Text) || hasWord(o.Text, restWords))
}

// splitIn returns the parts one offer splits work into: its clauses after
// a split marker (and its colon), or, with no marker, the clauses before
// and from one that opens the rest ("the start page in the next release,
// the rest in the one after").
func splitIn(o *entry) []Phase {
	text := o.Text
	marked := hasWord(text, splitWords)
	if marked {
		if i := strings.IndexAny(text, ":："); i >= 0 {
			text = text[i+len(string([]rune(text[i:])[0])):]
		}
	}
	var clauses []string
	for _, cl := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",，;；", r) }) {
		if cl = trimOpeners(strings.TrimSpace(cl), []string{"then ", "然后", "接着"}); cl != "" && !(hasWord(cl, splitWords) && len([]rune(cl)) <= 8) { // "then ramp to 100%": the part, not the joint
			clauses = append(clauses, cl) // "可以分两期" announces the parts, it is none
		}
	}
	parts := grouped(o.Item, clauses)
	if len(parts) < 2 || !marked && !slices.ContainsFunc(parts[1:], func(p Phase) bool { return hasWord(p.Text, restWords) }) {
		return nil // "the rest" after a part makes what comes before it the first
	}
	return parts
}

// grouped makes parts of clauses: when a clause after the first opens a
// part ("其余模板放到12月初"), a part runs from one such clause to the next
// ("先改渠道代理合同，11月9日前给你们"); when none does, each clause is one.
func grouped(from Item, clauses []string) []Phase {
	opens := func(cl string) bool { return opensFirst(cl) || hasWord(cl, restWords) }
	byMarks := slices.ContainsFunc(clauses[min(1, len(clauses)):], opens)
	var parts []Phase
	for _, cl := range clauses {
		if len(parts) > 0 && byMarks && !opens(cl) {
			parts[len(parts)-1].Text += joiner(parts[len(parts)-1].Text) + cl
			continue
		}
		parts = append(parts, Phase{From: from, Text: cl, Rest: len(parts) > 0})
	}
	return parts
}

// joiner is the comma that joined two clauses, in the script of the first.
func joiner(s string) string {
	if isHan(lastRune(s)) {
		return "，"
	}
	return ", "
}

// dated gives each part its date: the date a part of the lead side names;
// for a part of the requester's input, the lead time counted from the date
// it is ready, shortened when the speed-up holds that part.
func (c *collab) dated(ps []Phase, k clash, cut *Shortening) []Phase {
	for i, p := range ps {
		at := k.lead.at
		if e := c.entryOf(p.From); e != nil {
			at = e.at // "today" is the day its writer answered
		}
		ps[i].Work = c.partWork(p.Text, at)
		ds := c.cal.Deadlines(p.Text, at)
		if len(ds) == 0 {
			if f, ok := c.cal.Lead(p.Text, k.start()); ok && p.From.Side == k.lead.Side && !p.Rest {
				ps[i].Due = f.Date // "10% of users one sprint after specs": its own time, from when the work starts
			}
			continue
		}
		if p.From.Side == k.lead.Side {
			ps[i].Due = ds[0].Date
			continue
		}
		ps[i].Ready = ds[0].Date
		phrase := k.lead.lead.Phrase
		if cut != nil && cut.Phrase != "" && !cut.Unmet && c.fitsPart(cut.By, p.Text) {
			phrase = cut.Phrase
		}
		if f, ok := c.cal.Lead(phrase, ds[0].Date); ok {
			ps[i].Due = f.Date
		}
	}
	return ps
}

// fitsPart reports whether speed-up offer by holds part: it names no
// number of things, or at least as many as the part.
func (c *collab) fitsPart(by Item, part string) bool {
	n, m := countOf(by.Text), partCount(part)
	return n == 0 || m > 0 && m <= n
}
