package mediate

import (
	"regexp"
	"slices"
	"strings"
)

// A side may answer a need by declining it: "逐项评审我们做不了", "We won't
// sign a two-year lock-in". Such an offer shares the need's words but
// gives nothing; it never meets a need, and a need it declines stays open
// with the refusal noted (Proposal.Refused). A refusal followed by what
// the side can do instead ("做不了，但可以每周抽检") is an offer of the rest.

// refusalMarks decline what they follow or precede.
var refusalMarks = []string{
	"做不了", "做不到", "办不到", "保证不了", "满足不了", "给不了", "提供不了", "支持不了", "接受不了", "批不了",
	"排不过来", "排不开", "无法", "没法", "没办法", "不能接受", "不接受", "不同意", "不可能", "不提供", "不支持",
	"我们不做", "不予", "不受理", "不能让", "没有预算", "没预算", "暂不提供",
	"can't", "can’t", "cannot", "won't", "won’t", "will not", "unable to", "not able to", "not possible",
	"do not accept", "don't accept", "don’t accept", "no way", "no budget for",
	"not supported", "isn't supported", "isn’t supported", "aren't supported", "aren’t supported", "we don't support", "we don’t support", "we do not support",
	// a side that does not hold what is asked, or points to who does
	"we don't keep", "we don’t keep", "we don't have", "we don’t have", "we do not have", "we don't own", "we don’t own",
	"we don't hold", "we don’t hold", "that's with ", "that’s with ", "that sits with ", "not ours to ", "isn't ours", "isn’t ours",
	"不归我们", "不在我们这", "我们这没有", "我们手上没有", "不是我们管", "我们不负责", "说了不算", "not our decision",
	"isn't our decision", "isn’t our decision", "isn't our call", "isn’t our call", "not ours to decide",
	"isn't mine", "isn’t mine", "not mine to", "not my call", "not my decision",
	"we don't do", "we don’t do", "we do not do", "out of scope", "not in scope", "not in our scope", "outside our scope", "不在我们范围", "不在我们的范围", "不在范围内",
	"我们没有权限", "我们没权限",
	// not in this round, whatever the thing
	"这期不做", "这次不做", "本期不做", "这版不做", "暂不做", "先不做", "今年不做", "not doing it", "we're not doing", "we’re not doing", "not in this release", "not this release",
	// what it may not be used for: "但不能拿来算提成", "not to be used for payroll"
	"不能拿来", "不能用来", "不能用于", "不可用于", "不能作为", "can't be used for", "cannot be used for", "not to be used for", "can't be used as", "not for billing",
	// nobody there to do it
	"不值班", "没人值班", "无人值班", "不在岗", "nobody on call", "no one on call", "not on call",
}

// insteadMarks introduce what a side offers after declining something.
var insteadMarks = []string{"但是", "但", "不过", "可以", "改成", "改为", "换成", "but ", "instead", "however", "what we can", "we can "}

// prohibitions make a need ask that something not be done ("联名款别拿去做
// 满减", "don't email customers directly"): a side's "we won't" meets it.
var prohibitions = []string{"别", "不要", "不得", "禁止", "避免", "don't", "don’t", "do not", "never", "no more", "stop ", "avoid", "freeze", "冻结", "封版"}

// cannotRe is the Chinese potential complement in the negative, which says
// a verb cannot be done whatever the verb: 填不了, 定不了, 加不了, 排不下,
// 放不下, and a resource that cannot be spared: 排不出人, 抽不出时间, 腾不出
// 位置. 不了解 (does not know) and 不了了之 are not it.
var cannotRe = regexp.MustCompile(`\p{Han}不了(?:[^解了]|$)|[排放装塞挤容]不下|[排抽腾挤匀拿派]不出`)

// cannotHints are what every match of cannotRe holds: a text without them
// is not run through the regexp.
var cannotHints = []string{"不了", "不下", "不出"}

// unchangedRe says that a thing stays as it is for a stated time ("夜班
// 补贴今年不调", "预算本季度暂不增加", "no change this year"): the side
// declines the change asked for, however the thing is named.
var unchangedRe = regexp.MustCompile(`(?:今年|年内|本年度?|本季度?|这个季度|这个月|本月|这次|本次|目前|近期|短期内|暂时?)(?:先|都|也|还)?不(?:调(?:整|[^休]|$)|涨|加|增加?|提高?|改|变|动)|\bno (?:change|increase|raise|adjustment)s? (?:this|for now|until)|\b(?:stays?|remains?) (?:unchanged|the same|as is) (?:this|for now|until)`)

