package render

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of Block Kit and of what a person reads on a phone. Lengths are
// counted in UTF-16 units (see width), which is never less than Slack's
// character count.
const (
	maxHeader  = 150  // header block text
	maxSection = 3000 // section text
	maxField   = 2000 // one section field
	maxContext = 2000 // one context element (kept well under a section)
	maxButton  = 75   // button label
	maxText    = 1000 // a message's fallback text: a summary
	maxItem    = 300  // one user item shown in a list
	maxName    = 80   // a side's name
	maxLines   = 12   // lines of one list before "+N more"
	// MaxTopic is the longest /collab topic accepted, in characters.
	MaxTopic = 300
	// maxData is the longest user text put in message metadata, in runes.
	maxData = 300
)

// width counts s in UTF-16 units: an emoji outside the BMP counts twice.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// clip returns user text s on one line (runs of white space become one
// space), escaped, and at most max units wide. When s is longer it is cut
// at the last clause boundary (，、；, ; : or before a bracket) or, failing
// that, the last space, and ends in "…": a reader sees whole words and
// phrases, never half a word. Only text with no boundary in reach (a long
// run of CJK with no punctuation, a URL) is cut where it stops fitting.
// It escapes rune by rune, so no entity is ever split, and reads no
// further into s than the output needs.
func clip(s string, max int) string {
	out, _ := clipped(s, max)
	return out
}

// brief is clip for a phrase that stands for a whole item in a plan or a
// question: cut after a clause that ends a thought (，；; and the like),
// it reads whole and takes no "…"; cut anywhere else, it does.
func brief(s string, max int) string {
	out, whole := clipped(s, max)
	if whole {
		return strings.TrimSuffix(out, "…")
	}
	return out
}

// clipped is clip, and whether the cut came after a mark that ends a
// thought (see endsThought).
func clipped(s string, max int) (string, bool) {
	var b strings.Builder
	var c cuts
	w, pendingSpace, depth, prev := 0, false, 0, rune(0)
	for i, r := range s { // invalid UTF-8 comes out as U+FFFD
		if unicode.IsSpace(r) {
			pendingSpace = b.Len() > 0
			continue
		}
		piece := escRune(r)
		if pendingSpace {
			if !unicode.IsDigit(prev) || !unicode.Is(unicode.Han, r) { // a count belongs to its measure word ("9 点")
				c.space(b.Len(), w, max)
			}
			piece, pendingSpace = " "+piece, false
		}
		prev = r
		if opensClause(r) {
			c.clause(b.Len(), w, max, false)
			depth++
		}
		if strings.ContainsRune(")）]】", r) && depth > 0 {
			depth--
		}
		w += width(piece)
		if w > max {
			out, whole := c.best(b.String(), max)
			return out + "…", whole
		}
		b.WriteString(piece)
		if closesClause(r) && depth == 0 { // a mark inside brackets would leave one open
			c.mark(r, s[i+1:], b.String(), len(piece), w-width(piece), max)
		}
		if w <= max-1 {
			c.hard = b.Len()
		}
	}
	return b.String(), false
}

// cuts remembers where the text so far may end: after a clause, at a
// space, or anywhere (hard), each as a byte offset into the output.
type cuts struct {
	clauseAt, spaceAt, hard int
	clauseW, spaceW         int
	thought                 bool // the clause cut ends a thought
	thoughtAt, thoughtW     int  // the latest clause cut that ends a thought
	start                   int  // where the clause being read began
}

// mark records the clause mark r that ends out, read before rest, as a
// boundary of width w: an English comma that goes on with a list is none,
// and a clause that opens with a condition ends no thought.
func (c *cuts) mark(r rune, rest, out string, size, w, max int) {
	boundary, thought := true, endsThought(r)
	if r == ',' {
		boundary, thought = commaEnds(rest)
	}
	if boundary {
		at := len(out) - size
		c.clause(at, w, max, thought && !opensCondition(out[c.start:at]))
		c.start = len(out)
	}
}

// clause and space record a boundary at byte offset at, width w, when the
// text up to it still leaves room for the "…".
func (c *cuts) clause(at, w, max int, thought bool) {
	if w <= max-1 {
		c.clauseAt, c.clauseW, c.thought = at, w, thought
		if thought {
			c.thoughtAt, c.thoughtW = at, w
		}
	}
}

