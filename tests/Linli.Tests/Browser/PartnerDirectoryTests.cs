using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PartnerDirectoryTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_browses_the_directory_and_signs_up_for_a_partner_event()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "社区合伙人" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("社区合伙人");
        await page.GetByLabel("社区", new() { Exact = true }).SelectOptionAsync(DemoAccounts.CommunityCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "自治" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("石桥铺星光影城");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "partner-directory");

        await page.GetByRole(AriaRole.Link, new() { Name = "石桥铺星光影城" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("石桥铺星光影城");
        await Expect(page.GetByText("登录后即可报名。")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        var partnerPage = page.Url;

        await MapTests.SignInAsync(page, linli, "resident");
        await page.GotoAsync(partnerPage);
        await Expect(page.GetByText("剩余 80 / 80 个名额")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "报名: 反诈电影免费放映《孤注一掷》" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=signedup", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("报名成功。");
        await Expect(page.GetByText("你已报名")).ToBeVisibleAsync();
        await Expect(page.GetByText("剩余 79 / 80 个名额")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "partner-signed-up");

        await page.GetByRole(AriaRole.Button, new() { Name = "取消报名: 反诈电影免费放映《孤注一掷》" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=cancelled", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByText("剩余 80 / 80 个名额")).ToBeVisibleAsync();
    }
}
