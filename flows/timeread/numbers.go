package timeread

import (
	"strconv"
	"strings"
)

// enNumberWords are the English counts the rules accept in words.
var enNumberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// enNumber reads a count written in digits ("2", "1.5") or in words
// ("two", "a", "a couple of", "half a").
func enNumber(s string) (float64, bool) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " ")
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	switch {
	case strings.HasPrefix(s, "half"):
		return 0.5, true
	case strings.Contains(s, "couple"):
		return 2, true
	}
	v, ok := enNumberWords[s]
	return v, ok
}

// cnDigits and cnUnits are the Chinese numerals cnNumber understands.
var (
	cnDigits = map[rune]int{
		'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
		'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	}
	cnUnits = map[rune]int{'十': 10, '百': 100}
)

// zhNumber reads a count written in digits ("2", "1.5"), as 半 (a half),
// or in Chinese numerals up to 九百九十九 ("十五", "二十一", "两百", "一百零五").
// A range of two digits reads as its upper end ("两三天" = 3), which is the
// cautious reading of a lead time.
func zhNumber(s string) (float64, bool) {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	if s == "半" {
		return 0.5, true
	}
	if hi, ok := cnRange(s); ok {
		return float64(hi), true
	}
	n, ok := cnNumber(s)
	return float64(n), ok
}

// cnNumber reads a Chinese numeral; ok is false for malformed ones ("三三", "十百").
func cnNumber(s string) (int, bool) {
	total, digit, lastUnit := 0, -1, 1000
	for _, r := range s {
		if d, ok := cnDigits[r]; ok {
			if digit > 0 { // two digits in a row, other than after 零
				return 0, false
			}
			digit = d
			continue
		}
		u, ok := cnUnits[r]
		if !ok || u >= lastUnit || digit == 0 {
			return 0, false
		}
		if digit < 0 { // 十五: a bare 十 is one ten
			digit = 1
		}
		total, digit, lastUnit = total+digit*u, -1, u
	}
	if digit > 0 {
		total += digit
	}
	return total, s != ""
}

// cnRange reads "两三", "三五", "一两": two rising digits, and returns the upper one.
func cnRange(s string) (int, bool) {
	r := []rune(s)
	if len(r) != 2 {
		return 0, false
	}
	lo, ok1 := cnDigits[r[0]]
	hi, ok2 := cnDigits[r[1]]
	return hi, ok1 && ok2 && lo > 0 && hi > lo
}
