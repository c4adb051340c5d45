# Source of DashboardsResource.resx / DashboardsResource.en.resx: key, zh-CN, English. Run: python3 dashboards-strings.py
S = [
("Nav.Dashboards", "数据看板", "Dashboards"),
("Title", "{0} · 数据看板 - 邻里", "{0} · Dashboard - Linli"),
("Heading", "{0}数据看板", "Dashboard: {0}"),
("Lead", "本辖区各项工作的统计：只有数量和比率，不含任何个人或住户信息。", "Figures of every part of the work in this area: counts and rates only, never a person or a household."),
("Forbidden", "你的角色不包括这个区域的数据看板。", "Your roles do not include dashboards for this area."),
("NoRole", "你的角色不包括数据看板。社区民警不查看看板：看板含志愿者和问卷数据，不用于警务。", "Your roles do not include dashboards. Community police do not see dashboards: they hold volunteer and survey figures, which never feed policing views."),
("NotFound", "没有编码为 {0} 的区域。", "There is no area with code {0}."),
("TooSmall", "统计只到网格一级。", "Figures are kept down to grid level."),
("OpenGrid", "查看所在网格的看板", "Open the grid's dashboard"),
("BadPeriod", "时间段有误，显示的是本月。", "The period was not valid; this month is shown."),
("PeriodShown", "{0} 至 {1}", "{0} to {1}"),
("Generated", "统计截至 {0}", "Figures as of {0}"),
("Export", "下载", "Download"),
("ExportCsv", "下载 CSV", "Download CSV"),
("ExportXlsx", "下载 XLSX", "Download XLSX"),
("Definition", "口径", "How it is counted"),
("CasesHeading", "诉求办理", "Cases"),
("Reported", "诉求数", "Cases reported"),
("Response", "响应率", "Response rate"),
("Resolution", "解决率", "Resolution rate"),
("Satisfaction", "满意率", "Satisfaction rate"),
("MedianRespond", "响应用时（中位数）", "Time to respond (median)"),
("MedianClose", "办结用时（中位数）", "Time to close (median)"),
("NoneDue", "无应办", "None due"),
("Parts", "{0} / {1}", "{0} / {1}"),
("Up", "上升", "up"),
("Down", "下降", "down"),
("Same", "持平", "no change"),
("NoBase", "无可比", "no base"),
("MoM", "环比", "vs last month"),
("YoY", "同比", "vs last year"),
("MoMShort", "环比", "MoM"),
("YoYShort", "同比", "YoY"),
("Points", "{0} 个百分点", "{0} points"),
("Compared", "环比对照 {0} 至 {1}；同比对照 {2} 至 {3}。", "Compared with {0} to {1} (month on month) and {2} to {3} (year on year)."),
("ByCategory", "按类别", "By category"),
("Category", "类别", "Category"),
("Count", "数量", "Count"),
("Open", "未办结", "Open"),
("Withheld", "敏感类别（合计）", "Sensitive categories (total)"),
("WithheldNote", "网格一级不分列敏感类别（诈骗、安全、养老照护），只给合计。", "Below a community, sensitive categories (fraud, safety, elderly care) are given as one total."),
("TrendHeading", "近12个月", "The last 12 months"),
("TrendTitle", "近12个月诉求数与三率", "Cases and the three rates over 12 months"),
("TrendDesc", "柱为每月诉求数，线为响应率、解决率和满意率。数据见下表。", "Bars are cases per month; lines are the response, resolution and satisfaction rates. The table below has the numbers."),
("TrendTable", "按月数据表", "The figures by month"),
("Month", "月份", "Month"),
("Legend.Volume", "诉求数（柱）", "Cases (bars)"),
("Legend.Response", "响应率（实线）", "Response rate (solid line)"),
("Legend.Resolution", "解决率（虚线）", "Resolution rate (dashed line)"),
("Legend.Satisfaction", "满意率（点线）", "Satisfaction rate (dotted line)"),
("RankingHeading", "下级区域排名", "Areas below, ranked"),
("RankingCaption", "按综合得分（响应率、解决率、满意率的平均）排名；点击区域查看其看板。", "Ranked by score (mean of the response, resolution and satisfaction rates); open an area for its dashboard."),
("BelowHeading.street", "所辖全部街道排名", "All streets below, ranked"),
("BelowHeading.community", "所辖全部社区排名", "All communities below, ranked"),
("Rank", "名次", "Rank"),
("Area", "区域", "Area"),
("Parent", "所属", "In"),
("Score", "得分", "Score"),
("HazardsHeading", "安全隐患", "Safety hazards"),
("Hazards.Found", "发现", "Found"),
("Hazards.Eliminated", "消除", "Eliminated"),
("Hazards.Open", "当前未消除", "Open now"),
("Hazards.Overdue", "其中逾期", "Of which overdue"),
("TipsHeading", "平安线索", "Safety tips"),
("Tips.Received", "收到线索", "Tips received"),
("DisputesHeading", "矛盾调解", "Dispute mediation"),
("Disputes.Opened", "受理纠纷", "Disputes opened"),
("Disputes.Solved", "调解成功", "Disputes solved"),
("Disputes.Defused", "化解苗头隐患", "Potential conflicts defused"),
("AntiFraudHeading", "反诈劝阻", "Fraud dissuasion"),
("AntiFraud.Orders", "劝阻指令", "Dissuasion orders"),
("AntiFraud.Dissuaded", "劝阻成功", "Dissuaded"),
("AntiFraud.Money", "挽回金额（元）", "Money protected (yuan)"),
("AntiFraud.Events", "宣传活动", "Awareness events"),
("AntiFraud.Attendance", "参加人次", "Attendance"),
("VolunteersHeading", "志愿服务", "Volunteering"),
("Volunteers.Communities", "社区数", "Communities"),
("Volunteers.BelowTarget", "协会数未达标的社区", "Communities below their association target"),
("Volunteers.Associations", "活跃志愿者协会", "Active associations"),
("Volunteers.Members", "注册志愿者", "Registered volunteers"),
("Volunteers.Hours", "核定服务时长（小时）", "Approved hours"),
("PartnersHeading", "共建单位", "Partners"),
("Partners.Partners", "服务本区域的单位", "Partners serving the area"),
("Partners.Offers", "新发布服务", "Offers published"),
("Partners.Events", "举办活动", "Events held"),
("Partners.SignUps", "居民报名", "Sign-ups"),
("SurveysHeading", "回访与问卷", "Follow-ups and surveys"),
("Surveys.FollowUpSatisfaction", "回访满意率", "Follow-up satisfaction"),
("Surveys.Sent", "发出回访", "Follow-ups sent"),
("Surveys.Answered", "收到回复", "Follow-ups answered"),
("Surveys.Responses", "问卷回答", "Survey responses"),
("Surveys.Security", "安全感指数（{0}）", "Sense of security index ({0})"),
("Surveys.SatisfactionIndex", "满意度指数（{0}）", "Satisfaction index ({0})"),
("Surveys.Suppressed", "回答不足，不显示", "too few answers to show"),
("WithheldSections", "线索、调解、反诈和志愿服务只统计到社区一级，网格看板不显示。", "Tips, mediation, fraud dissuasion and volunteering are kept down to community level and are not shown for a grid."),
("Api", "本页数据的接口：", "This page's figures as JSON:"),
]
import html, os
here = os.path.dirname(os.path.abspath(__file__))
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- Generated by dashboards-strings.py: edit that file and run it. -->
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
'''
for suffix, col in (("", 1), (".en", 2)):
    with open(os.path.join(here, f"DashboardsResource{suffix}.resx"), "w", encoding="utf-8") as f:
        f.write(head)
        for row in S:
            f.write(f'  <data name="{html.escape(row[0])}" xml:space="preserve">\n    <value>{html.escape(row[col], quote=False)}</value>\n  </data>\n')
        f.write("</root>\n")
