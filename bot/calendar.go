package bot

import "github.com/collabbot/collabbot/flows/timeread"

// calendar is the working-day calendar a new collab in lang reads lead
// times on: the configured holidays, or those of its language.
func (b *Bot) calendar(lang string) timeread.Calendar {
	h := b.cfg.Holidays
	if h == "" {
		h = timeread.DefaultHolidays(lang)
	}
	return timeread.Calendar{Holidays: h, SprintDays: b.cfg.SprintDays}
}
