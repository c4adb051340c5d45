using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>A resident on a phone reports a problem on /report and follows it on the case page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_on_a_phone_pins_a_leak_answers_the_question_adds_a_photo_and_gets_a_receipt()
    {
        await using var linli = await LiveLinli.StartAsync();
        var earlier = await linli.App.Anonymous().FileAsync(await linli.App.ReportAsync("water-leak", offsetMeters: -40));
        var (lat, lon) = await linli.App.CentreOfAsync(DemoAccounts.BuildingCode);
        await using var context = await chromium.NewContextAsync();
        await context.GrantPermissionsAsync(["geolocation"], new() { Origin = linli.Url("/") });
        await context.SetGeolocationAsync(new Geolocation { Latitude = (float)lat, Longitude = (float)lon });
        var page = await context.NewPageAsync();

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "反映问题" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("反映问题");

        // Only the chosen category's questions show.
        await page.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "漏水位置" })).ToBeVisibleAsync();
        await Expect(page.Locator("#questions-sewer-blockage")).ToBeHiddenAsync();
        await page.GetByLabel("道路").CheckAsync();

        // "Use my location" opens the map (Leaflet is fetched only now), drops the pin and names the place.
        Assert.Equal(0, await page.Locator("script[src*='leaflet']").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "使用我的位置" }).ClickAsync();
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("石桥铺社区 · 第1网格，靠近 1号楼");
        await Expect(page.Locator("#report-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        Assert.Equal(lat, double.Parse(await page.Locator("#latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture), 4);

        // The same kind of problem was reported 40 m away: it is offered to follow instead.
        var nearby = page.GetByRole(AriaRole.Region, new() { Name = "附近已经有人反映过吗？" });
        await Expect(nearby).ToBeVisibleAsync();
        await Expect(nearby.GetByRole(AriaRole.Button, new() { Name = $"关注 #{earlier.GetProperty("number").GetInt64()}，不再重复反映" })).ToBeVisibleAsync();

        // Tapping the map moves the pin; north of the first grid is outside the street, and the page says so at once.
        await page.Locator("#report-map").ClickAsync(new() { Position = new Position { X = 120, Y = 40 } });
        await Expect(page.Locator("#pin-status")).ToHaveTextAsync("这个位置不在邻里服务的范围内，请换一个位置。");
        await page.Locator("#report-map").ClickAsync(new() { Position = new Position { X = 260, Y = 330 } });
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("已标出位置：石桥铺社区");
        Assert.NotEqual(lat, double.Parse(await page.Locator("#latitude").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture), 4);
        await page.GetByRole(AriaRole.Button, new() { Name = "使用我的位置" }).ClickAsync();
        await Expect(page.Locator("#pin-status")).ToContainTextAsync("靠近 1号楼");

        await page.GetByLabel("问题描述").FillAsync("楼下路面一直在冒水，已经两天了。");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "leak.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithGpsExif(120, 90) });
        await page.GetByLabel("邮箱（选填）").FillAsync("neighbour@example.org");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "report-filled-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/cases/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\?filed=true$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var receipt = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢！你的反映已提交" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印回执" })).ToBeVisibleAsync();
        await Expect(page.Locator(".state")).ToHaveTextAsync("已派遣");
        await Expect(page.Locator(".photos img")).ToHaveCountAsync(1);
        await Expect(page.Locator(".facts")).ToContainTextAsync("石桥铺社区 · 第1网格");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("neighbour@example.org");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "case-filed-phone");

        // Later: the receipt typed loosely on /cases opens the same page.
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "查询进展" }).ClickAsync();
        await page.GetByLabel("回执编码").FillAsync(receipt.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/cases/" + receipt), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^#\\d+ 漏水$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢！你的反映已提交" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_refused_report_comes_back_with_each_error_beside_its_field_and_nothing_else_lost()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(linli.Url("/report"));

        await page.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await page.GetByLabel("楼栋", new() { Exact = true }).FillAsync("石桥铺社区 第1网格 1号楼");
        await page.GetByLabel("楼栋", new() { Exact = true }).PressAsync("Enter");
        await page.GetByRole(AriaRole.Group, new() { Name = "选择所在楼栋" }).GetByLabel("石桥铺社区 · 第1网格 · 1号楼").CheckAsync();
        await page.GetByLabel("姓名（选填）").FillAsync("林小满");
        await page.GetByLabel("邮箱（选填）").FillAsync("not-an-email");

        // The browser refuses what it can tell is not a photo, before anything is sent.
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(page.Locator("#photos-client-error")).ToHaveTextAsync("“notes.txt”不是图片。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await Expect(page.Locator("#photos")).ToBeFocusedAsync();
        Assert.EndsWith("/report", page.Url, StringComparison.Ordinal);

        // A file that claims to be a JPEG gets past the browser; the server decodes it and refuses it.
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "notes.jpg", MimeType = "image/jpeg", Buffer = "not a photo"u8.ToArray() });
        await Expect(page.Locator("#photos-client-error")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("请修改以下问题");
        await Expect(summary).ToContainTextAsync("请回答：漏水位置");
        await Expect(summary).ToContainTextAsync("请填写问题描述。");
        await Expect(summary).ToContainTextAsync("邮箱格式不正确");
        await Expect(summary).ToContainTextAsync("第 1 个文件不是图片");
        await Expect(page.Locator("#description-error")).ToHaveTextAsync("请填写问题描述。");
        await Expect(page.Locator("#description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#photos-again")).ToBeVisibleAsync();

        // Everything else is as the resident left it.
        await Expect(page.GetByLabel("问题类型")).ToHaveValueAsync("water-leak");
        await Expect(page.GetByLabel("石桥铺社区 · 第1网格 · 1号楼")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("姓名（选填）")).ToHaveValueAsync("林小满");
        await Expect(page.GetByLabel("邮箱（选填）")).ToHaveValueAsync("not-an-email");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "report-errors-phone");

        await summary.GetByRole(AriaRole.Link, new() { Name = "请填写问题描述。" }).ClickAsync();
        await Expect(page.Locator("#description")).ToBeFocusedAsync();

        await page.GetByLabel("问题描述").FillAsync("楼道里的水管在漏水。");
        await page.GetByLabel("楼内公共区域").CheckAsync();
        await page.GetByLabel("邮箱（选填）").FillAsync("neighbour@example.org");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "leak.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(80, 60) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/cases/[0-9A-Z-]{14}\?filed=true$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".facts")).ToContainTextAsync("楼道里的水管在漏水。");
        await Expect(page.Locator(".photos img")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task After_the_fix_the_resident_confirms_it_and_after_closing_rates_it_on_the_case_page()
    {
        await using var linli = await LiveLinli.StartAsync();
        var (number, receipt) = await FileLeakAsync(linli);
        var handler = await linli.App.SignedInAsync("handler");
        await handler.ActAsync(number, "accept");
        await ResolveAsync(handler, number);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(linli.Url("/cases/" + receipt));
        await Expect(page.Locator(".state")).ToHaveTextAsync("已处置");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("管道已更换");
        await Expect(page.Locator(".photos img")).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认已修好" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url($"/cases/{receipt}?done=verified#status"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("谢谢确认，问题已标记为修好。");
        await Expect(page.Locator(".state")).ToHaveTextAsync("已核查");

        var worker = await linli.App.SignedInAsync("worker");
        await worker.ActAsync(number, "close");
        await page.GotoAsync(linli.Url("/cases/" + receipt));
        await Expect(page.Locator(".state")).ToHaveTextAsync("已结案");

        // Stars and "solved" are both needed; the form says so next to each.
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择 1 到 5 星。");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择问题是否解决。");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Group, new() { Name = "你对办理结果满意吗？" }).GetByLabel("4 星：满意").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "问题解决了吗？" }).GetByLabel("解决了").CheckAsync();
        await page.GetByLabel("意见或建议（选填）").FillAsync("修得很快，谢谢。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url($"/cases/{receipt}?done=rated#status"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("谢谢你的评价。");
        await Expect(page.Locator(".rating")).ToContainTextAsync("4 星（满分 5 星）");
        await Expect(page.Locator(".rating")).ToContainTextAsync("已解决");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "评价办理结果" })).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "case-rated-phone");

        // Within the window the resident can still say it is not fixed, with a note.
        await page.GetByRole(AriaRole.Button, new() { Name = "没有修好，重新打开" }).ClickAsync();
        await Expect(page.Locator("#reopen-note-error")).ToHaveTextAsync("请说明还有什么问题。");
        await page.GetByLabel("还有什么问题").FillAsync("又开始漏了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "没有修好，重新打开" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url($"/cases/{receipt}?done=reopened#status"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".state")).ToHaveTextAsync("已重新打开");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("又开始漏了。");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Axe_finds_no_violations_on_the_report_and_case_pages(string culture)
    {
        await using var linli = await LiveLinli.StartAsync();
        var (number, receipt) = await FileLeakAsync(linli);
        var handler = await linli.App.SignedInAsync("handler");
        await handler.ActAsync(number, "accept");
        await ResolveAsync(handler, number);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(linli.Url($"/language?culture={culture}&returnUrl=/report"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

        await page.Locator("#category").SelectOptionAsync("water-leak");
        await page.Locator("#show-map").ClickAsync();
        await Expect(page.Locator("#report-map")).ToHaveAttributeAsync("data-ready", "true");
        await Axe.AssertAccessibleAsync(page);

        // The server's own rendering of the building choice and of the nearby report to follow.
        await page.Locator("#building-query").FillAsync(DemoAccounts.BuildingCode);
        await page.Locator("#find-building").ClickAsync();
        await Expect(page.Locator("#nearby-list li")).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);

        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(linli.Url("/cases"));
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(linli.Url($"/cases/{receipt}?filed=true"));
        await Expect(page.Locator("#verify-submit")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "case-resolved-" + culture);
        if (culture == "en")
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Is it fixed?" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Without_javascript_a_resident_finds_the_building_files_a_report_follows_another_and_cancels()
    {
        await using var linli = await LiveLinli.StartAsync();
        var (earlier, _) = await FileLeakAsync(linli);
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(linli.Url("/report"));
        await Expect(page.Locator("#map-tools")).ToBeHiddenAsync();
        await page.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await page.GetByLabel("道路").CheckAsync();
        await page.GetByLabel("楼栋", new() { Exact = true }).FillAsync(DemoAccounts.BuildingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();

        // One building has that code: it is chosen, and the open leak reported there is offered to follow.
        await Expect(page.GetByLabel("石桥铺社区 · 第1网格 · 1号楼")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("道路")).ToBeCheckedAsync();
        var follow = page.GetByRole(AriaRole.Button, new() { Name = $"关注 #{earlier}，不再重复反映" });
        await Expect(follow).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "report-no-script");

        await page.GetByLabel("问题描述").FillAsync("路灯下的水管裂了。");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "leak.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(64, 48) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交反映" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/cases/[0-9A-Z-]{14}\?filed=true$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator("#receipt-code")).ToBeVisibleAsync();
        await Expect(page.Locator("#receipt-tools")).ToBeHiddenAsync();
        await Expect(page.Locator(".photos img")).ToHaveCountAsync(1);

        // A report not yet taken on can be cancelled; <details> opens without script.
        await page.GetByText("撤销这条反映").ClickAsync();
        await page.GetByLabel("撤销原因").FillAsync("反映错了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销反映" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("这条反映已撤销。");
        await Expect(page.Locator(".state")).ToHaveTextAsync("已撤销");

        // Another resident follows the earlier report instead of filing it again.
        await page.GotoAsync(linli.Url("/report"));
        await page.GetByLabel("问题类型").SelectOptionAsync("water-leak");
        await page.GetByLabel("楼栋", new() { Exact = true }).FillAsync(DemoAccounts.BuildingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await follow.ClickAsync();
        await Expect(page.Locator("#follow-email-error")).ToContainTextAsync("请填写有效的邮箱");
        await page.GetByLabel("接收进展的邮箱").FillAsync("follower@example.org");
        await follow.ClickAsync();
        await page.WaitForURLAsync(linli.Url($"/report?followed={earlier}"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".success")).ToHaveTextAsync($"你已关注 #{earlier}。有进展时我们会通知你。");
        Assert.True(await linli.App.WithDbAsync(db => db.CaseFollowers.AnyAsync(f => f.CaseId == earlier && f.Email == "follower@example.org")));
    }

    private static async Task<(long Number, string Receipt)> FileLeakAsync(LiveLinli linli)
    {
        var filed = await linli.App.Anonymous().FileAsync(await linli.App.ReportAsync("water-leak"));
        return (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
    }

    private static async Task ResolveAsync(HttpClient handler, long number)
    {
        using var withPhoto = new MultipartFormDataContent
        {
            { new StringContent("管道已更换 Pipe replaced"), "note" },
            { new ByteArrayContent(TestImages.Jpeg(32, 32)), "photos", "fixed.jpg" },
        };
        var resolved = await handler.PostAsync($"/api/v1/work/cases/{number}/resolve", withPhoto);
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
    }
}
