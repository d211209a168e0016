package mediate

import "slices"

// A side that wants to know about something ("想提前知道每个版本改了什么",
// "to hear what's coming in billing") is met by a forum on that thing it
// is invited to ("每周四下午版本评审会，客户成功可以来听", "roadmap review,
// open to support"): the offer answers the need by what it enables.

// knowWords say that a side wants to know or learn about a thing.
var knowWords = []string{"知道", "了解", "掌握", "心里有数", "know", "find out", "hear about", "learn about", "be aware", "in the loop", "up to speed"}

// forums are the concepts of an occasion where a thing is told.
var forums = []string{"#meeting", "#review_meeting", "#sharing_session", "#training", "#standup", "#all_hands", "#kickoff"}

// inviteWords open a forum to the other side.
var inviteWords = []string{"来听", "可以来", "旁听", "列席", "参加", "欢迎", "一起听", "join", "sit in", "open to", "welcome", "drop in", "bring"}

// learnsFrom reports whether need n wants to know about a thing and
// offer o invites n's side to a forum on it, with the concepts of weight
// they share.
func (c *collab) learnsFrom(n, o *entry) ([]string, bool) {
	if !holdsAnyKey(o.core, forums) || !says(n.lowText(), knowWords) || !says(o.lowText(), inviteWords) { // the cheap test first
		return nil, false
	}
	about := slices.DeleteFunc(c.strongShared(n, o), func(k string) bool {
		return k[0] != '#' || slices.Contains(forums, k) || c.ws.w[k] < minHead
	})
	return about, len(about) > 0
}
