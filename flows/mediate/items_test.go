package mediate_test

import (
	"slices"
	"testing"

	"github.com/collabbot/collabbot/flows/mediate"
)

func TestItems(t *testing.T) {
	tests := []struct {
		name, give string
		want       []string
	}{
		{"lines", "servers\nload test", []string{"servers", "load test"}},
		{"one item", "  more servers  ", []string{"more servers"}},
		{"dash, star and dot bullets", "- a plan\n* a list\n• a team", []string{"a plan", "a list", "a team"}},
		{"bullets without a space", "•设备清单\n●人手", []string{"设备清单", "人手"}},
		{"numbering", "1. one\n2) two\n(3) three\n10. ten", []string{"one", "two", "three", "ten"}},
		{"numbering with a full-width bracket", "1）追加2万台\n二）样机300台", []string{"追加2万台", "样机300台"}},
		{"numbering without a space", "1.Laptops\n2、显示器", []string{"Laptops", "显示器"}},
		{"letter numbering", "a) first\nb. second", []string{"first", "second"}},
		{"Chinese numbering", "一、标准合同模板\n（二）合同审核\n（3）法务陪同\n①测试\n十二、预算", []string{"标准合同模板", "合同审核", "法务陪同", "测试", "预算"}},
		{"bullet then number", "- 1. nested", []string{"nested"}},
		{"semicolons", "budget; plan；人手", []string{"budget", "plan", "人手"}},
		{"a part after a semicolon that points back", "We'll request the letters today; they need 3 weeks\nthey also draft", []string{"We'll request the letters today; they need 3 weeks", "they also draft"}},
		{"blank lines", "\n\nbudget\n\n \t\n plan \n\n", []string{"budget", "plan"}},
		{"CRLF", "budget\r\nplan\r\n", []string{"budget", "plan"}},
		{"old Mac CR", "budget\rplan", []string{"budget", "plan"}},
		{"ideographic space", "\u3000需要人手\u3000", []string{"需要人手"}},
		{"dangling separators", "设备清单，\nservers,", []string{"设备清单", "servers"}},
		{"number that is text", "1.5天完成测试\n3 servers\n2026年上线\n-5% cost", []string{"1.5天完成测试", "3 servers", "2026年上线", "-5% cost"}},
		{"abbreviation is not a label", "e.g. a plan", []string{"e.g. a plan"}},
		{"Chinese numeral that is text", "一个月内上线\n十天", []string{"一个月内上线", "十天"}},
		{"a repeated question mark", "退货的运费谁来承担？？\n样品", []string{"退货的运费谁来承担？？", "样品"}},
		{"marks repeated for stress", "这周能给吗？！\n样品。。", []string{"这周能给吗？！", "样品"}},
		{"a statement after a request says more of it", "we need the complete redlined version before review starts. partial markups get sent back\nMonitors. Laptops by Monday.", []string{"we need the complete redlined version before review starts. partial markups get sent back", "Monitors", "Laptops by Monday"}},
		{"a new promise after a comma", "We have the dock cage for the crates, that's no problem, and I can book a portable AC unit, they need 2 business days", []string{"We have the dock cage for the crates, that's no problem", "I can book a portable AC unit, they need 2 business days"}},
		{"when the same work starts is no new promise", "build and test take 10 business days, and we can start today", []string{"build and test take 10 business days, and we can start today"}},
		{"IT is a team, not it", "工位平面图今天给。弱电间使用协议明天跟物业签，签完钥匙给 IT", []string{"工位平面图今天给", "弱电间使用协议明天跟物业签，签完钥匙给 IT"}},
		{"a bracketed remark alone goes with the sentence before", "Can we pay per stop?? (min wage law thing, nobody knows).\nInsurance", []string{"Can we pay per stop?? (min wage law thing, nobody knows)", "Insurance"}},
		{"verbatim repeat counts once", "Case studies\n- case  studies\nCase studies", []string{"Case studies"}},
		// who has asked and for how long backs the request before it
		{"a backing sentence", "Offline mode. Our field reps have asked for it since 2024.\nSSO", []string{"Offline mode. Our field reps have asked for it since 2024", "SSO"}},
		{"a backing sentence, kept asking", "A Spanish help center. Users keep asking.", []string{"A Spanish help center. Users keep asking"}},
		{"a sentence asking more is its own item", "Offline mode. Field reps have asked for a Windows build too.", []string{"Offline mode", "Field reps have asked for a Windows build too"}},
		// a short request whose object is "it" is about the sentence before
		{"a request on it", "Why did churn jump in March?? Need someone to dig into it.\nSSO", []string{"Why did churn jump in March?? Need someone to dig into it", "SSO"}},
		{"a request with its own object", "Why did churn jump in March? We need new laptops for the team.", []string{"Why did churn jump in March?", "We need new laptops for the team"}},
		{"nothing, English", "None.", nil},
		{"nothing, Chinese", "暂无", nil},
		{"nothing among items", "暂无；\n", nil},
		{"only markers", "-\n*\n1.", nil},
		{"empty", "", nil},
		{"a date's number ends a sentence", "It has to go to the printer by Sept 25. We'd love a style guide too.",
			[]string{"It has to go to the printer by Sept 25", "We'd love a style guide too"}},
		{"Chinese prose", "我们最急的是合同模板更新，最好月底前定稿。另外报价单格式也要统一。还有希望法务先看一版草稿。",
			[]string{"我们最急的是合同模板更新，最好月底前定稿", "报价单格式也要统一", "希望法务先看一版草稿"}},
		{"English prose", "We need laptops by Thursday 3/12. Also written feedback: it is late! And we'd love a new exercise, the old one leaked.",
			[]string{"We need laptops by Thursday 3/12", "written feedback: it is late!", "we'd love a new exercise, the old one leaked"}},
		{"dots that end no sentence", "Ship by Nov. 1, e.g. the 1.5 build. Then docs.", []string{"Ship by Nov. 1, e.g. the 1.5 build", "Then docs"}},
		{"coordinations in a sentence", "设备清单，同时给测试账号以及接口文档", []string{"设备清单", "给测试账号", "接口文档"}},
		{"English coordinations", "a sourcer, plus two screens as well as a report", []string{"a sourcer", "two screens", "a report"}},
		{"a sum is not two requests", "3 days plus 2 days of shipping", []string{"3 days plus 2 days of shipping"}},
		{"also inside a clause", "we also need a plan", []string{"we also need a plan"}},
		{"a sentence that points back", "Contractors run the demos. They need laptops. Last year leads got lost.",
			[]string{"Contractors run the demos. They need laptops", "Last year leads got lost"}},
		{"a short lead-in", "The biggest thing is interviewers. We need engineers on interview panels. Also feedback.",
			[]string{"The biggest thing is interviewers. We need engineers on interview panels", "feedback"}},
		{"what happens otherwise is a reason", "展位费周五前付清。否则展位给别家。Otherwise we lose the booth.",
			[]string{"展位费周五前付清。否则展位给别家。Otherwise we lose the booth"}},
		{"refusal with a reason", "Nothing right now, we're swamped.", nil},
		{"Chinese refusal with a reason", "暂时没有，最近人手太紧", nil},
		{"greetings and thanks", "Hi all, thanks for jumping on this. We need a plan. 谢谢！", []string{"We need a plan"}},
		{"a need that thanks", "Thanks for the servers last time, we need two more", []string{"Thanks for the servers last time, we need two more"}},
		{"a need that starts with no", "No deploys on Fridays", []string{"No deploys on Fridays"}},
		{"an abbreviated word ends no sentence", "- staff training, pref. before opening hrs\n- one dept. lead per site", []string{"staff training, pref. before opening hrs", "one dept. lead per site"}},
		{"doubled marks end one sentence", "换新的快递费谁出？？\n- 春节期间要有人值班！！", []string{"换新的快递费谁出？？", "春节期间要有人值班！！"}},
	}
	for _, tt := range tests {
		if got := mediate.Items(tt.give); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Items(%q) = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}
