package timeread_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/timeread"
)

// seeds are texts the fuzzers start from.
var seeds = []string{
	"活动页面明天上线", "需要2天做兼容性测试", "后天上午", "下下周五前", "5个工作日内", "一个半月",
	"2026年11月1日", "十一月二十一号前", "by Friday afternoon", "within the next 5 business days",
	"Nov. 1st, 2026", "11/1/26", "a couple of days", "2-3 weeks", "10,000 requests a day",
	"3x the expected peak", "提升40%", "",
	"by EOD Friday", "by mid-October", "三季度末", "in 2 sprints", "双十一之前", "国庆节前", "618前",
	"every other Monday", "每月初", "within 2 days of each interview", "每场面试结束后2个工作日内",
}

// calendars are the calendars the fuzzers read on.
var calendars = []timeread.Calendar{{}, {Holidays: "cn"}, {Holidays: "cn", SprintDays: 14}, {SprintDays: 10}}

// zones are the locations the fuzzers read in.
var zones = []*time.Location{shanghai, newYork, time.UTC, time.FixedZone("edge", 14*3600)}

// fuzzAt turns fuzzer input into a moment between 1970 and about 2240.
func fuzzAt(sec int64, zone uint8) time.Time {
	const span = 270 * 365 * 24 * 3600
	return time.Unix((sec%span+span)%span, 0).In(zones[int(zone)%len(zones)])
}

// checkFound fails on a reading that breaks the API's promises.
func checkFound(t *testing.T, name, text string, at time.Time, f timeread.Found, ok bool) {
	t.Helper()
	if !ok && f.NeedsSprintDays {
		if f.Phrase == "" || !strings.Contains(text, f.Phrase) || !f.Date.IsZero() {
			t.Fatalf("%s(%q, %v) = %+v: a sprint count wants its phrase and no date", name, text, at, f)
		}
		return
	}
	if !ok {
		if f != (timeread.Found{}) {
			t.Fatalf("%s(%q, %v) = %+v with ok false, want the zero Found", name, text, at, f)
		}
		return
	}
	y, m, d := at.Date()
	if want := time.Date(y, m, d+f.Days, 0, 0, 0, 0, at.Location()); !f.Date.Equal(want) || f.Date.Location() != at.Location() {
		t.Fatalf("%s(%q, %v) = Date %v, Days %d: Date is not at's day + Days at midnight", name, text, at, f.Date, f.Days)
	}
	if f.Phrase == "" || !strings.Contains(text, f.Phrase) {
		t.Fatalf("%s(%q, %v).Phrase = %q, want a part of the text", name, text, at, f.Phrase)
	}
	if f.HalfDay != "" && f.HalfDay != "am" && f.HalfDay != "pm" {
		t.Fatalf("%s(%q, %v).HalfDay = %q", name, text, at, f.HalfDay)
	}
	if name == "Lead" && f.Days < 0 {
		t.Fatalf("Lead(%q, %v).Days = %d, want >= 0", text, at, f.Days)
	}
}

// checkFast fails a read that took far longer than a linear scan should:
// fuzz inputs are short, and even a busy machine reads them in milliseconds.
func checkFast(t *testing.T, name, text string, took time.Duration) {
	t.Helper()
	if took > 2*time.Second {
		t.Fatalf("%s on %d characters took %v", name, utf8.RuneCountInString(text), took)
	}
}

func FuzzDeadline(f *testing.F) {
	fuzzRead(f, "Deadline", func(t *testing.T, cal timeread.Calendar, text string, at time.Time) {
		got, ok := cal.Deadline(text, at)
		checkFound(t, "Deadline", text, at, got, ok)
	})
}

func FuzzLead(f *testing.F) {
	fuzzRead(f, "Lead", func(t *testing.T, cal timeread.Calendar, text string, at time.Time) {
		got, ok := cal.Lead(text, at)
		checkFound(t, "Lead", text, at, got, ok)
	})
}

func FuzzRecurring(f *testing.F) {
	fuzzRead(f, "Recurring", func(t *testing.T, cal timeread.Calendar, text string, at time.Time) {
		r, ok := cal.Recurring(text, at)
		checkRecurrence(t, text, at, r, ok)
	})
}

