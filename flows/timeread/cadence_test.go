package timeread_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

func TestCadence(t *testing.T) {
	tests := []struct {
		give string
		want timeread.Every
		ok   bool
	}{
		{"Weekly report on sign-ups", timeread.Every{Days: 7}, true},
		{"send the figures every 2 weeks", timeread.Every{Days: 14}, true},
		{"a check-in every other day", timeread.Every{Days: 2}, true},
		{"review once a month", timeread.Every{Months: 1}, true},
		{"each week a short demo", timeread.Every{Days: 7}, true},
		{"每周一同步进度", timeread.Every{Days: 7}, true},
		{"每两周提供一次数据", timeread.Every{Days: 14}, true},
		{"每个月复盘", timeread.Every{Months: 1}, true},
		{"每3天更新一次", timeread.Every{Days: 3}, true},
		{"the page live by Friday", timeread.Every{}, false},
		{"10k requests a day", timeread.Every{}, false},
		{"下周五前交付", timeread.Every{}, false},
	}
	for _, tt := range tests {
		got, ok := timeread.Cadence(tt.give, time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
		if got != tt.want || ok != tt.ok {
			t.Errorf("Cadence(%q) = %+v, %v; want %+v, %v", tt.give, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEveryAfter(t *testing.T) {
	jan31 := time.Date(2026, 1, 31, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		every timeread.Every
		want  time.Time
	}{
		{timeread.Every{Days: 7}, time.Date(2026, 2, 7, 9, 0, 0, 0, time.UTC)},
		{timeread.Every{Months: 1}, time.Date(2026, 2, 28, 9, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := tt.every.After(jan31); !got.Equal(tt.want) {
			t.Errorf("%+v.After(%v) = %v, want %v", tt.every, jan31, got, tt.want)
		}
	}
}
