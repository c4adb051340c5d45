using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>A resident on a phone reports a problem on /report and follows it on the case page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_on_a_phone_pins_a_leak_answers_the_question_adds_a_photo_and_gets_a_receipt()
    {
        await using var linli = await LiveLinli.StartAsync();
        var earlier = await linli.App.Anonymous().FileAsync(await linli.App.ReportAsync("water-leak", offsetMeters: -40));
        var (lat, lon) = await linli.App.CentreOfAsync(DemoAccounts.BuildingCode);
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["geolocation"], new() { Origin = linli.Url("/") });
        await context.SetGeolocationAsync(new Geolocation { Latitude = (float)lat, Longitude = (float)lon });
        var page = await context.NewPageAsync();

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "反映问题" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("反映问题");

        // Only the chosen category's questions show.
        await page.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "漏水位置" })).ToBeVisibleAsync();
        await Expect(page.Locator("#questions-sewer-blockage")).ToBeHiddenAsync();
        await page.GetByLabel("道路").CheckAsync();

        // "Use my location" opens the map (Leaflet is fetched only now), drops the pin and names the place.
        Assert.Equal(0, await page.Locator("script[src*='leaflet']").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "使用我的位置" }).ClickAsync();
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("石桥铺社区 · 第1网格，靠近 1号楼");
        await Expect(page.Locator("#report-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        Assert.Equal(lat, double.Parse(await page.Locator("#latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture), 4);

        // The same kind of problem was reported 40 m away: it is offered to follow instead.
        var nearby = page.GetByRole(AriaRole.Region, new() { Name = "附近已经有人反映过吗？" });
        await Expect(nearby).ToBeVisibleAsync();
        await Expect(nearby.GetByRole(AriaRole.Button, new() { Name = $"关注 #{earlier.GetProperty("number").GetInt64()}，不再重复反映" })).ToBeVisibleAsync();

        // Tapping the map moves the pin; north of the first grid is outside the street, and the page says so at once.
        await page.Locator("#report-map").ClickAsync(new() { Position = new Position { X = 120, Y = 40 } });
        await Expect(page.Locator("#pin-status")).ToHaveTextAsync("这个位置不在邻里服务的范围内，请换一个位置。");
        await page.Locator("#report-map").ClickAsync(new() { Position = new Position { X = 260, Y = 330 } });
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("已标出位置：石桥铺社区");
        Assert.NotEqual(lat, double.Parse(await page.Locator("#latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture), 4);
        await page.GetByRole(AriaRole.Button, new() { Name = "使用我的位置" }).ClickAsync();
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("靠近 1号楼");

        await page.GetByLabel("问题描述").FillAsync("楼下路面一直在冒水，已经两天了。");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "leak.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithGpsExif(120, 90) });
        await page.GetByLabel("邮箱（选填）").FillAsync("neighbour@example.org");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "report-filled-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/cases/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\?filed=true$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var receipt = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢！你的反映已提交" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印回执" })).ToBeVisibleAsync();
        await Expect(page.Locator(".state")).ToHaveTextAsync("已派遣");
        await Expect(page.Locator(".photos img")).ToHaveCountAsync(1);
        await Expect(page.Locator(".facts")).ToContainTextAsync("石桥铺社区 · 第1网格");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("neighbour@example.org");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "case-filed-phone");

        // Later: the receipt typed loosely on /cases opens the same page.
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "查询进展" }).ClickAsync();
        await page.GetByLabel("回执编码").FillAsync(receipt.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/cases/" + receipt), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^#\\d+ 漏水$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢！你的反映已提交" })).ToHaveCountAsync(0);
    }
}
