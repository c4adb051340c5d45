using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SurveyTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_answers_a_priority_vote_on_a_phone_and_after_it_closes_sees_the_ranking_and_the_plan()
    {
        await using var linli = await LiveLinli.StartAsync();
        await LinkHouseholdAsync(linli, "resident");
        var worker = await linli.App.SignedInAsync("worker");
        var created = await worker.PostAsJsonAsync("/api/v1/surveys", new { title = "测试议题投票", kind = "priority-vote", nodeCode = DemoAccounts.CommunityCode });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await worker.PostAsJsonAsync($"/api/v1/surveys/{id}/questions", new { kind = "ranking", text = "最担心的问题", options = new[] { "车辆盗窃", "入室盗窃", "诈骗" } });
        await worker.PostAsync($"/api/v1/surveys/{id}/publish", null);
        await NeighboursAnswerAsync(linli, id);

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "resident");
        await page.GotoAsync(linli.Url("/surveys"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "等你回答" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "测试议题投票" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("测试议题投票");
        await Axe.AssertAccessibleAsync(page);

        // Two items on the same rank are refused and nothing is stored; then a full ranking goes through.
        await page.GetByLabel("诈骗").SelectOptionAsync("1");
        await page.GetByLabel("车辆盗窃").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("未能提交");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("诈骗").SelectOptionAsync("1");
        await page.GetByLabel("车辆盗窃").SelectOptionAsync("2");
        await page.GetByLabel("入室盗窃").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("你的回答已匿名记录");
        await Expect(page.GetByText("你已经回答过了。")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        Assert.Equal(6, await linli.App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));

        // The worker closes it; the street office publishes its plan and reports back.
        await worker.PostAsync($"/api/v1/surveys/{id}/close", null);
        var street = await linli.App.SignedInAsync("street");
        Assert.True((await street.PostAsJsonAsync($"/api/v1/surveys/{id}/plan", new { unitNodeCode = TreeGenerator.ShiqiaopuCode, text = "反诈宣传进每栋楼" })).IsSuccessStatusCode);
        await street.PostAsJsonAsync($"/api/v1/surveys/{id}/plan/reports", new { text = "已办8场讲座" });

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "结果", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".survey-bars").First.Locator("li").First).ToContainTextAsync("1. 诈骗");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "负责单位的计划" })).ToBeVisibleAsync();
        await Expect(page.GetByText("反诈宣传进每栋楼")).ToBeVisibleAsync();
        await Expect(page.GetByText("已办8场讲座")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "priority-vote-results");

        await page.GotoAsync(linli.Url("/surveys/indices"));
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("安全感");
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_community_worker_builds_a_survey_without_javascript_on_accessible_pages()
    {
        await using var linli = await LiveLinli.StartAsync();

        // Building needs no script: plain form posts that re-render the page.
        await using (var noScript = await chromium.NewContextAsync(javaScriptEnabled: false))
        {
            var page = await noScript.NewPageAsync();
            await MapTests.SignInAsync(page, linli, "worker");
            await page.GotoAsync(linli.Url("/work/surveys/new"));
            await page.GetByLabel("标题").FillAsync("楼道照明满意度");
            await page.GetByLabel("对象区域（节点编码）").FillAsync(DemoAccounts.GridCode);
            await page.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("楼道照明满意度");
            await page.GetByLabel("题型").SelectOptionAsync("scale");
            await page.GetByLabel("题目", new() { Exact = true }).FillAsync("楼道照明好吗？");
            await page.GetByLabel("计入指数（仅1–5分题）").SelectOptionAsync("satisfaction");
            await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
            await Expect(page.GetByText("楼道照明好吗？")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "立即结束" })).ToBeVisibleAsync();
        }

        var published = await linli.App.WithDbAsync(db => db.Surveys.Where(s => s.Title == "楼道照明满意度").Select(s => new { s.Id, s.PublishedAt }).SingleAsync());
        Assert.NotNull(published.PublishedAt);

        // Each staff page passes axe-core (which needs script to run).
        await using var context = await chromium.NewContextAsync();
        var checkedPage = await context.NewPageAsync();
        await MapTests.SignInAsync(checkedPage, linli, "worker");
        await checkedPage.GotoAsync(linli.Url("/work/surveys"));
        await Expect(checkedPage.GetByRole(AriaRole.Link, new() { Name = DemoSurveys.VoteTitle })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(checkedPage);
        await checkedPage.GetByRole(AriaRole.Link, new() { Name = DemoSurveys.VoteTitle }).ClickAsync();
        await Expect(checkedPage.GetByRole(AriaRole.Heading, new() { Name = "结果（工作人员）" })).ToBeVisibleAsync();
        await Expect(checkedPage.GetByText("发布于")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(checkedPage);
        await checkedPage.GotoAsync(linli.Url("/work/surveys/new"));
        await Axe.AssertAccessibleAsync(checkedPage);
        await checkedPage.GotoAsync(linli.Url($"/work/surveys/{published.Id}"));
        await Expect(checkedPage.GetByRole(AriaRole.Heading, new() { Name = "楼道照明好吗？" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(checkedPage);
    }

    /// <summary>Five neighbours' anonymous answers, so the results are above the suppression threshold.</summary>
    private static Task NeighboursAnswerAsync(LiveLinli linli, int id) => linli.App.WithDbAsync(async db =>
    {
        var options = await db.SurveyQuestions.Where(q => q.SurveyId == id).SelectMany(q => q.Options).OrderBy(o => o.Position).ToListAsync();
        var grid = await db.Nodes.Where(n => n.Code == DemoAccounts.GridCode).Select(n => n.Path).SingleAsync();
        for (var i = 0; i < 5; i++)
        {
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = Guid.NewGuid(), SurveyId = id, Day = DateOnly.FromDateTime(DateTime.UtcNow), AreaPath = grid,
                Answers = [.. new[] { options[2], options[0], options[1] }.Select((o, rank) => new SurveyAnswer { QuestionId = o.QuestionId, OptionId = o.Id, Value = rank + 1 })],
            });
        }

        return await db.SaveChangesAsync();
    });

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
