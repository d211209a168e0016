package mediate

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A plan line or a question names an item where the whole answer is too
// long to repeat: "They need laptops that can get into the CRM so leads go
// in on the spot" is asked as "laptops that can get into the CRM". The
// point of an item is read with the grammar the engine matches by: the
// sentence that asks (a need) or the first that is not background, from
// the clause that asks, up to the first reason, without the words that
// only say a side asks or can.

// needOpeners only say that a side asks, before what it asks for.
var needOpeners = append([]string{"they need ", "they'd need ", "pls ", "plz ", "we'd love ", "we'd also like ",
	"we also need ", "we really need ", "we'll need ", "we will need ", "i'd like ", "could you please ", "could you ", "can you please ", "can you ", "need ",
	"所以", "因此", "我们最需要的是", "最需要的是", "我们需要的是", "需要的是", "想要", "我们想要", "我们这边", "我们这里"}, append(askOpeners, fillers...)...)

// fillers open a sentence without saying anything of what it asks: they
// go, and the opener after them with them ("Honestly we need quick answers").
var fillers = []string{"honestly ", "honestly, ", "also, ", "also ", "and ", "but ", "plus ", "oh and ", "另外", "还有", "同时", "其次", "最后", "其实", "说实话"}

// NeedPoint is what need text asks for, said short (see above).
func NeedPoint(text string) string {
	return point(text, true, needOpeners)
}

// OfferPoint is what offer text gives, said short, as a plan says it
// after the side's name (see Plainly). When the sentence first says what
// someone else does and then what the side does ("The venue sets up the
// booth and we'll bring the banners"), the side's part is its point,
// unless it points back ("… and I'll send them over").
func OfferPoint(text string) string {
	s := point(text, false, canOpeners)
	if rest, ok := afterSetting(s); ok {
		return OfferPoint(rest)
	}
	low := lower(s)
	for _, w := range canOpeners {
		i := strings.Index(low, " and "+w)
		if i > 0 && isWordRune(firstRune(w)) && !needsAntecedent(low[i+len(" and "+w):]) {
			return point(s[i+len(" and "):], false, canOpeners)
		}
	}
	return withoutCan(s)
}

// actingMarks say that someone does or can do something: a clause that
// holds one is an offer, not the scene before it.
var actingMarks = []string{"可以", "能", "会", "帮", "负责", "提供", "安排", "can ", "will ", "'ll ", "could ", "would "}

// topicMarks open a first clause that names what the rest acts on, all
// of it or each: a topic, not the scene.
var topicMarks = []string{"所有", "每个", "每一", "全部", "这些", "那些", "任何", "凡是", "all ", "every ", "each ", "any "}

// weStarts open a clause in which the offering side acts, and weOpeners
// are its subject, which a plan line after the side's name leaves out.
var (
	weStarts  = []string{"，我们", ",我们", "，我方", ", we ", ", we'"}
	weOpeners = append([]string{"我们", "我方", "we've ", "we have ", "we "}, canOpeners...)
)

// afterSetting returns the part of offer s from the clause where the side
// acts, when a first clause only sets the scene without the side in it
// ("新园区离地铁远，我们开通了两条早晚班车线路"): the offer is what the side
// does. A first clause that is a condition stays, as the offer holds only
// on it ("If the list comes by Friday, we can…").
func afterSetting(s string) (string, bool) {
	low := lower(s)
	if len(low) != len(s) {
		return "", false // s is cut at low's offsets
	}
	for _, w := range weStarts {
		i := strings.Index(low, w)
		if i <= 0 {
			continue
		}
		after := strings.TrimLeft(s[i:], ",， ")
		if !sceneOnly(low[:i]) || says(lower(after), []string{"我们都", "我们也", "我方都", "we'll do it", "we do it"}) {
			return "", false // "所有…的宣称，我们都会附出处": the first clause is what the side acts on
		}
		rest := trimOpeners(after, weOpeners)
		return rest, utf8.RuneCountInString(rest) >= 4
	}
	return "", false
}

// sceneOnly reports whether first, an offer's first clause in lower case,
// only says how things stand: not a condition, not a clause of several,
// naming neither the side nor anyone acting ("客服可以帮忙招募用户，…") nor
// a topic the rest acts on, and in English stating something.
func sceneOnly(first string) bool {
	if conditional(first) || says(first, []string{"我们", "我方", "我", "we", "our", "i "}) || strings.ContainsAny(first, ",，;；:：") ||
		says(first, actingMarks) || says(first, topicMarks) {
		return false
	}
	return hasHan(first) || says(" "+first+" ", []string{" is ", " are ", " was ", " were ", "'s ", "n't "})
}

// needsAntecedent reports whether the first words of a clause hold a pronoun
// for something named before it ("send them over"): the clause needs
// what came before to be understood.
func needsAntecedent(low string) bool {
	ws := strings.Fields(low)
	for _, w := range ws[:min(len(ws), 3)] {
		switch strings.Trim(w, ",.;:") {
		case "them", "it", "those", "these", "that", "this":
			return true
		}
	}
	return false
}

