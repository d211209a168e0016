package mediate

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
)

// This file holds the vocabulary: concepts.txt (embedded) lets the matcher
// see that "人手" and "人员", or "服务器" and "servers", name the same
// thing; the tables below say which words say nothing about what is
// needed ("需要", "provide") and which carry no meaning at all.

// generic words say that something is needed or offered, or how urgently,
// but not what: they may support a match, never make one.
var generic = []string{
	"需要", "需求", "提供", "希望", "支持", "协助", "帮助", "帮忙", "配合", "安排", "优先",
	"尽快", "及时", "保证", "确保", "负责", "进行", "完成", "相关", "工作", "问题", "情况",
	"方面", "部门", "团队", "我们", "你们", "他们", "我方", "对方", "可以", "能够", "应该",
	"必须", "一定", "至少", "提前", "按时", "每个", "所有", "全部", "给出", "给到", "输出",
	"同步", "共享", "调配", "时间", "公司", "目标", "新增", "增加", "提升", "提高", "降低",
	"减少", "保障", "推进", "落地", "处理", "解决", "事项", "内容", "一版", "更多", "更好",
	"need", "provide", "offer", "want", "require", "request", "please", "pls", "plz", "help", "support",
	"ensure", "make", "get", "give", "send", "share", "team", "new", "more", "less", "every",
	"all", "first", "last", "extra", "asap", "soon", "early", "late", "time", "priority",
	"prioritize", "prioritise", "deliver", "ready", "available", "work", "company", "goal",
	"department", "dept", "use", "set", "setup", "like", "well", "also", "via",
	"number", "issue", "thing", "improve", "increase", "reduce", "better", "good",
	// How much a side wants it, not what: "we'd love", "最急的是", "能不能".
	"love", "hope", "wish", "appreciate", "we'd", "i'd", "biggest", "big", "main", "headline", "urgent", "really", "great",
	"最急", "最需要", "最要紧", "最重要", "最缺", "急需", "能不能", "能否", "有人", "尽量", "最好", "一下", "帮忙",
	"期间", "那边", "这边", "我们的", "你们的", "出个", "给个", "一个", "一点", "快一点", "快点",
	"honestly", "basically", "frankly", "ok", "okay", "own", "personal", "whether", "quick", "第一时间", "知道", "想要", "开始", "直接",
	// Where, without saying where: "billing data somewhere we can query".
	"somewhere", "anywhere", "someplace",
	// How many, not what: "a couple of experienced mods".
	"couple", "handful", "bunch", "lots", "several", "一些", "几个", "几位", "fewer", "tiny",
	// Who, without saying who: "everyone on the trip does the module" asks
	// for the module, not for people.
	"everyone", "everybody", "anyone", "anybody", "else",
	// How something is done, not what: "ad-hoc pulls" are no ads.
	"ad-hoc", "adhoc", "one-off",
	// How, not what: "pinging engineers directly in DMs" is about the DMs.
	"directly", "quickly", "clearly", "properly", "regularly", "automatically",
	"immediately", "actually", "usually", "finally", "fully", "simply", "easily", "personally",
	// Which version of a thing, not what thing: "the current handbook" and
	// "the handbook master copy" are one handbook.
	"current", "latest", "existing", "现有", "最新",
	// Wanting to know says how a thing is wanted, as 知道 does: "to know
	// what customers complain about" asks for the complaints.
	"know",
	// Acknowledging is how a thing is handed over, not what: "每季度确认一次".
	"确认", "confirm",
	// Getting a thing says it is handed over, not what: "从拿到 rosters 那天算"
	// and "最晚 10/21 要拿到 forecast" share no thing.
	"拿到", "收到",
}

