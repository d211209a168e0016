package mediate

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// When a need and an offer share a single word, that word must be what
// both are about: "客户的开票信息" asks for invoicing details, not for
// customers, and "合同附上客户授权书" offers a letter of authority; "10 demo
// accounts per region" asks for accounts, "Each region can send someone"
// offers a person. A pair whose one shared word is the head of neither, or of one
// only, is not a match (it may still be asked about as a candidate).

// measures name how much of a thing there is, or may be: "server capacity" and
// "服务器扩容" are about servers, "定金最多先付一半" about the deposit.
var measures = []string{"#capacity", "#balance", "#cap"}

// cadences say how often a thing comes, not what it is: "Tech talk every
// Friday" is a talk.
var cadences = []string{"#weekly"}

// coreOf returns the keys of what e is about: for Chinese, the concepts of
// its head that no 的 hands on to another word (see readHeads); for English,
// the last word of its first noun phrase that is neither weak, a light
// head (see lightHeads) nor a measure. A head that is only a measure says
// nothing of what is measured: nil.
func coreOf(e *entry) []string {
	if len(e.head) > 0 {
		core := slices.DeleteFunc(slices.Clone(e.head), func(k string) bool {
			return slices.Contains(measures, k) || qualifiesOnly(e, []string{k}) && !fillsContainer(e, k)
		})
		return append(core, containedBy(e, core)...)
	}
	if hasHan(e.Text) {
		return nil
	}
	for i := firstHeaded(e.phr); i >= 0 && i < len(e.phr); i++ {
		w, ok := e.phr[i].head()
		if !ok || possessive(e.Text, w.end) || i+1 < len(e.phr) && leadsIn(e, i) {
			continue // "Finance can pre-approve a budget": Finance acts, the approval is offered
		}
		core := phraseCore(e.phr[i])
		if apposed(e, i) {
			core = append(core, phraseCore(e.phr[i+1])...) // "Maya, our lead designer, approves"
		}
		if j := copulaAfter(e.phr, i); j > 0 {
			core = append(core, phraseCore(e.phr[j])...) // "Mei is our point of contact"
		}
		if g := groupAfter(e.phr, i, core); holdsAnyKey(g, persons) {
			core = append(core, g...) // "someone from engineering" is an engineer
		}
		return core
	}
	return nil
}

// leadsIn reports whether phrase i of e only leads into the next one: it
// names who acts, before a modal ("Finance can pre-approve a budget") or a
// verb of doing ("everyone on the trip does the module"), or it is a word
// of asking and its verb ("pls fix") or a lone state word ("Draft
// budgets").
func leadsIn(e *entry, i int) bool {
	p := e.phr[i]
	return slices.Contains(modals, p.next) || slices.Contains(doVerbs, p.next) && !askedWhich(e, p) || imperative(e, p) || loneQualifier(e, p) || verdictOn(e, p) || afterModal(e, p) || meansTo(e, p) || inCondition(e, p)
}

// askedWhich reports whether phrase p of e follows "which" or "what": in
// "which cost center does the lease go to?" the cost center is what is
// asked, not the one who does something.
func askedWhich(e *entry, p phrase) bool {
	t, ok := termEndingAt(e, p.words[0].end)
	if !ok {
		return false
	}
	fields := strings.Fields(lower(e.Text[:t.start]))
	return len(fields) > 0 && slices.Contains([]string{"which", "what"}, fields[len(fields)-1])
}

// meansWords, before "to", ask for what follows: "a way to get a waiver"
// asks for the waiver.
var meansWords = []string{"way", "mean", "option", "chanc", "abil"}

// meansTo reports whether phrase p of e is one word of meansWords before
// "to".
func meansTo(e *entry, p phrase) bool {
	return len(p.words) == 1 && holdsAnyKey(p.words[0].keys, meansWords) && strings.HasPrefix(lower(prefix(e.Text[p.words[0].end:], 8)), " to ")
}

// conditions open a clause that says when the rest holds.
var conditions = []string{"if ", "when ", "once ", "unless ", "in case "}

// mainStarts open the main clause after a condition written without a
// comma: "If something can't be fixed in time there's an exception process".
var mainStarts = []string{",", "，", " there's ", " there is ", " we ", " then "}

