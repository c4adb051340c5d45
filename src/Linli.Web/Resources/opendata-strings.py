# Source of OpenDataResource.resx / OpenDataResource.en.resx: key, zh-CN, English. Run: python3 opendata-strings.py
S = [
("Nav.Statistics", "统计数据", "Statistics"),
("Stats.Title", "公开统计数据", "Public statistics"),
("Stats.Lead", "居民反映问题的办理情况，只有汇总数字：少于 {0} 件的数字不公布（显示为“<{0}”），另有一格一并隐去，以免用合计倒推。敏感类别最细到社区。", "How the problems residents report are handled, as totals only: counts under {0} are withheld (shown as “<{0}”), with a second cell withheld so they cannot be worked out from a total. Sensitive categories go no finer than a community."),
("Stats.Choose", "选择地区", "Choose an area"),
("Stats.Within", "下辖地区", "Areas within"),
("Stats.TooSmall", "公开统计最细到社区。请查看 {0}。", "Public statistics go down to community level. See {0}."),
("Stats.Heading", "{0} · 统计数据", "{0} · statistics"),
("Stats.Period", "{0} 至 {1}", "{0} to {1}"),
("Stats.Cases", "问题办理", "Cases"),
("Stats.Reported", "反映问题", "Cases reported"),
("Stats.Response", "响应率", "Response rate"),
("Stats.Resolution", "解决率", "Resolution rate"),
("Stats.Satisfaction", "满意率", "Satisfaction rate"),
("Stats.RateParts", "{0} / {1}", "{0} / {1}"),
("Stats.Withheld", "<{0}", "<{0}"),
("Stats.NoRate", "—", "—"),
("Stats.RateWithheld", "件数太少，不公布", "Too few cases to publish"),
("Stats.ByCategory", "按类别", "By category"),
("Stats.Category", "类别", "Category"),
("Stats.Count", "件数", "Cases"),
("Stats.Total", "合计", "Total"),
("Stats.Sensitive", "（敏感类别）", "(sensitive category)"),
("Stats.Hazards", "安全隐患", "Safety hazards"),
("Stats.HazardsFound", "发现", "Found"),
("Stats.HazardsEliminated", "消除", "Eliminated"),
("Stats.More", "更多数字", "More figures"),
("Stats.HazardsLink", "安全隐患统计", "Hazard figures"),
("Stats.TipsLink", "群众线索统计", "Tip figures"),
("Stats.VolunteersLink", "志愿服务", "Volunteering"),
("Stats.DashboardLink", "本地区的办理情况看板", "This area's case dashboard"),
("Stats.Downloads", "下载数据", "Download the data"),
("Stats.DownloadsLead", "近 12 个月，按月。CSV（Excel 可打开）或 JSON，规则同上。", "The last 12 months, by month. CSV (opens in Excel) or JSON, under the same rules."),
("Stats.CasesByCategory", "各类别问题数", "Cases by category"),
("Stats.RatesByArea", "各地区三率", "Rates by area"),
("Stats.Dictionary", "数据说明（字段、定义、许可）", "Data dictionary (fields, definitions, licence)"),
("Stats.Open311", "逐件公开数据（Open311，不含个人信息，敏感类别不显示位置）", "Case-by-case public data (Open311: no personal data, no place for sensitive categories)"),
("Exports.Title", "导出数据", "Exports"),
("Exports.Lead", "导出辖区内的问题或三率。小的导出立即下载；大的在后台生成，完成后在此下载。文件保留 {0} 小时，只有您本人能下载。", "Export the cases or the rates of your area. Small exports download at once; large ones are prepared in the background and downloaded here. Files are kept {0} hours and only you can download them."),
("Exports.New", "新建导出", "New export"),
("Exports.None", "您还没有导出。", "You have no exports yet."),
("Exports.Forbidden", "您的角色不能导出数据。", "Your roles do not include exporting data."),
("Exports.Started", "导出 #{0} 已开始，完成后可在下面下载。", "Export #{0} has started; download it below when it is done."),
("Exports.Refreshing", "本页每 5 秒自动刷新。", "This page refreshes every 5 seconds."),
("Exports.Refresh", "刷新", "Refresh"),
("Exports.Job", "#{0} · {1} · {2} · {3}", "#{0} · {1} · {2} · {3}"),
("Exports.Progress", "{0} / {1} 行", "{0} of {1} rows"),
("Exports.Download", "下载", "Download"),
("Exports.Expires", "保留至 {0}", "Kept until {0}"),
("Exports.Status.Queued", "排队中", "Queued"),
("Exports.Status.Running", "生成中", "Running"),
("Exports.Status.Done", "已完成", "Done"),
("Exports.Status.Failed", "失败", "Failed"),
("Exports.Dataset", "数据", "Data"),
("Exports.Dataset.cases", "问题明细（不含反映人信息）", "Cases, one row each (no reporter details)"),
("Exports.Dataset.rates", "三率与分类统计", "Rates and counts by category"),
("Exports.Format", "格式", "Format"),
("Exports.Format.csv", "CSV", "CSV"),
("Exports.Format.xlsx", "Excel（XLSX）", "Excel (XLSX)"),
("Exports.Node", "地区代码", "Area code"),
("Exports.NodeHint", "网格或更大的地区，须在您的管辖范围内。", "A grid or a larger area within your roles."),
("Exports.Category", "类别", "Category"),
("Exports.AnyCategory", "全部类别", "All categories"),
("Exports.State", "状态", "State"),
("Exports.AnyState", "全部状态", "All states"),
("Exports.Background", "在后台生成（大的导出总是如此）", "Prepare in the background (large exports always are)"),
("Exports.Start", "导出", "Export"),
("Exports.Problems", "请修改以下内容：", "Please correct the following:"),
("Exports.Error.dataset", "请选择要导出的数据。", "Choose the data to export."),
("Exports.Error.format", "请选择格式。", "Choose a format."),
("Exports.Error.node", "请填写您管辖范围内的网格或更大地区的代码。", "Give the code of a grid or larger area within your roles."),
("Exports.Error.period", "请选择时段。", "Choose a period."),
("Exports.Error.from", "请检查开始日期。", "Check the start date."),
("Exports.Error.to", "请检查结束日期。", "Check the end date."),
("Exports.Error.category", "没有这个类别。", "There is no such category."),
("Exports.Error.state", "没有这个状态。", "There is no such state."),
("Exports.Back", "返回导出列表", "Back to the exports"),
]
import html, os
here = os.path.dirname(os.path.abspath(__file__))
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- Generated by opendata-strings.py: edit that file and run it. -->
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
    with open(os.path.join(here, f"OpenDataResource{suffix}.resx"), "w", encoding="utf-8") as f:
        f.write(head)
        for row in S:
            f.write(f'  <data name="{html.escape(row[0])}" xml:space="preserve">\n    <value>{html.escape(row[col], quote=False)}</value>\n  </data>\n')
        f.write("</root>\n")
