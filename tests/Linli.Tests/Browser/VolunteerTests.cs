using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class VolunteerTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_joins_an_association_and_signs_up_for_a_patrol()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await MapTests.SignInAsync(page, linli, "resident");

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "志愿服务" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("志愿服务");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未达标的社区" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = DemoVolunteers.PatrolName }).ClickAsync();
        await Expect(heading).ToHaveTextAsync(DemoVolunteers.PatrolName);
        await Axe.AssertAccessibleAsync(page);

        // Joining needs the consent box.
        await page.GetByLabel("技能").FillAsync("急救");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入协会" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请勾选同意");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("我已阅读并同意以上内容").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "加入协会" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("你已加入本协会。");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出协会" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "夜间平安巡逻" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("夜间平安巡逻");
        await Expect(page.Locator(".facts")).ToContainTextAsync("已报名 0 / 共 6 个名额");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "巡逻路线" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "报名参加" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("报名成功。");
        await Expect(page.Locator(".facts")).ToContainTextAsync("已报名 1 / 共 6 个名额");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "取消报名" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "volunteer-signed-up");

        // The hub lists the shift under "my volunteering".
        await page.GotoAsync(linli.Url("/volunteers"));
        await Expect(page.Locator("#mine-heading + p")).ToContainTextAsync("认定服务时长");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "夜间平安巡逻" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_leaders_pages_show_the_check_in_code_and_the_honours_page_is_accessible()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "worker");

        await page.GotoAsync(linli.Url("/volunteers"));
        await page.GetByRole(AriaRole.Link, new() { Name = DemoVolunteers.PatrolName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理协会" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看成员名册（会记入审计日志）" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "成员名册" }).Locator("tbody tr")).ToHaveCountAsync(8);
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "夜间平安巡逻" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "夜间平安巡逻的签到二维码" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(linli.Url($"/volunteers/honours?community={DemoAccounts.CommunityCode}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("志愿者表彰");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(4);
        await Axe.AssertAccessibleAsync(page);
    }
}