// conditionEnd returns where an opening clause of condition in low (lower
// case) ends, or 0 when low opens with none.
func conditionEnd(low string) int {
	if !slices.ContainsFunc(conditions, func(c string) bool { return strings.HasPrefix(low, c) }) {
		return 0
	}
	end := 0
	for _, m := range mainStarts {
		if i := strings.Index(low, m); i > 0 && (end == 0 || i < end) {
			end = i
		}
	}
	return end
}

// inCondition reports whether phrase p of e stands in an opening clause
// of condition ("If something can't be fixed in time, there's an
// exception process"): what is offered is in the clause after it.
func inCondition(e *entry, p phrase) bool {
	end := conditionEnd(e.lowText())
	return end > 0 && p.words[len(p.words)-1].end <= end
}

// afterModal reports whether phrase p of e is one word right after a
// modal ("we'll book the retest", "we can host a session"), maybe with
// adverbs ("we'll finally install"): it is the verb of what is done, and
// what is offered is the phrase after it.
func afterModal(e *entry, p phrase) bool {
	t, ok := termEndingAt(e, p.words[0].end)
	if !ok || slices.ContainsFunc(p.words[:len(p.words)-1], func(w word) bool {
		a, ok := termEndingAt(e, w.end)
		return !ok || !adverb(lower(e.Text[a.start:a.end])) // "we'll finally install": the adverb joins the verb's phrase
	}) {
		return false
	}
	fields := strings.Fields(lower(e.Text[:t.start]))
	for len(fields) > 0 && adverb(fields[len(fields)-1]) {
		fields = fields[:len(fields)-1] // "we'll finally install the desks": the adverb says how, the verb is still after the modal
	}
	if len(fields) == 0 {
		return false
	}
	last := strings.ReplaceAll(fields[len(fields)-1], "’", "'")
	return slices.Contains(modals, last) || strings.HasSuffix(last, "'ll")
}

// adverb reports whether w is a word that says how or when of the verb
// after it ("finally", "gladly", "also", "still").
func adverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !slices.Contains([]string{"monthly", "weekly", "daily", "quarterly", "yearly", "early", "supply", "reply", "apply", "comply", "rely", "multiply", "family", "assembly", "anomaly", "rally"}, w) ||
		slices.Contains([]string{"also", "just", "still", "even", "already", "then", "now", "happily", "definitely"}, w)
}

// verdictEnd returns where the verdict e asks for ends (see verdictOn),
// or 0.
func verdictEnd(e *entry) int {
	for _, p := range e.phr {
		if verdictOn(e, p) {
			w, _ := p.head()
			return w.end
		}
	}
	return 0
}

// verdictOn reports whether phrase p of e asks for a verdict on a question
// put after it: "A straight answer on whether we can offer net-60" is
// about net-60 terms, which an offer of them settles.
func verdictOn(e *entry, p phrase) bool {
	w, ok := p.head()
	if !ok || !holdsAnyKey(w.keys, []string{"#answer", "decis"}) {
		return false
	}
	after := strings.TrimLeft(lower(e.Text[w.end:]), " ")
	return slices.ContainsFunc([]string{"on whether", "about whether", "as to whether", "whether"}, func(m string) bool { return strings.HasPrefix(after, m) })
}

// imperative reports whether phrase p of e opens with a word of asking,
// so that its word after is a verb: "pls fix the connectivity thing" is
// about connectivity, not a fix.
func imperative(e *entry, p phrase) bool {
	if len(p.words) != 2 {
		return false
	}
	first := lower(e.Text[:p.words[0].end])
	return slices.ContainsFunc([]string{"please", "pls", "plz"}, func(w string) bool {
		return first == w || strings.HasSuffix(first, " "+w)
	})
}

// stateWords say what state a thing comes in: alone before the phrase
// that names it ("Draft per-team monthly budgets", "read-only Cost
// Explorer access"), they are not what is offered.
var stateWords = []string{"draft", "final", "revised", "updated", "read", "read-only", "signed"}

// loneQualifier reports whether phrase p of e is one state word.
func loneQualifier(e *entry, p phrase) bool {
	if len(p.words) != 1 {
		return false
	}
	fields := strings.Fields(lower(e.Text[:p.words[0].end]))
	return len(fields) > 0 && slices.Contains(stateWords, strings.Trim(fields[len(fields)-1], "-,;:(\"“"))
}

