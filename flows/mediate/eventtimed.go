package mediate

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// eventLimitEN opens a limit that names an event rather than a day:
// "before they fly out", "ahead of the audit", "in time for launch".
var eventLimitEN = regexp.MustCompile(`(?i)\b(?:before|ahead of|in advance of|prior to|in time for)\s+([a-z][\w'-]*)`)

// notEvents follow a limit word but name a time that timeWords do not
// list, or point back at something said before ("before then").
var notEvents = []string{"eow", "noon", "midnight", "tonight", "end", "then", "that", "it", "q1", "q2", "q3", "q4", "mid", "early", "late"}

// EventTimed reports whether undated text is timed by an event it names
// ("get everyone through the training before they fly out", "上线前完成
// 验收"): it says when itself, so no plan line calls its date one to agree.
func EventTimed(text string) bool {
	for _, m := range eventLimitEN.FindAllStringSubmatch(text, -1) {
		if w := lower(m[1]); !timeWords[w] && !slices.Contains(notEvents, w) {
			return true
		}
	}
	return anyAt(text, "前", zhEventLimit)
}

// zhEventLimit reports whether the 前 between before and after closes a
// limit on an event ("出发前", "上线之前"), not a word of its own (目前,
// 提前, 此前, 前端, 前期) or a count (前两周).
func zhEventLimit(before, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if strings.ContainsRune("端台期置提面后排列线夕途景两几一二三四五六七八九十", r) || unicode.IsDigit(r) {
		return false
	}
	ev := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, "之"), "以"), " ")
	return !strings.ContainsRune("目提当眼空向往面跟此从生", lastRune(ev)) && eventBefore(before+"前")
}

// eventDay returns when offer o is due when its time counts back from an
// event it names ("created 3 business days before the start date", "上线
// 前 2 天") and the topic or a goal dates that event, in the one clause
// with a date that names it ("40 new grads start on Mon 9/7"): that long
// before the event. Only a date in figures counts: a weekday beside it
// names its day. Zero when no such date is found, or several.
func (c *collab) eventDay(o *entry) time.Time {
	words := eventNames(eventNamed(o))
	if len(words) == 0 {
		return time.Time{}
	}
	var at time.Time
	dates := c.goalDates(o.at)
	for i, text := range c.goalTexts() {
		for _, d := range dates[i] {
			if !hasDigit(d.Phrase) || !namesEvent(clauseOf(text, d.Phrase), words) || at.Equal(d.Date) {
				continue
			}
			if !at.IsZero() {
				return time.Time{} // two dates for the event: which one is not said
			}
			at = d.Date
		}
	}
	if at.IsZero() {
		return at
	}
	return c.back(at, o.lead)
}

// eventDayAhead is eventDay for an offer whose time counts back from an
// event (see aheadOfEvent), zero for any other.
func (c *collab) eventDayAhead(o *entry) time.Time {
	if !aheadOfEvent(o) {
		return time.Time{}
	}
	return c.eventDay(o)
}

// goalTexts are the texts that may date an event: the topic, the goals.
func (c *collab) goalTexts() [3]string {
	return [3]string{c.topic.Text, c.goal[0].Text, c.goal[1].Text}
}

// goalDates returns the deadlines in each of goalTexts read against at,
// read once for every offer written at that moment.
func (c *collab) goalDates(at time.Time) [3][]timeread.Found {
	if ds, ok := c.goalDated[at]; ok {
		return ds
	}
	var ds [3][]timeread.Found
	for i, t := range c.goalTexts() {
		ds[i] = c.cal.Deadlines(prefix(t, maxDateText), at)
	}
	if c.goalDated == nil {
		c.goalDated = map[time.Time][3][]timeread.Found{}
	}
	c.goalDated[at] = ds
	return ds
}

// eventNamed returns the words of the event offer o's lead time counts
// back from: after "before" in English, before 前 in Chinese.
func eventNamed(o *entry) string {
	i := strings.Index(o.Text, o.lead.Phrase)
	if i < 0 {
		return ""
	}
	if _, after, ok := strings.Cut(lower(o.Text[i+len(o.lead.Phrase):]), "before "); ok {
		if j := strings.IndexFunc(after, isClauseMark); j >= 0 {
			after = after[:j]
		}
		return after
	}
	before := strings.TrimRight(o.Text[:i], " ")
	if ev, ok := strings.CutSuffix(before, "前"); ok {
		return ev[clauseStart(ev):]
	}
	return ""
}

// eventFillers name no event of their own: "the start date" is the start.
var eventFillers = []string{"the", "a", "an", "our", "your", "their", "its", "date", "day", "of"}

// eventNames returns the words that name an event: in English its words
// but the fillers, in Chinese the event as written.
func eventNames(event string) []string {
	event = strings.TrimSpace(event)
	if says(lower(event), []string{"each", "every", "每"}) {
		return nil // "before each release" counts back from every one
	}
	if event == "" || isHan(firstRune(event)) {
		return slices.DeleteFunc([]string{event}, func(w string) bool { return w == "" })
	}
	return slices.DeleteFunc(strings.Fields(event), func(w string) bool { return slices.Contains(eventFillers, w) })
}

// namesEvent reports whether clause names the event of words: a Chinese
// event as written, an English one by a word opening with one of them
// ("start" in "grads start on Mon 9/7").
func namesEvent(clause string, words []string) bool {
	fields := strings.FieldsFunc(lower(clause), func(r rune) bool { return !unicode.IsLetter(r) })
	return slices.ContainsFunc(words, func(w string) bool {
		return isHan(firstRune(w)) && strings.Contains(clause, w) ||
			slices.ContainsFunc(fields, func(f string) bool { return len(w) > 2 && stem(f) == stem(w) })
	})
}

// back returns the day lead time f, as its phrase says, before day at.
func (c *collab) back(at time.Time, f timeread.Found) time.Time {
	n, ok := firstNumber(f.Phrase)
	if !ok {
		return time.Time{}
	}
	if !f.WorkingDays {
		return at.AddDate(0, 0, -f.Days)
	}
	d := at
	for n > 0 {
		d = d.AddDate(0, 0, -1)
		if c.cal.IsWorkingDay(d) {
			n--
		}
	}
	return d
}
