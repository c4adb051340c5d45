using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

/// <summary>axe-core on every workbench page and state, in both languages, with every action form opened.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkbenchAccessibilityTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData("zh-CN", "工作台")]
    [InlineData("en", "Workbench")]
    public async Task The_workbench_pages_have_no_WCAG_violations(string language, string heading)
    {
        await using var linli = await LiveLinli.StartAsync();
        var number = await linli.FileWaterLeakAsync("楼道水管滴水 Dripping pipe in the stairwell");
        var overdue = await linli.FileWaterLeakAsync("路面积水 Water on the road");
        await linli.MakeOverdueAsync(overdue);
        await linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == overdue).ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalationLevel, 1)));

        foreach (var login in new[] { "worker", "handler" })
        {
            await using var context = await chromium.NewContextAsync();
            var page = await context.NewPageAsync();
            await MapTests.SignInAsync(page, linli, login);
            await page.GotoAsync(linli.Url($"/language?culture={language}&returnUrl=%2Fwork"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Axe.AssertAccessibleAsync(page);

            if (login == "worker")
            {
                foreach (var view in new[] { "queue", "escalated" })
                {
                    await page.GotoAsync(linli.Url($"/work?view={view}"));
                    await Axe.AssertAccessibleAsync(page);
                }

                await Expect(page.Locator(".work-item .badge.escalated")).ToHaveCountAsync(1);
            }

            await page.GotoAsync(linli.Url($"/work/cases/{number}"));
            await OpenEveryActionAsync(page);
            await Axe.AssertAccessibleAsync(page);

            // A refused form: the message sits next to the field and the field says it is invalid.
            await page.SubmitActionAsync("note");
            await Expect(page.Locator("#note-note")).ToHaveAttributeAsync("aria-invalid", "true");
            await OpenEveryActionAsync(page);
            await Axe.AssertAccessibleAsync(page);

            await page.GotoAsync(linli.Url("/work/report"));
            await Axe.AssertAccessibleAsync(page);
            await page.Locator("form.report-form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#report-errors")).ToBeVisibleAsync();
            await Axe.AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, $"work-report-errors-{language}");
        }
    }

    private static async Task OpenEveryActionAsync(IPage page)
    {
        foreach (var details in await page.Locator("details.action-form").AllAsync())
        {
            if (await details.GetAttributeAsync("open") is null)
            {
                await details.Locator("summary").ClickAsync();
            }
        }
    }
}