// groupAfter returns, when phrase i names a person (core) and a
// complement says where from ("someone from the platform team", "somebody
// on design"), the core of that group's phrase.
func groupAfter(phr []phrase, i int, core []string) []string {
	if !slices.Contains(core, "#owner") || i+1 >= len(phr) || !slices.Contains([]string{"from", "on", "in"}, phr[i].next) {
		return nil
	}
	g := phraseCore(phr[i+1])
	if slices.Equal(g, []string{"side"}) {
		return nil // "somebody on your side" names no group
	}
	return g
}

// groupOf returns the group a person asked for comes from (see
// groupAfter), or nil.
func groupOf(e *entry) []string {
	if hasHan(e.Text) {
		return nil
	}
	i := firstHeaded(e.phr)
	if i < 0 {
		return nil
	}
	return groupAfter(e.phr, i, phraseCore(e.phr[i]))
}

// copulaAfter returns the index of the phrase a copula links subject
// phrase i to, past the complements of the subject ("Priya on the returns
// bench is your point of contact"), or 0 when none does.
func copulaAfter(phr []phrase, i int) int {
	for j := i; j+1 < len(phr); j++ {
		switch {
		case slices.Contains(copulas, phr[j].next):
			return j + 1
		case !slices.Contains(complements, phr[j].next):
			return 0
		}
	}
	return 0
}

// doVerbs follow the one who does what is asked: "everyone on the trip
// does the Wi-Fi module" asks for the module to be done.
var doVerbs = []string{"does", "do", "completes", "complete", "finishes", "finish", "attends", "attend", "passes", "pass", "signs", "sign", "reads", "read", "watches", "watch"}

// modals follow the one who will act: what comes after is what is done.
var modals = []string{"can", "will", "could", "would", "shall", "may", "should", "must", "can't", "can’t", "cannot", "won't", "won’t", "couldn't", "wouldn't", "shouldn't", "mustn't"}

// copulas say what their subject is: the noun after one names the same
// thing as the subject.
var copulas = []string{"is", "are", "as", "becomes", "will"}

// carriers deliver what the word before them names: "objection clips"
// give objections, "a churn breakdown" the churn, as containers do in
// Chinese (see containers).
var carriers = []string{"clip", "pool", "fleet", "#sample", "exampl", "digest", "summari", "breakdown", "sheet", "matrix", "record", "view", "#comparison", "overview",
	"#export", "#log", "#report", "#list", "#dashboard", "#data", "#document"}

// phraseCore returns the keys of the last word of p that is neither weak,
// a light head, a measure nor a cadence, else of its head; with the concepts of the
// word before it when that word is a carrier.
func phraseCore(p phrase) []string {
	ws := p.words
	for j := len(ws) - 1; j >= 0; j-- {
		if !ws[j].weak && slices.ContainsFunc(ws[j].keys, func(k string) bool {
			return !slices.Contains(lightHeads, k) && !slices.Contains(measures, k) && !slices.Contains(cadences, k)
		}) {
			if j > 0 && !ws[j-1].weak && holdsAnyKey(ws[j].keys, carriers) {
				return slices.Concat(ws[j].keys, conceptsOf(ws[j-1].keys))
			}
			return ws[j].keys
		}
	}
	w, _ := p.head()
	return w.keys
}

// containedBy returns, when head is a container ("考勤数据", "周报"), the
// concepts of the word right before it: what the container holds is what
// the item is about as much as the container.
func containedBy(e *entry, head []string) []string {
	if !holdsAnyKey(head, containers) {
		return nil
	}
	var out []string
	for i, t := range e.terms {
		if !slices.Contains(head, t.key) {
			continue
		}
		for j := i - 1; j >= 0 && e.terms[j].end == t.start; j-- {
			if k := e.terms[j].key; k[0] == '#' {
				out = append(out, k)
			}
		}
	}
	return out
}

