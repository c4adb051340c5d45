using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ChannelTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task Two_chiefs_on_the_grid_channel_one_sends_and_the_other_sees_it_live()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var chiefContext = await chromium.NewContextAsync();
        await using var unitContext = await chromium.NewContextAsync();
        var chief = await chiefContext.NewPageAsync();
        var unit = await unitContext.NewPageAsync();
        await MapTests.SignInAsync(chief, linli, "gridchief");
        await MapTests.SignInAsync(unit, linli, "unitchief");

        // From the workbench to the channel list, then into the grid's channel.
        await chief.GotoAsync(linli.Url("/work"));
        await chief.GetByRole(AriaRole.Link, new() { Name = "工作群" }).ClickAsync();
        await Expect(chief.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的工作群");
        await Axe.AssertAccessibleAsync(chief);
        await chief.Locator(".channel-link", new() { HasText = "网格" }).First.ClickAsync();
        await chief.WaitForURLAsync(url => url.Contains("/work/channels/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var channelUrl = chief.Url;
        await Expect(chief.Locator("#channel")).ToHaveAttributeAsync("data-live", "true");

        await unit.GotoAsync(channelUrl);
        await Expect(unit.Locator("#channel")).ToHaveAttributeAsync("data-live", "true");
        await Axe.AssertAccessibleAsync(unit);

        await chief.GetByLabel("消息内容").FillAsync("今晚八点楼道消杀，请通知住户关好门窗");
        await chief.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await chief.WaitForURLAsync(url => url.EndsWith("?done=sent", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(chief.Locator("p.success")).ToHaveTextAsync("已发送。");

        // The unit chief's page shows it without reloading; reading it moves the sender's receipt.
        await Expect(unit.Locator("#messages li.message .text").Last).ToHaveTextAsync("今晚八点楼道消杀，请通知住户关好门窗");
        await Axe.AssertAccessibleAsync(unit);
        await Expect(chief.Locator("#messages li.mine .receipt").Last).ToContainTextAsync("1/");

        // The grid chief pins it as an instruction; it is shown first, above the demo's standing one.
        await chief.GotoAsync(channelUrl);
        await chief.Locator("#messages li.message").Last.GetByRole(AriaRole.Button, new() { Name = "置顶", Exact = true }).ClickAsync();
        await Expect(chief.Locator(".pinned li.message .text")).ToHaveCountAsync(2);
        await Expect(chief.Locator(".pinned li.message .text").First).ToHaveTextAsync("今晚八点楼道消杀，请通知住户关好门窗");
        await Axe.AssertAccessibleAsync(chief);
        await Expect(unit.Locator(".pinned li.message .text").First).ToHaveTextAsync("今晚八点楼道消杀，请通知住户关好门窗");
        await Expect(unit.GetByRole(AriaRole.Button, new() { Name = "置顶", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_form_sends_without_javascript_and_names_the_bad_field()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "buildingchief");
        await page.GotoAsync(linli.Url("/work/channels"));
        await page.Locator(".channel-link", new() { HasText = "楼" }).First.ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.Locator("#text-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#text")).ToHaveAttributeAsync("aria-describedby", "text-hint text-error");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(await page.Locator("#text-error").InnerTextAsync());
        var channelUrl = page.Url;
        await page.GetByLabel("消息内容").FillAsync("2单元门禁坏了");
        await page.GetByLabel("纬度").FillAsync("29.53");
        await page.GetByLabel("经度").FillAsync("106.505");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(page.Locator("#messages li.message .text")).ToHaveTextAsync("2单元门禁坏了");
        await Expect(page.Locator("#messages li.message .location")).ToContainTextAsync("29.53");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "使用我的位置" })).ToBeHiddenAsync();

        // axe-core is a script, so it cannot run where scripts are off: the same refused send is checked with script on.
        await using var scripted = await chromium.NewContextAsync();
        var checkedPage = await scripted.NewPageAsync();
        await MapTests.SignInAsync(checkedPage, linli, "buildingchief");
        await checkedPage.GotoAsync(channelUrl);
        await checkedPage.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(checkedPage.Locator("#text-error")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(checkedPage);
    }
}
