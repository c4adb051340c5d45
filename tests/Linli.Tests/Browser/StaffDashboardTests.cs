using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffDashboardTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task Street_staff_open_their_dashboard_on_a_phone_and_drill_down_to_a_community()
    {
        await using var linli = await LiveLinli.StartAsync();
        await linli.App.WithDbAsync(async db =>
        {
            await DemoDashboards.SeedAsync(db, TimeProvider.System, CancellationToken.None);
            return 0;
        });
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await MapTests.SignInAsync(page, linli, "street");

        await page.GotoAsync(linli.Url("/work"));
        await page.Locator(".work-nav").GetByRole(AriaRole.Link, new() { Name = "数据看板" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("石桥铺街道数据看板");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "诉求数" })).ToContainTextAsync("环比");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "近12个月诉求数与三率" })).ToBeVisibleAsync();
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "staff-dashboard-phone");

        await page.GetByRole(AriaRole.Radio, new() { Name = "上月" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("period=last-month", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        var first = page.Locator("table.area-ranking tbody tr").First.Locator("th a");
        var community = await first.TextContentAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/work/dashboards/{TreeGenerator.ShiqiaopuCode}\\d{{3}}\\?period=last-month$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(heading).ToHaveTextAsync($"{community}数据看板");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "志愿服务" })).ToBeVisibleAsync();
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await Axe.AssertAccessibleAsync(page);
    }
}
