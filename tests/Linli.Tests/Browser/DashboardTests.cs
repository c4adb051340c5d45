using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_supervisor_reads_the_rates_of_a_street_in_Chinese_and_English()
    {
        await using var linli = await LiveLinli.StartAsync();
        await FileCasesAsync(linli);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "三率看板" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("三率看板");
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(linli.Url("/dashboard/" + TreeGenerator.ShiqiaopuCode));
        await Expect(heading).ToHaveTextAsync("石桥铺街道：三率看板");
        var response = page.GetByRole(AriaRole.Region, new() { Name = "响应率" });
        await Expect(response).ToContainTextAsync("100.0%");
        await Expect(response).ToContainTextAsync("按时受理 1 件 / 应响应 1 件");
        await Expect(response).ToContainTextAsync("÷");
        await Expect(page.Locator("table.ranking tbody tr").First).ToContainTextAsync("石桥铺社区");
        await Expect(page.Locator("table.count-table").Last).ToContainTextAsync("诈骗风险");
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "dashboard-phone");

        // A custom period that ends before it starts is refused in words, and the page still shows this month.
        await page.GetByLabel("自定义").CheckAsync();
        await page.GetByLabel("开始日期").FillAsync("2025-03-10");
        await page.GetByLabel("结束日期（含当天）").FillAsync("2025-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("时间段无效");
        await Expect(response).ToContainTextAsync("100.0%");
        await Axe.AssertAccessibleAsync(page);

        // Below a community, sensitive categories are one total.
        await page.GotoAsync(linli.Url("/dashboard/" + DemoAccounts.GridCode + "?period=last-90-days"));
        await Expect(page.Locator("table.count-table").Last).ToContainTextAsync("敏感类别（合计）");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("诈骗风险");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(linli.Url("/dashboard/" + TreeGenerator.ShiqiaopuCode));
        await Expect(heading).ToHaveTextAsync("Shiqiaopu Street: rates dashboard");
        var responseEn = page.GetByRole(AriaRole.Region, new() { Name = "Response rate" });
        await Expect(responseEn).ToContainTextAsync("1 accepted in time / 1 due");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Satisfaction rate" })).ToContainTextAsync("Nothing due yet");
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "dashboard-desktop-en");

        // Clicking a community on the map opens its dashboard for the same period.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Last 90 days" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("period=last-90-days", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await page.Locator("#map svg path.leaflet-interactive").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/dashboard/{TreeGenerator.ShiqiaopuCode}\\d{{3}}\\?period=last-90-days$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(heading).ToContainTextAsync("Community: rates dashboard");
    }

    /// <summary>A parking report the grid chief accepts at once, and an untouched fraud report, in grid 1.</summary>
    private static async Task FileCasesAsync(LiveLinli linli)
    {
        using var resident = new HttpClient { BaseAddress = linli.Address };
        var parking = await resident.FileAsync(await linli.App.ReportAsync("parking"));
        await resident.FileAsync(await linli.App.ReportAsync("fraud-attempt"));

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var gridChief = new HttpClient(handler) { BaseAddress = linli.Address };
        var signIn = await gridChief.PostAsJsonAsync("/api/v1/account/signin", new { login = "gridchief", password = DemoAccounts.Password });
        Assert.True(signIn.IsSuccessStatusCode);
        await gridChief.ActAsync(parking.GetProperty("number").GetInt64(), "accept");
    }
}
