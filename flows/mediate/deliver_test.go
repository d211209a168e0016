package mediate

import (
	"slices"
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/timeread"
)

func TestDelivered(t *testing.T) {
	at := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	c := &collab{names: [2]string{"采购", "硬件研发"}}
	cases := []struct{ need, want string }{
		{"所以最晚 11/18（周三）要研发给个结论：新供应商的电机能不能用，我们留两天谈", "给个结论（新供应商的电机能不能用）"},
		{"最迟周五前需要你们出测试报告，不然赶不上评审", "出测试报告"},
		{"活动页面明天上线", "活动页面上线"},
		{"样机周五（11/6）寄给研发，研发最晚 11/10 要测完，不然赶不上评审", "测完样机"},
		{"双十一期间客服要加 5 名临时工，11/9 开始就要到岗", "5 名临时工到岗"},
		{"近 6 个月投诉记录全量导出，11/6 前要，监管 11/12 到现场", "近 6 个月投诉记录全量导出"},
		{"五一前（11/20 前）要补齐 N95 口罩 2 万只", "补齐 N95 口罩 2 万只"},
		{"locked holding area for suspect lots, min 20 pallet positions, in place by Fri 11/6 when the recall lots come back", "locked holding area for suspect lots in place when the recall lots come back"},
		{"need to know the new name is safe to use before the files go to the printer on 11/20", "whether the new name is safe to use before the files go to the printer"},
		{"GPU capacity contract signed by 11/30 (vendor's Q-end discount, 18%)", "GPU capacity contract signed"},
		{"So we need the verdict by Nov 18: can we use the new motor, then we negotiate", "the verdict (can we use the new motor)"},
		{"定制礼盒样品最晚11/11（周三）前要到手！！", "定制礼盒样品到手"},
		{"抽奖活动规则 11/20（周五）前要研发审完", "抽奖活动规则审完"},
		{"研发这边的知识库和培训最晚11月20日（周五）前要搞定", "知识库和培训搞定"},
		{"dup-charge bug FIXED by fri 11/13. 11/16 is the annual renewal batch, ~3,000 accounts", "dup-charge bug FIXED"},
		{"Northwind sent their own MSA (their paper, not ours) and I need Legal's redlines back by Friday 11/20 at the latest", "Legal's redlines back"},
	}
	for _, tc := range cases {
		n := newEntry(SideA, tc.need, at, timeread.Calendar{})
		if got := c.delivered(n, SideB); got != tc.want {
			t.Errorf("delivered(%q) = %q, want %q", tc.need, got, tc.want)
		}
	}
}

func TestNameHeads(t *testing.T) {
	for name, want := range map[string][]string{
		"法务部":                {"法务"},
		"Legal (Commercial)": {"Legal"},
		"销售部（KA渠道）":          {"销售部", "销售"},
		"Finance":            nil,
	} {
		if got := nameHeads(name); !slices.Equal(got, want) {
			t.Errorf("nameHeads(%q) = %q, want %q", name, got, want)
		}
	}
}
