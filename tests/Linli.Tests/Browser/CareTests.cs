using Linli.Web.Features.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CareTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_registers_for_care_and_asks_for_help_on_a_phone_and_confirms_the_delivery()
    {
        await using var linli = await LiveLinli.StartAsync();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await MapTests.SignInAsync(page, linli, "resident");

        // The register needs the household linked first.
        await page.GotoAsync(linli.Url("/me/care"));
        await Expect(heading).ToHaveTextAsync("我的应急关爱登记");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "关联单元" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(linli.Url("/me"));
        await page.Locator("#unit-code").FillAsync(DemoAccounts.UnitCode);
        await page.Locator("#agree").CheckAsync();
        await page.Locator("form:has(#unit-code) button[type=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我的应急关爱登记" }).ClickAsync();
        await Expect(heading).ToHaveTextAsync("我的应急关爱登记");

        // Without the consent box the form says so and keeps what was typed.
        await page.GetByLabel("需要关爱的原因").SelectOptionAsync("ElderlyLivingAlone");
        await page.GetByLabel("联系人", new() { Exact = true }).FillAsync("吴奶奶");
        await page.GetByLabel("联系方式", new() { Exact = true }).FillAsync("13800138666");
        await page.GetByLabel("备注", new() { Exact = true }).FillAsync("住 5 楼，腿脚不便");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请阅读并勾选同意书。");
        await Expect(page.GetByLabel("联系人", new() { Exact = true })).ToHaveValueAsync("吴奶奶");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("我已阅读并同意").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已登记。");
        await Expect(page.Locator(".work-item").First).ToContainTextAsync("独居老人");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("需要什么").SelectOptionAsync("Ride");
        await page.GetByLabel("补充说明（可选，最多 200 字）").FillAsync("周三上午去医院复诊");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送请求" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发送帮助请求");
        await Expect(page.Locator("#help-heading + ul .work-item")).ToContainTextAsync("待送达");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "care-help-requested");

        // The unit chief, on their phone, delivers.
        await using var chiefContext = await chromium.NewContextAsync();
        var chief = await chiefContext.NewPageAsync();
        await MapTests.SignInAsync(chief, linli, "unitchief");
        await chief.GotoAsync(linli.Url("/work"));
        await chief.GetByRole(AriaRole.Link, new() { Name = "应急关爱" }).First.ClickAsync();
        await Expect(chief.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("应急关爱");
        var task = chief.Locator(".work-item", new() { HasText = "周三上午去医院复诊" });
        await Expect(task).ToContainTextAsync("吴奶奶");
        await Expect(task).Not.ToContainTextAsync("独居老人");
        await Axe.AssertAccessibleAsync(chief);
        await task.GetByRole(AriaRole.Button, new() { Name = "标记为已送达" }).ClickAsync();
        await Expect(chief.GetByRole(AriaRole.Status)).ToHaveTextAsync("已标记为送达，等待住户确认。");
        await Expect(chief.Locator(".work-item", new() { HasText = "周三上午去医院复诊" })).ToContainTextAsync("已送达，待确认");
        await Axe.AssertAccessibleAsync(chief);

        await page.GotoAsync(linli.Url("/me/care"));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认已收到" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已确认收到，谢谢。");
        await Expect(page.Locator("#help-heading + ul .work-item")).ToContainTextAsync("已确认收到");
        await Axe.AssertAccessibleAsync(page);
    }
}
