using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Linli.Tests.Browser;

/// <summary>Shorthands the workbench's browser tests share: cases filed through the API, and the case page's forms.</summary>
internal static class WorkbenchPages
{
    /// <summary>Files a water leak at the demo building as an anonymous resident; the rules dispatch it to the water utility.</summary>
    public static async Task<long> FileWaterLeakAsync(this LiveLinli linli, string description)
    {
        var report = await linli.App.ReportAsync("water-leak");
        report["description"] = description;
        using var resident = new HttpClient { BaseAddress = linli.Address };
        return (await resident.FileAsync(report)).GetProperty("number").GetInt64();
    }

    /// <summary>Moves a case's deadlines into the past, as if it had waited too long.</summary>
    public static Task MakeOverdueAsync(this LiveLinli linli, long number) =>
        linli.App.WithDbAsync(db => db.Cases.Where(c => c.Id == number)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RespondBy, DateTimeOffset.UtcNow.AddHours(-3)).SetProperty(c => c.ResolveBy, DateTimeOffset.UtcNow.AddHours(-1))));

    public static Task<List<CaseEventKind>> EventKindsAsync(this LiveLinli linli, long number) =>
        linli.App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == number).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    /// <summary>The form of one action on the case page ("accept", "note", "resolve", …).</summary>
    public static ILocator ActionForm(this IPage page, string action) => page.Locator($"form[data-action=\"{action}\"]");

    public static Task SubmitActionAsync(this IPage page, string action) => page.ActionForm(action).Locator("button[type=submit]").ClickAsync();

    /// <summary>Opens the disclosure that holds an action's form, unless it is open already.</summary>
    public static async Task OpenActionAsync(this IPage page, string action)
    {
        var details = page.Locator("details.action-form").Filter(new() { Has = page.ActionForm(action) });
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }
    }

    public static Task WaitForDoneAsync(this IPage page, LiveLinli linli, long number, string action) =>
        page.WaitForURLAsync(linli.Url($"/work/cases/{number}?done={action}"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });

    public static FilePayload Photo(string name = "fixed.jpg") => new() { Name = name, MimeType = "image/jpeg", Buffer = TestImages.Jpeg(64, 48) };
}
