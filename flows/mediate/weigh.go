package mediate

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// Thresholds of a match. A need and an offer are paired when the terms
// they share weigh minScore or more, at least minStrong of it from terms
// that are neither generic words nor numbers, and cover minCover of the
// need's own weight (minCoverOne when a single strong word is shared,
// minCoverModifier when the offer qualifies that word with words the need
// lacks, "page load" for "page live", or the need uses it to qualify
// another, "server logs"): one shared word among many does not make a
// match. Or else they name the same thing (see headMatch) by a word of
// minStrong weight: "checkout" in "Deposit + final payment checkout live"
// and "A checkout that handles 3x the expected peak".
const (
	minScore         = 1.0
	minStrong        = 0.6
	minCover         = 0.3
	minCoverOne      = 0.5
	minCoverModifier = 0.75
	minHead          = 0.3 // the weight of a head both items name
)

// Weights of weak terms, relative to a term of the same rarity.
const (
	genericFactor = 0.3 // "需要", "provide"
	numberFactor  = 0.2 // "2" in "2名" and "2天" is a coincidence
)

// weights gives each term key its weight within one collaboration: a key
// found in two texts weighs 1, one found in most texts (the collaboration's
// theme, such as "页面" when the topic is a page launch) nearly nothing.
type weights struct {
	w    map[string]float64
	weak map[string]bool
}

// newWeights counts, for each key, how many of docs (each a sorted list of
// unique keys) hold it. The words of the sides' names are content like
// any other: a side called Engineering offering engineers offers engineers.
func newWeights(docs [][]string) weights {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	df := make(map[string]int, n)
	for _, d := range docs {
		for _, k := range d {
			df[k]++
		}
	}
	all := float64(max(len(docs), 3) + 1)
	ws := weights{w: make(map[string]float64, len(df)), weak: make(map[string]bool, len(df))}
	for k, c := range df {
		idf := 1.0
		if c > 2 {
			idf = math.Log(all/float64(c)) / math.Log(all/2)
		}
		factor := 1.0
		switch {
		case isNumber(k):
			factor = numberFactor
		case lexicon[k].generic:
			factor = genericFactor
		}
		ws.w[k] = max(idf, 0.05) * factor
		ws.weak[k] = factor < 1
	}
	return ws
}

// strong returns the keys of keys that are not weak, in their order:
// keys itself when none is, as is most often the case.
func (ws weights) strong(keys []string) []string {
	if !slices.ContainsFunc(keys, func(k string) bool { return ws.weak[k] }) {
		return keys
	}
	return slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return ws.weak[k] })
}

// strongSig returns the signature of the keys that are not weak: each
// hashes (FNV-1a) to one of 64 bits.
func (ws weights) strongSig(keys []string) uint64 {
	var sig uint64
	for _, k := range keys {
		if ws.weak[k] {
			continue
		}
		h := uint64(14695981039346656037)
		for i := 0; i < len(k); i++ {
			h = (h ^ uint64(k[i])) * 1099511628211
		}
		sig |= 1 << (h & 63)
	}
	return sig
}

// need is the weight of a need's keys, against which a match's coverage
// is measured. A pair of Chinese characters counts half: a run of n
// characters gives n-1 overlapping pairs but holds about n/2 words.
func (ws weights) need(keys []string) float64 {
	s := 0.0
	for _, k := range keys {
		if _, known := lexicon[k]; isHanWord(k) && !known {
			s += ws.w[k] / 2
			continue
		}
		s += ws.w[k]
	}
	return s
}

// meets reports whether offer meets need, with the keys they share. Two
// compounds of the same words the other way round, or a head narrowed to
// a group the need does not name, are apart however much they share.
func (ws weights) meets(need, offer *entry) ([]string, bool) {
	shared, ok := ws.scored(need, offer)
	if ok && (crossedHeads(need, offer) || groupNarrowed(need, offer)) {
		return shared, false
	}
	return shared, ok
}

