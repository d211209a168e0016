package mediate

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// People answer in prose as often as in lists: "我们最急的是合同模板更新，
// 最好月底前定稿。另外报价单格式也要统一。" holds two needs. A sentence is
// one item, with its clauses: a deadline or a reason after a comma stays
// with the need it qualifies. Inside a sentence, a coordinating word that
// opens a new request ("另外", "also", "as well as") starts a new item.

// sentences splits a line into sentences: after 。！？ always, after . ! ?
// when a space or the end follows and the dot does not end an
// abbreviation or a number ("e.g.", "Nov.", "1.5").
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		end := i + n
		if endsSentence(line, i, r) {
			for end < len(line) && strings.ContainsRune(closers+"。！？!?", firstRune(line[end:])) {
				end += utf8.RuneLen(firstRune(line[end:])) // "谁出？？", "really?!": one end
			}
			out = append(out, line[start:end])
			start = end
		}
		i = end
	}
	return append(out, line[start:])
}

// continued joins each sentence that goes on about the one before it to
// that one: it opens with a word that points back ("They need laptops",
// "这个时间得留够"), or the one before is a short lead-in that names what
// the next one details ("Honestly the biggest thing is interviewers. We
// need engineers on the panels"). A sentence opening with a joining word
// ("另外", "Also") is a new request.
func continued(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		t := strings.TrimLeftFunc(s, isPad)
		if n := len(out); n > 0 && !opensJoin(t) && (pointsBack(t) || leadsInto(out[n-1], t) || answersWhy(out[n-1], t) || backsUp(t) || endsOnIt(t) || asideOnly(t) || saysMoreOf(out[n-1], t)) {
			out[n-1] += s
			continue
		}
		out = append(out, s)
	}
	return out
}

// backWords open a sentence that is about the one before, or says what
// happens if it is not done ("Otherwise the booth goes to someone else",
// "不然达不到上线标准"): a reason, not a request of its own.
var backWords = []string{"they ", "it ", "it's ", "this ", "that ", "these ", "those ", "which ", "them ",
	"otherwise", "or else", "这个", "这些", "这样", "那个", "那些", "它", "他们", "不然", "否则", "要不然", "以免", "免得"}

func pointsBack(s string) bool {
	low := lower(prefix(s, 16))
	for _, w := range backWords {
		if strings.HasPrefix(low, w) {
			return true
		}
	}
	return false
}

// endsOnIt reports whether sentence s is a short request whose object is
// only "it" or "this" ("need someone to dig into it", "Can you look at
// this?"): what it is about is in the sentence before.
func endsOnIt(s string) bool {
	words := strings.Fields(strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsPunct(r) || isPad(r) }))
	return len(words) > 1 && len(words) <= 7 && slices.Contains([]string{"it", "this", "This"}, words[len(words)-1]) // "IT" is a team
}

// askedVerbs say that someone has wanted a thing; askedAux come right
// before them ("have asked", "keep asking"); askedSpan are the words that
// may follow to say for how long ("for two years", "since March").
var (
	askedVerbs = []string{"asked", "asking", "requested", "requesting", "wanted", "begged", "begging", "complained", "complaining"}
	askedAux   = []string{"have", "has", "been", "keep", "kept", "'ve"}
	askedSpan  = []string{"for", "about", "it", "this", "that", "since", "over", "the", "past", "last", "a", "long", "time", "while",
		"ages", "forever", "years", "year", "months", "month", "weeks", "week", "two", "three", "four", "five", "several", "many", "now"}
)

// backsUp reports whether sentence s only says who has asked for the
// thing before it and for how long ("Customers have asked for two
// years", "Users keep asking"): it backs that request, it is none of its
// own.
func backsUp(s string) bool {
	words := strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '\'' {
			return ' '
		}
		return r
	}, lower(s)))
	j := slices.IndexFunc(words, func(w string) bool { return slices.Contains(askedVerbs, w) })
	if j < 2 || j > 5 || !slices.Contains(askedAux, words[j-1]) {
		return false
	}
	return !slices.ContainsFunc(words[j+1:], func(w string) bool {
		return !slices.Contains(askedSpan, w) && strings.TrimFunc(w, unicode.IsDigit) != ""
	})
}

func opensJoin(s string) bool { return trimLeadIn(s) != s }

// leadsInto reports whether prev is a short lead-in (a few words) that
// shares a meaningful term with next.
func leadsInto(prev, next string) bool {
	han := 0
	for _, r := range prev {
		if isHan(r) {
			han++
		}
	}
	if len(strings.Fields(prev)) > 6 || han > 12 || utf8.RuneCountInString(prev) > 60 {
		return false
	}
	a, b := uniqueKeys(termsOf(prev)), uniqueKeys(termsOf(prefix(next, 200)))
	for _, k := range intersect(a, b) {
		if e := lexicon[k]; !e.generic && !isNumber(k) {
			return true
		}
	}
	return false
}