func (c *cuts) space(at, w, max int) {
	if w <= max-1 {
		c.spaceAt, c.spaceW = at, w
	}
}

// minThought is the narrowest whole thought worth ending on, in units.
const minThought = 6

// best is the output cut after the latest whole thought that keeps a
// fifth of the room: a reader takes a shorter whole clause over a longer
// cut one. Else the latest clause boundary that keeps at least a third,
// else the latest space that keeps a third, without a dangling function
// word; else the hard cut.
func (c *cuts) best(out string, max int) (string, bool) {
	keep, least := max/3, minThought
	if max/5 > least {
		least = max / 5
	}
	if c.thoughtAt > 0 && c.thoughtW >= least {
		return trimDangling(out[:c.thoughtAt]), true
	}
	if c.clauseAt > 0 && c.clauseW >= keep {
		return trimDangling(out[:c.clauseAt]), c.thought
	}
	if c.spaceAt > 0 && c.spaceW >= keep {
		return trimDangling(out[:c.spaceAt]), false
	}
	return out[:c.hard], false
}

// opensClause is a rune before which a phrase may end: a bracket opening
// an aside. closesClause is punctuation that ends a clause; a cut there
// drops the mark itself.
func opensClause(r rune) bool { return strings.ContainsRune("(（[【", r) }

func closesClause(r rune) bool { return strings.ContainsRune("，、；;,:：。！？!?", r) }

// endsThought is a clause mark after which what comes before reads whole:
// not a list mark (、 or an English comma, which may part the items of
// a list) nor a colon, which opens what it announces.
func endsThought(r rune) bool { return strings.ContainsRune("，；;。！？!?", r) }

// minClauseWords is the fewest words after an English comma that make a
// clause of their own ("…, we find out next morning"); fewer are the next
// item of a list ("copy, rules and banners"), and the comma ends no thought.
const minClauseWords = 4

// commaEnds reads rest, the text after an English comma: whether the
// comma ends a clause at all (not when a list goes on, see listComma),
// and whether what it ends is a thought of its own (not when a
// continuation follows).
func commaEnds(rest string) (clause, thought bool) {
	if listComma(rest) {
		return false, false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	return true, !continuations[strings.ToLower(first)]
}

// listComma reports whether rest, the text after an English comma, goes
// on with a list: a short item (fewer than minClauseWords words) that
// another comma follows, or "and"/"or" and a last item that is no clause
// with a subject of its own ("a working, managed laptop and accounts on
// day one"). A short run that ends the text ("…, starting this week") or
// a long one is a clause of its own.
func listComma(rest string) bool {
	words := strings.Fields(rest)
	if len(words) > 0 && isLink(words[0]) {
		words = words[1:] // ", and every leaver loses access": a clause follows
	}
	n, stop := shortRun(words)
	switch {
	case n >= minClauseWords || stop == len(words):
		return false
	case isLink(words[stop]):
		return stop+1 < len(words) && !pronouns[strings.ToLower(words[stop+1])] // "finance and we report…": a clause
	}
	return strings.HasSuffix(words[stop], ",")
}

// shortRun counts the words of an item: up to "and"/"or" (at stop) or a
// word that ends in a mark (stop is that word).
func shortRun(words []string) (n, stop int) {
	for i, w := range words {
		if isLink(w) {
			return i, i
		}
		if strings.ContainsAny(w[len(w)-1:], ",;:.!?") {
			return i + 1, i
		}
	}
	return len(words), len(words)
}

// pronouns open a clause with its own subject after "and"/"or".
var pronouns = map[string]bool{"i": true, "we": true, "you": true, "they": true, "he": true, "she": true, "it": true, "it's": true, "we'll": true, "they're": true}

func isLink(w string) bool { return strings.EqualFold(w, "and") || strings.EqualFold(w, "or") }

// continuations open what still belongs to the clause before a comma:
// what it comes with, for whom, or what it excepts ("staging frozen Wed,
// with seeded test accounts", "early, not after the VP sees it").
var continuations = map[string]bool{
	"with": true, "without": true, "including": true, "plus": true, "for": true, "to": true, "in": true,
	"on": true, "at": true, "by": true, "from": true, "of": true, "via": true, "per": true, "but": true,
	"except": true, "not": true, "only": true, "unless": true, "if": true, "so": true, "as": true,
}

// conditions open a clause that waits for the one after it ("If a
// template is good enough, it's 6 days"): cut after it, the point is lost.
var conditions = []string{"if ", "when ", "once ", "unless ", "although ", "because ", "since ", "while ", "as long as ",
	"如果", "要是", "只要", "一旦", "假如", "除非", "因为", "虽然", "等到"}

// opensCondition reports whether clause opens with one of conditions.
func opensCondition(clause string) bool {
	low := strings.ToLower(strings.TrimSpace(clause))
	return slices.ContainsFunc(conditions, func(w string) bool { return strings.HasPrefix(low, w) })
}

// dangling are words a cut phrase must not end on ("the top 3 r…" becomes
// "the top 3…", "reviews of the…" becomes "reviews…").
var dangling = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "for": true,
	"and": true, "or": true, "with": true, "in": true, "on": true, "at": true,
	"by": true, "from": true, "that": true, "we": true, "our": true, "their": true,
	"your": true, "&amp;": true, "is": true, "are": true, "be": true, "not": true, "per": true,
	"every": true, "each": true, "all": true, "any": true, "no": true, "this": true, "its": true,
	"until": true, "before": true, "after": true, "within": true, "once": true, "if": true,
	"when": true, "during": true, "into": true, "about": true, "as": true, "than": true, "via": true,
}

