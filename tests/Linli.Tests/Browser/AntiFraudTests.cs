using Linli.Web.Features.AntiFraud.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AntiFraudTests(ChromiumFixture chromium)
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Fact]
    public async Task A_bank_raises_an_alert_and_the_community_officer_records_the_visit_and_closes_the_order_on_a_phone()
    {
        await using var linli = await LiveLinli.StartAsync(Waiver);

        // The alert form, and its answer to a form without a phone number or a risk level, pass axe-core.
        await using var checkContext = await chromium.NewContextAsync();
        var check = await checkContext.NewPageAsync();
        await MapTests.SignInAsync(check, linli, "partner");
        await check.GotoAsync(linli.Url("/antifraud/alert"));
        await Expect(check.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("上报诈骗风险预警");
        await Axe.AssertAccessibleAsync(check);
        await check.GetByLabel("当事人姓名").FillAsync("孙桂兰");
        await check.GetByRole(AriaRole.Button, new() { Name = "发送预警" }).ClickAsync();
        await Expect(check.Locator("#alert-phone-error")).ToHaveTextAsync("请填写正确的手机号或带区号的座机号。");
        await Axe.AssertAccessibleAsync(check);

        // The bank teller, on a phone, without script: the form alone must do.
        await using var bankContext = await chromium.NewContextAsync(javaScriptEnabled: false);
        var bank = await bankContext.NewPageAsync();
        await MapTests.SignInAsync(bank, linli, "partner");
        await bank.GotoAsync(linli.Url("/antifraud/alert"));

        // Without a phone number or a risk level the form says which fields, next to them, and keeps what was typed.
        await bank.GetByLabel("当事人姓名").FillAsync("孙桂兰");
        await bank.GetByRole(AriaRole.Button, new() { Name = "发送预警" }).ClickAsync();
        await Expect(bank.Locator("#alert-phone-error")).ToHaveTextAsync("请填写正确的手机号或带区号的座机号。");
        await Expect(bank.Locator("#alert-risk-error")).ToHaveTextAsync("请选择风险等级。");
        await Expect(bank.GetByLabel("当事人姓名")).ToHaveValueAsync("孙桂兰");

        await bank.GetByLabel("当事人电话").FillAsync("139 2345 6789");
        await bank.GetByLabel("住址（可不填）").FillAsync("石桥铺正街8号2单元");
        await bank.GetByLabel("高：正在转账或取现，2小时内上门").CheckAsync();
        await bank.GetByLabel("发现的情况").FillAsync("76岁老人要取现2万元做“养老投资”，一直在接电话");
        await bank.GetByLabel("涉及金额（元，可不填）").FillAsync("20000");
        await bank.GetByRole(AriaRole.Button, new() { Name = "发送预警" }).ClickAsync();
        await bank.WaitForURLAsync(url => url.Contains("raised=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var number = long.Parse(new Uri(bank.Url).Query.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(bank.GetByRole(AriaRole.Status)).ToContainTextAsync($"劝阻单 #{number} 已派给社区工作者和社区民警");
        await Screenshots.SaveAsync(bank, "antifraud-alert");

        // The community police officer finds it in the workbench; the demo's overdue order comes first.
        await using var policeContext = await chromium.NewContextAsync();
        var police = await policeContext.NewPageAsync();
        await MapTests.SignInAsync(police, linli, "police");
        await police.GotoAsync(linli.Url("/antifraud"));
        await Expect(police.Locator(".work-item").First.Locator(".badge.overdue")).ToHaveTextAsync("已超时");
        var item = police.Locator(".work-item").Filter(new() { HasText = $"#{number} 高风险" });
        await Expect(item.Locator(".due")).ToContainTextAsync("前上门");
        await Axe.AssertAccessibleAsync(police);
        await item.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(police.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"劝阻单 #{number} · 高风险");
        await Expect(police.Locator("#person-heading + dl")).ToContainTextAsync("孙桂兰");
        await Expect(police.Locator("#person-heading + dl")).ToContainTextAsync("+8613923456789");
        await Axe.AssertAccessibleAsync(police);

        await police.GetByLabel("已劝阻").CheckAsync();
        await police.GetByLabel("保护资金（元，可不填）").FillAsync("20000");
        await police.GetByLabel("劝阻内容（可不填）").FillAsync("讲解了养老投资诈骗，老人同意不取现");
        await police.GetByLabel("下次办理业务时加强核查").CheckAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        await police.WaitForURLAsync(url => url.EndsWith("?done=visit", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("走访记录已保存。");
        await Expect(police.Locator(".badges .badge").First).ToHaveTextAsync("已走访，待结案");
        await Axe.AssertAccessibleAsync(police);

        await police.GetByRole(AriaRole.Button, new() { Name = "结案", Exact = true }).ClickAsync();
        await police.WaitForURLAsync(url => url.EndsWith("?done=close", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.Locator(".badges .badge").First).ToHaveTextAsync("已结案");
        await Expect(police.Locator("#closing-heading + dl")).ToContainTextAsync("刘伟");
        await Axe.AssertAccessibleAsync(police);
        await Screenshots.SaveAsync(police, "antifraud-order-closed");

        var order = await linli.App.WithDbAsync(db => db.DissuasionOrders.AsNoTracking().SingleAsync(o => o.Id == number));
        Assert.Equal(DissuasionState.Closed, order.State);
        Assert.Equal(VisitOutcome.Dissuaded, order.Outcome);
        Assert.Equal(20000, order.MoneyProtected);
        Assert.Equal(FollowUpKind.NextTransactionCheck, order.FollowUp);
        Assert.Equal("刘伟", order.ClosedByName);

        // The bank sees how it ended, and the weekly figures page is clean for the officer.
        await bank.GotoAsync(linli.Url($"/antifraud/orders/{number}"));
        await Expect(bank.Locator("#visit-heading + dl")).ToContainTextAsync("已劝阻");
        await police.GotoAsync(linli.Url("/antifraud/stats"));
        await Expect(police.Locator("#stats-caption")).ToHaveTextAsync("各社区劝阻单（近8周）");
        await Axe.AssertAccessibleAsync(police);
    }
}
