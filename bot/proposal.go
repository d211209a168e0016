package bot

import (
	"strconv"
	"strings"
	"time"

	"github.com/collabbot/collabbot/flows"
	"github.com/collabbot/collabbot/flows/mediate"
)

// proposalInput gives the engine each answer with the moment it was
// written, in its writer's zone, so "tomorrow" means the writer's tomorrow.
func proposalInput(c *flows.Collab, fallback *time.Location) mediate.Input {
	party := func(s flows.Side) mediate.Party {
		p := c.Side(s)
		answer := func(q flows.Question) mediate.Answer {
			a := p.Answers[q]
			return mediate.Answer{Text: a.Text, At: answerTime(a, fallback)}
		}
		return mediate.Party{Name: p.Name(), Goal: answer(flows.QGoal), Needs: answer(flows.QNeeds), Values: answer(flows.QValue)}
	}
	return mediate.Input{
		CollabID: c.ID, Version: c.Version, Lang: c.Lang, Topic: c.Topic,
		A: party(flows.SideA), B: party(flows.SideB),
	}
}

// answerTime reads a Slack ts ("1764000000.000100") in the writer's zone.
func answerTime(a flows.Answer, fallback *time.Location) time.Time {
	loc := fallback
	if a.TZ != "" {
		if l, err := time.LoadLocation(a.TZ); err == nil {
			loc = l
		}
	}
	return parseTS(a.TS).In(loc)
}

func parseTS(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}
	}
	us, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return time.Unix(s, us*1000)
}