// apposed reports whether phrase i of e is a name followed by what it is
// between commas: "Maya, our lead designer, approves…".
func apposed(e *entry, i int) bool {
	if i+1 >= len(e.phr) || len(e.phr[i].words) != 1 {
		return false
	}
	w := e.phr[i].words[0]
	rest := lower(strings.TrimLeft(e.Text[w.end:], " "))
	return strings.HasPrefix(rest, ", our ") || strings.HasPrefix(rest, ", the ") || strings.HasPrefix(rest, ", your ")
}

// possessive reports whether the word ending at end is a possessive
// ("Marketing's Q4 re-forecast" is about the forecast).
func possessive(text string, end int) bool {
	low := lower(text[:end])
	plural := strings.HasSuffix(low, "s") && (strings.HasPrefix(text[end:], "'") || strings.HasPrefix(text[end:], "’")) // "the reps' phones"
	return plural || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s") || strings.HasSuffix(low, "s'")
}

// oneTerm reports whether the keys of shared stand for one word of e:
// terms at one place (a word may name several concepts, "压测" is a test
// and load) or overlapping character pairs ("详情页" reads 详情, 情页).
func oneTerm(e *entry, shared []string) bool {
	return oneTermOf(e, func(k string) bool { return slices.Contains(shared, k) })
}

// oneTermOf is oneTerm of the keys of e that in holds.
func oneTermOf(e *entry, in func(string) bool) bool {
	start, end := -1, -1
	for _, t := range e.terms {
		if !in(t.key) {
			continue
		}
		if start >= 0 && t.start != start && t.start >= end {
			return false
		}
		if start < 0 {
			start = t.start
		}
		end = max(end, t.end)
	}
	return start >= 0
}

// headless reports whether need and offer share one word only and it is
// not what both are about: it qualifies another word in either, or both
// have a head and it is not the head of both.
func (c *collab) headless(n, o *entry) bool {
	strong := c.strongShared(n, o)
	if len(strong) == 0 || !oneTerm(n, strong) {
		return false
	}
	if _, named := sharedAbbrev(n, o); named {
		return false // "customers insist on a DPA" is about the DPA (see abbrev.go)
	}
	if holdsAnyKey(n.core, carriers) && holdsAnyKey(o.core, carriers) && holdsAnyKey(n.core, strong) && holdsAnyKey(o.core, strong) {
		return false // "billing data" and "the billing export" carry the same thing
	}
	if _, same := sameRecord(n, o); same {
		return false // "List of vendors" and "a report of every vendor" too
	}
	if slices.Contains(n.core, "#access") && says(o.lowText(), shareWords) {
		return false // "Access to the user research" is given by sharing the research
	}
	if qualifiesOnly(n, strong) {
		return true
	}
	if holdsAnyKey(needHead(o), containers) || slices.ContainsFunc(strong, func(k string) bool { return fillsContainer(o, k) }) || holdsAnyKey(o.core, carriers) && holdsAnyKey(o.core, strong) {
		return false // "hypothesis doc template" holds what "hypotheses" names (see contains)
	}
	if qualifiesOnly(o, strong) {
		return true
	}
	return len(n.core) > 0 && len(o.core) > 0 && (!holdsAnyKey(n.core, strong) || !holdsAnyKey(o.core, strong))
}

// shareWords give others the use of a thing, which is access to it.
var shareWords = []string{"share ", "shared", "sharing", "共享", "开放给", "开给", "grant you", "give you access"}

// qualifiesOnly reports whether every use of keys in e stands right before
// another word that it qualifies: 的 or a content character in Chinese
// ("客户的开票信息", "客户授权书"), a strong word of the same phrase in
// English ("rep queue").
func qualifiesOnly(e *entry, keys []string) bool {
	found := false
	for i, t := range e.terms {
		if !slices.Contains(keys, t.key) || i+1 < len(e.terms) && slices.Contains(keys, e.terms[i+1].key) && e.terms[i+1].start <= t.end+1 {
			continue // the word goes on
		}
		found = true
		if !qualifierAt(e, i) {
			return false
		}
	}
	return found
}

// lightNouns name nothing of their own: "在途的货", "要改的东西" are named
// by the word before them.
var lightNouns = []string{"货", "东西", "事情", "事儿", "那些", "这些"}

// wordEnds reports whether a word ends before s: at a mark, the end, or
// a character that starts no noun compound ("货哪天到", not "货款").
func wordEnds(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s == "" || !isHan(r) || strings.ContainsRune("哪什能都要也还就的是在到会", r)
}