// answersWhy reports whether next, after the question prev, is about
// what prev asks for and asks nothing itself: the reason for the question
// ("Can the templates default to Net 30? Half of the new contracts say
// Net 60").
func answersWhy(prev, next string) bool {
	if !strings.HasSuffix(strings.TrimRightFunc(prev, isPad), "?") && !strings.HasSuffix(strings.TrimRightFunc(prev, isPad), "？") || asks(next) {
		return false
	}
	a, b := uniqueKeys(termsOf(prev)), uniqueKeys(termsOf(prefix(next, 200)))
	return slices.ContainsFunc(intersect(a, b), func(k string) bool { return k[0] == '#' && !lexicon[k].generic })
}

// clauseVerbs make an English sentence a statement with a subject and
// a verb ("partial markups get sent back", "on our paper it's 2"), unlike
// a bare noun phrase, the commonest way to ask ("Monitors by Monday").
var clauseVerbs = []string{" is ", " are ", "it's ", "that's ", " get ", " gets ", " goes ", " go ", " means ", " mean ", " was ", " were ", " will ", " won't ", " stays ", " counts ", " happens "}

// saysMoreOf reports whether English sentence next, after prev in the same
// line, asks nothing while prev asks, and is a statement: it says more of
// prev's request ("we need the complete redlined version before review
// starts. partial markups get sent back"), not a request of its own.
func saysMoreOf(prev, next string) bool {
	if hasHan(next) || !asks(prev) || asks(next) {
		return false
	}
	low := " " + lower(strings.TrimSpace(next)) + " "
	return says(low, clauseVerbs) && !spanWordRe.MatchString(low) // a length of its own is a step of the work ("Installation is two branches a day, so four business days")
}

// spanWordRe finds a unit of time.
var spanWordRe = regexp.MustCompile(`\b(?:hours?|days?|weeks?|months?|sprints?)\b`)

// asideOnly reports whether sentence s is all one bracketed remark ("(min
// wage law thing, nobody here knows)."): it comments on the sentence before.
func asideOnly(s string) bool {
	t := strings.TrimRightFunc(s, func(r rune) bool { return isPad(r) || r == '.' || r == '。' })
	open, close := firstRune(t), lastRune(t)
	return (open == '(' || open == '（') && (close == ')' || close == '）') && strings.IndexAny(t[1:len(t)-len(string(close))], "()（）") < 0
}

// closers follow a sentence's end and belong to it: quotes and brackets.
const closers = "”’\"'）)」』】"

// endsSentence reports whether r at i ends a sentence of line.
func endsSentence(line string, i int, r rune) bool {
	switch r {
	case '。', '！', '？':
		return true
	case '!', '?':
		return spaceFollows(line, i+1)
	case '.':
		return spaceFollows(line, i+1) && !abbreviation(line[:i])
	}
	return false
}

// spaceFollows reports whether line has a space (or nothing) at i.
func spaceFollows(line string, i int) bool {
	return i >= len(line) || isPad(firstRune(line[i:]))
}

// abbreviations end in a dot without ending a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"no": true, "approx": true, "incl": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "a.m": true, "p.m": true, "st": true,
	"pref": true, "dept": true, "est": true, "qty": true, "avg": true, "excl": true, "misc": true, "max": true, "min": true,
}

// abbreviation reports whether before ends with an abbreviation, an
// initial or a list number, so that its dot ends no sentence. A number
// after other words ends a sentence ("the printer by Sept 25. We'd also
// love…"): only a number that opens the line numbers a list.
func abbreviation(before string) bool {
	f := strings.FieldsFunc(before, isPad)
	if len(f) == 0 {
		return true
	}
	w := lower(strings.TrimLeft(f[len(f)-1], "(（\"“"))
	return abbreviations[w] || utf8.RuneCountInString(w) == 1 || isNumber(w) && len(f) == 1
}

// zhJoins open a new request inside a Chinese sentence, after a comma or
// anywhere ("以及" joins two things asked for).
var zhJoins = []string{"另外", "此外", "还有", "同时", "以及", "再就是"}

// enJoins open a new request inside an English sentence, at a clause's
// start (after a comma or "and"); midJoins anywhere between two words.
var (
	enJoins  = []string{"and also ", "also ", "plus ", "as well as ", "in addition ", "additionally "}
	midJoins = []string{" as well as ", " and also ", " plus "}
	// promiseJoins open a new promise after a comma ("…, that's no problem,
	// and I can book a portable AC unit"): "and" goes, the promise keeps
	// who makes it.
	promiseJoins = []string{"and i can ", "and we can ", "and i'll ", "and we'll ", "and i will ", "and we will "}
	// startAfterJoin, after such a join, says when the same work starts ("…10
	// business days, and we can start today"), no new promise.
	startAfterJoin = []string{"start", "begin", "kick", "get going", "get started"}
)