// fuzzRead fuzzes read, which reads and checks a text on a calendar at a
// moment, from the seeds; the zone byte picks the calendar too.
func fuzzRead(f *testing.F, name string, read func(*testing.T, timeread.Calendar, string, time.Time)) {
	for i, s := range seeds {
		f.Add(s, mon.Unix(), uint8(i))
	}
	f.Fuzz(func(t *testing.T, text string, sec int64, zone uint8) {
		at := fuzzAt(sec, zone)
		start := time.Now()
		read(t, calendars[int(zone)/len(zones)%len(calendars)], text, at)
		checkFast(t, name, text, time.Since(start))
	})
}

// checkRecurrence fails on a recurrence that breaks the API's promises.
func checkRecurrence(t *testing.T, text string, at time.Time, r timeread.Recurrence, ok bool) {
	t.Helper()
	if !ok {
		if r != (timeread.Recurrence{}) {
			t.Fatalf("Recurring(%q, %v) = %+v with ok false, want the zero Recurrence", text, at, r)
		}
		return
	}
	if r.Phrase == "" || !strings.Contains(text, r.Phrase) || r.Interval < 1 {
		t.Fatalf("Recurring(%q, %v) = %+v: want a phrase of the text and an interval", text, at, r)
	}
	if r.Every == timeread.AfterEach {
		if r.Event == "" || !r.First.IsZero() || r.Days != 0 {
			t.Fatalf("Recurring(%q, %v) = %+v: an event, and no first date, after each event", text, at, r)
		}
		return
	}
	y, m, d := at.Date()
	if want := time.Date(y, m, d+r.Days, 0, 0, 0, 0, at.Location()); !r.First.Equal(want) || r.Days < 0 {
		t.Fatalf("Recurring(%q, %v) = First %v, Days %d: want at's day + Days, not before it", text, at, r.First, r.Days)
	}
}

// TestLongInputIsFast reads 40,000-character texts (Slack's limit for a
// message) built to stress the rules: runs of digits, numerals, unit words,
// near-misses, thousands of phrases. RE2 is linear, so each read takes tens
// of milliseconds; the budget is wide because -race slows regexps ~15x, but a
// backtracking blow-up would take minutes. The reading must stay right too.
func TestLongInputIsFast(t *testing.T) {
	const size = 40000
	texts := []struct{ name, unit string }{
		{"digits", "1"},
		{"digit groups", "12 "},
		{"numerals", "二十一"},
		{"units", "天个月周"},
		{"near misses en", "in 2 x "},
		{"near misses zh", "下个周末前后"},
		{"many leads", "2 days "},
		{"many deadlines", "明天"},
		{"prose", "peak traffic in the day and week, month or hour, per day / by "},
		{"one long word", "a"},
		{"slashes", "1/"},
	}
	const budget = 3 * time.Second
	for _, tt := range texts {
		text := strings.Repeat(tt.unit, size/utf8.RuneCountInString(tt.unit))
		for _, read := range []struct {
			name string
			f    func(string, time.Time) (timeread.Found, bool)
		}{{"Deadline", timeread.Deadline}, {"Lead", timeread.Lead}} {
			start := time.Now()
			read.f(text, mon)
			if took := time.Since(start); took > budget {
				t.Errorf("%s on %s (%d characters) took %v, want under %v", read.name, tt.name, utf8.RuneCountInString(text), took, budget)
			}
		}
	}
	long := strings.Repeat("peak traffic figures ", size/21) + "we need 2 days, live by Friday"
	testDeadline(t, []readCase{{long, mon, "2026-03-06 +4d"}})
	testLead(t, []readCase{{long, mon, "2026-03-04 +2d"}})
}

// A typical answer to the needs question, about 100 characters.
const (
	answerEN = "We need the landing page live by Friday afternoon; compatibility testing needs 2 days."
	answerZH = "活动页面需要在后天上午上线，技术这边需要2天做兼容性测试，请运营提供核心用户的设备型号清单。"
)

func BenchmarkDeadline(b *testing.B) {
	for _, tt := range []struct{ name, text string }{{"en", answerEN}, {"zh", answerZH}} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				timeread.Deadline(tt.text, mon)
			}
		})
	}
}

func BenchmarkLead(b *testing.B) {
	for _, tt := range []struct{ name, text string }{{"en", answerEN}, {"zh", answerZH}} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				timeread.Lead(tt.text, mon)
			}
		})
	}
}
