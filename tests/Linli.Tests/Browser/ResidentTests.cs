using System.Text.RegularExpressions;
using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class ResidentTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_signs_up_with_a_code_links_their_household_and_withdraws()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        await page.GotoAsync(linli.Url("/"));
        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "注册" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("注册");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("手机号或邮箱").FillAsync("not a number");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送验证码" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请输入手机号");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("手机号或邮箱").FillAsync("Neighbour@Example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送验证码" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "第 2 步（共 2 步）：创建账号" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("neighbour@example.com");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "signup-step2");

        // Development has no SMS or email: the code waits in the developer outbox.
        var stepTwo = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "开发者发件箱" }).First.ClickAsync();
        await Expect(heading).ToHaveTextAsync("开发者发件箱");
        await Axe.AssertAccessibleAsync(page);
        var message = await page.Locator("tbody tr").First.Locator(".outbox-message").InnerTextAsync();
        var code = SixDigits().Match(message).Value;
        await page.GotoAsync(stepTwo);

        await page.GetByLabel("验证码").FillAsync(code);
        await page.GetByLabel("姓名").FillAsync("林小满");
        await page.GetByLabel("密码").FillAsync("neighbour2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        await page.WaitForURLAsync(linli.Url("/me"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(heading).ToHaveTextAsync("我的信息");
        await Expect(page.Locator(".facts")).ToContainTextAsync("林小满");
        await Expect(page.GetByText("你的账号没有关联住户单元")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // Linking needs the consent box ticked.
        await page.GetByLabel("单元编码", new() { Exact = true }).FillAsync(DemoAccounts.UnitCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "关联住户单元" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请勾选同意");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("单元编码", new() { Exact = true }).FillAsync(DemoAccounts.UnitCode);
        await page.GetByLabel("我已阅读并同意以上内容").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "关联住户单元" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/me?done=linked"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("住户单元已关联。");
        await Expect(page.Locator("#household-heading + p")).ToContainTextAsync(DemoAccounts.UnitCode);
        await Expect(page.Locator("#consents-heading ~ .table-wrap tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "me-linked");

        await page.GetByRole(AriaRole.Button, new() { Name = "撤回同意并删除关联" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/me?done=withdrawn"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByText("你的账号没有关联住户单元")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
