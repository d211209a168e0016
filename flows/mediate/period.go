package mediate

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// A commitment dated by the first day of a span it names ("11/1-11/3 华东
// 仓可以两班倒", "on site March 9-13") is done over the span, not by its
// first day: a plan says the span and the work without it.

// spanJoin and spanDay join a span's first day to its last: a dash, "到",
// "至", "to" or "through", then the last day as a date the calendar reads
// or as a day of the same month ("11月1日到3日", "March 9-13").
var (
	spanJoin = regexp.MustCompile(`^\s*(?:[-–—~～]|到|至|\s(?:to|through|thru|until)\s)\s*`)
	spanDay  = regexp.MustCompile(`^(\d{1,2})(?:[日号]|[^\d/月.:]|$)`)
)

// Period reads the span text names that starts on first: its last day,
// and text without the span; ok false when text names none.
func Period(text string, first time.Time) (last time.Time, rest string, ok bool) {
	at := first.AddDate(0, 0, -1)
	found := timeread.Calendar{}.Deadlines(text, at)
	for i, d := range found {
		start := strings.Index(text, d.Phrase)
		if civilDay(d.Date) != civilDay(first) || start < 0 {
			continue
		}
		after := start + len(d.Phrase)
		join := spanJoin.FindStringIndex(text[after:])
		if join == nil {
			continue
		}
		end := after + join[1]
		day := spanDay.FindStringSubmatchIndex(text[end:])
		switch {
		case i+1 < len(found) && strings.HasPrefix(text[end:], found[i+1].Phrase):
			last, end = found[i+1].Date, end+len(found[i+1].Phrase)
		case day != nil:
			n, _ := strconv.Atoi(text[end+day[2] : end+day[3]])
			if n > daysIn(first) || counted(text[end+day[3]:]) {
				continue // "11月30日-31日" names no day; "3/10 - 12 people" counts
			}
			last, end = time.Date(first.Year(), first.Month(), n, 0, 0, 0, 0, first.Location()), end+day[3]
			if r := firstRune(text[end:]); r == '日' || r == '号' {
				end += len(string(r)) // "3日": the 日 goes too
			}
		default:
			continue
		}
		if !last.After(first) || last.Sub(first) > 62*24*time.Hour {
			continue
		}
		rest = strings.Trim(text[:start]+" "+text[end:], " ,，")
		rest = strings.ReplaceAll(strings.Join(strings.Fields(rest), " "), " ,", ",")
		rest = strings.NewReplacer("， ", "，", "： ", "：", "、 ", "、").Replace(rest) // "打标签，周末": Chinese marks take no space
		return last, rest, rest != ""
	}
	return time.Time{}, "", false
}

// daysIn is the number of days in t's month.
func daysIn(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// countWords follow a number that counts things, not a day: "12 people",
// "12人". A plural English noun counts as well ("12 laptops").
var (
	hanCounters  = "人个位名台套份张次家条件岁万千百元块%"
	countWords   = []string{"people", "person", "persons", "staff", "pcs", "pax", "headcount"}
	pluralNotNum = []string{"this", "thus", "plus", "does", "goes", "was", "has", "is", "its", "unless", "always", "across"}
)

// counted reports whether what follows a number says it counts things.
func counted(after string) bool {
	if r := firstRune(after); r != 0 && strings.ContainsRune(hanCounters, r) {
		return true
	}
	word := lower(strings.TrimLeft(after, " "))
	if len(word) == len(after) {
		return false // "13th": no word of its own
	}
	if i := strings.IndexFunc(word, func(r rune) bool { return !isWordRune(r) }); i >= 0 {
		word = word[:i]
	}
	if slices.Contains(countWords, word) {
		return true
	}
	return len(word) > 3 && strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss") && !slices.Contains(pluralNotNum, word)
}

// calendarDate reports whether a Chinese date phrase names a day of the
// calendar ("2月9日", "11/9"), which a plan line's own date replaces when
// it stands right before the verb (see dayBeforeVerb).
func calendarDate(phrase string) bool {
	return strings.ContainsAny(phrase, "0123456789") && (strings.Contains(phrase, "月") || strings.Contains(phrase, "/"))
}

// WithoutDay drops from Chinese text the calendar date of day it names
// right before what is done then ("年终奖名单和金额2月9日给到财务"), with the
// day word it stands in brackets after ("PRD 本周五（4月17日）定稿"), or in
// brackets of its own ("退租日期（1月15日）"): a plan line dated day says
// the date first. A date that starts, bounds or names something
// ("5月6日开始开发", "4月17日的会") stays.
func WithoutDay(text string, day time.Time) string {
	if !hasHan(text) {
		return withoutEnglishDay(text, day)
	}
	for _, sp := range daySpans(text, day) {
		after := text[sp.end:]
		if !sp.bracketed {
			after = dropBy(dropWeekday(after)) // "9/23（周三）全部定稿", "4/28 前下架完": the line's date says it
		}
		if rest, ok := strings.CutPrefix(after, "就"); ok && isHan(firstRune(rest)) {
			after = rest // "今天就发给行政": 就 leans on the day, which the line's date says
		}
		r := firstRune(after)
		if !sp.bracketed && (!isHan(r) || strings.ContainsRune("的前起后以之内第每到至开", r)) {
			continue
		}
		if out := withoutBareVerb(joinAround(text[:sp.start], after)); utf8.RuneCountInString(out) >= 3 {
			return out
		}
	}
	return text
}

// enDayLead is the word that ties an English date to the work before it.
var enDayLead = regexp.MustCompile(`(?i)\s*(?:,\s*)?(?:\b(?:on|by|before|due)\s+)?$`)

// withoutEnglishDay drops from English text a date of day that ends it or
// its first clause, with the word that ties it to the work ("triage call
// lights rewired Tuesday night Oct 13", "the packet on Wednesday Aug 19,
// …"): the plan line says the date first.
func withoutEnglishDay(text string, day time.Time) string {
	for _, d := range (timeread.Calendar{}).Deadlines(text, day.AddDate(0, 0, -1)) {
		start := strings.Index(text, d.Phrase)
		if civilDay(d.Date) != civilDay(day) || start < 0 {
			continue
		}
		end := start + len(d.Phrase)
		if rest := strings.TrimLeft(text[end:], " "); rest != "" && !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ";") {
			continue // a date inside the clause ("the Oct 13 release") names something
		}
		before := text[:start]
		if loc := enDayLead.FindStringIndex(before); loc != nil {
			before = before[:loc[0]]
		}
		if out := strings.TrimSpace(before + text[end:]); utf8.RuneCountInString(out) >= 3 {
			return out
		}
	}
	return text
}

