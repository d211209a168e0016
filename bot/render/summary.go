package render

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/collabbot/collabbot/flows/mediate"
)

// Widths of user text in the summary, which must read in a glance.
const (
	summaryItem = 50 // one need, offer or commitment
	summaryList = 2  // commitments per side before "+N more"
	goalItem    = 70 // one side's goal
)

// summary is the proposal's first five lines at most: the shared goal and
// how each goal serves it; the first clash and what is proposed; what each
// side commits to; what is still open or asked about.
func (l loc) summary(p mediate.Proposal, n sideNames, headed bool) string {
	ls := []string{l.summaryGoal(p.Goals, n, headed)}
	if len(p.Conflicts) > 0 {
		ls = append(ls, l.summaryClash(p.Conflicts, n))
	}
	ls = append(ls, l.summaryDoes(p.Commitments, n)...)
	if s := l.unsettled(p); s != "" {
		ls = append(ls, s)
	}
	return l.lines("", ls, maxSection)
}

// goalHeader is the header of p's message, and whether it says the
// company goal whole, so the summary need not say it again.
func (l loc) goalHeader(id string, a args, p mediate.Proposal) (string, bool) {
	s, whole := l.headerText(id, a, p.Topic)
	return s, whole && strings.TrimSpace(p.Topic) == strings.TrimSpace(p.Goals.Company)
}

// summaryGoal says each side's goal once, short: how it serves the
// company goal where the answer said so, else what the side wants. The
// company goal is the header's; it is named here too only when headed is
// false, as the header had to cut it.
func (l loc) summaryGoal(g mediate.Goals, n sideNames, headed bool) string {
	var serves []string
	goals := [2]string{g.A, g.B}
	for i, clause := range [2]string{g.AServes, g.BServes} {
		if c := l.goalClause(goals[i], clause); c != "" {
			serves = append(serves, l.T("proposal.serves", args{"Name": n[i], "Clause": c}))
		}
	}
	items := strings.Join(serves, l.T("proposal.semi", nil))
	switch {
	case headed && len(serves) > 0:
		return l.T("proposal.summary_goals", args{"Items": items})
	case len(serves) > 0:
		return l.T("proposal.summary_goal", args{"Topic": l.item(g.Company)}) + l.T("proposal.summary_serves", args{"Items": items})
	}
	return l.T("proposal.summary_goal", args{"Topic": l.item(g.Company)})
}

// goalLine bounds one side's goal when it says both what the side wants
// and how that serves the company goal; minOwn is the least of the first
// worth showing beside the second (units of loc.point).
const (
	goalLine = 110
	minOwn   = 24
)

// goalClause is one side's goal as the summary says it: what the side
// wants, its first clause, which holds its own target ("4月25日前完成600人
// 搬迁"), then how that serves the company goal when the answer says so
// ("支撑公司降本目标"). The second is never dropped for the first: it is
// what the method asks each side to say.
func (l loc) goalClause(goal, serves string) string {
	own, serves := strings.TrimSpace(firstClause(goal)), strings.TrimSpace(serves)
	switch {
	case serves == "" && own == "":
		return ""
	case serves == "" || strings.Contains(own, serves):
		return l.point(own, goalItem)
	case own == "" || strings.Contains(serves, own):
		return l.point(serves, goalItem)
	}
	if i, j := strings.Index(goal, own), strings.Index(goal, serves); i >= 0 && j > i && j < i+len(own) {
		return l.point(goal[i:j+len(serves)], goalLine) // they overlap: one stretch of the answer
	}
	room := goalLine - min(l.units(serves), goalItem) - 2
	if room < minOwn {
		return l.point(serves, goalItem)
	}
	return l.point(own, room) + l.T("proposal.goal_then", nil) + l.point(serves, goalItem)
}

// units is how much of a line s takes, as loc.point counts: a character
// in English, two in Chinese.
func (l loc) units(s string) int {
	n := utf8.RuneCountInString(s)
	if l.lang == "zh" {
		return 2 * n
	}
	return n
}

// summaryClash states the first clash and the proposal in one sentence
// (see plan), and how many more clashes follow below.
func (l loc) summaryClash(cs []mediate.Conflict, n sideNames) string {
	s := "⚠️ " + l.plan(cs[0], n, summaryItem)
	if len(cs) > 1 {
		s += l.N("proposal.summary_more", len(cs)-1)
	}
	return s
}

// leadOwner is who needs the lead time: a third party named in the
// answer, or the side that wrote it.
func (l loc) leadOwner(cf mediate.Conflict, n sideNames) string {
	if strings.TrimSpace(cf.LeadParty) != "" {
		return clip(cf.LeadParty, maxName)
	}
	return n.of(cf.Lead.Side)
}

// summaryDoes is one line per side with commitments: its first ones,
// dated, and how many more follow below.
func (l loc) summaryDoes(cs []mediate.Commitment, n sideNames) []string {
	if len(cs) == 0 {
		return []string{l.T("proposal.summary_nothing", nil)}
	}
	var out []string
	for i, group := range byOwner(cs) {
		if len(group) == 0 {
			continue
		}
		shown := make([]string, 0, summaryList)
		for _, cm := range group[:min(len(group), summaryList)] {
			shown = append(shown, l.planLine(cm, planItem)) // as the plan would say it: the details do not repeat it
		}
		items := strings.Join(shown, l.T("proposal.semi", nil))
		if len(group) > summaryList {
			items += l.N("proposal.summary_does_more", len(group)-summaryList)
		}
		out = append(out, l.T("proposal.summary_does", args{"Name": n[i], "Items": items}))
	}
	return out
}

