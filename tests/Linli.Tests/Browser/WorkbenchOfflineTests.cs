using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>The phone loses its connection: what staff write is kept, shown as waiting, and sent exactly once when it returns.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchOfflineTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_report_written_offline_waits_on_the_phone_and_is_sent_once_when_the_connection_returns()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "gridchief");
        await page.GotoAsync(linli.Url("/work/report"));
        await WaitForServiceWorkerAsync(page);
        const string description = "巡查发现消防通道被杂物堵塞的旁边在漏水 Leak next to a blocked fire lane, found on patrol";

        await context.SetOfflineAsync(true);
        await page.GetByLabel("问题类别").SelectOptionAsync("water-leak");
        await page.GetByLabel("道路 Street").CheckAsync();
        await page.GetByLabel("问题描述").FillAsync(description);
        await page.GetByLabel("楼栋编码").FillAsync(DemoAccounts.BuildingCode);
        await page.GetByLabel("照片（可不填，最多 3 张）").SetInputFilesAsync(WorkbenchPages.Photo("leak.jpg"));
        await page.GetByRole(AriaRole.Button, new() { Name = "提交上报" }).ClickAsync();

        var waiting = page.Locator("#outbox .outbox-item");
        await Expect(page.Locator("#outbox")).ToBeVisibleAsync();
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting).ToContainTextAsync("等待网络");
        await Expect(page.Locator("#work-live")).ToHaveTextAsync("现在没有网络。已保存在手机上，联网后会自动发送一次。");
        await Expect(page.GetByLabel("问题描述")).ToHaveValueAsync("");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "work-report-waiting");
        Assert.Equal(0, await CasesDescribedAsync(linli, description));

        await context.SetOfflineAsync(false);
        await Expect(waiting).ToContainTextAsync("已上报 #");
        var number = await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Description == description).Select(c => c.Id).SingleAsync());
        await Expect(waiting.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/work/cases/{number}");

        // Loading the page again (which sends whatever waits) and another "online" event send nothing more.
        await page.ReloadAsync();
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(page.Locator("#outbox .outbox-item")).ToContainTextAsync($"已上报 #{number}");
        var stored = await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Description == description)
            .Select(c => new { c.Source, Photos = c.Photos.Count, Reports = c.Events.Count(e => e.Kind == CaseEventKind.Reported), Answer = c.Answers.First().Values.First() }).ToListAsync());
        var only = Assert.Single(stored);
        Assert.Equal((CaseSource.Patrol, 1, 1, "street"), (only.Source, only.Photos, only.Reports, only.Answer));
    }

    [Fact]
    public async Task An_update_written_offline_is_sent_once_even_when_it_is_sent_again()
    {
        await using var linli = await LiveLinli.StartAsync();
        var number = await linli.FileWaterLeakAsync("水表井漏水 Meter pit leaking");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "handler");
        await page.GotoAsync(linli.Url($"/work/cases/{number}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await page.WaitForDoneAsync(linli, number, "accept");
        await WaitForServiceWorkerAsync(page);
        const string note = "地下室信号不好，先记下：阀门已关 No signal in the basement: valve closed";

        await context.SetOfflineAsync(true);
        await page.OpenActionAsync("note");
        await page.GetByLabel("进展说明").FillAsync(note);
        await page.GetByLabel("仅工作人员（内部）").CheckAsync();
        await page.SubmitActionAsync("note");

        var waiting = page.Locator("#outbox .outbox-item");
        await Expect(waiting).ToContainTextAsync($"案件 #{number}：添加进展");
        await Expect(waiting).ToContainTextAsync("等待网络");
        Assert.Equal(0, await NotesAsync(linli, number, note));

        // Keep a copy of the queued item, as a phone would still hold it if the answer to the first send never arrived.
        await page.EvaluateAsync("async () => { const outbox = await import('/js/work/outbox.js'); window.kept = (await outbox.list(document.getElementById('outbox').dataset.user))[0]; }");

        await context.SetOfflineAsync(false);
        await Expect(waiting).ToContainTextAsync("已发送");
        Assert.Equal(1, await NotesAsync(linli, number, note));

        // Sent again with the same key: the server answers with the first result and records nothing new.
        var resent = await page.EvaluateAsync<bool>("""
            async () => {
                const outbox = await import('/js/work/outbox.js');
                await outbox.put(window.kept);
                const { results } = await outbox.flush(window.kept.user);
                return results.length === 1 && results[0].ok;
            }
            """);
        Assert.True(resent);
        Assert.Equal(1, await NotesAsync(linli, number, note));
        Assert.False(await linli.App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == number && e.Note == note).Select(e => e.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task A_form_whose_post_cannot_get_through_is_kept_by_the_service_worker()
    {
        await using var linli = await LiveLinli.StartAsync();
        var number = await linli.FileWaterLeakAsync("消火栓旁漏水 Leak by the hydrant");
        await using var context = await chromium.NewContextAsync();

        // The page believes it is online (a weak signal does that), so the form posts and the worker has to catch it.
        await context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true });");
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "handler");
        await page.GotoAsync(linli.Url($"/work/cases/{number}"));
        await WaitForServiceWorkerAsync(page);

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url($"/work/cases/{number}?queued=1"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存在手机上" })).ToBeVisibleAsync();
        await Expect(page.Locator("#outbox .outbox-item")).ToContainTextAsync($"案件 #{number}：接单");
        Assert.DoesNotContain(CaseEventKind.Accepted, await linli.EventKindsAsync(number));

        await context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await Expect(page.Locator("#outbox .outbox-item")).ToContainTextAsync("已发送");
        Assert.Single(await linli.EventKindsAsync(number), CaseEventKind.Accepted);
    }

    /// <summary>Waits until the service worker is active and controls the page, so its copies of the pages exist.</summary>
    private static async Task WaitForServiceWorkerAsync(IPage page)
    {
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        if (!await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"))
        {
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        }
    }

    private static Task<int> CasesDescribedAsync(LiveLinli linli, string description) =>
        linli.App.WithDbAsync(db => db.Cases.CountAsync(c => c.Description == description));

    private static Task<int> NotesAsync(LiveLinli linli, long number, string note) =>
        linli.App.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == number && e.Kind == CaseEventKind.Updated && e.Note == note));
}
