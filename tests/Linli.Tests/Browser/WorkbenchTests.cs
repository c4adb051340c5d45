using System.Text.Json;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WorkbenchTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_reported_case_is_accepted_updated_resolved_with_a_photo_verified_and_closed_on_a_phone()
    {
        await using var linli = await LiveLinli.StartAsync();
        var number = await linli.FileWaterLeakAsync("3号楼门口路面冒水 Water bubbling up outside building 3");
        var later = await linli.FileWaterLeakAsync("另一处漏水 Another leak");
        await linli.MakeOverdueAsync(number);

        await using var handlerContext = await chromium.NewContextAsync();
        var page = await handlerContext.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "handler");
        await page.GotoAsync(linli.Url("/work"));

        // The overdue case comes first, with its badge and the time it was due, ahead of the newer one.
        var first = page.Locator(".work-item").First;
        await Expect(first.GetByRole(AriaRole.Link)).ToHaveTextAsync($"#{number} 漏水");
        await Expect(first.Locator(".badge.overdue")).ToHaveTextAsync("已超时");
        await Expect(first.Locator(".due")).ToContainTextAsync("前响应");
        await Expect(page.Locator(".work-item").Nth(1).GetByRole(AriaRole.Link)).ToHaveTextAsync($"#{later} 漏水");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "work-list");

        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"#{number} 漏水");
        await Expect(page.Locator("#reporter-heading + dl")).ToContainTextAsync("吴晓东");
        await Expect(page.Locator("svg.place-sketch")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // One tap to accept.
        await page.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await page.WaitForDoneAsync(linli, number, "accept");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已接单。" })).ToBeVisibleAsync();

        // An internal update: two taps and the text.
        await page.OpenActionAsync("note");
        await page.GetByLabel("进展说明").FillAsync("已关闭阀门，维修队在路上 Valve closed, crew on the way");
        await page.GetByLabel("仅工作人员（内部）").CheckAsync();
        await page.SubmitActionAsync("note");
        await page.WaitForDoneAsync(linli, number, "note");
        await Expect(page.Locator(".history li").First).ToContainTextAsync("已关闭阀门");
        await Expect(page.Locator(".history li").First.Locator(".badge.internal")).ToHaveTextAsync("内部");

        // Resolving a water leak needs a photo of the fix: without one the page says so next to the field.
        await page.OpenActionAsync("resolve");
        await page.GetByLabel("处理结果").FillAsync("管道已更换 Pipe replaced");
        await page.SubmitActionAsync("resolve");
        await Expect(page.Locator("#resolve-photos-error")).ToHaveTextAsync("此类问题办结时必须附上处理后的照片。");
        await Expect(page.GetByLabel("处理结果")).ToHaveValueAsync("管道已更换 Pipe replaced");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("处理后的照片").SetInputFilesAsync(WorkbenchPages.Photo());
        await page.SubmitActionAsync("resolve");
        await page.WaitForDoneAsync(linli, number, "resolve");
        await Expect(page.Locator(".badges .badge").First).ToHaveTextAsync("已办结，待核查");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "处理后的照片 1" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "work-case-resolved");

        // The grid chief checks the fix from their own list.
        await using var chiefContext = await chromium.NewContextAsync();
        var chief = await chiefContext.NewPageAsync();
        await MapTests.SignInAsync(chief, linli, "gridchief");
        await chief.GotoAsync(linli.Url("/work"));
        var waiting = chief.Locator(".work-item").Filter(new() { HasText = $"#{number} " });
        await Expect(waiting.Locator(".badge").First).ToHaveTextAsync("已办结，待核查");
        await waiting.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(chief.Locator("#reporter-heading + p")).ToHaveTextAsync("报告人的联系方式只对本案的处理人可见。");
        await chief.GetByRole(AriaRole.Button, new() { Name = "核查通过" }).ClickAsync();
        await chief.WaitForDoneAsync(linli, number, "verify");
        await Expect(chief.GetByRole(AriaRole.Status).Filter(new() { HasText = "已核查。" })).ToBeVisibleAsync();

        // The community worker closes it.
        await using var workerContext = await chromium.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await MapTests.SignInAsync(worker, linli, "worker");
        await worker.GotoAsync(linli.Url("/work"));
        await Expect(worker.GetByRole(AriaRole.Link, new() { Name = "待派遣" })).ToBeVisibleAsync();
        await worker.Locator(".work-item").Filter(new() { HasText = $"#{number} " }).GetByRole(AriaRole.Link).ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "结案" }).ClickAsync();
        await worker.WaitForDoneAsync(linli, number, "close");
        await Expect(worker.Locator(".badges .badge").First).ToHaveTextAsync("已结案");

        Assert.Equal(
            [CaseEventKind.Reported, CaseEventKind.Dispatched, CaseEventKind.Accepted, CaseEventKind.Updated, CaseEventKind.Resolved, CaseEventKind.Verified, CaseEventKind.Closed],
            await linli.EventKindsAsync(number));
        var stored = await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == number)
            .Select(c => new { c.State, Photos = c.Photos.Count(p => p.Stage == PhotoStage.Resolution), InternalNotes = c.Events.Count(e => e.Kind == CaseEventKind.Updated && !e.IsPublic) })
            .SingleAsync());
        Assert.Equal((CaseState.Closed, 1, 1), (stored.State, stored.Photos, stored.InternalNotes));
    }

    [Fact]
    public async Task The_manifest_is_valid_and_the_service_worker_registers_at_the_root()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        var manifestResponse = await page.APIRequest.GetAsync(linli.Url("/manifest.webmanifest"));
        Assert.Equal(200, manifestResponse.Status);
        Assert.StartsWith("application/manifest+json", manifestResponse.Headers["content-type"], StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await manifestResponse.TextAsync());
        var root = manifest.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
        Assert.Equal("/work", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString());
        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        foreach (var size in new[] { "192x192", "512x512" })
        {
            var icon = icons.First(i => i.GetProperty("sizes").GetString() == size && i.GetProperty("type").GetString() == "image/png");
            var served = await page.APIRequest.GetAsync(linli.Url(icon.GetProperty("src").GetString()!));
            Assert.Equal(200, served.Status);
            Assert.Equal("image/png", served.Headers["content-type"]);
        }

        await MapTests.SignInAsync(page, linli, "handler");
        await page.GotoAsync(linli.Url("/work"));
        await Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/manifest.webmanifest");
        var registration = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const registration = await navigator.serviceWorker.ready;
                return { scope: registration.scope, script: registration.active.scriptURL };
            }
            """);
        Assert.Equal(linli.Url("/"), registration.GetProperty("scope").GetString());
        Assert.Equal(linli.Url("/sw.js"), registration.GetProperty("script").GetString());

        // Once the worker controls the page, the workbench opens from the phone's copy without a connection.
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await context.SetOfflineAsync(true);
        await page.GotoAsync(linli.Url("/work/report"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("现场上报");
        await context.SetOfflineAsync(false);
    }
}
