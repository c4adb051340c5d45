using System.Text.RegularExpressions;
using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using OtpNet;
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
        await page.GetByRole(AriaRole.Link, new() { Name = "开发者发件箱" }).First.ClickAsync();
        await Expect(heading).ToHaveTextAsync("开发者发件箱");
        await Axe.AssertAccessibleAsync(page);
        var message = await page.Locator("tbody tr").First.Locator(".outbox-message").InnerTextAsync();
        var code = SixDigits().Match(message).Value;
        await page.GoBackAsync();

        await page.GetByLabel("验证码").FillAsync(code);
        await page.GetByLabel("姓名").FillAsync("林小满");
        await page.GetByLabel("密码").FillAsync("neighbour2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        await page.WaitForURLAsync(linli.Url("/me"));
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
        await page.WaitForURLAsync(linli.Url("/me?done=linked"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("住户单元已关联。");
        await Expect(page.Locator("#household-heading + p")).ToContainTextAsync(DemoAccounts.UnitCode);
        await Expect(page.Locator("#consents-heading ~ .table-wrap tbody tr")).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "me-linked");

        await page.GetByRole(AriaRole.Button, new() { Name = "撤回同意并删除关联" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/me?done=withdrawn"));
        await Expect(page.GetByText("你的账号没有关联住户单元")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_sets_up_two_factor_and_then_searches_the_audit_log()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync(1280, 900);
        var page = await context.NewPageAsync();

        // The administrator role counts only after a two-factor sign-in, so sign-in leads to setting it up.
        await MapTests.SignInAsync(page, linli, "admin");
        await page.WaitForURLAsync(linli.Url("/me/two-factor?required=true"));
        await Expect(page.Locator(".site-nav")).Not.ToContainTextAsync("审计日志");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始设置" }).ClickAsync();
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "two-factor");

        await page.GetByLabel("验证码").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("验证码不匹配");

        await page.GetByLabel("验证码").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步验证" }).ClickAsync();
        await page.WaitForURLAsync(linli.Url("/me?done=two-factor"));

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

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