// qualifierAt reports whether term i of e qualifies the word after it.
func qualifierAt(e *entry, i int) bool {
	t := e.terms[i]
	if t.end >= len(e.Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(e.Text[t.end:])
	if isHan(r) {
		if measureAt(e, t.end) {
			return false // "计提余额" is the accrual, measured
		}
		rest := strings.TrimPrefix(e.Text[t.end:], "的")
		if slices.ContainsFunc(lightNouns, func(w string) bool { return strings.HasPrefix(rest, w) && wordEnds(rest[len(w):]) }) {
			return false // "在途的货" is goods in transit: the word before names them
		}
		return r == '的' || nounFollows(e.Text[t.end:])
	}
	j := i + 1
	for j < len(e.terms) && e.terms[j].start < t.end {
		j++ // another concept of the same word
	}
	if j >= len(e.terms) || hasHan(e.Text) {
		return false
	}
	next := e.terms[j]
	return !next.weak && !slices.Contains(lightHeads, next.key) && !slices.Contains(measures, next.key) && !slices.Contains(cadences, next.key) && strings.Trim(e.Text[t.end:next.start], " -") == "" && !isPredicate(e.Text[next.start:next.end])
}

// measureAt reports whether a term of a measure starts at at in e.
func measureAt(e *entry, at int) bool {
	return slices.ContainsFunc(e.terms, func(t term) bool { return t.start == at && slices.Contains(measures, t.key) })
}

// Chinese puts a noun's modifiers before it without a mark: "仓库破损件" is
// a damaged item, "客户授权书" a letter of authority. A concept followed by a
// run of characters ending in a noun suffix (件, 单, 表, 函…) qualifies
// that noun. The run ends at a particle or a verb of request, which open
// a predicate ("客户要盖章").
const (
	nounSuffixes = "件单表函费款率额群页图稿证书版册卡码"
	runEnds      = stopChars + "要需能可会得请每做帮用按到"
)

// nounFollows reports whether s opens with such a noun run.
func nounFollows(s string) bool {
	var last rune
	n := 0
	for _, r := range s {
		if !isHan(r) || strings.ContainsRune(runEnds, r) || n == 6 {
			break
		}
		last, n = r, n+1
	}
	return n > 0 && strings.ContainsRune(nounSuffixes, last)
}

func holdsAnyKey(keys, of []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(of, k) })
}

// workOf reports whether the one word n and o share is the work n asks
// done by its date and what o is about: "fees wired by Friday" and
// "Overseas wires take 3 business days".
func (c *collab) workOf(n, o *entry) bool {
	strong := c.strongShared(n, o)
	return holdsAnyKey(o.core, strong) && slices.ContainsFunc(n.terms, func(t term) bool {
		return slices.Contains(strong, t.key) && isPredicate(n.Text[t.start:t.end])
	})
}

// unrelated reports whether the one word n and o share is what neither is
// about: "Laptops for the new hires" and "A welcome lunch for the new
// hires" are not worth asking about, where "Burnout survey participation"
// and "Survey pushed to every standup" are.
func (c *collab) unrelated(n, o *entry) bool {
	strong := c.strongShared(n, o)
	return len(strong) > 0 && oneTerm(n, strong) && !holdsAnyKey(n.core, strong) && !holdsAnyKey(o.core, strong)
}

// conceptsOf returns the lexicon concepts among keys.
func conceptsOf(keys []string) []string {
	return slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k[0] != '#' })
}

// fillsContainer reports whether key k of e stands right before a
// container it fills ("在途清单" is a list of goods in transit): what the
// item hands over is what k names.
func fillsContainer(e *entry, k string) bool {
	for i, t := range e.terms {
		if t.key != k {
			continue
		}
		if strings.HasPrefix(e.Text[t.end:], "表") && wordEnds(e.Text[t.end+len("表"):]) {
			return true // "交期表", "考勤表": a table of what the word names
		}
		for _, u := range e.terms[i+1:] {
			if u.start > t.end+len("的") {
				break
			}
			if u.start >= t.end && slices.Contains(containers, u.key) {
				return true
			}
		}
	}
	return false
}
