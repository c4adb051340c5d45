using System.Text.RegularExpressions;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>One case through every hand in one run, each person in their own browser: nothing filed or acted on through the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FullCaseTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_residents_report_is_handled_on_the_workbench_and_rated_by_the_resident()
    {
        await using var linli = await LiveLinli.StartAsync();

        // The resident reports a leak at their building from the form.
        await using var residentContext = await chromium.NewContextAsync();
        var resident = await residentContext.NewPageAsync();
        await resident.GotoAsync(linli.Url("/report"));
        await resident.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await resident.GetByLabel("道路").CheckAsync();
        await resident.GetByLabel("楼栋", new() { Exact = true }).FillAsync("石桥铺社区 第1网格 1号楼");
        await resident.GetByLabel("楼栋", new() { Exact = true }).PressAsync("Enter");
        await resident.GetByRole(AriaRole.Group, new() { Name = "选择所在楼栋" }).GetByLabel("石桥铺社区 · 第1网格 · 1号楼").CheckAsync();
        await resident.GetByLabel("问题描述").FillAsync("1号楼门口的路面在冒水。");
        await resident.GetByLabel("邮箱（选填）").FillAsync("neighbour@example.org");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await resident.WaitForURLAsync(new Regex(@"/cases/[0-9A-Z-]{14}\?filed=true$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var receipt = (await resident.Locator("#receipt-code").InnerTextAsync()).Trim();
        var number = long.Parse(Regex.Match(await resident.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), @"#(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(resident.Locator(".state")).ToHaveTextAsync("已派遣");

        // The water utility's handler finds it in their queue, accepts it and resolves it with a photo.
        await using var handlerContext = await chromium.NewContextAsync();
        var handler = await handlerContext.NewPageAsync();
        await MapTests.SignInAsync(handler, linli, "handler");
        await handler.GotoAsync(linli.Url("/work"));
        await handler.Locator(".work-item").Filter(new() { HasText = $"#{number} " }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(handler.Locator("#reporter-heading + dl")).ToContainTextAsync("neighbour@example.org");
        await handler.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await handler.WaitForDoneAsync(linli, number, "accept");
        await handler.OpenActionAsync("resolve");
        await handler.GetByLabel("处理结果").FillAsync("阀门已更换 Valve replaced");
        await handler.GetByLabel("处理后的照片").SetInputFilesAsync(WorkbenchPages.Photo());
        await handler.SubmitActionAsync("resolve");
        await handler.WaitForDoneAsync(linli, number, "resolve");

        // The resident sees the public reply and confirms the fix.
        await resident.GotoAsync(linli.Url("/cases/" + receipt));
        await Expect(resident.Locator(".state")).ToHaveTextAsync("已处置");
        await Expect(resident.Locator(".timeline")).ToContainTextAsync("阀门已更换");
        await resident.GetByRole(AriaRole.Button, new() { Name = "确认已修好" }).ClickAsync();
        await resident.WaitForURLAsync(linli.Url($"/cases/{receipt}?done=verified#status"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        // The community worker closes it from the workbench.
        await using var workerContext = await chromium.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await MapTests.SignInAsync(worker, linli, "worker");
        await worker.GotoAsync(linli.Url("/work"));
        await worker.Locator(".work-item").Filter(new() { HasText = $"#{number} " }).GetByRole(AriaRole.Link).ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "结案" }).ClickAsync();
        await worker.WaitForDoneAsync(linli, number, "close");

        // And the resident rates it.
        await resident.GotoAsync(linli.Url("/cases/" + receipt));
        await Expect(resident.Locator(".state")).ToHaveTextAsync("已结案");
        await resident.GetByRole(AriaRole.Group, new() { Name = "你对办理结果满意吗？" }).GetByLabel("5 星：很满意").CheckAsync();
        await resident.GetByRole(AriaRole.Group, new() { Name = "问题解决了吗？" }).GetByLabel("解决了").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await resident.WaitForURLAsync(linli.Url($"/cases/{receipt}?done=rated#status"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(resident.Locator(".rating")).ToContainTextAsync("5 星（满分 5 星）");
        await Axe.AssertAccessibleAsync(resident);

        Assert.Equal(
            [CaseEventKind.Reported, CaseEventKind.Dispatched, CaseEventKind.Accepted, CaseEventKind.Resolved, CaseEventKind.Verified, CaseEventKind.Closed, CaseEventKind.Rated],
            await linli.EventKindsAsync(number));
        var stored = await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => new { c.Source, c.RatingStars, c.RatingSolved }).SingleAsync());
        Assert.Equal((CaseSource.Web, (int?)5, (bool?)true), (stored.Source, stored.RatingStars, stored.RatingSolved));
    }
}
