package render

import (
	"cmp"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/mediate"
)

// planText is what a commitment does, said as its point (see
// mediate.OfferPoint), without a day word or the date its date replaces. One that
// repeats from a date loses the words that only say when it starts or how
// often ("every Monday while you're out: …", "从 10/20 开始…", "10/20 预售
// 开始后，…"): its line says that first.
func (l loc) planText(cm mediate.Commitment) string {
	return l.r.plans.get("plan\x00"+commitmentKey(cm), func() string { return planText(cm) })
}

// commitmentKey names what planText reads of cm.
func commitmentKey(cm mediate.Commitment) string {
	return strings.Join([]string{cm.Plain, cm.What, cm.Recurring, cm.Due.Format(time.DateOnly), cm.From.Format(time.DateOnly)}, "\x00")
}

// planText is loc.planText without the memo.
func planText(cm mediate.Commitment) string {
	s := cmp.Or(cm.Plain, cm.What)
	if !cm.Due.IsZero() {
		s = mediate.WithoutDay(withoutDayClause(withoutDayWord(s)), cm.Due)
	}
	s = mediate.OfferPoint(s)
	if !cm.Due.IsZero() {
		s = mediate.WithoutDay(s, cm.Due) // the point may end on the date: "… agents on Tue 3/2 so they can play"
		s = withoutOrphan(withoutHedge(s))
	}
	if cm.Recurring == "" || cm.From.IsZero() {
		return s
	}
	return cmp.Or(withoutStart(s, cm.Recurring), s)
}

// dayWord is an English word for a day counted from when the answer was
// written, with the word that ties it to the work before it and the
// weekday or date in brackets after it: a dated plan line says the day
// itself, and a pinned agreement read next week must not still say
// "tomorrow".
var dayWord = regexp.MustCompile(`(?i)(?: (?:by|from|on|until|before|starting|as of))? (?:today|tomorrow|tonight)(?: ?\([^()]{1,12}\))?([^\pL\pN']|$)`)

// leadDayWord is a day word that opens s with the word tying it to the
// work: "From today, any override goes through the queue".
var leadDayWord = regexp.MustCompile(`(?i)^(?:(?:from|starting|as of|beginning|by|on)\s+)?(?:today|tomorrow|tonight)(?:\s*,\s*|\s+)`)

// withoutDayWord drops the day words of s (see dayWord).
func withoutDayWord(s string) string {
	out := dayWord.ReplaceAllString(leadDayWord.ReplaceAllString(s, ""), "$1")
	if utf8.RuneCountInString(strings.TrimSpace(out)) < 3 {
		return s
	}
	return out
}

// zhDayWords name a day counted from when the answer was written.
var zhDayWords = []string{"今天", "明天", "后天", "当天", "今晚", "明早"}

// withoutDayClause drops a short last Chinese clause that only says the
// day ("…授权书，今天就能给你们"): the plan line's date says it.
func withoutDayClause(s string) string {
	i := strings.LastIndex(s, "，")
	if i < 0 {
		return s
	}
	last := s[i+len("，"):]
	if utf8.RuneCountInString(last) > 10 || utf8.RuneCountInString(s[:i]) < 3 {
		return s
	}
	for _, w := range zhDayWords {
		if strings.HasPrefix(last, w) {
			return s[:i]
		}
	}
	return s
}

// startOpeners open a clause that says when something starts.
var startOpeners = []string{"from ", "starting ", "after ", "once ", "beginning "}

// startClosers end a Chinese clause that says when something starts.
var startClosers = []string{"开始", "起", "之后", "以后", "后"}

// withoutStart drops from s a lead-in that only says when or how often:
// a clause before a colon that holds the cadence, "从…开始" or "从…起"
// before the work, or a first clause that opens with "from", "after" or
// closes with "开始", "后"; "" when nothing of the kind leads s, or
// too little would be left.
func withoutStart(s, cadence string) string {
	if i := leadInColon(s); i > 0 && strings.Contains(strings.ToLower(s[:i]), strings.ToLower(cadence)) {
		return rest(s[i:])
	}
	if strings.HasPrefix(s, "从") {
		for _, w := range []string{"开始", "起"} {
			if i := strings.Index(s, w); i > 0 && utf8.RuneCountInString(s[:i]) <= 16 {
				return rest(s[i+len(w):])
			}
		}
	}
	i := strings.IndexAny(s, ",，")
	if i < 0 {
		return ""
	}
	first := strings.TrimSpace(strings.ToLower(s[:i]))
	for _, w := range startOpeners {
		if strings.HasPrefix(first, w) {
			return rest(s[i:])
		}
	}
	for _, w := range startClosers {
		if strings.HasSuffix(first, w) && utf8.RuneCountInString(first) <= 16 {
			return rest(s[i:])
		}
	}
	return ""
}

// leadInColon is where the first colon of s that ends a lead-in stands,
// -1 if none: one between digits tells the time ("9:30").
func leadInColon(s string) int {
	for i, r := range s {
		if r != ':' && r != '：' {
			continue
		}
		if r == ':' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
			continue
		}
		return i
	}
	return -1
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// rest is what follows a lead-in, from its mark: "" when under 3 runes.
func rest(s string) string {
	s = strings.TrimLeft(s, " ,，:：")
	if utf8.RuneCountInString(s) < 3 {
		return ""
	}
	return s
}

// latestHedge says that a date is the latest: once the line leads with
// that date as its due date, the words are left qualifying nothing ("Tue
// Aug 18 — at the latest", "8月18日前：最晚给到名单").
var latestHedge = regexp.MustCompile(`(?i)(?:^|\s*,?\s+)at the (?:very )?latest\b,?|^(?:最晚|最迟)(?:在)?`)

// withoutHedge drops latestHedge from s, unless nothing much is left.
func withoutHedge(s string) string {
	out := strings.TrimSpace(latestHedge.ReplaceAllString(s, ""))
	if utf8.RuneCountInString(out) < 3 {
		return s
	}
	return out
}

// orphan is a last clause of one character, all that dropping its date
// left of it ("50 套样品，3 个工作日到" less the days is "50 套样品，到"):
// it says nothing on its own.
var orphan = regexp.MustCompile(`\s*[，,、]\s*\p{Han}$`)

// withoutOrphan drops the orphan clause that ends s, if any.
func withoutOrphan(s string) string { return orphan.ReplaceAllString(s, "") }
