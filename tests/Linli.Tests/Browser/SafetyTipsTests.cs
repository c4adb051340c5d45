using Linli.Web.Features.SafetyTips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SafetyTipsTests(ChromiumFixture chromium)
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Fact]
    public async Task A_resident_sends_a_tip_on_a_phone_the_officer_asks_and_the_resident_answers_with_the_receipt()
    {
        await using var linli = await LiveLinli.StartAsync(Waiver);

        // The resident, not signed in, on a phone.
        await using var residentContext = await chromium.NewContextAsync();
        var resident = await residentContext.NewPageAsync();
        await resident.GotoAsync(linli.Url("/tips"));
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("提供安全线索");
        await Axe.AssertAccessibleAsync(resident);

        // Without a kind or a place the form says so next to the fields and keeps what was typed.
        await resident.GetByLabel("发生了什么").FillAsync("车棚里的电动车电瓶连续被拆走，多在凌晨。");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交线索" }).ClickAsync();
        await Expect(resident.Locator("#kind-error")).ToHaveTextAsync("请选择线索类别。");
        await Expect(resident.Locator("#nodeCode-error")).ToHaveTextAsync("请选择发生地点所在的社区。");
        await Expect(resident.GetByLabel("发生了什么")).ToHaveValueAsync("车棚里的电动车电瓶连续被拆走，多在凌晨。");
        await Axe.AssertAccessibleAsync(resident);

        await resident.GetByLabel("盗窃").CheckAsync();
        await resident.GetByLabel("在哪个社区").SelectOptionAsync(new SelectOptionValue { Label = "石桥铺社区" });
        await resident.GetByLabel("具体位置（可不填）").FillAsync("3号楼后面的车棚");
        await resident.GetByLabel("大概什么时候（可不填）").SelectOptionAsync(new SelectOptionValue { Label = "夜间" });
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交线索" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("线索已收到");
        var receipt = (await resident.Locator("#receipt-code").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$", receipt);
        await Expect(resident.Locator("#receipt")).ToContainTextAsync("石桥铺派出所");
        await Axe.AssertAccessibleAsync(resident);
        await Screenshots.SaveAsync(resident, "tips-receipt");
        var hash = TipReceipts.Hash(receipt);
        var id = await linli.App.WithDbAsync(db => db.SafetyTips.Where(t => t.ReceiptHash == hash).Select(t => t.Id).SingleAsync());

        // The community officer finds it in the inbox and asks a question.
        await using var policeContext = await chromium.NewContextAsync();
        var police = await policeContext.NewPageAsync();
        await MapTests.SignInAsync(police, linli, "police");
        await police.GotoAsync(linli.Url("/work/tips"));
        await Expect(police.Locator(".note").First).ToContainTextAsync("不是关于某个人的记录");
        await Axe.AssertAccessibleAsync(police);
        await police.GetByRole(AriaRole.Link, new() { Name = $"线索 #{id} · 盗窃" }).ClickAsync();
        await Expect(police.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"线索 #{id} · 盗窃");
        await Expect(police.Locator("dl.facts")).ToContainTextAsync("3号楼后面的车棚");
        await Axe.AssertAccessibleAsync(police);
        await police.GetByLabel("问题", new() { Exact = true }).FillAsync("车棚的门锁是否完好？");
        await police.GetByRole(AriaRole.Button, new() { Name = "发送提问" }).ClickAsync();
        await police.WaitForURLAsync(url => url.EndsWith("?done=ask", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("提问已发出，提供人凭回执码可以看到。");
        await Axe.AssertAccessibleAsync(police);

        // The resident comes back with the receipt and answers.
        await resident.GotoAsync(linli.Url("/tips/follow-up"));
        await resident.GetByLabel("回执码").FillAsync(receipt.ToLowerInvariant());
        await resident.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(resident.Locator(".tip-messages")).ToContainTextAsync("车棚的门锁是否完好？");
        await Axe.AssertAccessibleAsync(resident);
        await resident.GetByLabel("你的回复").FillAsync("门锁坏了快一个月了。");
        await resident.GetByRole(AriaRole.Button, new() { Name = "发送回复" }).ClickAsync();
        await Expect(resident.GetByRole(AriaRole.Status)).ToHaveTextAsync("回复已发送给民警。");
        await Expect(resident.Locator(".tip-messages")).ToContainTextAsync("门锁坏了快一个月了。");
        Assert.DoesNotContain(receipt, resident.Url, StringComparison.OrdinalIgnoreCase);
        await Axe.AssertAccessibleAsync(resident);
        await Screenshots.SaveAsync(resident, "tips-follow-up");

        // The officer sees the answer; the public figures page is clean too.
        await police.GotoAsync(linli.Url($"/work/tips/{id}"));
        await Expect(police.Locator(".tip-messages")).ToContainTextAsync("门锁坏了快一个月了。");
        await Expect(police.Locator(".badges .badge").First).ToHaveTextAsync("提供人已回复");
        await resident.GotoAsync(linli.Url("/tips/stats"));
        await Expect(resident.Locator("#districts-caption")).ToHaveTextAsync("各区每月线索数（近 6 个月）");
        await Axe.AssertAccessibleAsync(resident);
    }
}
