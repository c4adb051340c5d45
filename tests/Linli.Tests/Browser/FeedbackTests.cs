using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FeedbackTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_posts_advice_on_a_phone_the_unit_replies_and_adopts_it_and_the_resident_sees_the_commitment()
    {
        await using var linli = await LiveLinli.StartAsync();

        // The resident, on a phone, finds the community's wall from the residents' voice hub.
        await using var residentContext = await chromium.NewContextAsync();
        var resident = await residentContext.NewPageAsync();
        await MapTests.SignInAsync(resident, linli, "resident");
        await resident.GotoAsync(linli.Url("/"));
        await resident.GetByRole(AriaRole.Link, new() { Name = "居民之声", Exact = true }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("居民之声");
        await Axe.AssertAccessibleAsync(resident);
        await resident.GetByRole(AriaRole.Link, new() { Name = "意见墙：建议和投诉" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("选择单位");
        await Axe.AssertAccessibleAsync(resident);
        await resident.GetByRole(AriaRole.Link, new() { Name = "石桥铺社区居委会", Exact = true }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("石桥铺社区居委会的意见墙");
        await Axe.AssertAccessibleAsync(resident);

        // Without a title the form says so beside the field and keeps the text.
        await resident.GetByLabel("内容").FillAsync("社区活动室晚上七点就关门，上班族用不上。建议周末和晚上开放到九点。");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(resident.Locator("#post-title-error")).ToHaveTextAsync("请填写标题（最多 80 字）。");
        await Expect(resident.GetByLabel("内容")).ToHaveValueAsync("社区活动室晚上七点就关门，上班族用不上。建议周末和晚上开放到九点。");
        await Axe.AssertAccessibleAsync(resident);
        await resident.GetByLabel("标题").FillAsync("活动室延长开放时间");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex(@"\?done=post$"));
        await Expect(resident.GetByRole(AriaRole.Status)).ToHaveTextAsync("已提交。单位答复时你会收到通知。");
        await Expect(resident.Locator("#post-text")).ToHaveTextAsync("社区活动室晚上七点就关门，上班族用不上。建议周末和晚上开放到九点。");
        await Axe.AssertAccessibleAsync(resident);
        var postUrl = resident.Url.Split('?')[0];
        var id = await linli.App.WithDbAsync(db => db.FeedbackPosts.Where(p => p.Title == "活动室延长开放时间").Select(p => p.Id).SingleAsync());

        // The community worker finds it unanswered at the top of the inbox, replies and adopts it with a commitment.
        await using var workerContext = await chromium.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await MapTests.SignInAsync(worker, linli, "worker", expectToLeave: false);
        await Expect(worker).Not.ToHaveURLAsync(new Regex("/signin"));
        await worker.GotoAsync(linli.Url("/work/feedback"));
        await Expect(worker.Locator("#inbox")).ToContainTextAsync("活动室延长开放时间");
        await Axe.AssertAccessibleAsync(worker);
        await worker.GetByRole(AriaRole.Link, new() { Name = "活动室延长开放时间" }).First.ClickAsync();
        await worker.GetByLabel("答复内容").FillAsync("谢谢建议，我们从下个月起试行周末和晚上开放到九点。");
        await worker.GetByRole(AriaRole.Button, new() { Name = "发布答复" }).ClickAsync();
        await Expect(worker).ToHaveURLAsync(new Regex(@"\?done=reply"));
        await Expect(worker.GetByRole(AriaRole.Status)).ToHaveTextAsync("答复已发布。");
        await Axe.AssertAccessibleAsync(worker);
        await worker.GetByLabel("要做什么").FillAsync("活动室周末和晚上开放到九点");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await worker.GetByLabel("完成期限").FillAsync(due);
        await worker.GetByRole(AriaRole.Button, new() { Name = "纳入工作计划", Exact = true }).ClickAsync();
        await Expect(worker).ToHaveURLAsync(new Regex(@"\?done=adopt"));
        await Expect(worker.Locator("#commitment")).ToContainTextAsync("活动室周末和晚上开放到九点");
        await Axe.AssertAccessibleAsync(worker);

        // Progress on the plan page.
        await worker.GetByRole(AriaRole.Link, new() { Name = "查看工作计划" }).ClickAsync();
        var commitmentId = await linli.App.WithDbAsync(db => db.FeedbackCommitments.Where(c => c.PostId == id).Select(c => c.Id).SingleAsync());
        await worker.Locator($"#progress-{commitmentId}-text").FillAsync("已排好值班表。");
        await worker.Locator($"#commitment-{commitmentId}").GetByRole(AriaRole.Button, new() { Name = "发布进展" }).ClickAsync();
        await Expect(worker).ToHaveURLAsync(new Regex(@"\?done=progress"));
        await Expect(worker.Locator($"#commitment-{commitmentId}")).ToContainTextAsync("已排好值班表。");
        await Axe.AssertAccessibleAsync(worker);

        // The resident sees the reply under the unit's name and the commitment on the unit's plan.
        await resident.GotoAsync(postUrl);
        await Expect(resident.Locator("#replies")).ToContainTextAsync("谢谢建议，我们从下个月起试行周末和晚上开放到九点。");
        await Expect(resident.Locator("#replies")).ToContainTextAsync("石桥铺社区居委会 答复于");
        await Expect(resident.Locator("#replies")).Not.ToContainTextAsync("张丽华");
        await Expect(resident.Locator("#commitment")).ToContainTextAsync("进行中");
        await Axe.AssertAccessibleAsync(resident);
        await resident.GetByRole(AriaRole.Link, new() { Name = "查看工作计划" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("石桥铺社区居委会的工作计划");
        var entry = resident.Locator($"#commitment-{commitmentId}");
        await Expect(entry).ToContainTextAsync("活动室周末和晚上开放到九点");
        await Expect(entry).ToContainTextAsync("已排好值班表。");
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "活动室延长开放时间" })).ToBeVisibleAsync();
        await Expect(entry.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(resident);
        await Screenshots.SaveAsync(resident, "feedback-plan");
    }
}
