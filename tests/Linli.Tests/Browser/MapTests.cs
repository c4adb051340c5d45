using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MapTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_grid_chief_signs_in_and_opens_their_grid_on_the_map()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(linli.Url("/"));
        await Axe.AssertAccessibleAsync(page);

        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("登录");
        await Axe.AssertAccessibleAsync(page);

        // A wrong password first: the page says so clearly, and the error state is accessible too.
        await page.GetByLabel("用户名、手机号或邮箱").FillAsync("gridchief");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名、密码或验证码不正确");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "signin-error");

        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "你好，陈海燕" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "home-grid-chief");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的网格" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/tree/" + DemoAccounts.GridCode), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("第1网格");

        // Leaflet draws polygons and circle markers as <path> elements in an SVG overlay: the grid's outline and its buildings.
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        var paths = await page.Locator("#map svg path").CountAsync();
        var buildings = await page.Locator(".node-list li").CountAsync();
        Assert.True(buildings > 0, "the grid lists its buildings");
        Assert.Equal(buildings + 1, paths);
        await Expect(page.Locator("#map-status")).ToHaveTextAsync("点击地图上的区域即可打开。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "负责人" })).ToBeVisibleAsync();
        await Expect(page.Locator(".people-list")).ToContainTextAsync("陈海燕");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "grid-phone");

        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#map svg path.leaflet-interactive");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "grid-desktop");

        // Clicking a building's shape opens the building.
        await page.Locator("#map svg path.leaflet-interactive").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/tree/{DemoAccounts.GridCode}\\d{{3}}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("号楼");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的信息" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的信息");
        await Expect(page.Locator("#roles-heading + ul")).ToContainTextAsync("网格长");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Street_staff_rename_a_grid_in_their_street()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await SignInAsync(page, linli, "street");

        await page.GotoAsync(linli.Url("/tree/" + DemoAccounts.GridCode));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改名称" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("中文名称").FillAsync("第1网格（东）");
        await page.GetByLabel("英文名称（可不填）").FillAsync("Grid 1 East");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await page.WaitForURLAsync(linli.Url($"/tree/{DemoAccounts.GridCode}?saved=true"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("第1网格（东）");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_grid_chief_cannot_rename_their_grid()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, linli, "gridchief");

        await page.GotoAsync(linli.Url("/tree/" + DemoAccounts.GridCode));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "负责人" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改名称" })).ToHaveCountAsync(0);
    }

    /// <summary>Fills and submits the sign-in page; unless told otherwise, waits until it has sent the browser on.</summary>
    internal static async Task SignInAsync(IPage page, LiveLinli linli, string login, bool expectToLeave = true)
    {
        await page.GotoAsync(linli.Url("/signin"));
        await page.GetByLabel("用户名、手机号或邮箱").FillAsync(login);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        if (expectToLeave)
        {
            await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        else
        {
            await page.WaitForLoadStateAsync();
        }
    }
}