// endsEntity reports whether s ends in an escape: its ';' is no clause mark.
func endsEntity(s string) bool {
	return strings.HasSuffix(s, "&lt;") || strings.HasSuffix(s, "&gt;") || strings.HasSuffix(s, "&amp;")
}

// trimDangling drops trailing spaces, clause marks and function words.
func trimDangling(s string) string {
	for {
		for s != "" && !endsEntity(s) {
			r, n := utf8.DecodeLastRuneInString(s)
			if !unicode.IsSpace(r) && !closesClause(r) && r != '-' && r != '—' {
				break
			}
			s = s[:len(s)-n]
		}
		if w := danglingZh(s); w != "" {
			s = strings.TrimSuffix(s, w)
			continue
		}
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !dangling[strings.ToLower(s[i+1:])] {
			return s
		}
		s = s[:i]
	}
}

// zhDangling are Chinese words a short form must not end on: a limit, a
// link or a preposition that waits for what follows ("…来写，至少" reads
// "…来写").
var zhDangling = []string{"至少", "最多", "最晚", "最迟", "大概", "大约", "需要", "以及", "并且", "或者", "还有", "比如",
	"例如", "包括", "因为", "所以", "但是", "而且", "如果", "与", "及", "或", "把", "被", "将", "跟", "向", "让", "的"}

// trimDanglingZh drops the Chinese words of zhDangling and the clause
// marks a whole phrase ends on: an English one may end on "to" ("a page
// customers can subscribe to"), a Chinese one not on "至少".
func trimDanglingZh(s string) string {
	out := s
	for {
		t := strings.TrimRightFunc(out, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，、；：,;:", r) })
		w := danglingZh(t)
		if w == "" {
			if out == s {
				return s
			}
			return t
		}
		out = strings.TrimSuffix(t, w)
	}
}

// zhWordsInDe are words that end in 的 themselves: the 的 is no link.
var zhWordsInDe = []string{"目的", "别的", "有的", "真的", "是的", "似的", "标的"}

// danglingZh is the word of zhDangling s ends on, "" if none; "的" only
// after more than one character and not in a word of its own ("目的").
func danglingZh(s string) string {
	for _, w := range zhDangling {
		if strings.HasSuffix(s, w) && utf8.RuneCountInString(s) > utf8.RuneCountInString(w)+1 &&
			!slices.ContainsFunc(zhWordsInDe, func(d string) bool { return strings.HasSuffix(s, d) }) && !counts(s, w) {
			return w
		}
	}
	return ""
}

// counts reports whether w ends s as a measure word after a numeral:
// "钥匙给 IT 一把" ends on a count, not on a 把 that waits for its object.
func counts(s, w string) bool {
	if w != "把" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(s, w))
	return strings.ContainsRune("一二两三四五六七八九十几每0123456789", r)
}

