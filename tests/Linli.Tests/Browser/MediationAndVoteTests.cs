using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MediationAndVoteTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_votes_for_a_community_officer_on_a_phone()
    {
        await using var linli = await LiveLinli.StartAsync();
        await LinkHouseholdAsync(linli, "resident");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "resident");

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "十佳民警" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("十佳社区民警评选");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("九龙坡区");
        var choices = page.GetByRole(AriaRole.Group, new() { Name = "选择一位社区民警" }).GetByRole(AriaRole.Radio);
        await Expect(choices).ToHaveCountAsync(12);
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);

        await choices.Nth(2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "投票" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("投票成功。");
        await Expect(page.GetByText("你已投票，谢谢！")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "officer-vote-cast");
        Assert.Equal(1, await linli.App.WithDbAsync(db => db.OfficerVotesCast.CountAsync()));
    }

    [Fact]
    public async Task A_community_worker_records_a_session_and_the_public_counts_are_accessible()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "worker");

        await page.GotoAsync(linli.Url("/work/mediation"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("矛盾纠纷调解");
        await Expect(page.Locator(".people-list li").First).ToContainTextAsync("待回访");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "噪音" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "当事户" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("时间").FillAsync(DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("记录").FillAsync("第二次调解，双方同意");
        await page.GetByRole(AriaRole.Group, new() { Name = "到场的当事户" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).Nth(1).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Expect(page.GetByText("第二次调解，双方同意")).ToBeVisibleAsync();

        await page.GotoAsync(linli.Url($"/mediation/stats?node={TreeGenerator.ShiqiaopuCode}"));
        await Expect(page.GetByRole(AriaRole.Table).Locator("tbody tr").Last).ToContainTextAsync("合计");
        await Axe.AssertAccessibleAsync(page);
    }

    private static Task LinkHouseholdAsync(LiveLinli linli, string login) => linli.App.WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == login);
        var unit = await db.Nodes.SingleAsync(n => n.Code == DemoAccounts.UnitCode);
        var consent = new ConsentRecord { UserId = user.Id, Purpose = Consents.HouseholdLink, TextVersion = Consents.HouseholdLinkText.Version, GivenAt = DateTimeOffset.UtcNow };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        db.HouseholdLinks.Add(new HouseholdLink { UserId = user.Id, UnitNodeId = unit.Id, ConsentId = consent.Id, LinkedAt = DateTimeOffset.UtcNow });
        return await db.SaveChangesAsync();
    });
}
