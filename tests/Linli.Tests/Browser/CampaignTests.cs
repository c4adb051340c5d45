using System.Text.Json;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CampaignTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_unit_chief_completes_a_screening_task_on_a_phone_and_the_grid_moves_on_the_community_map()
    {
        await using var linli = await LiveLinli.StartAsync();
        var (campaign, gridName, total, done) = await linli.App.WithDbAsync(async db =>
        {
            var id = await db.Campaigns.Where(c => c.Kind == CampaignKind.EpidemicScreening).Select(c => c.Id).SingleAsync();
            var grid = await db.Nodes.SingleAsync(n => n.Code == DemoAccounts.GridCode);
            var row = await db.CampaignGridProgress.SingleAsync(p => p.CampaignId == id && p.GridId == grid.Id);
            return (id, grid.Name, row.Total, row.Done);
        });
        var progressUrl = linli.Url($"/work/campaigns/{campaign}?node={DemoAccounts.CommunityCode}");

        await using var workerContext = await chromium.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await MapTests.SignInAsync(worker, linli, "worker");
        await worker.GotoAsync(progressUrl);
        Assert.Equal($"{gridName}：{done}/{total}", await GridLabelAsync(worker));
        await Expect(worker.Locator($"#lagging li[data-code='{DemoAccounts.GridCode}']")).ToContainTextAsync($"{done}/{total}");
        await Expect(worker.Locator("#map")).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Axe.AssertAccessibleAsync(worker);

        await using var chiefContext = await chromium.NewContextAsync();
        var chief = await chiefContext.NewPageAsync();
        await MapTests.SignInAsync(chief, linli, "unitchief");
        await chief.GotoAsync(linli.Url("/work"));
        await chief.GetByRole(AriaRole.Link, new() { Name = "我的任务" }).ClickAsync();
        await Expect(chief.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的任务");
        var task = await linli.App.WithDbAsync(db => db.CampaignTasks
            .Where(t => t.CampaignId == campaign && t.NodeId == db.Nodes.Single(n => n.Code == DemoAccounts.UnitCode).Id).Select(t => t.Id).SingleAsync());
        var card = chief.Locator($"#task-{task}");
        await Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync("逐户排查");
        await Axe.AssertAccessibleAsync(chief);

        await card.GetByLabel("情况说明（可选）").FillAsync("全部住户已排查，无异常");
        await card.GetByRole(AriaRole.Button, new() { Name = "完成" }).ClickAsync();
        await chief.WaitForURLAsync(url => url.EndsWith($"?done={task}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(chief.Locator("#task-marked")).ToContainTextAsync("已标记完成");
        await Expect(chief.Locator($"#task-{task}")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(chief);
        await Screenshots.SaveAsync(chief, "campaign-tasks");

        await worker.GotoAsync(progressUrl);
        Assert.Equal($"{gridName}：{done + 1}/{total}", await GridLabelAsync(worker));
        await Expect(worker.Locator($"#lagging li[data-code='{DemoAccounts.GridCode}']")).ToContainTextAsync($"{done + 1}/{total}");
        await Axe.AssertAccessibleAsync(worker);
        await Screenshots.SaveAsync(worker, "campaign-progress");
    }

    private static async Task<string?> GridLabelAsync(IPage page)
    {
        var shades = await page.Locator("#map").GetAttributeAsync("data-shades");
        using var json = JsonDocument.Parse(shades!);
        return json.RootElement.GetProperty(DemoAccounts.GridCode).GetProperty("label").GetString();
    }
}