// stopwords carry no meaning for matching at all, beyond the stemmer's
// English list: dates and durations (timeread reads those), fillers.
var stopwords = []string{
	"今天", "明天", "后天", "大后天", "昨天", "本周", "下周", "这周", "上周", "周一", "周二",
	"周三", "周四", "周五", "周六", "周日", "周末", "星期", "月底", "月初", "年底", "上午",
	"下午", "晚上", "早上", "早晨", "中午", "凌晨", "傍晚", "一早", "之前", "以前", "之后", "以后", "以内", "之内", "天内", "当天", "小时",
	"工作日", "分钟", "一个", "一些", "这个", "那个", "以及", "或者", "然后", "因为", "所以",
	"如果", "并且", "而且", "还是", "就是", "已经", "正在", "为了", "通过", "其中", "等等",
	"用来", "用于", "用以", "一次", "每次", "黄金周", "国庆", "春节", "双十一", "节前", "节后", "端午", "中秋", "节日", "节假日", "假期", "长假", "期间",
	"下个版本", "下一个版本", "跟我们", "和我们", "与我们", "给我们",
	"day", "days", "week", "weeks", "month", "months", "year", "years", "today", "tomorrow",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "hour",
	"hours", "minute", "minutes", "morning", "afternoon", "evening", "tonight", "weekend",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", // "signed off by Thu 9/10" names no thing
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "least", "within", "ahead", "also", "etc", "e.g",
	"instead", // "net-60 instead of net-30": a contrast, no thing
	"i.e", "would", "could", "may", "might", "must", "shall", "let", "us", "one", "two",
	"three", "four", "five", "six", "seven", "eight", "nine", "ten", "twice", "once",
	"co", "re", "pre", "non", "multi", "sub", "self", // prefixes split off a hyphenated word
	"per", "每天", "每日", "每周", "每月", "每季度", "每年", // cadences: timeread reads them, they name no thing
	// a pronoun with its verb contracted is still only a pronoun
	"we'll", "we're", "we've", "they're", "they'll", "they've", "i'll", "i'm", "i've",
	"you'll", "you're", "you've", "it's", "that's", "there's", "he's", "she's", "let's",
	// a verb denied is still only a verb: "the rigs can't go in a van" names rigs
	"can't", "cannot", "won't", "couldn't", "wouldn't", "shouldn't", "mustn't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
}

// stopChars are Chinese characters that glue words together: a character
// pair holding one is not a term.
const stopChars = "的了和与及或吗呢吧啊也都还就很并又再已之其这那们把被去来在是有给让对向从太更最"

// conceptFile is the bulk of the concepts, by department (see its head
// for the format and how to extend it).
//
//go:embed concepts.txt
var conceptFile string

// conceptTable maps each concept id to its words, as read from
// conceptFile; a word that stands for several concepts is written
// "word:id1,id2". Built once at package load, read only.
var conceptTable = readConcepts(conceptFile)

// readConcepts reads the concept lines of file (see concepts.txt).
func readConcepts(file string) map[string][]string {
	out := make(map[string][]string, 400)
	for _, line := range strings.Split(file, "\n") {
		id, list, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Split(list, ",") {
			word, ids, several := strings.Cut(strings.TrimSpace(w), "=")
			if several {
				word += ":" + strings.ReplaceAll(ids, "+", ",")
			}
			if word != "" {
				out[strings.TrimSpace(id)] = append(out[strings.TrimSpace(id)], word)
			}
		}
	}
	return out
}

// lexEntry is what a known word stands for: concept ids, or a class.
type lexEntry struct {
	concepts []string
	keys     []string // the concepts' term keys, in the lexicon's entries (see conceptKeys)
	generic  bool
	stop     bool
}

// lexicon maps Chinese words and English stems to entries; maxHan is the
// longest Chinese word in runes. Built once at package load, read only.
var lexicon, maxHan = buildLexicon()

func buildLexicon() (map[string]lexEntry, int) {
	lex := map[string]lexEntry{}
	longest := 0
	merge := func(key string, e lexEntry) {
		old := lex[key]
		old.concepts = append(old.concepts, e.concepts...)
		old.generic = old.generic || e.generic
		old.stop = old.stop || e.stop
		lex[key] = old
	}
	add := func(word string, e lexEntry) {
		key := lexKey(word)
		if n := len([]rune(key)); isHanWord(key) && n > longest {
			longest = n
		}
		merge(key, e)
		if !isHanWord(key) {
			merge(exactKey(word), e)
		}
	}
	for id, words := range conceptTable {
		for _, w := range words {
			word, ids, found := strings.Cut(w, ":")
			if strings.Contains(word, " ") {
				continue // a phrase: see phraseTable
			}
			if !found {
				add(word, lexEntry{concepts: []string{id}})
				continue
			}
			add(word, lexEntry{concepts: strings.Split(ids, ",")})
		}
	}
	for _, w := range generic {
		add(w, lexEntry{generic: true})
	}
	for _, w := range stopwords {
		add(w, lexEntry{stop: true})
	}
	for k, e := range lex {
		slices.Sort(e.concepts)
		e.concepts = slices.Compact(e.concepts)
		for _, c := range e.concepts {
			e.keys = append(e.keys, conceptKey(c))
		}
		lex[k] = e
	}
	return lex, longest
}

// lexKey is a word's lookup key: Chinese as is, English lower-cased and
// stemmed.
func lexKey(word string) string {
	word = lower(word)
	if isHanWord(word) || strings.Contains(word, "-") {
		return word
	}
	return stem(word)
}

