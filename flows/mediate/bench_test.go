package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// benchInput is a large but realistic collaboration: 20 needs and 20
// offers a side, Chinese, English and both in one item.
func benchInput() mediate.Input {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	return mediate.Input{
		CollabID: "bench", Version: 1, Lang: "zh", Topic: "双十一大促 GMV 增长 30%，系统零故障",
		A: mediate.Party{
			Name: "运营部",
			Goal: mediate.Answer{Text: "大促 GMV 增长30%，新用户 20 万", At: at},
			Needs: mediate.Answer{At: at, Text: `1. 活动页面明天上线
2. 技术部优先安排人手
3. 预售 checkout 在 11月1日前上线
4. 服务器扩容，扛住峰值流量
5. 实时订单 dashboard
6. A/B test 平台支持按渠道分流
7. 每周的 retention cohort 数据
8. 埋点 SDK 升级到 v3
9. push 推送通道扩容
10. 优惠券系统支持叠加规则
11. 搜索结果按销量排序
12. 商品详情页加载时间降到1秒
13. 会员积分兑换接口
14. 客服工单自动分配
15. 直播间下单链路压测
16. 短信验证码通道备份
17. 活动规则页面多语言版本
18. 大促期间变更冻结窗口的例外流程
19. 数据看板权限开给品牌方
20. 退款流程缩短到24小时`},
			Values: mediate.Answer{At: at, Text: `- 提供核心用户的设备型号清单
- 上线后一周内反馈用户数据
- 活动方案提前一个月给到技术部
- 每小时峰值流量预估
- 渠道投放排期
- 用户访谈 raw notes
- 优惠券规则文档
- 会员积分规则说明
- 直播排期表
- 客服 FAQ 更新
- 商品数据清洗
- 活动素材提前3天交付
- 品牌方联系人名单
- 退款原因分析报告
- 搜索热词周报
- 大促作战室值班表
- 短信文案审核
- 多语言翻译稿
- 用户分层名单
- 竞品价格监控数据`},
		},
		B: mediate.Party{
			Name: "技术部",
			Goal: mediate.Answer{Text: "保证系统稳定，大促期间零重大故障", At: at},
			Needs: mediate.Answer{At: at, Text: `- 需要2天做兼容性测试
- 需要核心用户的设备型号
- 活动方案至少提前4周，用于压测
- 峰值流量预估
- 优惠券规则文档
- 会员积分规则说明
- 直播排期
- 变更窗口提前5个工作日申请
- 商品数据清洗完成
- 多语言文案定稿
- 品牌方联系人
- 退款流程的业务规则
- 搜索排序的业务规则
- 短信模板审核结果
- 大促值班表
- 运营活动上线清单
- 埋点需求文档 tracking plan
- 客服工单分类规则
- 用户分层规则
- 竞品监控需求说明`},
			Values: mediate.Answer{At: at, Text: `1. 优先调配2名测试人员
2. 把页面加载时间从5秒降到1秒
3. extra servers sized for the peak traffic
4. checkout 压测并扩容
5. 实时订单 dashboard 开发
6. A/B test 平台新增渠道分流功能
7. weekly retention cohort 报表
8. 升级埋点 SDK 并验证数据质量
9. push 通道扩容到每分钟100万
10. 优惠券叠加规则开发
11. 搜索按销量排序上线
12. 会员积分兑换接口开发
13. 工单自动分配规则引擎
14. 直播下单链路全链路压测
15. 短信通道双供应商备份
16. 多语言版本页面模板
17. 变更冻结例外审批流程
18. 数据看板按品牌方开权限
19. 退款自动审核，24小时内到账
20. 大促作战室技术值班`},
		},
	}
}

func BenchmarkBuild(b *testing.B) {
	in := benchInput()
	if p := mediate.Build(in); len(p.Matches) < 20 {
		b.Fatalf("only %d matches in the benchmark input: it no longer measures matching", len(p.Matches))
	}
	b.ReportAllocs()
	for b.Loop() {
		mediate.Build(in)
	}
}