// dropBy drops the "前" that makes a date the day work is done by, when it
// stands apart from the date ("4/28 前下架完").
func dropBy(s string) string {
	t := strings.TrimLeft(s, " ")
	if len(t) == len(s) {
		return s // "4月17日前": read with its date
	}
	for _, w := range []string{"之前", "以前", "前"} {
		if rest, ok := strings.CutPrefix(t, w); ok {
			return strings.TrimLeft(rest, " ")
		}
	}
	return s
}

// StartsOn reads a Chinese text that says its work starts on day
// ("12月14日起IT可以进场施工"): the work without the start; ok false when
// text says no such start.
func StartsOn(text string, day time.Time) (rest string, ok bool) {
	for _, sp := range daySpans(text, day) {
		after := strings.TrimLeft(dropWeekday(text[sp.end:]), " ") // "4/22 起"
		for _, w := range []string{"开始", "起", "以后", "之后"} {
			if strings.HasPrefix(after, w) && !sp.bracketed {
				before := strings.TrimSuffix(strings.TrimRight(text[:sp.start], " "), "从") // "从12月14日开始"
				out := joinAround(before, strings.TrimLeft(after[len(w):], "，, "))
				return out, utf8.RuneCountInString(out) >= 3
			}
		}
	}
	return "", false
}

// daySpan is where a Chinese text names a day: the date phrase, widened
// over the day word it is bracketed after, or over its own brackets.
type daySpan struct {
	start, end int
	bracketed  bool // in brackets of its own: an aside the text reads without
}

// daySpans are the spans of text that name day by its calendar date.
func daySpans(text string, day time.Time) []daySpan {
	if !hasHan(text) {
		return nil
	}
	var out []daySpan
	found := timeread.Calendar{}.Deadlines(text, day.AddDate(0, 0, -1))
	for i, d := range found {
		start := strings.Index(text, d.Phrase)
		if civilDay(d.Date) != civilDay(day) || !calendarDate(d.Phrase) || start < 0 {
			continue
		}
		sp := daySpan{start: start, end: start + len(d.Phrase)}
		if strings.HasSuffix(text[:start], "（") && strings.HasPrefix(text[sp.end:], "）") {
			sp.start, sp.end, sp.bracketed = start-len("（"), sp.end+len("）"), true
			if i > 0 && strings.HasSuffix(text[:sp.start], found[i-1].Phrase) { // "本周五（4月17日）"
				sp.start, sp.bracketed = sp.start-len(found[i-1].Phrase), false
			}
		}
		out = append(out, sp)
	}
	return out
}

// handOverVerbs only say that a thing is handed over; they need no clause
// of their own once the date before them has gone.
var handOverVerbs = []string{"给", "交", "出", "发", "给到", "交付", "提供", "到位", "能给", "可以给", "发出", "发给你们", "给你们"}

// withoutBareVerb drops a last clause that the date's removal left as a
// bare verb of handing over ("headcount 计划，给"): the line's date and
// its thing say it all.
func withoutBareVerb(s string) string {
	i := strings.LastIndexAny(s, "，,")
	if i < 0 {
		return s
	}
	tail := strings.Trim(s[i+utf8.RuneLen(firstRune(s[i:])):], " 。.")
	if slices.Contains(handOverVerbs, tail) {
		return strings.TrimRight(s[:i], " ")
	}
	return s
}

// joinAround joins what was before and after a phrase taken out, with a
// space where a Latin word would touch what follows ("PRD 定稿").
func joinAround(before, after string) string {
	before = strings.TrimRight(before, " ")
	if before != "" && isASCIIAlnum(lastRune(before)) && after != "" && !strings.HasPrefix(after, " ") {
		before += " "
	}
	return before + after
}
