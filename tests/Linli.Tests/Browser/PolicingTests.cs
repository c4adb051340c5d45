using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PolicingTests(ChromiumFixture chromium)
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Fact]
    public async Task An_officer_on_a_phone_logs_a_half_day_with_a_household_visit_and_turns_its_concern_into_a_case()
    {
        await using var linli = await LiveLinli.StartAsync(Waiver);
        await using var context = await chromium.NewContextAsync();
        var police = await context.NewPageAsync();
        await MapTests.SignInAsync(police, linli, "police");

        await StartHalfDayAsync(police, linli);

        // A topic alone is not enough for a household visit: the unit is asked for, next to its field.
        await police.GetByLabel("主题").FillAsync("防诈骗宣传");
        await police.GetByRole(AriaRole.Button, new() { Name = "保存走访" }).ClickAsync();
        await Expect(police.Locator("#field-unitCode-error")).ToHaveTextAsync("请填写本社区一个单元的编码。");
        await Axe.AssertAccessibleAsync(police);

        await SaveHouseholdVisitAsync(police, "楼道里有人给电动车充电");
        await Expect(police.GetByRole(AriaRole.Link, new() { Name = "登记为隐患" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/work/hazards/new\\?node={DemoAccounts.UnitCode}&description=.+&visit=\\d+$"));
        await Axe.AssertAccessibleAsync(police);

        await police.GetByLabel("案件类别").SelectOptionAsync("noise");
        await police.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        await police.WaitForURLAsync(url => url.Contains("done=case", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("已立案。");
        var link = police.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^案件 #\\d+$") });
        await Expect(link).ToBeVisibleAsync();
        var number = long.Parse((await link.TextContentAsync())!.Split('#')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("楼道里有人给电动车充电", await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => c.Description).SingleAsync()));
        await Screenshots.SaveAsync(police, "policing-half-day");
        await Axe.AssertAccessibleAsync(police);

        // Back on the workbench the visit is this week's, with its case.
        await police.GotoAsync(linli.Url("/police"));
        await Expect(police.Locator("#visits-heading + ol .work-item").First).ToContainTextAsync($"案件 #{number}");
    }

    /// <summary>From the workbench, starts the current half-day in the officer's community (axe-checked on the way).</summary>
    internal static async Task StartHalfDayAsync(IPage police, LiveLinli linli)
    {
        await police.GotoAsync(linli.Url("/police"));
        await Expect(police.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("社区民警工作台");
        await Expect(police.GetByRole(AriaRole.Heading, new() { Name = "我的劝阻单" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(police);
        await police.Locator("button", new() { HasTextString = "开始记录" }).ClickAsync();
        await police.WaitForURLAsync(url => url.Contains("done=started", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("已开始记录这个半天。");
        await Axe.AssertAccessibleAsync(police);
    }

    /// <summary>On the half-day page, saves a household visit to the demo unit that raised <paramref name="concern"/>.</summary>
    internal static async Task SaveHouseholdVisitAsync(IPage police, string concern)
    {
        await police.GetByLabel("主题").FillAsync("防诈骗宣传");
        await police.GetByLabel("单元编码").FillAsync(DemoAccounts.UnitCode);
        await police.GetByLabel("给出的建议").FillAsync("接到可疑电话先打110核实");
        await police.GetByLabel("反映的问题").FillAsync(concern);
        await police.GetByRole(AriaRole.Button, new() { Name = "保存走访" }).ClickAsync();
        await police.WaitForURLAsync(url => url.Contains("done=visit", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("走访已保存。");
    }
}
