package mediate_test

import (
	"testing"
	"time"

	"github.com/collabbot/collabbot/flows/mediate"
)

// TestPrecision: pairs that share words without one meeting the other.
// Each is either asked about (a candidate), noted as refused, or left open.
func TestPrecision(t *testing.T) {
	tests := []struct {
		name, need, offer     string
		match, guess, refused bool
	}{
		{"a refusal of what was asked", "Security to sign off the vendor questionnaire this week", "We will not sign off a vendor questionnaire without a pen test", false, false, true},
		{"a pointer to who holds it", "The KOL contact list from your team", "We don't keep a KOL contact list, that's with PR", false, false, true},
		{"a pointer away from the side", "Parking passes for the visiting auditors", "Parking passes are a Facilities thing, not us", false, false, true},
		{"what the tool does not support is declined", "A way to export invoices to Excel", "Exporting invoices to Excel isn't supported by the billing tool", false, false, true},
		{"a list does not do the task", "someone to retrieve contractor badges on their final day", "a roster of contractors with their final day", false, true, false},
		{"a person offered may do the task", "someone to retrieve contractor badges on their final day", "our office manager, on the contractors' final day", true, false, false},
		{"a Chinese refusal", "每个版本上线前都让安全逐项评审", "逐项评审我们做不了，安全组只有两个人", false, false, true},
		{"a promise not to do what the need forbids", "别把测试数据导进生产库", "测试数据不会导进生产库", true, false, false},
		{"a refusal with something instead is an offer", "每个版本上线前都让安全逐项评审", "逐项评审做不了，但可以每周抽查评审一次", true, false, false},
		{"a smaller sum is asked about", "A travel budget of $8k for the roadshow", "The most we can approve for the roadshow travel budget is $5k", false, true, false},
		{"the sum asked is met", "A travel budget of $8k for the roadshow", "Roadshow travel budget of $10k approved", true, false, false},
		{"a shared modifier, other heads", "客户的开票信息要准确", "客户的回访记录每月发一次", false, false, false},
		{"a modifier without 的", "仓库破损件每天发一个清单", "仓库这周照常，春节前一天停", false, true, false},
		{"the scene is not the need", "新同事下周一报到，周五前要把笔记本电脑装好", "欢迎礼包下周一前发给新同事", false, false, false},
		{"a limit after the offer is asked about", "年会主持最好请专业主持人", "年会主持我们行政可以出人，专业主持人目前没有预算", false, true, false},
		{"the same concept, however worded", "We'd also like a named contact in finance for invoice disputes, rather than the generic mailbox", "Lena from accounts payable is your point of contact, online 9 to 5", true, false, false},
		{"a carrier delivers what it names", "Objections we keep hearing in the field, word for word", "The ten most common objection clips from our call library", true, false, false},
		// the permits are for the new office, not the move into it
		{"who receives it is not what is given", "市场部最好月底前就在新办公室上班", "新办公室的停车证下周三前办好交给市场部", false, false, false},
		{"who receives it is not the head", "采购想每月初知道各线的物料消耗", "物料消耗报表每月初同步给采购", true, false, false},
		{"the one who acts is not what is offered", "Faster sign-off on vendor contracts", "Legal can pre-approve contracts on the standard vendor template, so routine renewals skip the queue", true, false, false},
		{"two carriers of the same thing", "Payroll data somewhere our analysts can query", "The payroll export to the warehouse is already running, we can grant your analysts read access", true, false, false},
		{"a list filled with what is asked", "采购想掌握在途的货，省得仓库干等", "物流每周一更新在途清单，标出每票的预计到港日", true, false, false},
		{"one shared word, heads differ", "Laptops for the new hires by Monday", "A welcome lunch for the new hires", false, false, false},
		// a need that forbids changes asks for a hold, not for the thing
		{"a ban on changes is not met by the thing", "报价规则定稿后不要再改折扣和返点", "报价规则初稿明天就发给销售", false, false, false},
		{"a ban on changes met by a hold", "No more scope changes once the sprint starts", "We freeze the scope at sprint planning", true, false, false},
		// whether a thing is allowed is settled by a ruling, not by the thing
		{"whether it is allowed is not the thing", "A clear answer on whether we are allowed to share patient emails with the CRM vendor", "A weekly export of patient emails to the CRM vendor", false, false, false},
		{"是否允许 is not the thing", "客户手机号是否允许同步给外包客服", "客户手机号每天同步给外包客服", false, false, false},
		// what a side cannot bear is the reason for the request, not a request
		{"the words of what is not borne", "电源模块帮忙找国产替代，进口的交期和价格都扛不住", "进口模块代理商那边交期最快也要15个工作日", false, false, false},
		{"English words of what is not borne", "Find us a second resin supplier, import lead times and prices are killing us", "Import resin lead times are 15 business days through our agent", false, false, false},
		// English words joined before a head say which kind of it
		{"two English kinds of one head", "想要主要供应商最近一次的 safety inspection 报告", "每月出一份供应商 cost breakdown 报告", false, false, false},
		{"one English kind of one head", "想要主要供应商最近一次的 safety inspection 报告", "供应商的 safety inspection 报告每季度发一次", true, false, false},
		// a head the whole need tells apart is not met through one clause
		{"a clause does not undo the head apart", "客服反馈工单质量，无效工单要标原因，不然我们没法改进流程", "研发转过来的工单，我们保证24小时内电话回访", false, false, false},
		// the team that is to act is not what is asked
		{"the acting team is no ground", "the product team should go through security-by-design training this quarter", "可以给 Finance 团队做一次 product demo / training", false, true, false},
		// paying money back and explaining the charge are two jobs
		{"an explanation refunds nothing", "All overcharged subscribers refunded by Friday", "A short explanation of the overcharge you can forward to subscribers", false, false, false},
		// training the asking side's team does not train the other's
		{"who is served is not who was asked", "The Tech team should go through secure coding training this year", "We can run a secure coding training for the Ops team", false, false, false},
		{"A/B is one word", "A/B test results shared every week", "A weekly experiment readout", true, false, false},
		// the same thing, different work done to it
		{"adapting a page does not launch it", "活动页4月20日前上线", "活动页按机型清单做适配", false, false, false},
		{"testing the checkout does not ship it", "The new checkout launched before the sale", "Load testing of the new checkout", false, false, false},
		{"work named as a moment is no other work", "A tracking plan reviewed by us before any new event ships", "Tracking plans for new events sent to Data before every release", true, false, false},
		{"digitising the files does not dispose of them", "The paper contracts digitized by the end of the month", "Old paper contracts are shredded every quarter", false, false, false},
		{"a poster is not the key visual", "每月初一张活动海报", "主视觉从拿到文案起5个工作日出稿", false, false, false},
		{"a signed-off document is a final one", "Final requirements before we start", "A signed-off PRD by Friday", true, false, false},
		{"work in a clause of time is a moment", "Help-center articles live when the billing page launches", "We write and translate the help-center articles", true, false, false},
		// the one word shared is the head of one and qualifies the other's
		{"the head of one qualifies the other", "机房要有独立空调", "有一间带空调的小库房可以放设备", false, false, false},
		{"two words that qualify another head", "服务器机房需要独立空调", "我们有带独立空调的小库房可以借用", false, false, false},
		{"what a place has is asked about", "机房要有独立空调", "库房有空调，可以放设备", false, true, false},
		{"what a place has, in brackets", "机房要有独立空调", "小库房（有空调）可以借用", false, true, false},
		// one word shared, each a record of another kind after it
		{"a feature list is no price table", "报价功能清单（标准/定制）", "竞品价格对比表", false, true, false},
		{"a list that records the head is asked about", "每周知道候选人走到哪一步了", "每周一上午发候选人进度表", false, true, false},
		// a topic of light words (a feature list) is no topic in common
		{"a feature list is not one feature", "报价用的功能清单：哪些功能是标准的，哪些要定制", "SSO是标准功能，不用定制", false, false, false},
		// a recurring slot booked ahead does not do a dated job: it is asked about
		{"a slot for a dated job", "新供应商的安全评估4/30前做完", "每月第二周集中做安全评估，提前一周报名", false, true, false},
		{"an English slot for a dated job", "The security review done before 4/30", "Security reviews happen the second week of every month, sign up a week ahead", false, true, false},
		// data about a role is not people in it, however the role is named
		{"a container does not staff a role", "节假日需要临时加 10 个定损员，劳务派遣的也可以", "定损员 App 的工单数据已经接进数仓了", false, false, false},
		// a company named by its trade is who acts, not what it does: asked about at most
		{"a company named by its trade", "搬迁那周怎么安排要早点定", "搬家公司的车顺带拉机柜", false, true, false},
		// a concept that only says which questionnaire is no ground to ask
		{"a concept qualifying another thing", "Northwind sent us their privacy audit questionnaire and wants it back this month, nobody knows who fills it in", "Internal audit has time for process walkthroughs this quarter if you want one", false, false, false},
		// what a stated lead time counts from is when the work starts, not a need
		{"the step a lead time counts from", "Legal review takes 8 business days from a signed order form", "The signed order form will be with you on Tuesday, sales is chasing the last signature", false, false, false},
		// two compounds on one word: a colour scheme and a release practice
		{"a dark launch is no dark mode", "dark mode on every settings page", "dark launches: new pages can be tried in production by staff first", false, false, false},
		// going over a thing alone is a check, with a party a meeting
		{"checking a thing through is no meeting", "发货前把数量对一遍", "每周三的发货例会", false, false, false},
		// a list and a report of the same things are one record, however called
		{"a list met by a report of the same things", "List of high-spend vendors, so we can check the contracts", "I can pull a report of every vendor we paid more than $100k this year", true, false, false},
		{"records of the same things, told apart", "List of enterprise customers up for renewal", "A report of SMB customers by region", false, false, false},
		// a system named as where things come from is not what is offered
		{"a source system is not the thing", "Someone to map which spreadsheets outside the CRM the regions use", "We can export the lost-deal reasons out of the CRM", false, false, false},
		{"booking a retest schedules it", "the external retest scheduled right after the fixes land", "we'll book the retest with our pentest vendor", true, false, false},
		{"vice presidents are leaders", "two sales leaders in our requirement workshops", "Two regional VPs will join the workshops", true, false, false},
		// what a thing comes with is offered, not the thing
		{"what a desk comes with is not its seating", "新员工工位希望按部门集中安排", "每个工位都配升降桌和双屏", false, false, false},
		{"what a desk comes with, asked for", "工位要有升降桌", "每个工位都配升降桌和双屏", true, false, false},
		// where each puts the thing tells two things apart
		{"a status in the app is not a tab in the console", "App里能直接看到退款进度", "在客服工作台里加一个退款状态的只读tab", false, false, false},
		{"a status in the same place", "在ERP里能看到付款状态", "付款状态在ERP里可以自助查", true, false, false},
		{"a system named without saying which", "系统里能看到付款状态", "付款状态在ERP里可以自助查", true, false, false},
		// "合不合规" asks for a verdict on the rules named before it: a class on
		// compliance is at most asked about
		{"a verdict asked is not the topic", "直播间抽奖的规则要帮忙看一下合不合规", "我们每月也有一次合规小课堂，欢迎来听", false, true, false},
		// a way to get a thing asks for it; a condition says when, and its "can't" declines nothing
		{"a way to get a waiver, an exception process", "a way to get a temporary waiver when a fix would break a customer integration", "If something can't be fixed in time there's an exception process, we turn those around in 48 hours", true, false, false},
		// sharing a thing gives access to it
		{"access given by sharing", "Access to the user research so the visuals speak to students", "We can share our user interviews and the insight deck", true, false, false},
		{"a recurring delivery meets a dated need", "Last month's supplier statements by the 5th", "Supplier statements for last month sent to finance by the 5th of every month", true, false, false},
		// the guests of an event are visitors to the building that hosts it
		{"guests are visitors", "年会嘉宾进楼不能一个个登记", "访客系统可以批量导入名单，访客刷码进楼", true, false, false},
		{"a guest list by either name", "来宾名单周五前要给到前台", "来宾名单周四定稿", true, false, false},
		// a volume forecast is a forecast
		{"a volume forecast is a forecast", "call volume forecast per week for the holiday season", "Holiday forecast by week and by queue", true, false, false},
		// 补偿 makes good a loss: it is no pay rise
		{"severance is no pay rise", "调薪方案要有几档可选", "每季度给一次预计离职和补偿名单", false, false, false},
		// a car to be put somewhere asks for parking, not for the guests it brings
		{"cars to park are parking", "客户大概 30 辆车要停", "停车场可以留 30 个车位", true, false, false},
		{"cars to park are not the guests' entry", "客户大概 30 辆车要停", "访客系统可以提前导入名单，客户刷码进楼", false, false, false},
		// what a list holds, said after "of", tells two lists apart
		{"two lists of other things", "A list of everyone with admin access to the billing database", "A list of the webhooks we send, if useful", false, false, false},
		{"a list of the same things", "A list of everyone with admin access to the billing database", "A list of the billing database admins and when they got access", true, false, false},
		// a clause that opens by asking has the clause before it as its topic
		{"the topic says what the budget is for", "明年的客户答谢会，想要 10 万预算", "月底出明年市场费用预算初稿", false, false, false},
		{"a budget for the topic asked", "明年的客户答谢会，想要 10 万预算", "明年客户答谢会的预算 10 万已经批了", true, false, false},
		// what 才 says comes late is not the thing the complaint is about
		{"a late arrival is not the thing", "供应商的退款现在要三周才到账，很被动", "每周五发一次回款到账明细", false, false, false},
		{"the thing that comes late", "供应商的退款现在要三周才到账，很被动", "供应商退款改走快速通道，3 个工作日到账", true, false, false},
		// what a thing will check is told by a list of it, not by the thing: at most asked about
		{"the contents asked are not the thing booked", "年度审计要查什么，希望提前说清楚，免得现场手忙脚乱", "年度审计可以排在下月第二周，审计后出报告", false, true, false},
		{"the contents asked, listed", "年度审计要查什么，希望提前给个清单，免得现场手忙脚乱", "年度审计清单今天就能发", true, false, false},
		{"what a course covers", "What the security course covers, so we know who should take it", "The security course runs every second Monday", false, false, false},
		{"what a course covers, in its outline", "What the security course covers, so we know who should take it", "The security course outline doc, shared today", true, false, false},
		// a role's abbreviation names who acts, not what is asked
		{"a shared role is no shared thing", "Whenever a CSM brings in a lead and gives it to the AE, the CSM is not credited, please fix that", "Weekly deal desk, AE + CSM, minutes recorded", false, false, false},
		// selling more to a customer is an upsell by any name
		{"an expansion is an upsell", "Credit for the upsells our support team finds", "Support-sourced expansions earn the agent a 10% referral credit", true, false, false},
		// a supplier's failures are written up as 8D reports
		{"an 8D report tells a failure", "想看这家模具厂过去的 failure 记录", "模具厂近两年的 8D reports 我们这边都有", true, false, false},
		// a helpdesk tool's export is the ticket data
		{"a helpdesk export is ticket data", "Raw ticket data our analysts can query", "A nightly Freshdesk export, all fields", true, false, false},
		// credentials are what access is given with
		{"credentials give access", "We can't build the report without read access to the CRM", "CRM read replica credentials to the analysts by Friday", true, false, false},
		// the last version of a piece of work is one thing, however it is named
		{"a final draft named beside its schedule", "宣传册终稿印刷前至少 3 个工作日给到我们", "每周五发一次宣传册排期表和终稿链接", true, false, false},
		// which words may be used is told by the list of those that may not
		{"which words may be used", "直播话术里总想说“第一”“最好”，到底哪些词能用哪些不能用", "禁用词清单每周更新一次，发到运营群", true, false, false},
		// a balance measures the amount it follows, which is what both name
		{"a balance is of the amount asked about", "差旅备用金到底够不够，希望提前知道，别到月底才发现不够", "差旅备用金余额每月初同步一次", true, false, false},
		// "ok so the big one:" says how much a side wants what follows, not what
		{"a filler lead-in is no head", "ok so the big one: monitors on their desks on the morning of 3/16, not a week later", "The monitor vendor ships 5 business days after our PO", true, false, false},
		// a draft final "之后不改" is frozen
		{"no change after is a freeze", "需求文档一次定死，上线后再改就得重新排期", "需求文档周五定稿，之后不改", true, false, false},
		// a thing the need names only to say whose part it asks about is no ground to ask
		{"whose part it is, not the thing", "宣传册的文案要品牌部审过才能印，销售别自己先发", "展会现场可以摆宣传册", false, false, false},
		{"the party's invoices are not a table at it", "年会开支的发票月底前统一交给财务", "年会可以给财务同事留一桌", false, false, false},
		// the most that may be spent, however said
		{"a cap by either name", "Each region's travel spend ceiling for Q3", "各区域差旅费上限周五前发", true, false, false},
		{"a question of how much asks for it", "每个组差旅费最多能报多少，周五前给最好，组长都在问", "各组差旅费封顶标准下周一发", true, false, false},
		// how long the stock lasts, however asked
		{"days of supply by either name", "试剂还能撑几天，科室想心里有数", "每周一发一张各品类可用天数表", true, false, false},
		{"protective gear by either name", "Enough PPE for the cleaning crew", "保洁班组的防护用品我们来备", true, false, false},
		{"a product's registration papers", "Registration certificates for the new infusion pumps", "输液泵的资质文件随货提供", true, false, false},
		// which products sell slowly is told by their sales volume
		{"slow sellers by their sales", "想知道哪些口味卖得慢", "每天早上发各单品的日销量", true, false, false},
		{"slow movers in English", "Which flavours are slow movers", "Units sold per product, every Monday", true, false, false},
		// figures refreshed on their own, whichever container holds them
		{"a refreshed dashboard is still the dashboard", "每月初能自动出一版销售看板", "销售看板每月1号自动刷新", true, false, false},
		// 给 gives the thing after it as often as it names who receives
		{"a final draft given", "验收标准要书面定稿", "验收标准我们周三给定稿", true, false, false},
		// who is asked to give is not what is asked for
		{"the one asked to give is no ground", "我们需要 QA 给一个明确的清单，验收到底看哪些东西", "每周四上午 QA walk-through，有问题现场说", false, false, false},
		{"the one asked to give, in Chinese", "我们需要安全组给一个明确的清单，检查到底看哪些", "每周四上午安全组巡检，有问题现场说", false, false, false},
		// whether a monthly sheet holds daily figures is for the needing side to say
		{"daily figures from a monthly sheet are asked about", "退款数据，按门店、按天", "各门店的退款数据表在我们这，每月初更新一次", false, true, false},
		{"daily figures from a monthly sheet that says so", "退款数据，按门店、按天", "各门店按天的退款数据表，每月初更新一次", true, false, false},
		// a clause that drops its object is about the thing the one before names
		{"who looks at it is not what is asked", "月底前要一个客诉分类的看板，总监季度 review 要看", "每周四 design review，欢迎带稿子来", false, false, false},
		// a standard of the asking side to follow is not the thing it applies to
		{"the thing a standard applies to is not the standard", "埋点字段命名请按我们的 style guide 来", "需求文档和埋点 list 周五给到", false, false, false},
		{"the standard kept", "报销单据请按我们的模板填", "报销单据统一用你们的模板填", true, false, false},
		{"an English standard to follow", "Tracking event names should follow our style guide", "The tracking event list by Friday", false, false, false},
		// how many users and how long an experiment needs, however asked
		{"sample size and duration asked", "新首页的实验每组需要多少人、跑多久，帮忙估一下", "实验设计：样本量和实验时长我们来算", true, false, false},
		// copies printed by a date, and how long the print shop takes
		{"printed copies and the print shop", "答谢会 5/20 要有印出来的纸本 200 份", "印厂要 5 个工作日", true, false, false},
		{"a print run in English", "200 printed copies of the brochure for the May 20 gala", "Our print shop needs 5 business days", true, false, false},
		// digging into a question is analysing it: at least asked about
		{"digging in is a deep-dive", "Why did refunds double last week? Need someone to dig into it.", "One deep-dive analysis a month, on a question you pick", false, true, false},
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		p := mediate.Build(input(at, tt.need, "", "", tt.offer))
		if got := len(p.Matches) == 1; got != tt.match {
			t.Errorf("%s: matched %v (%+v), want %v", tt.name, got, p.Matches, tt.match)
		}
		if got := len(p.Candidates) == 1; got != tt.guess {
			t.Errorf("%s: candidate %v (%+v), want %v", tt.name, got, p.Candidates, tt.guess)
		}
		if got := len(p.Refused) == 1; got != tt.refused {
			t.Errorf("%s: refused %v (%+v), want %v", tt.name, got, p.Refused, tt.refused)
		}
		if tt.refused && len(p.Open) != 1 {
			t.Errorf("%s: open %+v, want the refused need", tt.name, p.Open)
		}
	}
}