// notOursRe ends an answer that names who holds a thing instead of giving
// it ("badge photos are Facilities, not us", "pricing belongs to Sales
// Ops, not our team"): whoever is named, the side declines it. A word that
// only begins so ("not used", "not usual") is none.
var notOursRe = regexp.MustCompile(`\bnot (?:us|ours|our (?:team|call|area|remit|department|dept|job))\b`)

// elsewhereRe names whose business a thing is instead of giving it, in
// either language ("食堂不归厂务管，那是行政部的事", "最后一公里是渠道物流商
// 的事", "per-stop pay is an HR/payroll question"): whoever is named, the
// side declines it. Its own name or "we" in the gap ("归我们管") is no
// refusal, nor is "是大家的事".
var elsewhereRe = regexp.MustCompile(`不归[^，。,;；]{1,8}管|不在\s*[^，。,;；]{1,10}?\s*(?:scope|范围)|是[^，。,;；我大]{1,10}(?:那边)?的事(?:[^情项]|$)|\bis an? [\w/+&. -]{1,30} question\b|\ba question for\b`)

// elsewhereHints are what every match of elsewhereRe holds.
var elsewhereHints = []string{"不归", "的事", "question", "不在"}

// pointsElsewhere reports whether offer text declines by naming whose
// business a thing is: that grants no need's ban ("别让门店自己联系" is not
// kept by "那是渠道的事"), as a side's own "we won't" does.
func pointsElsewhere(text string) bool {
	low := lower(text)
	return says(low, elsewhereHints) && elsewhereRe.MatchString(low) || strings.Contains(low, "not ") && notOursRe.MatchString(low)
}

// grants reports whether refusing offer o keeps need n: n asks that
// something not be done and o says the side won't, itself.
func grants(n, o *entry) bool { return prohibits(n.Text) && !pointsElsewhere(o.Text) }

// timeFirm blanks what says a length cannot be cut: that holds the time
// firm, it declines nothing that is asked.
var timeFirm = strings.NewReplacer("can't skip", "", "can’t skip", "", "cannot skip", "", "can't be skipped", "", "cannot be skipped", "",
	"can't shorten", "", "cannot shorten", "", "can't be shortened", "", "can't rush", "", "can't be rushed", "", "can't compress", "",
	"压不了", "", "压缩不了", "", "缩短不了", "", "省不了", "", "跳不过", "", "不能跳过", "", "没法压", "", "压不下来", "", "快不了", "")

// refuses reports whether offer text declines what it names, with nothing
// offered instead.
func refuses(text string) bool {
	text = timeFirm.Replace(text) // "8 working days including security review, can't skip that one": the time is firm, the thing is offered
	if i := purposeStart(text); i > 0 {
		text = text[:i] // "a sheet with validation, so bad tags can't be created": the can't is what it is for
	}
	low := lower(text)
	if end := conditionEnd(low); end > 0 && len(low) == len(text) { // "If something can't be fixed in time there's…": when, not what is declined
		text, low = text[end:], low[end:]
	}
	found := says(text, cannotHints) && cannotRe.MatchString(text) || unchangedRe.MatchString(low) || strings.Contains(low, "not ") && notOursRe.MatchString(low) ||
		says(low, elsewhereHints) && elsewhereRe.MatchString(low)
	low, marked := blankRefusals(low)
	return (found || marked) && !says(low, insteadMarks)
}

// blankRefusals blanks the refusal marks low holds, and reports whether
// it held any: "排不过来" holds 不过, which must not be read again.
func blankRefusals(low string) (string, bool) {
	if !says(low, refusalMarks) {
		return low, false // most texts hold none: one look passes them all over
	}
	found := false
	for _, m := range refusalMarks {
		if strings.Contains(low, m) {
			found = true
			low = strings.ReplaceAll(low, m, " ")
		}
	}
	return low, found
}

// prohibits reports whether need text asks that something not be done.
// A purpose it gives does not count: "numbers, so RMs stop pitching" asks
// for the numbers.
func prohibits(text string) bool {
	if i := purposeStart(text); i > 0 {
		text = text[:i]
	}
	return says(lower(text), prohibitions)
}

