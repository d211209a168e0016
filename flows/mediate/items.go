package mediate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxItems bounds the items of one answer, and so the engine's work on a
// pasted document. Items beyond it are joined into the last one, with
// "; ", so that nothing typed is dropped.
const MaxItems = 100

// Items splits an answer into its items: one per line, per `;` or `；`
// (unless what follows points back, see joinedParts),
// per sentence (see sentences), and per coordinated request ("另外…",
// "also …"), with bullets (-, *, •), numbering (1. 1) (1) （1） 一、 ①) and
// joining words trimmed, so each item keeps the user's own wording for
// display. An item that only says there is nothing ("None", "暂无",
// "Nothing right now, we're swamped") is no item, and an item repeated
// verbatim counts once. There are at most MaxItems items.
func Items(text string) []string {
	out := splitItems(text)
	if len(out) > MaxItems {
		out[MaxItems-1] = strings.Join(out[MaxItems-1:], "; ")
		out = out[:MaxItems]
	}
	return out
}

// splitItems is Items without the bound.
func splitItems(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range joinedParts(strings.FieldsFunc(text, isItemBreak), text) {
		for _, sentence := range continued(sentences(trimMarkers(line))) {
			for _, part := range coordinations(sentence) {
				item := trimItem(part)
				key := lower(singleSpaced(item))
				if item == "" || seen[key] || isNothing(key) || isPleasantry(key) {
					continue
				}
				seen[key] = true
				out = append(out, item)
			}
		}
	}
	return out
}

