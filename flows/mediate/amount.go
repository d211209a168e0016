package mediate

import (
	"regexp"
	"strconv"
	"strings"
)

// An offer of a smaller sum than the need asks ("the most we can approve
// is $5k" for "a travel budget of $8k") meets it only in part:
// the needing side is asked whether that will do (a candidate), never told
// it is met.

// money is an amount of one currency.
type money struct {
	currency string
	value    float64
}

var (
	moneyBefore = regexp.MustCompile(`([$€£¥￥])\s?(\d+(?:[.,]\d+)*)\s?([kKmM]|万|千)?`)
	moneyAfter  = regexp.MustCompile(`(\d+(?:\.\d+)?)\s?(万|千|[kKmM])?\s?(元|块|人民币|美元|美金|欧元|rmb|RMB|usd|USD|eur|EUR)`)
)

// currencyCodes are the currencies moneyAfter spells in Latin letters:
// a text without them or a Chinese currency word is not run through it.
var currencyCodes = []string{"rmb", "RMB", "usd", "USD", "eur", "EUR"}

// currencies maps how a currency is written to one name.
var currencies = map[string]string{
	"$": "usd", "美元": "usd", "美金": "usd", "usd": "usd", "€": "eur", "欧元": "eur", "eur": "eur", "£": "gbp",
	"¥": "cny", "￥": "cny", "元": "cny", "块": "cny", "人民币": "cny", "rmb": "cny",
}

var scales = map[string]float64{"": 1, "k": 1e3, "m": 1e6, "千": 1e3, "万": 1e4}

// amounts returns the sums of money text names.
func amounts(text string) []money {
	var out []money
	if !hasDigit(text) {
		return nil
	}
	add := func(cur, num, scale string) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
		if err == nil {
			out = append(out, money{currencies[lower(cur)], v * scales[lower(scale)]})
		}
	}
	if strings.ContainsAny(text, "$€£¥￥") {
		for _, m := range moneyBefore.FindAllStringSubmatch(text, -1) {
			add(m[1], m[2], m[3])
		}
	}
	if strings.ContainsAny(text, "元块人美欧") || says(text, currencyCodes) {
		for _, m := range moneyAfter.FindAllStringSubmatch(text, -1) {
			add(m[3], m[1], m[2])
		}
	}
	return out
}

// partial reports whether offer names sums of the need's currency, all
// smaller than the largest sum the need asks for.
func partial(need, offer *entry) bool {
	asked := map[string]float64{}
	for _, m := range need.money {
		asked[m.currency] = max(asked[m.currency], m.value)
	}
	found := false
	for _, m := range offer.money {
		a, ok := asked[m.currency]
		if !ok {
			continue
		}
		if m.value >= a {
			return false
		}
		found = true
	}
	return found
}