// refused returns, for each need no match or candidate settles, the
// offer of the other side that declines it: one that would meet it but
// for the refusal.
func (c *collab) refused(settled map[*entry]bool) []pairing {
	var out []pairing
	for i := range sides {
		for _, n := range c.needs[i] {
			if settled[n] {
				continue
			}
			for _, o := range c.offers[1-i] {
				if !o.refusal {
					continue
				}
				if shared, ok := c.meetsAsked(n, o); ok {
					out = append(out, pairing{need: n, offer: o, shared: shared})
					break
				}
			}
		}
	}
	return out
}

// declinesPart reports whether offer, after offering something, limits
// it by declining a thing the need asks for ("内部讲师可以讲，外部讲师目前
// 没有预算" for a need of an outside trainer): it meets the need at most in
// part, so the needing side is asked rather than told.
func (c *collab) declinesPart(need, offer *entry) bool {
	if len(offer.declined) == 0 || prohibits(need.Text) {
		return false // "no more DMs to engineers" grants "stop pinging engineers in DMs"
	}
	return slices.ContainsFunc(offer.declined, func(k string) bool {
		return !c.ws.weak[k] && slices.Contains(need.keys, k)
	})
}

// declinedKeys returns the keys of the clauses of offer o that decline
// something after a clause that offers something. A refusal that comes
// first and is followed by what the side can do instead ("做不了，但可以
// 每周抽查") is an offer of the alternative (see refuses).
func declinedKeys(o *entry) []string {
	if o.refusal {
		return nil
	}
	var out []string
	offered := false
	for _, cl := range strings.FieldsFunc(o.Text, isClauseMark) {
		if !refusing(cl) {
			offered = true
			continue
		}
		if offered {
			out = append(out, uniqueKeys(termsOf(cl))...)
		}
	}
	return out
}

// refusing reports whether clause holds a refusal mark.
func refusing(clause string) bool {
	return says(lower(clause), refusalMarks)
}

// purposeMarks open what an offer is for: a negation after one says what
// the offer prevents, not what the side declines.
var purposeMarks = []string{" so ", " so that ", " to make sure ", " to ensure ", " to avoid ", "以免", "免得", "防止", "避免", "省得", "确保"}

// purposeStart returns where the purpose of text starts, or 0.
func purposeStart(text string) int {
	low := lower(text)
	best := 0
	for _, m := range purposeMarks {
		if i := strings.Index(low, m); i > 0 && (best == 0 || i < best) && !consequence(low[i:], m) {
			best = i
		}
	}
	return best
}

// consequence reports whether mark m, at the start of rest, opens what
// follows for the writer rather than a purpose: "so we can't help there"
// is the side declining, "so bad tags can't be created" what it prevents.
func consequence(rest, m string) bool {
	after := strings.TrimPrefix(rest, m)
	return m == " so " && (strings.HasPrefix(after, "we ") || strings.HasPrefix(after, "i ") || strings.HasPrefix(after, "our team "))
}

// changeBanRe finds a need that forbids changes ("定稿后不要再改奖品",
// "no copy changes once sent"): it asks the other side to hold still,
// which an offer of the thing itself does not promise.
var changeBanRe = regexp.MustCompile(`(?i)(不要|别|不能|不许|不得|不再)再?(改|变|动|调整)|\b(no|don't|do not|stop|never)( \w+){0,3} (chang|edit|modif|touch)`)

// changeHints are what every match of changeBanRe holds, its letters
// folded to lower case (none of them has a fold outside ASCII).
var changeHints = []string{"改", "变", "动", "调整", "chang", "edit", "modif", "touch"}

// banUnmet reports whether need n forbids changes and offer o promises
// no hold: neither forbids anything itself nor names a freeze.
func banUnmet(n, o *entry) bool {
	return bansChange(n) && !bansChange(o) && !prohibits(o.Text) && !slices.Contains(o.keys, "#freeze")
}

// bansChange is changeBanRe on e's text, read once: every pair asks it.
func bansChange(e *entry) bool {
	if e.ban == 0 {
		e.ban = 2
		if says(e.lowText(), changeHints) && changeBanRe.MatchString(e.Text) {
			e.ban = 1
		}
	}
	return e.ban == 1
}