// scored is meets before the compounds are compared.
func (ws weights) scored(need, offer *entry) ([]string, bool) {
	shared := intersect(need.keys, offer.keys)
	total, strong := 0.0, 0.0
	var strongKeys []string
	var starts [8]int
	words := starts[:0] // where the shared strong terms start in the need, each once
	for _, k := range shared {
		total += ws.w[k]
		if !ws.weak[k] {
			strong += ws.w[k]
			strongKeys = append(strongKeys, k)
			t, _ := firstTerm(need.terms, k)
			if !slices.Contains(words, t.start) {
				words = append(words, t.start)
			}
		}
	}
	cover := minCover
	if len(words) == 1 { // one word, even if it stands for two concepts ("压测")
		cover = minCoverOne
		if slices.ContainsFunc(strongKeys, func(k string) bool { return apart(offer, need, k) || modifies(need, offer, k) }) {
			cover = minCoverModifier
		}
	}
	headApart := (headsDisagree(need, offer) || ruleApart(need, offer)) && !askedOfTopic(need, offer)
	if headApart || offerHeadQualifies(need, offer) || opposed(need, offer) || actionsDisagree(need, offer) || sameHeadApart(need, offer) || speedMissing(need, offer) || permissionUnmet(need, offer) || len(words) <= 2 && hasHan(offer.Text) && headsCross(need, offer, strongKeys) || placeHolds(need, offer, strongKeys) || equippedOnly(need, offer, strongKeys) || placesApart(need, offer) || carriedApart(need, offer) || contentsUnmet(need, offer) || modifierOnly(need, offer) && holdsOther(offer, need) || taskUnmet(need, offer) {
		return shared, false
	}
	if modifierOnly(need, offer) || deliverableMissing(need, offer) {
		cover = minCoverModifier
	}
	if total >= minScore && strong >= minStrong && total >= cover*need.weight {
		return shared, true
	}
	if modifierOnly(need, offer) {
		return shared, false
	}
	// Two items that name the same thing as their head match on it, even
	// when it is the collaboration's theme and so weighs little.
	if k, same := headsAgree(need, offer); same && !deliverableMissing(need, offer) && ws.w[k] >= minHead {
		return shared, true
	}
	if k, same := coresAgree(need, offer); same && !deliverableMissing(need, offer) && ws.w[k] >= minHead {
		return shared, true
	}
	if k, ok := heldInContainer(need, offer); ok && ws.w[k] >= minHead {
		return shared, true
	}
	// the same for a head read the Chinese way: "一个 overtime dashboard"
	// holds the "overtime per team" asked for
	if len(need.head) > 0 && contains(offer, need) && slices.ContainsFunc(need.head, func(k string) bool { return !ws.weak[k] && ws.w[k] >= minHead }) {
		return shared, true
	}
	if k, ok := sameRecord(need, offer); ok && !ws.weak[k] && ws.w[k] >= minHead {
		return shared, true
	}
	if personFrom(need, offer) {
		return shared, true
	}
	if k, ok := sharedAbbrev(need, offer); ok && !ws.weak[k] && ws.w[k] >= minHead {
		return shared, true
	}
	k, same := headMatch(need, offer)
	return shared, same && !ws.weak[k] && ws.w[k] >= minHead
}

// offerHeadQualifies reports whether need names offer's head only to say
// whose its own head is ("X的Y"), and offer lacks that head: "年会给财务同事
// 留一桌" offers a table at the party, not the party's invoices asked for
// in "年会开支的发票统一交给财务".
func offerHeadQualifies(need, offer *entry) bool {
	if len(need.head) == 0 || len(offer.head) == 0 || holdsAny(offer, need.head) || !holdsAny(need, offer.head) {
		return false
	}
	at := slices.IndexFunc(need.terms, func(t term) bool { return slices.Contains(need.head, t.key) })
	if at < 0 {
		return false
	}
	head := need.terms[at].start
	return !slices.ContainsFunc(need.terms, func(t term) bool {
		if !slices.Contains(offer.head, t.key) {
			return false
		}
		gap := need.Text[min(t.end, head):head]
		return t.start >= head || !strings.Contains(gap, "的") || containsClauseMark(gap)
	})
}