func escRune(r rune) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return string(r)
}

// item returns user text for display: clipped, or a placeholder when empty.
func (l loc) item(s string) string { return l.fit(s, maxItem) }

// fit returns user text for display, at most max units wide, or a
// placeholder when empty.
func (l loc) fit(s string, max int) string {
	if strings.TrimSpace(s) == "" {
		return l.T("common.empty", nil)
	}
	return clip(s, max)
}

// point returns the phrase that stands for an item (see mediate.NeedPoint),
// escaped and cut for a plan line or a question: at most max units in
// English, half of that in Chinese, whose characters say more each.
func (l loc) point(s string, max int) string {
	if strings.TrimSpace(s) == "" {
		return l.T("common.empty", nil)
	}
	if l.lang == "zh" {
		max /= 2
	}
	out := brief(s, max)
	if strings.HasSuffix(out, "…") {
		return out
	}
	return cmp.Or(trimDanglingZh(out), out)
}

// name returns a side's name for display.
func (l loc) name(s string) string {
	if strings.TrimSpace(s) == "" {
		return l.T("common.empty", nil)
	}
	return clip(s, maxName)
}

// cut returns user text for metadata: at most maxData runes, unescaped
// (metadata is data for other apps, not text Slack displays).
func cut(s string) string {
	s = strings.TrimSpace(s)
	n := 0
	for i := range s {
		if n == maxData {
			s = s[:i]
			break
		}
		n++
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// lines joins a title and lines into one text of at most max units. Lines
// that do not fit, or beyond maxLines, are counted in a last "+N more".
func (l loc) lines(title string, ls []string, max int) string {
	var b strings.Builder
	b.WriteString(title)
	w := width(title)
	const reserve = 40 // room for the "+N more" line
	for i, s := range ls {
		if i == maxLines || w+1+width(s) > max-reserve {
			b.WriteString("\n" + l.N("common.more", len(ls)-i))
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n")
			w++
		}
		b.WriteString(s)
		w += width(s)
	}
	return b.String()
}

// join lists escaped items on one line, at most max units wide. When an
// item holds a list or clause mark itself ("权益页、积分页", "copy, rules"),
// or is cut ("a…, b" reads as one), the separator would split or blur it
// in the reader's eye, so the items are numbered instead (① a ② b).
func (l loc) join(items []string, max int) string {
	s, _ := l.joinShown(items, max)
	return s
}

// joinShown is join, and how many of the items it shows.
func (l loc) joinShown(items []string, max int) (string, int) {
	if len(items) > 1 && slices.ContainsFunc(items, func(s string) bool { return strings.ContainsAny(s, itemMarks) || strings.HasSuffix(s, "…") }) {
		out := make([]string, len(items))
		for i, s := range items {
			out[i] = ordinal(i) + " " + s
		}
		return l.joinCount(out, " ", max)
	}
	return l.joinCount(items, l.T("common.sep", nil), max)
}

// itemMarks are the marks that separate items or clauses in a line.
const itemMarks = "、，,；;"

// joinWith is join with another separator.
func (l loc) joinWith(items []string, sep string, max int) string {
	s, _ := l.joinCount(items, sep, max)
	return s
}

// joinCount is joinWith, and how many of the items it shows.
func (l loc) joinCount(items []string, sep string, max int) (string, int) {
	var b strings.Builder
	w := 0
	for i, s := range items {
		if i > 0 {
			s = sep + s
		}
		if w+width(s) > max-20 {
			b.WriteString(" " + l.N("common.more", len(items)-i))
			return b.String(), i
		}
		b.WriteString(s)
		w += width(s)
	}
	return b.String(), len(items)
}

// isoDate is the metadata form of a date: YYYY-MM-DD, "" when unset.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

var slackID = regexp.MustCompile(`^[A-Z0-9]{2,40}$`)

// userMention is <@U…> for a well-formed user id, the escaped text otherwise.
func userMention(id string) string {
	if slackID.MatchString(id) {
		return "<@" + id + ">"
	}
	return clip(id, maxName)
}
