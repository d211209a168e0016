package mediate

import "slices"

// Chinese, like English, puts the thing a phrase names last: "面试官的档期"
// is about schedules, "新人入职当天电脑和代码权限" about access. Without
// spaces, the head of a Chinese item is read as its last concept of the
// lexicon, passing over light words that name a kind of work rather than
// its object ("退款流程" is about refunds).

// lightHeads are concepts that stand last without being what is asked for.
var lightHeads = []string{"#process", "#plan", "#launch", "#list", "#update"}

// zhHead returns the concept keys of e's head, or nil when e holds no
// Chinese or no concept.
func zhHead(e *entry) []string {
	if !hasHan(e.Text) {
		return nil
	}
	var head []string
	start := -1
	for _, t := range e.terms {
		if len(t.key) == 0 || t.key[0] != '#' || t.weak || slices.Contains(lightHeads, t.key) {
			continue
		}
		if t.start != start {
			head, start = nil, t.start
		}
		head = append(head, t.key)
	}
	return head
}

// headsDisagree reports whether need and offer each name a head the other
// holds nowhere: "新人入职当天电脑和代码权限" (access) and "新人入职第一周的培训"
// (training) share their modifiers only.
func headsDisagree(need, offer *entry) bool {
	nh, oh := need.head, offer.head
	return len(nh) > 0 && len(oh) > 0 && !holdsAny(offer, nh) && !holdsAny(need, oh)
}

// headsAgree reports whether need's head is also the offer's head: "黄金周
// 期间技术要有人值班" and "10月1日到7日每天两人值班" both ask for on-call duty.
func headsAgree(need, offer *entry) (string, bool) {
	nh, oh := need.head, offer.head
	for _, k := range nh {
		if slices.Contains(oh, k) {
			return k, true
		}
	}
	return "", false
}

func holdsAny(e *entry, keys []string) bool {
	return slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(e.keys, k) })
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}
