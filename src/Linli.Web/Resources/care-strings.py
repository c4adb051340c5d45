# Source of CareResource.resx / CareResource.en.resx: key, zh-CN, English. Run: python3 care-strings.py
S = [
("Need.ElderlyLivingAlone", "独居老人", "Elderly, living alone"),
("Need.Disabled", "残障人士", "Disability"),
("Need.Quarantined", "居家隔离", "In quarantine at home"),
("Need.Other", "其他需要", "Other need"),
("Kind.Provisions", "生活物资", "Provisions"),
("Kind.Medicine", "药品", "Medicine"),
("Kind.Ride", "出行接送", "A ride"),
("Status.Open", "待送达", "To deliver"),
("Status.AwaitingConfirmation", "已送达，待确认", "Delivered, awaiting confirmation"),
("Status.Confirmed", "已确认收到", "Confirmed received"),
("Mine.Title", "我的应急关爱登记", "My emergency care register"),
("Mine.Lead", "紧急情况下需要帮助的家庭（如独居老人、残障人士、居家隔离）可以在这里登记。只有本社区工作者和行动期间负责本单元的网格长、楼长、单元长能看到，公安看不到。", "Households that need help in an emergency (living alone when elderly, a disability, quarantine at home) can register here. Only your community workers, and the grid, building and unit chiefs responsible for your unit during a campaign, can see it; the police cannot."),
("Mine.Entries", "我的登记", "My entries"),
("Mine.NoEntries", "你还没有登记。", "You have no entries."),
("Mine.Need", "原因", "Why"),
("Mine.ContactName", "联系人", "Name to ask for"),
("Mine.Contact", "联系方式", "Contact"),
("Mine.Note", "备注", "Note"),
("Mine.Expires", "到期", "Expires"),
("Mine.Campaign", "随行动结束删除", "Deleted when the campaign ends"),
("Mine.Consent", "同意书版本", "Consent text version"),
("Mine.ConsentOral", "{0}（口头同意，由社区工作者记录）", "{0} (given orally, recorded by a community worker)"),
("Mine.Renew", "续期", "Renew"),
("Mine.Withdraw", "撤回同意并删除", "Withdraw consent and delete"),
("Mine.AskHelp", "请求帮助", "Ask for help"),
("Mine.HelpKind", "需要什么", "What you need"),
("Mine.HelpNote", "补充说明（可选，最多 200 字）", "Details (optional, up to 200 characters)"),
("Mine.SendHelp", "发送请求", "Send the request"),
("Mine.HelpRequests", "我的帮助请求", "My help requests"),
("Mine.NoHelp", "没有帮助请求。", "No help requests."),
("Mine.Raised", "提出于 {0}", "Asked {0}"),
("Mine.Delivered", "送达于 {0}", "Delivered {0}"),
("Mine.Confirm", "确认已收到", "Confirm I received it"),
("Mine.Register", "登记本户", "Register your household"),
("Mine.NeedsHousehold", "请先在“我的账户”中关联你所在的单元，再登记。", "First link the unit you live in on your account page, then register."),
("Mine.LinkHousehold", "关联单元", "Link your unit"),
("Mine.RegisterLead", "只需要一位联系人和一种联系方式（手机号或邮箱）。", "We only need one name and one contact (a mobile number or an email)."),
("Mine.NeedLabel", "需要关爱的原因", "Why the household needs care"),
("Mine.ContactNameHint", "紧急时找谁，最多 40 字", "Whom to ask for in an emergency, up to 40 characters"),
("Mine.ContactHint", "手机号或邮箱，只填一个", "A mobile number or an email, just one"),
("Mine.NoteHint", "可选，最多 200 字，如“行动不便，住 6 楼”", "Optional, up to 200 characters, e.g. “cannot walk far, 6th floor”"),
("Mine.ConsentLegend", "同意书（版本 {0}）", "Consent (version {0})"),
("Mine.Agree", "我已阅读并同意", "I have read this and agree"),
("Mine.Submit", "登记", "Register"),
("Mine.Export", "下载我的关爱登记数据（JSON）", "Download my care register data (JSON)"),
("Done.registered", "已登记。", "Registered."),
("Done.renewed", "已续期。", "Renewed."),
("Done.withdrawn", "已撤回同意，登记及其帮助请求已删除。", "Consent withdrawn; the entry and its help requests are deleted."),
("Done.asked", "已发送帮助请求，负责的网格长/楼长/单元长会联系你。", "Help requested; the chief responsible for your unit will contact you."),
("Done.confirmed", "已确认收到，谢谢。", "Confirmed, thank you."),
("Done.delivered", "已标记为送达，等待住户确认。", "Marked delivered; waiting for the household to confirm."),
("Done.removed", "已按住户要求删除登记。", "Entry deleted at the household's request."),
("Error.Title", "请检查以下内容", "Please check the following"),
("Error.need", "请选择需要关爱的原因。", "Choose why the household needs care."),
("Error.contactName", "请填写联系人（最多 40 字）。", "Give a name to ask for (up to 40 characters)."),
("Error.contact", "请填写一个有效的手机号或邮箱。", "Give one valid mobile number or email."),
("Error.note", "备注最多 200 字。", "The note is at most 200 characters."),
("Error.consentVersion", "请阅读并勾选同意书。", "Read and tick the consent."),
("Error.consentGivenOrally", "请确认住户已口头同意。", "Confirm that the household agreed orally."),
("Error.campaignId", "该行动未进行或不包括这个单元。", "That campaign is not running or does not cover this unit."),
("Error.household", "请先关联你所在的单元。", "Link your unit first."),
("Error.unitCode", "请填写正确的单元编码。", "Give a valid unit code."),
("Error.node", "你的角色不包括这个区域。", "Your roles do not cover this area."),
("Error.kind", "请选择需要的帮助。", "Choose the help needed."),
("Error.id", "无法完成：{0}", "Could not do this: {0}"),
("Error.entryId", "找不到这条登记。", "That entry was not found."),
("Work.Title", "应急关爱", "Emergency care"),
("Work.Lead", "你负责送达的帮助请求，以及行动期间你负责的单元的关爱登记。每次查看都会记入审计日志。", "Help you are to deliver, and the care entries of the units you hold while a campaign needs them. Every view is recorded in the audit log."),
("Work.Tasks", "待办帮助", "Help to deliver"),
("Work.NoTasks", "没有待办的帮助请求。", "No help to deliver."),
("Work.Deliver", "标记为已送达", "Mark delivered"),
("Work.Call", "拨打或发邮件", "Call or email"),
("Work.OpenEntries", "行动中可查看的关爱登记", "Care entries open to you during the campaign"),
("Work.NoOpenEntries", "目前没有需要查看关爱登记的行动任务。", "No campaign task needs the care register now."),
("Work.Register", "关爱名单", "Care register"),
("Work.RegisterLead", "你所辖区域的登记。只用于应急联系和帮助。", "The register of your area, only for reaching and helping households in emergencies."),
("Work.Node", "区域编码（可选）", "Area code (optional)"),
("Work.Show", "显示", "Show"),
("Work.Count", "共 {0} 户", "{0} households"),
("Work.Empty", "没有登记。", "No entries."),
("Work.Unit", "单元", "Unit"),
("Work.RaiseHelp", "代为请求帮助", "Request help for them"),
("Work.Remove", "住户撤回：删除", "Household withdrew: delete"),
("Work.NewEntry", "代住户登记", "Register a household on its behalf"),
("Work.NewEntryLead", "请向住户读出同意书，住户口头同意后再登记。", "Read the consent text to the household; register only after they agree orally."),
("Work.UnitCode", "单元编码", "Unit code"),
("Work.OralConsent", "住户已听取并口头同意上述内容", "The household heard this text and agreed orally"),
("Work.Back", "返回工作台", "Back to the workbench"),
("Work.Link", "应急关爱", "Emergency care"),
("Confirm.Title", "确认收到帮助", "Confirm the help arrived"),
("Confirm.Invalid", "这个链接无效或已过期（登记可能已删除）。", "This link is not valid or has expired (the entry may have been deleted)."),
("Confirm.Lead", "社区为{0}送达了：{1}。如已收到，请点击确认。", "The community delivered to {0}: {1}. If you received it, please confirm."),
("Confirm.NotYet", "这项帮助还没有标记为送达。", "This help has not been marked delivered yet."),
("Confirm.Button", "确认已收到", "Confirm I received it"),
("Confirm.Done", "已确认收到，谢谢。", "Confirmed, thank you."),
]
import html, os
here = os.path.dirname(os.path.abspath(__file__))
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- Generated by care-strings.py: edit that file and run it. -->
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
    with open(os.path.join(here, f"CareResource{suffix}.resx"), "w", encoding="utf-8") as f:
        f.write(head)
        for row in S:
            f.write(f'  <data name="{html.escape(row[0])}" xml:space="preserve">\n    <value>{html.escape(row[col], quote=False)}</value>\n  </data>\n')
        f.write("</root>\n")