// coordinations splits a sentence at the words that join two requests.
func coordinations(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		if !mayJoin(s[i]) {
			i++
			continue
		}
		if n := joinAt(s, i); n > 0 && strings.TrimFunc(s[start:i], isSoftPunct) != "" {
			out = append(out, s[start:i])
			start = i
			i += n
			continue
		}
		i += utf8.RuneLen(firstRune(s[i:]))
	}
	return append(out, s[start:])
}

// mayJoin reports whether a joining word may start at a byte b: a space,
// a letter that starts an English one, or the lead byte of a Chinese one
// (all of zhJoins start in the range U+4E00..U+9FFF, lead byte 0xE4-0xE9).
func mayJoin(b byte) bool {
	return b == ' ' || b == 'a' || b == 'A' || b == 'p' || b == 'P' || b == 'i' || b == 'I' || b >= 0xE4 && b <= 0xE9
}

// runeBefore returns the last character before i in s, past white space.
func runeBefore(s string, i int) rune {
	prev, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s[max(0, i-8):i], isPad))
	return prev
}

// opensClause reports whether i in s starts the text or follows a mark
// that ends a clause.
func opensClause(s string, i int) bool {
	return i == 0 || isClauseMark(runeBefore(s, i))
}

// joinAt returns the length of the joining word that starts a new request
// at i in s, or 0. It looks at a few bytes around i only, so that a long
// line is split in linear time.
func joinAt(s string, i int) int {
	rest := prefix(s[i:], maxJoin)
	if s[i] >= utf8.RuneSelf {
		for _, w := range zhJoins {
			if strings.HasPrefix(rest, w) && (w == "以及" || opensClause(s, i)) {
				return len(w)
			}
		}
		return 0
	}
	prev := runeBefore(s, i)
	clauseStart := opensClause(s, i)
	if t := strings.TrimLeft(rest, " "); t == "" || !strings.ContainsRune("apiAPI", rune(t[0])) {
		return 0
	}
	low := lower(rest)
	if clauseStart && (i == 0 || isPad(firstRune(rest)) || !unicode.IsLetter(prev)) {
		for _, w := range enJoins {
			if t := strings.TrimLeftFunc(low, isPad); strings.HasPrefix(t, w) {
				return len(rest) - len(t) + len(w)
			}
		}
		if isClauseMark(prev) || isPad(prev) && isClauseMark(runeBefore(s, i-1)) {
			for _, w := range promiseJoins {
				if t := strings.TrimLeftFunc(low, isPad); strings.HasPrefix(t, w) && !hasAnyPrefix(t[len(w):], startAfterJoin) {
					return len(rest) - len(t) + len("and ")
				}
			}
		}
	}
	for _, w := range midJoins {
		if strings.HasPrefix(low, w) && !(w == " plus " && endsInQuantity(s[max(0, i-40):i])) {
			return len(w)
		}
	}
	return 0
}

// maxJoin bounds the text joinAt reads: the longest joining word, with
// room for the spaces before it.
const maxJoin = 24

// endsInQuantity reports whether s ends with a number or a duration, as
// "3 days" in "3 days plus 2 for shipping": a sum, not two requests.
func endsInQuantity(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	last := lower(strings.TrimRight(f[len(f)-1], ",."))
	if e, ok := lexicon[lexKey(last)]; ok && e.stop || isNumber(last) {
		return true
	}
	return false
}

// leadIns are words that open an item only to join it to the one before:
// dropped, with the comma after them, so the item reads on its own.
var leadIns = []string{"另外", "此外", "还有就是", "还有", "同时", "以及", "再就是", "and also", "also", "plus",
	"as well as", "in addition", "additionally", "and", "but"}

// trimLeadIn removes one joining word at the start of an item.
func trimLeadIn(s string) string {
	low := lower(s)
	for _, w := range leadIns {
		if !strings.HasPrefix(low, w) {
			continue
		}
		rest := s[len(w):]
		if isHanWord(w) || rest == "" || !isWordRune(firstRune(rest)) {
			return strings.TrimLeftFunc(rest, func(r rune) bool { return isPad(r) || strings.ContainsRune(",，:：", r) })
		}
	}
	return s
}

// isSoftPunct is white space or punctuation.
func isSoftPunct(r rune) bool { return isPad(r) || unicode.IsPunct(r) }