// intersect returns the keys found in both sorted lists.
func intersect(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// uniqueKeys returns the sorted distinct keys of terms.
func uniqueKeys(ts []term) []string {
	keys := make([]string, len(ts))
	for i, t := range ts {
		keys[i] = t.key
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// coresAgree reports whether need and offer are about the same concept
// of the lexicon (see coreOf), however each is worded: "a direct contact
// in the warehouse" and "Priya … is your point of contact".
func coresAgree(need, offer *entry) (string, bool) {
	for _, k := range need.core {
		if k[0] == '#' && slices.Contains(offer.core, k) && !qualifiedApartBy(need, offer, k) && !actsFor(need, k) {
			return k, true
		}
	}
	return "", false
}

// agentVerbs follow a person who is to do what is asked ("someone needs
// to sign off the policy"): the need asks for the act, not for a person.
var agentVerbs = []string{"needs", "need", "should", "must", "has to", "have to", "to", "will", "can", "could"}

// actsFor reports whether key k of e names the one who is to act.
func actsFor(e *entry, k string) bool {
	t, ok := firstTerm(e.terms, k)
	if !ok {
		return false
	}
	after := strings.Fields(lower(e.Text[t.end:]))
	return len(after) > 0 && slices.Contains(agentVerbs, after[0])
}

// sameHeadApart reports whether need and offer, at least one Chinese,
// name the same head and qualify it with nothing in common: "投放效果数据"
// and "用户画像数据" are two kinds of data, however many other words they
// share outside the phrase.
func sameHeadApart(need, offer *entry) bool {
	if len(need.head) == 0 || len(offer.head) == 0 {
		return false // no head in common
	}
	shared := intersect(sorted(need.head), sorted(offer.head))
	heads := slices.Concat(need.head, offer.head)
	apart := func(k string) bool {
		nq, oq := otherThan(qualifiers(need, k), heads), otherThan(qualifiers(offer, k), heads)
		// each names the other's qualifier elsewhere: one thing, told from
		// two sides ("车间实拍的视频" for recruiting, "招聘视频…配合实拍")
		told := holdsAny(offer, nq) && holdsAny(need, oq)
		return len(nq) > 0 && len(oq) > 0 && len(intersect(nq, oq)) == 0 && !told || compoundsApart(need, offer, k)
	}
	if len(shared) == 0 {
		return false
	}
	if need.kind != "" && offer.kind != "" && need.kind != offer.kind {
		return true
	}
	if slices.ContainsFunc(shared, func(k string) bool { return !apart(k) }) {
		return false
	}
	// "证书和渗透测试报告" asks for certificates too, and the offer names them
	return !slices.ContainsFunc(need.head, func(k string) bool { return !slices.Contains(shared, k) && holdsAny(offer, []string{k}) })
}

// kindAfterHead returns the light word that ends the compound holding e's
// Chinese head, which says what kind of thing about the head e names:
// "离职流程" is a process, "离职名单" a list, and the one is not the other.
func kindAfterHead(e *entry) (string, bool) {
	for i, t := range e.terms {
		if !slices.Contains(e.head, t.key) {
			continue
		}
		if k, ok := suffixKind(e.Text[t.end:]); ok {
			return k, true // "安全员" is a person, "安全检查" an inspection
		}
		end := t.end // "访客登记流程": the compound goes on through 登记 to its kind
		for _, u := range e.terms[i+1:] {
			if u.start > end {
				break
			}
			if u.start == end && slices.Contains(lightHeads, u.key) {
				return u.key, true
			}
			end = max(end, u.end)
		}
	}
	return "", false
}

// suffixKinds end a Chinese compound with what kind of thing it names
// when no concept says so: 员, 师 and 官 make a person in a role (安全员,
// 培训师), 检查 and 巡检 an inspection.
var suffixKinds = []struct{ suffix, kind string }{
	{"人员", "#role"}, {"员", "#role"}, {"师", "#role"}, {"官", "#role"},
	{"检查", "#inspection"}, {"巡检", "#inspection"}, {"排查", "#inspection"},
}

// suffixKind returns the kind that rest, the text right after a head,
// opens with.
func suffixKind(rest string) (string, bool) {
	for _, sk := range suffixKinds {
		if strings.HasPrefix(rest, sk.suffix) {
			return sk.kind, true
		}
	}
	return "", false
}

// otherThan returns the keys of ks that are not in heads: a head named
// beside another ("预算明细表和ROI预估") does not qualify it, nor does a
// head of the other item.
func otherThan(ks, heads []string) []string {
	return slices.DeleteFunc(slices.Clone(ks), func(k string) bool { return slices.Contains(heads, k) })
}

// ruleKinds name rules about a thing rather than the thing: a policy on
// spend is not the spend figures, a written policy on no-shows not the
// booking data, a metric's definition not its report.
var ruleKinds = []string{"#policy", "#privacy_policy", "#terms_of_service", "#sop", "#kpi_definition", "#compliance"}

// ruleApart reports whether one of need and offer is about a rule that
// the other does not name: "channel spend approval policy" is a policy,
// not the "actual spend per channel" asked for.
func ruleApart(need, offer *entry) bool {
	if len(need.core) == 0 || len(offer.core) == 0 {
		return false
	}
	ruleOnly := func(a, b *entry) bool { // rules of any kind may meet each other: a definition, a policy
		// "讲消防和办公室规定" is about fire safety as well as the rules
		alsoOther := slices.ContainsFunc(a.core, func(k string) bool { return !slices.Contains(ruleKinds, k) && slices.Contains(b.core, k) })
		return holdsAnyKey(a.core, ruleKinds) && !holdsAny(b, ruleKinds) && !alsoOther
	}
	return ruleOnly(offer, need) || ruleOnly(need, offer)
}

// speedMissing reports whether need asks for a fast track ("紧急付款有个绿色
// 通道") and offer neither gives one nor says how soon: the payment status
// page is about payments too, but expedites nothing.
func speedMissing(need, offer *entry) bool {
	return slices.Contains(need.keys, "#fast_track") && !slices.Contains(offer.keys, "#fast_track") && !offer.hasLead && !offer.hasDeadline
}

// holdsOther reports whether offer's head is a container of a thing need
// does not name: "站外引流的用户画像数据" is persona data, and names the
// off-site traffic asked for only to say whose personas.
func holdsOther(offer, need *entry) bool {
	held := containedBy(offer, offer.head)
	return len(held) > 0 && !holdsAny(need, held)
}

// persons are the concepts that name a person in a role.
var persons = []string{"#owner", "#engineer", "#designer", "#manager", "#tester", "#staff", "#trainer",
	"#interviewer", "#buddy", "#contractor", "#moderator", "#auditor", "#volunteer", "#senior", "#adjuster"}

// givenNameRe finds a capitalised word that acts as a person does: a
// verb of taking charge after it ("Jana signs off", "Marcus owns the
// vendor") or a role in brackets ("Priya (EM)").
var givenNameRe = regexp.MustCompile(`(?:^|[.;,:!?]\s+|\s)([A-Z][a-z]{2,})(?:\s+\(|\s+(?:signs|owns|approves|handles|leads|runs|covers|reviews|answers|manages|decides|is our|is the|will own|will be|can own|can be)\b)`)

// namedPerson reports whether text names someone by a given name: a word
// found by givenNameRe that the lexicon does not know as a concept (a
// team, "Legal signs off", is none).
func namedPerson(text string) bool {
	for _, m := range givenNameRe.FindAllStringSubmatch(text, 3) {
		ts := termsOf(m[1])
		if len(ts) == 1 && ts[0].key[0] != '#' && !ts[0].weak && !slices.Contains(notNames, lower(m[1])) {
			return true
		}
	}
	return false
}

// notNames are capitalised words that open a sentence without naming anyone.
var notNames = []string{"the", "this", "that", "our", "we", "they", "she", "he", "everyone", "nobody", "someone", "each", "every", "one",
	// teams, which sign off and own things as people do
	"finance", "accounting", "procurement", "purchasing", "operations", "ops", "support", "facilities", "admin", "compliance",
	"security", "engineering", "product", "design", "data", "sales", "legal", "marketing", "people", "brand", "events",
	"treasury", "payroll", "tax", "audit", "risk", "growth", "platform", "infra", "devops", "research", "recruiting", "talent"}

// personFrom reports whether need asks for someone from a group ("someone
// from the platform team") and offer names a person of that group ("a
// platform engineer"), or for someone to do a thing that the person
// offered does: the one offered is the one asked for.
func personFrom(need, offer *entry) bool {
	if !slices.Contains(need.core, "#owner") {
		return false
	}
	if (!holdsAnyKey(offer.core, persons) || !namesPerson(offer)) && !namedPerson(offer.Text) {
		return false
	}
	if g := groupOf(need); len(g) > 0 {
		return holdsAll(offer, g)
	}
	// "somebody who signs off" and "Maya, our lead designer, approves"
	return slices.ContainsFunc(need.keys, func(k string) bool {
		return k[0] == '#' && !slices.Contains(persons, k) && slices.Contains(offer.keys, k)
	})
}

// taskUnmet reports whether need asks for someone to do a thing to an
// object ("someone to collect leaver laptops", "someone to wipe the old
// drives") and offer, offering no person, lacks that object: a list of
// leavers says who leaves and when, it collects no laptop.
func taskUnmet(need, offer *entry) bool {
	i := firstHeaded(need.phr)
	if i < 0 || i+1 >= len(need.phr) || !slices.Contains(phraseCore(need.phr[i]), "#owner") || !actsFor(need, "#owner") || holdsAnyKey(offer.core, persons) {
		return false
	}
	task := need.phr[i+1] // the verb and, when nothing stands between, its object
	if len(task.words) == 1 {
		if i+2 >= len(need.phr) || !determiners[task.next] && !slices.Contains([]string{"a", "an", "all", "any", "every", "each"}, task.next) {
			return false
		}
		task = need.phr[i+2]
	}
	obj, ok := task.head()
	return ok && obj.lacks(offer)
}

// namesPerson reports whether e names a person by a word for one: an agent
// noun ("designer", "analyst"), an owner or staff, or a Chinese role. A
// word that shares its stem with one ("designs") names no one.
func namesPerson(e *entry) bool {
	return slices.ContainsFunc(e.terms, func(t term) bool {
		if !slices.Contains(persons, t.key) {
			return false
		}
		w := lower(strings.TrimRight(e.Text[t.start:t.end], "s"))
		return t.key == "#owner" || t.key == "#staff" || isHanWord(w) || strings.Contains(w, " ") ||
			slices.ContainsFunc([]string{"er", "or", "ist", "ee", "lead", "rep"}, func(x string) bool { return strings.HasSuffix(w, x) })
	})
}

// compoundsApart reports whether need and offer join different English
// words right before head k ("quality audit 报告", "price benchmark 报告"): the
// compound says which kind of k each names, and neither item names the
// other's kind anywhere.
func compoundsApart(need, offer *entry, k string) bool {
	nc, oc := compoundBefore(need, k), compoundBefore(offer, k)
	return len(nc) > 0 && len(oc) > 0 && !holdsAny(offer, nc) && !holdsAny(need, oc)
}

// compoundBefore returns the keys of the English words joined to the
// first term of key k, with nothing but spaces between them, walking back
// from it (a Chinese compound is read by qualifiers).
func compoundBefore(e *entry, k string) []string {
	at, ok := firstTerm(e.terms, k)
	if !ok {
		return nil
	}
	var out []string
	start := at.start
	for i := len(e.terms) - 1; i >= 0; i-- {
		t := e.terms[i]
		if t.end > start || t.key == k {
			continue
		}
		if strings.TrimSpace(e.Text[t.end:start]) != "" || isHan(firstRune(e.Text[t.start:])) {
			break
		}
		out = append(out, t.key)
		start = t.start
	}
	slices.Sort(out)
	return out
}
