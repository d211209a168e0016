package mediate

import "testing"

func TestCountOf(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"塞 15 个款左右的货没问题，能省 2 个工作日", 15},
		{"15 个工作日", 0},
		{"All 30 product pages translated in 6 languages", 30},
		{"Our in-house linguists can take up to 12 pages, which saves 2 business days", 12},
		{"it takes 3 days", 0},
		{"on Friday", 0},
	} {
		if got := countOf(c.text); got != c.want {
			t.Errorf("countOf(%q) = %d, want %d", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		text string
		want int
	}{
		{"40 个款里前 15 个是去年的爆款", 15},
		{"剩下 25 个要等品牌方周三回库存", 25},
		{"The first 12 pages are final today", 12},
		{"The remaining 18 pages wait for sign-off", 18},
	} {
		if got := partCount(c.text); got != c.want {
			t.Errorf("partCount(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestLessBy: a saving comes off a lead time in the same unit, and not
// when it saves a step the lead time does not count.
func TestLessBy(t *testing.T) {
	for _, c := range []struct {
		lead, phrase, offer, want string
		ok                        bool
	}{
		{"订干线车要 2 个工作日，装车、在途再 5 个工作日，前后按 7 个工作日算", "7 个工作日", "走班车能省 2 个工作日", "5 个工作日", true},
		{"review takes 5 business days, then 3 business days to image a laptop", "5 business days", "skips the 3-day build", "", false},
		{"imaging takes 10 business days", "10 business days", "we save 2 business days", "8 business days", true},
		{"imaging takes 2 weeks", "2 weeks", "we save 3 days", "", false},
	} {
		l := &entry{Item: Item{Text: c.lead}}
		l.lead.Phrase = c.phrase
		got, ok := lessBy(l, c.offer)
		if got != c.want || ok != c.ok {
			t.Errorf("lessBy(%q, %q) = %q %v, want %q %v", c.lead, c.offer, got, ok, c.want, c.ok)
		}
	}
}

func TestIsSpan(t *testing.T) {
	for phrase, want := range map[string]bool{"by Friday Jan 22": false, "in 5 days": true, "3个工作日": true, "by Monday 3/16": false, "两周": true} {
		if isSpan(phrase) != want {
			t.Errorf("isSpan(%q) = %v, want %v", phrase, !want, want)
		}
	}
}

// TestWithoutLength: a lead time's item, committed to, says the work, not
// how long it takes.
func TestWithoutLength(t *testing.T) {
	for _, c := range []struct{ text, phrase, want string }{
		{"会员中心完整改版开发加测试要15个工作日", "15个工作日", "会员中心完整改版开发加测试"},
		{"The full checkout redesign is 15 business days of work once the rules are final", "15 business days", "The full checkout redesign once the rules are final"},
		{"POC environment stood up in 5 business days once we have the SSO metadata", "in 5 business days", "POC environment stood up once we have the SSO metadata"},
		{"要15个工作日", "15个工作日", "要15个工作日"},
	} {
		l := &entry{Item: Item{Text: c.text}}
		l.lead.Phrase = c.phrase
		if got := withoutLength(l); got != c.want {
			t.Errorf("withoutLength(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
