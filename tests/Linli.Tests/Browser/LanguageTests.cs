using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task The_language_switch_turns_the_page_to_English_and_back()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var html = page.Locator("html");
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync(linli.Url("/"));
        await Expect(html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(heading).ToHaveTextAsync("邻里：把社区的事办好");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(heading).ToHaveTextAsync("Linli: getting things done in the neighbourhood");
        await Expect(page.Locator(".site-nav")).ToContainTextAsync("Sign in");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "home-en");

        // The switch comes back to the page it was used on, and place names follow the language.
        await page.GotoAsync(linli.Url("/tree/" + TreeGenerator.ShiqiaopuCode));
        await Expect(heading).ToHaveTextAsync("Shiqiaopu Street");
        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/tree/" + TreeGenerator.ShiqiaopuCode), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(heading).ToHaveTextAsync("石桥铺街道");
        await page.WaitForSelectorAsync("#map svg path");
        await Axe.AssertAccessibleAsync(page);
    }
}
