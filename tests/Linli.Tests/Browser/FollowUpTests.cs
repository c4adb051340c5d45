using Linli.Tests.Integration.FollowUps;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FollowUpTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_opens_a_rating_link_on_a_phone_picks_five_stars_confirms_and_is_thanked()
    {
        await using var linli = await LiveLinli.StartAsync(FollowUpWorld.Waiver);
        var closed = await FollowUpWorld.ClosedCaseAsync(linli.App, DateTimeOffset.UtcNow.AddHours(-2));
        await linli.App.SendFollowUpsAsync();
        var link = await linli.App.WithDbAsync(db => db.Outbox.Where(m => m.CaseId == closed && m.Purpose == NoticePurpose.FollowUp).Select(m => m.Link!).SingleAsync());
        var token = FollowUpWorld.TokenOf(link);

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(linli.Url($"/rate/{token}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("这次服务怎么样？");
        await Expect(page.Locator(".lead")).ToContainTextAsync($"#{closed}");
        await Axe.AssertAccessibleAsync(page);

        // One tap on a star opens the confirmation; nothing is recorded until it is sent.
        await page.GetByRole(AriaRole.Link, new() { Name = "5 星：非常满意" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "确认你的评价" })).ToBeVisibleAsync();
        Assert.False(await linli.App.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.Source == FollowUpSource.Case && f.ItemId == closed && f.AnsweredAt != null)));
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("解决了").CheckAsync();
        await page.GetByLabel("想说点什么吗？（可选，最多 500 字）").FillAsync("师傅当天就来修好了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("谢谢！你的评价（5 星）已收到。");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "follow-up-thanks");
        var @case = await linli.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == closed));
        Assert.Equal((5, true), (@case.RatingStars, @case.RatingSolved));

        // The public figures are there, and accessible.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看满意度" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("服务满意度");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "回访回复率" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // Staff see per-person figures on the workbench.
        await using var staffContext = await chromium.NewContextAsync();
        var street = await staffContext.NewPageAsync();
        await MapTests.SignInAsync(street, linli, "street");
        await street.GotoAsync(linli.Url("/work/satisfaction"));
        await Expect(street.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("各工作人员的满意度");
        await Expect(street.Locator("table")).ToContainTextAsync("刘伟");
        await Axe.AssertAccessibleAsync(street);
    }
}