// maxPointText is how much of an item its point is read from: a point
// is said near the start, and an answer pasted whole is not read through.
const maxPointText = 2000

func point(text string, need bool, openers []string) string {
	text = Unnumbered(trimMarkers(prefix(text, maxPointText)))
	s := withoutPurpose(pointSentence(sentences(text), need))
	if t := withoutBracketed(s); utf8.RuneCountInString(t) >= 3 {
		s = t // "a Taylor Swift track in a TikTok (lol, asking for the agency)": the aside is no point
	}
	if i := askingClause(s); need && i > 0 && !needsFirstClause(s[i:]) {
		s = s[i:]
	}
	s = strings.Trim(beforeAside(beforeReason(s)), " ,，;；:：")
	if t := trimOpeners(s, openers); utf8.RuneCountInString(strings.TrimSpace(t)) >= 3 {
		s = t
	}
	if utf8.RuneCountInString(s) < 3 {
		return strings.TrimSpace(text)
	}
	return s
}

// antecedentRefs point at what an earlier clause named, and bareAgents
// ask for a person without saying for what.
var (
	antecedentRefs = []string{"他们", "它们", "它", "这些", "那些", "这个", "那个", " them", " it ", " it.", " they ", " those", " these"}
	bareAgents     = []string{"有人", "派人", "找人", "someone", "somebody"}
)

// needsFirstClause reports whether an asking clause needs the clause before it
// to be understood ("赠品是一套刀叉，需要有人单独去采购", "… to his home"):
// the point then keeps both.
func needsFirstClause(clause string) bool {
	low := " " + lower(clause) + " "
	rest := trimOpeners(strings.TrimSpace(clause), needOpeners)
	return says(low, antecedentRefs) || slices.ContainsFunc(bareAgents, func(w string) bool { return strings.HasPrefix(lower(rest), w) })
}

// purposeOpeners open a clause that says what the rest is for.
var purposeOpeners = []string{"为了", "in order to ", "to make ", "to hit ", "to catch ", "to meet "}

// withoutPurpose drops a first clause of s that only says what the rest
// is for ("为了赶投放，可以先给一个日报"): the point is what is given.
func withoutPurpose(s string) string {
	end := partEnd(s)
	if end < 0 {
		return s
	}
	low := lower(s[:end])
	if slices.ContainsFunc(purposeOpeners, func(w string) bool { return strings.HasPrefix(low, w) }) {
		if rest := strings.TrimLeft(s[end+utf8.RuneLen(firstRune(s[end:])):], " "); utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return s
}

// pointSentence is the first sentence that asks, for a need, else the
// first that is not background, else the first.
func pointSentence(ss []string, need bool) string {
	for _, s := range ss {
		if need && asks(s) && !background(lower(s)) {
			return strings.TrimSpace(s)
		}
	}
	for _, s := range ss {
		if t := strings.TrimSpace(s); t != "" && !background(lower(t)) {
			return t
		}
	}
	return strings.TrimSpace(ss[0])
}

// beforeReason is s up to its first reason: a later clause that only
// explains ("，不然库存压着卖不了", ", so anything …") or warns what
// follows a condition ("，打样后再改就得重排") unless the first
// clause is a condition it completes ("样品前到的话，这个项目…"), or a reason
// inside a clause ("laptops … so leads go in"). "While" before more
// clauses says when, not why ("every Monday while you're out: …").
func beforeReason(s string) string {
	start, cond := 0, false
	for start < len(s) {
		end := partEnd(s[start:])
		last := end < 0
		if last {
			end = len(s)
		} else {
			end += start
		}
		clause := trimLeadIn(strings.TrimLeft(s[start:end], " "))
		if start == 0 {
			cond = conditional(s[:end])
		}
		if start > 0 && !cond && (opensReason(clause) || forcedBy(clause) || background(lower(clause)) && !asks(clause)) {
			return s[:start]
		}
		if i := reasonInside(s[start:end]); i > 0 && (last || !strings.HasPrefix(lower(s[start+i:]), " while ")) {
			return s[:start+i]
		}
		if last {
			return s
		}
		start = end + utf8.RuneLen(firstRune(s[end:]))
	}
	return s
}

// opensReason reports whether clause opens with a reason word ("so
// anything …", "因为…").
func opensReason(clause string) bool { return reasonInside("_ "+clause) == 1 }

// withoutBracketed drops the asides in brackets that hold a clause mark
// of their own: a remark, not the point ("(lol, asking for the agency)").
// A short bracket ("(racks, benches)" kept as what is listed) stays.
func withoutBracketed(s string) string {
	for _, b := range [][2]string{{"(", ")"}, {"（", "）"}} {
		i := strings.Index(s, b[0])
		j := strings.Index(s, b[1])
		if i < 0 || j < i {
			continue
		}
		inside := s[i+len(b[0]) : j]
		if strings.IndexFunc(inside, isClauseMark) < 0 || !asks(inside) {
			continue
		}
		s = strings.TrimSpace(s[:i] + s[j+len(b[1]):])
	}
	return s
}
