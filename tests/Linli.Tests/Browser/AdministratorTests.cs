using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdministratorTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task An_administrator_sets_up_two_factor_and_then_searches_the_audit_log()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();

        // The administrator role counts only after a two-factor sign-in, so sign-in leads to setting it up.
        await MapTests.SignInAsync(page, linli, "admin");
        await page.WaitForURLAsync(linli.Url("/me/two-factor?required=true"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.Locator(".site-nav")).Not.ToContainTextAsync("审计日志");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始设置" }).ClickAsync();
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "two-factor");

        await page.GetByLabel("验证码").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("验证码不匹配");

        var authenticator = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("验证码").FillAsync(authenticator.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/me?done=two-factor"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        // From now on sign-in asks for the code as well: the field appears when it is needed.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await MapTests.SignInAsync(page, linli, "admin", expectToLeave: false);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("6 位验证码");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByLabel("验证器应用中的 6 位验证码").FillAsync(authenticator.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.Locator(".site-nav").GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("审计日志");
        await page.GetByLabel("工作人员账号 ID").FillAsync("not-an-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("账号 ID 的格式不正确");
        await page.GetByLabel("工作人员账号 ID").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "结果" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "audit");
    }
}