// singleSpaced is s with each run of spaces one space, and none at its
// ends: strings.Join(strings.Fields(s), " "), without building it anew for
// the many items already so.
func singleSpaced(s string) string {
	space := true // a space here would lead
	for _, r := range s {
		switch {
		case r == ' ' && !space:
			space = true
		case unicode.IsSpace(r):
			return strings.Join(strings.Fields(s), " ")
		default:
			space = false
		}
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// trimItem trims a part of a sentence to the item it holds: no markers,
// no joining word in front, no full stop after.
func trimItem(s string) string {
	for {
		t := strings.TrimRightFunc(trimLeadIn(trimMarkers(s)), func(r rune) bool { return isPad(r) || r == '。' || r == '.' })
		if t == s {
			return s
		}
		s = t
	}
}

// joinedParts joins to the part before it each part of text after a
// semicolon that points back to it ("We'll request the letters today;
// they typically need 3 weeks"): as after a full stop, it goes on about
// the same thing. A part after a line break stands alone.
func joinedParts(parts []string, text string) []string {
	out := parts[:0:0]
	pos := 0
	for _, p := range parts {
		at := pos + strings.Index(text[pos:], p)
		gap := text[pos:at]
		pos = at + len(p)
		if n := len(out); n > 0 && strings.TrimFunc(gap, isPad) != "" && !strings.ContainsAny(gap, "\n\r\u2028\u2029") && pointsBack(strings.TrimLeftFunc(p, isPad)) {
			out[n-1] += gap + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// isItemBreak reports whether r ends an item.
func isItemBreak(r rune) bool {
	switch r {
	case '\n', '\r', ';', '；', '\u2028', '\u2029':
		return true
	}
	return false
}

// trimMarkers removes leading bullets and numbering, and the spaces and
// dangling separators around the item.
func trimMarkers(s string) string {
	for {
		s = strings.TrimFunc(s, isPad)
		rest := trimBullet(s)
		if rest == s {
			rest = trimNumber(s)
		}
		if rest == s {
			return strings.TrimRightFunc(s, func(r rune) bool { return isPad(r) || strings.ContainsRune(",，、", r) })
		}
		s = rest
	}
}

// isPad is white space, including the ideographic space.
func isPad(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// trimBullet removes one leading bullet character.
func trimBullet(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-*•·‣◦●○▪■□–—>", r) {
		// "-5%" or "*args" are text, not bullets: a bullet is followed by a space.
		if next, _ := utf8.DecodeRuneInString(s[n:]); n == len(s) || isPad(next) || r == '•' || r == '●' || r == '▪' || r == '■' {
			return s[n:]
		}
	}
	return s
}

// trimNumber removes one leading list number: 1. 1) 1） 1、 (1) （1） (a) a)
// 一、 （一） ① and the like. A number that is part of the text ("1.5天",
// "3 servers", "2026年") is left alone.
func trimNumber(s string) string {
	if r, n := utf8.DecodeRuneInString(s); r >= '①' && r <= '⑳' {
		return s[n:]
	}
	if open, n := utf8.DecodeRuneInString(s); open == '(' || open == '（' {
		label, rest := cutLabel(s[n:])
		if close, m := utf8.DecodeRuneInString(rest); label != "" && (close == ')' || close == '）') {
			return rest[m:]
		}
		return s
	}
	label, rest := cutLabel(s)
	if label == "" {
		return s
	}
	sep, m := utf8.DecodeRuneInString(rest)
	next := firstRune(rest[m:])
	digits := label[0] >= '0' && label[0] <= '9'
	switch {
	case sep == '、' || sep == '．' || sep == ')' || sep == '）':
		return rest[m:]
	case sep == '.' && digits && !unicode.IsDigit(next): // "1.Laptops", not "1.5天"
		return rest[m:]
	case sep == '.' && (m == len(rest) || isPad(next)): // "a. ", not "e.g."
		return rest[m:]
	}
	return s
}

// cutLabel splits off a list label: up to three ASCII digits, one ASCII
// letter, or up to three Chinese numerals.
func cutLabel(s string) (label, rest string) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		return s[:i], s[i:]
	}
	if len(s) > 0 && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z' && (len(s) == 1 || !isASCIIAlnum(rune(s[1]))) {
		return s[:1], s[1:]
	}
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isNothing reports whether an item only says that there is nothing to
// list: its first clause is a refusal, whatever reason follows ("Nothing
// right now, we're swamped", "暂时没有，最近人手太紧"). key is lower case
// with single spaces.
func isNothing(key string) bool {
	clause := key
	if i := strings.IndexFunc(key, func(r rune) bool { return clauseMark(r) == '|' }); i >= 0 {
		clause = key[:i]
	}
	if len(clause) > 80 {
		return false // a refusal is a few words
	}
	clause = strings.TrimFunc(clause, func(r rune) bool { return unicode.IsPunct(r) || isPad(r) })
	if nothing[clause] {
		return true
	}
	for _, p := range zhNow {
		clause = strings.TrimPrefix(clause, p)
	}
	if zhNothing[clause] {
		return true
	}
	neg := false
	for w := range strings.FieldsSeq(clause) {
		if !refusalWords[w] {
			return false
		}
		neg = neg || negations[w]
	}
	return neg
}

// pleasantries open a clause that only greets or thanks.
var pleasantries = []string{"hi", "hello", "hey", "dear", "thanks", "thank you", "many thanks", "cheers", "good morning",
	"大家好", "各位好", "你好", "您好", "谢谢", "感谢", "辛苦", "多谢"}

// isPleasantry reports whether every clause of an item greets or thanks
// ("Hi all, thanks for jumping on this"): no need nor offer. key is lower
// case with single spaces.
func isPleasantry(key string) bool {
	if !slices.ContainsFunc(pleasantries, func(p string) bool { return strings.HasPrefix(key, p) }) {
		return false // the first clause greets or thanks, or none does
	}
	for _, clause := range strings.Split(strings.Map(clauseMark, prefix(key, 200)), "|") {
		clause = strings.TrimSpace(clause)
		if clause != "" && !slices.ContainsFunc(pleasantries, func(p string) bool {
			return clause == p || strings.HasPrefix(clause, p+" ") || !isASCIIAlnum(firstRune(p)) && strings.HasPrefix(clause, p)
		}) {
			return false
		}
	}
	return len(key) <= 200
}

// clauseMark maps the marks that end a clause to "|".
func clauseMark(r rune) rune {
	switch r {
	case ',', '，', ';', '；', ':', '：', '—', '(', ')', '（', '）', '。', '.', '!', '！', '?', '？':
		return '|'
	}
	return r
}

var nothing = set("none", "nothing", "n/a", "na", "nil", "no", "-", "—", "none for now", "nothing for now",
	"nothing yet", "none yet", "no needs", "nothing needed", "not at the moment")

// zhNow are the words of time that may open a Chinese refusal.
var zhNow = []string{"暂时", "目前", "现在", "最近", "这段时间", "这次", "本次", "短期内", "眼下", "也"}

// zhNothing are Chinese refusals, after any word of zhNow.
var zhNothing = set("无", "没有", "暂无", "暂无需求", "没有需求", "无需求", "没什么", "没啥", "给不了", "提供不了",
	"帮不上", "帮不上忙", "没有可以提供的", "没什么可以提供的", "没什么能提供的", "腾不出人", "抽不出人", "没空")

// refusalWords may make up an English refusal, of which at least one is a
// negation: "nothing right now", "not much we can offer at the moment".
var (
	refusalWords = set("nothing", "none", "no", "not", "n/a", "much", "anything", "really", "right", "now", "at",
		"the", "moment", "for", "this", "quarter", "month", "week", "time", "being", "yet", "currently", "sorry",
		"unfortunately", "we", "we're", "i", "i'm", "can", "can't", "cannot", "can’t", "offer", "give", "spare",
		"to", "honestly", "afraid", "that", "from", "our", "side", "at all", "this", "point", "capacity", "bandwidth",
		"have", "don't", "don’t", "do", "any", "nope", "sadly", "else", "here", "need", "needs")
	negations = set("nothing", "none", "no", "not", "can't", "cannot", "can’t", "don't", "don’t", "nope")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