// exactKey is the lookup key of an English word as written, which takes
// precedence over its stem: "weekly" is a concept though its stem "week"
// is a stop word.
func exactKey(word string) string { return "=" + lower(word) }

// lookup finds an English word by its exact form, then by its stem key.
func lookup(word, key string) (lexEntry, bool) {
	if e, ok := lexicon[exactKey(word)]; ok {
		return e, true
	}
	e, ok := lexicon[key]
	return e, ok
}

// stem reduces an English word to its stem ("servers" -> "server",
// "testing" -> "test"), then an agent noun or a particle compound to the
// stem it derives from ("tester" -> "test", "cleanup" -> "clean"), so a
// need for testers meets an offer of testing.
// A word of notAgents is its own stem, plural or not, even where the
// stemmer would cut its ending; an irregular past form stems as its verb.
func stem(word string) string {
	if w := strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "s"); notAgents[w] {
		return w
	}
	if base, ok := irregularPast[word]; ok {
		word = base
	}
	return derive(english.Stem(word, true))
}

// irregularPast maps the past forms the stemmer cannot reduce to their
// verb: "laptops bought on p-cards" is about buying them, "influencers we
// paid" about paying them. Forms that are also other words ("left",
// "found", "saw", "written" as in writing) are not here, nor those of
// verbs that only hand a thing over ("sent", "given", "made"): those
// verbs are generic, while the past form still tells one item from
// another ("once it is sent").
var irregularPast = map[string]string{
	"paid": "pay", "prepaid": "prepay", "bought": "buy", "sold": "sell", "spent": "spend", "built": "build",
	"rebuilt": "rebuild", "brought": "bring", "taught": "teach", "held": "hold", "kept": "keep", "told": "tell",
	"chosen": "choose", "chose": "choose", "taken": "take", "took": "take", "won": "win", "lost": "lose",
	"met": "meet", "ran": "run", "went": "go", "gone": "go", "shown": "show", "drawn": "draw", "drew": "draw",
	"frozen": "freeze", "froze": "freeze", "broken": "break", "broke": "break", "forgotten": "forget",
	"understood": "understand", "withdrawn": "withdraw", "undertaken": "undertake", "overseen": "oversee",
}

// notAgents end in -er or -or without naming one who does the stem: a
// server does not serve in the sense of "serve", a customer is no custom.
var notAgents = set("server", "customer", "computer", "printer", "poster", "folder", "former", "corner",
	"member", "number", "matter", "master", "letter", "water", "power", "paper", "partner", "quarter",
	"monitor", "sensor", "vendor", "motor", "floor", "door", "error", "mirror", "color", "minor", "major",
	"banner", "router", "header", "footer", "cluster", "filter", "layer", "offer", "chapter", "counter",
	"border", "interior", "senior", "junior", "factor", "sector", "doctor", "tutor", "labor", "favor", "honor",
	"contractor", "leader", // a contractor is hired help, not a contract; a leader no sales lead
	"adjuster") // a claims adjuster assesses losses: "adjustable" and "adjustment" name none

// nominals map the stem of a noun made from a verb to the verb's stem,
// where the stemmer leaves them apart: a decision is made by deciding,
// a submission by submitting, a delivery by delivering.
var nominals = map[string]string{
	"submiss": "submit", "permiss": "permit", "admiss": "admit",
	"decis": "decid", "explan": "explain", "extens": "extend", "expans": "expand",
	"respons": "respond", "failur": "fail", "signatur": "sign", "departur": "depart",
	"mainten": "maintain", "deliveri": "deliv", "recoveri": "recov", "discoveri": "discov",
	"complaint": "complain", "choic": "choos",
}

// derive is the stem an agent noun ("-er", "-or") or a compound with "up"
// derives from, when at least four letters remain.
func derive(s string) string {
	if v, ok := nominals[s]; ok {
		return v
	}
	switch {
	case notAgents[s]:
		return s
	case len(s) >= 6 && (strings.HasSuffix(s, "er") || strings.HasSuffix(s, "or")):
		return strings.TrimSuffix(s[:len(s)-2], "e")
	case len(s) >= 6 && strings.HasSuffix(s, "up") && s != "backup" && s != "signup" && s != "standup": // a backup is no "back", a sign-up no signature, a standup no standing desk
		return s[:len(s)-2]
	case len(s) >= 5 && strings.HasSuffix(s, "si"): // hypothesis and hypotheses, analysis and analyses
		return s[:len(s)-1]
	case strings.HasSuffix(s, "yz"): // analyze and analyse
		return s[:len(s)-1] + "s"
	case strings.HasSuffix(s, "script"): // subscription and subscribe, description and describe
		return s[:len(s)-4] + "rib"
	}
	return s
}

func isHanWord(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}