// unsettled names what nobody covers yet and how many questions wait
// below; "" when nothing is unsettled.
func (l loc) unsettled(p mediate.Proposal) string {
	var parts []string
	open, declined := openNeeds(p)
	if len(open) > 0 {
		s, _ := l.shortItems(open)
		id := "proposal.summary_open"
		if slices.ContainsFunc(open, func(it mediate.Item) bool { return unmatched(p, it) }) {
			id += "_unmatched"
		}
		parts = append(parts, l.T(id, args{"Items": s}))
	}
	if len(declined) > 0 {
		s, _ := l.shortItems(declined)
		parts = append(parts, l.T("proposal.summary_declined", args{"Items": s}))
	}
	if n := questions(p); n > 0 {
		parts = append(parts, l.N("proposal.summary_ask", n))
	}
	if len(parts) == 0 {
		return ""
	}
	return l.T("proposal.summary_unsettled", args{"Parts": strings.Join(parts, l.T("proposal.semi", nil))})
}

// openNeeds splits the needs nobody covers into those nobody answered
// and those the other side declined.
func openNeeds(p mediate.Proposal) (open, declined []mediate.Item) {
	for _, it := range uncovered(p) {
		if _, ok := refusal(p, it); ok {
			declined = append(declined, it)
		} else {
			open = append(open, it)
		}
	}
	return open, declined
}

// shortItems lists needs by their points, cut for the summary, on one
// line, and says how many of them it shows.
func (l loc) shortItems(is []mediate.Item) (string, int) {
	return l.joinShown(l.needPoints(is), 200)
}

// needPoints are needs by their points, cut as the summary cuts them.
func (l loc) needPoints(is []mediate.Item) []string {
	out := make([]string, len(is))
	for i, it := range is {
		out[i] = l.point(mediate.NeedPoint(it.Text), summaryItem)
	}
	return out
}

// byOwner splits commitments by owner, 0 for side A and 1 for side B, in
// the order a plan is read: dated ones by date, then what repeats, then
// what has no date yet; otherwise as given.
func byOwner(cs []mediate.Commitment) [2][]mediate.Commitment {
	var out [2][]mediate.Commitment
	for _, cm := range cs {
		i := 0
		if cm.Owner == mediate.SideB {
			i = 1
		}
		out[i] = append(out[i], cm)
	}
	for i := range out {
		slices.SortStableFunc(out[i], func(a, b mediate.Commitment) int { return cmp.Compare(planOrder(a), planOrder(b)) })
	}
	return out
}

// unsummarised are the commitments the summary leaves to the details:
// each side's after its first summaryList, in plan order.
func unsummarised(cs []mediate.Commitment) []mediate.Commitment {
	var out []mediate.Commitment
	for _, group := range byOwner(cs) {
		out = append(out, group[min(len(group), summaryList):]...)
	}
	return out
}

// planOrder ranks a commitment in a plan: its date, what repeats after
// every date (by its first day), what has no date last.
func planOrder(cm mediate.Commitment) int {
	switch {
	case cm.Recurring != "" && !cm.From.IsZero():
		return 1<<30 + dayNum(cm.From)
	case cm.Recurring != "":
		return 1<<30 + 1<<29
	case cm.Due.IsZero():
		return 1 << 31
	}
	return dayNum(cm.Due)
}

// firstClause is text up to its first clause or sentence mark outside
// brackets ("双十一 GMV 做到 1.2 亿（去年 9200 万，+30%）" whole) that ends a
// clause of at least minClause characters, trimmed.
func firstClause(text string) string {
	depth := 0
	for i, r := range text {
		end := -1
		switch {
		case strings.ContainsRune("（(", r):
			depth++
		case strings.ContainsRune("）)", r):
			depth = max(0, depth-1)
		case depth == 0 && r == ',' && listComma(text[i+1:]):
			// "a working, managed laptop": the clause goes on
		case depth == 0 && strings.ContainsRune("，,；;。！？!?\n", r):
			end = i
		case depth == 0 && r == '.' && (i+1 == len(text) || text[i+1] == ' '):
			end = i
		}
		if clause := strings.TrimSpace(text[:max(end, 0)]); end >= 0 && utf8.RuneCountInString(clause) >= minClause {
			if rest := strings.TrimLeft(text[end+utf8.RuneLen(r):], " "); setting(clause) && rest != "" {
				return firstClause(rest) // "国庆前后的出险高峰里，…": when, not what
			}
			return clause
		}
	}
	return strings.TrimSpace(text)
}

// settingEnds close a Chinese clause, and settingOpens open an English
// one, that says when or where the rest happens, not what is wanted.
var (
	settingEnds  = []string{"里", "期间", "的时候", "之际", "以来", "过程中", "高峰中", "旺季中"}
	settingOpens = []string{"during ", "in the run-up to ", "over the ", "through the ", "while ", "as ", "ahead of "}
)

// setting reports whether clause only sets the scene for a goal: when or
// where, or the date of an event that opens it ("10/15 左右 GSP 飞检，cold
// chain zero major finding"); a date the goal is due by ("4月25日前完成搬迁")
// is part of it.
func setting(clause string) bool {
	low := strings.ToLower(clause)
	return slices.ContainsFunc(settingEnds, func(w string) bool { return strings.HasSuffix(clause, w) }) ||
		slices.ContainsFunc(settingOpens, func(w string) bool { return strings.HasPrefix(low, w) }) || datedOpening.MatchString(low) && !strings.Contains(clause, "前")
}

// datedOpening opens a clause with a date: "10/15", "3月20日", "on june 30".
var datedOpening = regexp.MustCompile(`^(?:on |in )?(?:\d{1,2}\s*[/月.-]\s*\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b)`)

// minClause is the fewest characters a goal's first clause says on its
// own: a shorter one ("Safe, …", "稳，…") runs on to the next mark.
const minClause = 8
