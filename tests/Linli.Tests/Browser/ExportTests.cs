using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ExportTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task The_statistics_page_is_accessible_and_a_community_worker_exports_cases_on_a_phone()
    {
        await using var linli = await LiveLinli.StartAsync();
        using (var resident = new HttpClient { BaseAddress = linli.Address })
        {
            await resident.FileAsync(await linli.App.ReportAsync("water-leak"));
        }

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "统计数据" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("公开统计数据");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync(linli.Url("/statistics/" + TreeGenerator.ShiqiaopuCode));
        await Expect(heading).ToHaveTextAsync("石桥铺街道 · 统计数据");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "数据说明（字段、定义、许可）" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await MapTests.SignInAsync(page, linli, "worker");
        await page.GotoAsync(linli.Url($"/work/exports/new?dataset=dashboard&node={DemoAccounts.CommunityCode}&period=this-month"));
        await Expect(page.GetByLabel("三率与分类统计")).ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("问题明细（不含反映人信息）").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出", Exact = true }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("number,category_code,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("吴晓东", text, StringComparison.Ordinal);

        await page.GotoAsync(linli.Url($"/work/exports/new?node={DemoAccounts.CommunityCode}"));
        await page.GetByLabel("在后台生成（大的导出总是如此）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "导出", Exact = true }).ClickAsync();
        await Expect(page.Locator("p.note[role=status]")).ToContainTextAsync("已开始");
        await Expect(page.Locator("progress").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // The worker runs the job; the open page notices by itself and offers the file, with no reload by hand.
        await using (var scope = linli.App.Services.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<ExportJobs>();
            while (await jobs.RunNextAsync(default))
            {
            }
        }

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("progress")).ToHaveCountAsync(0);
    }
}
