using Linli.Web.Features.Demo;
using Linli.Web.Features.Hazards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HazardTests(ChromiumFixture chromium)
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Fact]
    public async Task An_officer_logs_a_half_day_with_a_visit_that_raises_a_hazard_and_takes_it_through_a_failed_reinspection_to_eliminated_on_a_phone()
    {
        await using var linli = await LiveLinli.StartAsync(Waiver);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "police");

        // The half-day's household visit raises a concern; one tap carries the place, the concern and the visit over.
        await PolicingTests.StartHalfDayAsync(page, linli);
        await PolicingTests.SaveHouseholdVisitAsync(page, "楼道内电动车充电");
        var visit = await linli.App.WithDbAsync(db => db.PolicingVisits.OrderByDescending(v => v.Id).Select(v => v.Id).FirstAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "登记为隐患" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("登记隐患");
        await Expect(page.GetByLabel("隐患描述")).ToHaveValueAsync("楼道内电动车充电");
        await Expect(page.GetByLabel("地点编码（社区、网格、楼栋或单元）")).ToHaveValueAsync(DemoAccounts.UnitCode);
        await Expect(page.GetByText("只拍隐患本身，不要拍人。", new() { Exact = false })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // Without a kind the form says so next to the field and keeps what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "登记隐患", Exact = true }).ClickAsync();
        await Expect(page.Locator("#kind-error")).ToHaveTextAsync("请选择隐患类别。");
        await Expect(page.GetByLabel("隐患描述")).ToHaveValueAsync("楼道内电动车充电");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("用电").CheckAsync();
        await page.GetByLabel("重大隐患").CheckAsync();
        await page.GetByLabel("具体位置（可不填）").FillAsync("2单元一楼楼道");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记隐患", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=recorded", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var number = long.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("p.success")).ToHaveTextAsync("隐患已登记。");
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("已发现");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("责任方（单位或人员）").FillAsync("1号楼物业管理处");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存责任和期限" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=assign", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("整改中");

        await page.GetByLabel("整改内容").FillAsync("在楼外加装集中充电桩");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存整改记录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=rectify", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("已整改，待复查");
        await Axe.AssertAccessibleAsync(page);

        // A failed re-inspection needs a reason, then sends the hazard back to rectification.
        await page.GetByLabel("不合格：重新整改").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存复查结果" }).ClickAsync();
        await Expect(page.Locator("#reinspect-note-error")).ToHaveTextAsync("请填写说明（不超过1000字）。");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("说明（可不填）").FillAsync("仍有电动车在楼道充电");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存复查结果" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=reinspect", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("复查未通过，重新整改");

        await page.GetByLabel("整改内容").FillAsync("张贴告示，清走楼道车辆");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存整改记录" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=rectify", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("合格：隐患已消除").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存复查结果" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?done=reinspect", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("已消除");
        await Expect(page.Locator("#timeline-heading + ol li")).ToHaveCountAsync(6);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "hazard-eliminated");

        var hazard = await linli.App.WithDbAsync(db => db.Hazards.AsNoTracking().SingleAsync(h => h.Id == number));
        Assert.Equal(HazardState.Eliminated, hazard.State);
        Assert.Equal(visit, hazard.SourceVisitId);
        Assert.Equal(HazardKind.Electrical, hazard.Kind);
        Assert.Equal(HazardSeverity.Major, hazard.Severity);
        Assert.Equal(1, hazard.FailedReinspections);

        // The workbench counts the community's open and overdue hazards, with a way to the overdue ones.
        await page.GotoAsync(linli.Url("/police"));
        await Expect(page.Locator("#hazards-heading")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "只看超期隐患" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "线索" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // The register (overdue demo hazards first) and the public figures pass axe-core too.
        await page.GotoAsync(linli.Url("/work/hazards"));
        await Expect(page.Locator(".work-item").First.Locator(".badge.overdue")).ToHaveTextAsync("已超期");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync(linli.Url("/hazards/stats?period=year"));
        await Expect(page.Locator("#by-area-caption")).ToHaveTextAsync("按下级区域");
        await Axe.AssertAccessibleAsync(page);
    }
}
