using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>With JavaScript off, every workbench form is a plain HTML form: it posts, refuses with messages next to the fields, and keeps what was typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchNoScriptTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_handler_works_a_case_and_files_a_report_without_JavaScript()
    {
        await using var linli = await LiveLinli.StartAsync();
        var number = await linli.FileWaterLeakAsync("小区门口消防栓漏水 Hydrant leaking at the gate");
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "handler");

        await page.GotoAsync(linli.Url("/work"));
        await page.GetByRole(AriaRole.Link, new() { Name = $"#{number} 漏水" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await page.WaitForDoneAsync(linli, number, "accept");

        // An empty update is refused next to its field, with the choice of audience kept.
        await page.OpenActionAsync("note");
        await page.GetByLabel("仅工作人员（内部）").CheckAsync();
        await page.SubmitActionAsync("note");
        await Expect(page.Locator("#note-note-error")).ToHaveTextAsync("请填写说明。");
        await Expect(page.Locator("#note-note")).ToHaveAttributeAsync("aria-describedby", "note-note-error");
        await Expect(page.GetByLabel("仅工作人员（内部）")).ToBeCheckedAsync();

        await page.GetByLabel("进展说明").FillAsync("已派人查看 Someone is on the way");
        await page.SubmitActionAsync("note");
        await page.WaitForDoneAsync(linli, number, "note");

        await page.OpenActionAsync("resolve");
        await page.GetByLabel("处理结果").FillAsync("已更换阀门 Valve replaced");
        await page.GetByLabel("处理后的照片").SetInputFilesAsync(WorkbenchPages.Photo());
        await page.SubmitActionAsync("resolve");
        await page.WaitForDoneAsync(linli, number, "resolve");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "处理后的照片 1" })).ToBeVisibleAsync();

        // The staff report: a first try with gaps keeps everything typed and names each gap.
        await page.GotoAsync(linli.Url("/work/report"));
        await page.GetByLabel("代居民上报").CheckAsync();
        await page.GetByLabel("问题类别").SelectOptionAsync("water-leak");
        await page.GetByLabel("楼栋编码").FillAsync(DemoAccounts.BuildingCode);
        await page.GetByLabel("姓名（可不填）").FillAsync("赵阿姨");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交上报" }).ClickAsync();
        await Expect(page.Locator("#report-errors")).ToContainTextAsync("请描述问题");
        await Expect(page.Locator("#description-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#q-water-leak-where-error")).ToHaveTextAsync("请回答这个问题。");
        await Expect(page.GetByLabel("问题类别")).ToHaveValueAsync("water-leak");
        await Expect(page.GetByLabel("楼栋编码")).ToHaveValueAsync(DemoAccounts.BuildingCode);
        await Expect(page.GetByLabel("代居民上报")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("姓名（可不填）")).ToHaveValueAsync("赵阿姨");

        await page.GetByLabel("道路 Street").CheckAsync();
        await page.GetByLabel("问题描述").FillAsync("赵阿姨来电：楼下水管爆了 A resident called: a pipe burst downstairs");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交上报" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/work/report?filed=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".success")).ToContainTextAsync("回执码");

        var filed = await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Description.StartsWith("赵阿姨来电"))
            .Select(c => new { c.Source, c.ReporterName, c.FiledByUserId, c.Receipt }).SingleAsync());
        Assert.Equal((CaseSource.Staff, "赵阿姨"), (filed.Source, filed.ReporterName));
        Assert.NotNull(filed.FiledByUserId);
        await Expect(page.Locator(".secret")).ToHaveTextAsync(filed.Receipt);
        Assert.Equal(CaseState.Resolved, await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => c.State).SingleAsync()));
    }
}
