package mediate

import (
	"strings"
	"testing"
	"unicode"
)

// The fast paths of lower and isHan must give what the unicode tables
// give, for every character they short-cut.
func TestCaselessHasNoCase(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if caseless(r) && (unicode.ToLower(r) != r || unicode.ToUpper(r) != r) {
			t.Fatalf("%U has case", r)
		}
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, isHan(r))
		}
	}
}

func TestLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC Def", "需要2天做兼容性测试", "A/B test 平台，支持“渠道”分流！", "İstanbul Ⅻ ÀÉ",
		"Kelvin \u212a", "\xff\xfeBAD", "ＡＢＣ（全角）", "\ufffd", "mixed 中文 UPPER ñ Ñ"} {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLower(f *testing.F) {
	f.Add("Need 2 Servers 服务器")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Fatalf("lower(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzRegexpHints: a text a regexp matches holds one of the hints that let
// it be run at all.
func FuzzRegexpHints(f *testing.F) {
	for _, s := range []string{"排不下", "填不了", "不要再改", "Don't Change the copy", "先上首页", "前 15 个", "the FIRST 10",
		"firſt 3", "takes 3 days", "¥500", "3万元", "20 USD", "requires 2 sprints"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		low := lower(s)
		for _, c := range []struct {
			match, hinted bool
		}{
			{cannotRe.MatchString(s), says(s, cannotHints)},
			{changeBanRe.MatchString(s), says(low, changeHints)},
			{leadingFirst.MatchString(s), says(low, firstHints)},
			{enTakes.MatchString(low), says(low, takeHints)},
			{moneyBefore.MatchString(s), strings.ContainsAny(s, "$€£¥￥")},
			{moneyAfter.MatchString(s), strings.ContainsAny(s, "元块人美欧") || says(s, currencyCodes)},
		} {
			if c.match && !c.hinted {
				t.Fatalf("%q matches a regexp but holds none of its hints", s)
			}
		}
	})
}

// FuzzWithoutDurations: blanking in one copy of the text gives what
// blanking word by word in new strings gives.
func FuzzWithoutDurations(f *testing.F) {
	for _, s := range []string{"需要2天做兼容性测试", "测试需要2天，需要3天 needs 4 days", "需要需要 2天", " needs  3 weeks needs 1 day",
		"review needs 需要5个工作日", "\u3000需要2天", "a needs　3天"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := withoutDurations(s), blankedOneByOne(s); got != want {
			t.Fatalf("withoutDurations(%q) = %q, want %q", s, got, want)
		}
	})
}

// blankedOneByOne is withoutDurations written plainly, a new string for
// each word blanked.
func blankedOneByOne(low string) string {
	for _, w := range []string{"需要", "needs"} {
		for from := 0; ; {
			i := strings.Index(low[from:], w)
			if i < 0 {
				break
			}
			i += from
			if strings.TrimSpace(low[:i]) != "" && takes(low[i+len(w):]) {
				low = low[:i] + strings.Repeat(" ", len(w)) + low[i+len(w):]
			}
			from = i + len(w)
		}
	}
	return low
}

// FuzzMask: phrases blanked in one copy are blanked as in new strings.
func FuzzMask(f *testing.F) {
	f.Add("by Friday and by Friday again", "by Friday", "Friday")
	f.Add("3天内3天内", "3天内", "")
	f.Fuzz(func(t *testing.T, text, p1, p2 string) {
		m := mask{text: text}
		want := text
		for _, p := range []string{p1, p2, p1} {
			m.blank(p)
			if i := strings.Index(want, p); p != "" && i >= 0 {
				want = want[:i] + strings.Repeat(" ", len(p)) + want[i+len(p):]
			}
		}
		if got := m.String(); got != want {
			t.Fatalf("mask of %q by %q, %q = %q, want %q", text, p1, p2, got, want)
		}
	})
}
