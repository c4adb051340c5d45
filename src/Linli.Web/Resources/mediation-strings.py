# Source of MediationResource.resx / MediationResource.en.resx: key, zh-CN, English. Run: python3 mediation-strings.py
S = [
("Nav.Mediation", "矛盾调解", "Mediation"),
("List.Title", "矛盾纠纷调解 - 邻里", "Dispute mediation - Linli"),
("List.Heading", "矛盾纠纷调解", "Dispute mediation"),
("List.Lead", "邻里矛盾的调解记录：到期回访排在最前。列表不显示当事人联系方式。", "Mediations of neighbour conflicts: due follow-ups first. The list shows no party's contact."),
("List.None", "暂无调解记录。", "No mediations yet."),
("List.FollowUpDue", "待回访", "Follow-up due"),
("List.Mine", "我参与", "I mediate"),
("List.Stats", "调解统计（公开）", "Mediation figures (public)"),
("Open.Heading", "登记调解", "Record a mediation"),
("Open.Node", "地点编码（社区、网格、楼栋或单元）", "Place code (community, grid, building or unit)"),
("Open.Type", "类型", "Type"),
("Open.Kind", "纠纷类别", "Kind of conflict"),
("Open.Summary", "简要、中立的概述", "A short, neutral summary"),
("Open.Party", "当事户 {0}", "Household {0}"),
("Open.Unit", "单元编码", "Unit code"),
("Open.ContactName", "联系人（可选）", "Contact name (optional)"),
("Open.ContactPhone", "电话（可选）", "Phone (optional)"),
("Open.Submit", "登记", "Record"),
("Type.dispute", "矛盾纠纷", "Dispute"),
("Type.potential-conflict", "化解的苗头隐患", "Potential conflict defused"),
("Kind.noise", "噪音", "Noise"),
("Kind.water-leak", "楼上楼下漏水", "Water leak between floors"),
("Kind.parking", "停车", "Parking"),
("Kind.property-boundary", "产权边界", "Property boundary"),
("Kind.pets", "宠物", "Pets"),
("Kind.family-neighbour", "家庭邻里", "Family or neighbours"),
("Kind.other", "其他", "Other"),
("State.open", "调解中", "Open"),
("State.concluded", "已结束", "Concluded"),
("Outcome.reconciled", "调解成功", "Reconciled"),
("Outcome.referred", "已移交", "Referred"),
("Outcome.failed", "调解不成", "Failed"),
("FollowUp.held", "协议履行良好", "Held"),
("FollowUp.relapsed", "矛盾反复", "Relapsed"),
("Capacity.community-worker", "社区工作者", "Community worker"),
("Capacity.officer", "社区民警", "Community officer"),
("Capacity.volunteer", "志愿调解员", "Volunteer mediator"),
("Detail.Title", "调解 #{0} - 邻里", "Mediation #{0} - Linli"),
("Detail.Back", "返回调解列表", "Back to mediations"),
("Detail.Parties", "当事户", "Households"),
("Detail.ContactAudited", "查看联系方式会记入访问日志。", "Viewing contacts is written to the access log."),
("Detail.Mediators", "调解员", "Mediators"),
("Detail.NameWithheld", "（姓名不显示）", "(name not shown)"),
("Detail.You", "（我）", "(me)"),
("Detail.AddMediator", "指定调解员", "Name a mediator"),
("Detail.Login", "登录名", "Login"),
("Detail.MediatorHint", "没有员工角色的居民作为志愿调解员，只能看到本次调解。", "A resident with no staff role mediates as a volunteer and sees this mediation only."),
("Detail.Sessions", "调解会", "Sessions"),
("Detail.NoSessions", "还没有调解会记录。", "No sessions recorded yet."),
("Detail.Attended", "到场：{0}", "Attended: {0}"),
("Detail.AddSession", "记录调解会", "Record a session"),
("Detail.HeldAt", "时间", "When"),
("Detail.Place", "地点", "Place"),
("Detail.Notes", "记录", "Notes"),
("Detail.Attendance", "到场的当事户", "Households present"),
("Detail.Outcome", "结果", "Outcome"),
("Detail.Agreement", "调解协议", "Agreement"),
("Detail.RecordOutcome", "记录结果", "Record the outcome"),
("Detail.AgreementHint", "仅调解成功时填写。", "Only with a reconciliation."),
("Detail.FollowUp", "回访", "Follow-up"),
("Detail.FollowUpDueOn", "回访时间：{0}", "Follow-up due: {0}"),
("Detail.RecordFollowUp", "记录回访", "Record the follow-up"),
("Detail.Note", "说明", "Note"),
("Detail.Save", "保存", "Save"),
("Detail.Done", "已保存。", "Saved."),
("Detail.Problem", "未保存：", "Not saved:"),
("Stats.Title", "矛盾调解统计 - 邻里", "Mediation figures - Linli"),
("Stats.Heading", "矛盾调解统计", "Mediation figures"),
("Stats.Lead", "化解矛盾纠纷和苗头隐患的数量，只有汇总数字。", "How many disputes were solved and potential conflicts reconciled: totals only."),
("Stats.Area", "地区编码", "Area code"),
("Stats.Period", "时间", "Period"),
("Stats.ThisMonth", "本月", "This month"),
("Stats.LastMonth", "上月", "Last month"),
("Stats.Last90", "最近90天", "Last 90 days"),
("Stats.Show", "查看", "Show"),
("Stats.Solved", "化解矛盾纠纷", "Disputes solved"),
("Stats.Potential", "化解苗头隐患", "Potential conflicts reconciled"),
("Stats.Total", "合计", "Total"),
("Stats.AreaName", "地区", "Area"),
("Stats.Definition", "矛盾纠纷：调解结果为成功的纠纷，按结果日期计。苗头隐患：在成为纠纷前化解的矛盾。移交和调解不成的不计。", "Disputes solved: disputes whose mediation ended reconciled, by the date of the outcome. Potential conflicts: conflicts defused before they became disputes. Referred and failed mediations are not counted."),
("Stats.Unknown", "找不到这个地区，或它小于社区。", "No such area, or it is smaller than a community."),
("Vote.Nav", "十佳民警", "Top officers"),
("Vote.Title", "十佳社区民警评选 - 邻里", "Top 10 community officers - Linli"),
("Vote.Heading", "十佳社区民警评选", "Top 10 community officers"),
("Vote.Lead", "每年一次，本地区已关联住户的居民每人一票，投票保密：只记录“已投票”和各候选人的票数，不记录谁投给谁。投票期间不公布票数。", "Once a year, each resident with a household linked in the area casts one secret vote: Linli keeps only that you voted and each candidate's count, never who voted for whom. Counts are not shown while the vote is open."),
("Vote.None", "目前没有评选。", "No vote at the moment."),
("Vote.Heading2", "{0} {1}年", "{0} {1}"),
("Vote.Open", "投票进行中，截止 {0}", "Open until {0}"),
("Vote.Closed", "已结束", "Closed"),
("Vote.Choose", "选择一位社区民警", "Choose one community officer"),
("Vote.Submit", "投票", "Vote"),
("Vote.SignIn", "登录后投票", "Sign in to vote"),
("Vote.YouVoted", "你已投票，谢谢！", "You have voted. Thank you!"),
("Vote.Done", "投票成功。", "Your vote is counted."),
("Vote.Results", "评选结果（共 {0} 票）", "Results ({0} votes)"),
("Vote.Rank", "名次", "Rank"),
("Vote.Officer", "社区民警", "Officer"),
("Vote.Community", "社区", "Community"),
("Vote.Votes", "票数", "Votes"),
("Vote.NoVotes", "没有人投票。", "Nobody voted."),
("Vote.Others", "其他评选", "Other votes"),
("Vote.Problem", "未能投票：", "Vote not counted:"),
("Error.household", "只有本地区的居民可以投票：请先在“我的信息”中关联你在本地区的住户。", "Only residents of the area vote: link your household in the area under Me first."),
("Error.vote", "你已经投过票了：每人一票。", "You have already voted: one resident, one vote."),
("Error.candidateId", "请选择一位候选人。", "Choose one candidate."),
]
import html, os
here = os.path.dirname(os.path.abspath(__file__))
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- Generated by mediation-strings.py: edit that file and run it. -->
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
    with open(os.path.join(here, f"MediationResource{suffix}.resx"), "w", encoding="utf-8") as f:
        f.write(head)
        for row in S:
            f.write(f'  <data name="{html.escape(row[0])}" xml:space="preserve">\n    <value>{html.escape(row[col], quote=False)}</value>\n  </data>\n')
        f.write("</root>\n")
