package mediate

import (
	"slices"
	"strings"
)

// receiverMarks hand something to whoever follows them ("整理好给到人事",
// "留一间给人事做面试"); teamMarks make the word before them a team that
// acts ("数据组每周一跑一份清单"). Who receives or does a thing is not what
// is given: a need that shares only that with an offer is not met by it.
var (
	receiverMarks = []string{"给到", "交给", "发给", "留给", "提供给", "转给", "给"}
	teamMarks     = []string{"组", "部", "团队", "中心"}
)

// partiesShared returns the strong keys n shares with offer o that o
// uses only to say who receives or does it, and n never names as a
// receiver: both paying the users, the users are content.
func (c *collab) partiesShared(n, o *entry) []string {
	var out []string
	for _, k := range c.strongShared(n, o) {
		if some, all := partyUse(o, k, true); some && all {
			if some, _ := partyUse(n, k, false); !some {
				out = append(out, k)
			}
		}
	}
	return out
}

// enTeamMarks follow an English word that names a team: "the product
// team should…".
var enTeamMarks = []string{" team ", " teams ", " department ", " dept "}

// actingTeams returns the strong keys n shares with offer o that n uses
// only to name, in English, the team that is to act ("the product team
// should go through training") and o uses as no party: who is to do it
// is not what is asked ("a product demo").
func (c *collab) actingTeams(n, o *entry) []string {
	if !strings.Contains(n.lowText(), "team") && !strings.Contains(n.lowText(), "dep") {
		return nil // no team named in English: nothing to read
	}
	var out []string
	for _, k := range c.strongShared(n, o) {
		if enTeamOnly(n, k) {
			if some, _ := partyUse(o, k, true); !some {
				out = append(out, k)
			}
		}
	}
	return out
}

// enTeamOnly reports whether every term of key in e names, in English,
// a team that is to act: a team mark, then a verb of agency (see
// agentVerbs): "the product team should…", not "someone from the
// platform team".
func enTeamOnly(e *entry, key string) bool {
	found := false
	for _, t := range e.terms {
		if t.key != key {
			continue
		}
		after := e.Text[t.end:]
		i := slices.IndexFunc(enTeamMarks, func(m string) bool { return len(after) > len(m) && strings.EqualFold(after[:len(m)], m) })
		switch word := e.Text[t.start:t.end]; {
		case i >= 0:
			after = after[len(enTeamMarks[i]):]
		case strings.HasPrefix(after, " ") && slices.ContainsFunc(enTeamMarks, func(m string) bool { return endsFold(word, strings.TrimRight(m, " ")) }):
			after = after[1:] // "the tech team should": the term holds its team mark
		default:
			return false
		}
		verb, _, _ := strings.Cut(after, " ")
		if !slices.ContainsFunc(agentVerbs, func(v string) bool { return strings.EqualFold(v, verb) }) {
			return false
		}
		found = true
	}
	return found
}

// enReceiverMarks are English words before who receives a thing.
var enReceiverMarks = []string{"for", "to"}

// servesAsker reports whether need n asks that the other side's own team
// act ("the product team should go through … training") while offer o
// does it for the asking side ("给 Legal 团队做一次 training"): the one the
// need would have served is not the one the offer serves.
func (c *collab) servesAsker(n, o *entry) bool {
	i := sideIndex(n.Side)
	other, own := c.nameKeys[1-i], c.nameKeys[i]
	return slices.ContainsFunc(other, func(k string) bool { return enTeamOnly(n, k) }) &&
		slices.ContainsFunc(own, func(k string) bool { return received(o, k) })
}

// received reports whether some term of key in e follows a word of
// receiving ("给 Legal 团队", "for the Legal team").
func received(e *entry, key string) bool {
	for _, t := range e.terms {
		if t.key != key {
			continue
		}
		before := strings.TrimSuffix(strings.TrimRight(e.Text[:t.start], " "), " the")
		if slices.ContainsFunc(receiverMarks, func(m string) bool { return strings.HasSuffix(before, m) }) ||
			slices.ContainsFunc(enReceiverMarks, func(m string) bool { return strings.HasSuffix(lower(before), " "+m) }) {
			return true
		}
	}
	return false
}

// partyUse reports whether some and whether all terms of key in e follow
// a receiver mark or, when teams is set, come before a team mark or name
// the one asked to give ("需要 QA 给…").
func partyUse(e *entry, key string, teams bool) (some, all bool) {
	all = true
	for _, t := range e.terms {
		if t.key != key {
			continue
		}
		before, after := e.Text[:t.start], e.Text[t.end:]
		party := slices.ContainsFunc(receiverMarks, func(m string) bool { return strings.HasSuffix(before, m) }) && !givenThing(e.Text, t) ||
			teams && (slices.ContainsFunc(teamMarks, func(m string) bool { return strings.HasPrefix(after, m) }) || pivotAgent(e.Text, t))
		some, all = some || party, all && party
	}
	return some, all
}

// givenThing reports whether term t of text, Chinese, follows a bare
// 给 as the thing given, not who receives it: 给 gives either, and a word
// the lexicon knows no party by, with no team mark after it, is read as
// the thing ("明天给定稿" gives the final draft; "给财务", "给数据组" name
// who gets it).
func givenThing(text string, t term) bool {
	before := text[:t.start]
	bare := strings.HasSuffix(before, "给") && !slices.ContainsFunc(receiverMarks, func(m string) bool { return m != "给" && strings.HasSuffix(before, m) })
	after := text[t.end:]
	return bare && isHan(firstRune(text[t.start:])) && t.key[0] != '#' && !slices.ContainsFunc(teamMarks, func(m string) bool { return strings.HasPrefix(after, m) })
}

// nameOnly reports whether all that need n and offer o share of weight is
// the name of a side, written out in both ("where Live Ops announces
// changes", "ping the Live Ops on-call"): naming the same team is not
// asking and offering the same thing. A word the name merely holds is
// content ("engineers", from a side called Engineering).
func (c *collab) nameOnly(n, o *entry) bool {
	for i, low := range c.nameLows {
		named := func(e *entry) bool { // by its name or its short form: "市场" of 市场部
			return slices.ContainsFunc(c.nameForms[i], func(f string) bool { return strings.Contains(e.lowText(), f) })
		}
		if low == "" || len(c.nameKeys[i]) == 0 || !named(n) || !named(o) {
			continue
		}
		if !slices.ContainsFunc(c.strongShared(n, o), func(k string) bool { return !slices.Contains(c.nameKeys[i], k) }) {
			return true
		}
	}
	return false
}

// endsFold reports whether s ends with suffix, case aside.
func endsFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
