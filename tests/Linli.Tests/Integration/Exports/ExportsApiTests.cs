using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Exports;

public sealed class ExportsApiTests
{
    private const string Exports = "/api/v1/exports";
    private const string Community = DemoAccounts.CommunityCode;

    private static async Task<(long Leak, long Fraud)> FileTwoAsync(LinliApp app)
    {
        var resident = app.Anonymous();
        var leak = (await resident.FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var fraud = (await resident.FileAsync(await app.ReportAsync("fraud-attempt"))).GetProperty("number").GetInt64();
        return (leak, fraud);
    }

    private static Task<int> CasesInCommunityThisMonthAsync(LinliApp app)
    {
        var from = Web.Features.Rates.RatePeriods.Preset(Web.Features.Rates.PeriodPreset.ThisMonth, DateTimeOffset.UtcNow).From;
        return app.WithDbAsync(db => db.Cases.CountAsync(c => c.GridPath.StartsWith(db.Nodes.Single(n => n.Code == Community).Path) && c.ReportedAt >= from));
    }

    [Theory, BothDatabases]
    public async Task A_community_worker_exports_cases_at_once_without_reporters_or_sensitive_descriptions(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var (leak, fraud) = await FileTwoAsync(app);
        var worker = await app.SignedInAsync("worker");
        var auditsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == "export"));

        var csv = await worker.PostAsJsonAsync(Exports, new { dataset = "cases", format = "csv", node = Community });
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rows = await CasesInCommunityThisMonthAsync(app);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFFnumber,category_code,category_name,state,grid_code,reported_at", text);
        Assert.Equal(rows + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{leak},water-leak,", StringComparison.Ordinal) && l.Contains("Water keeps coming", StringComparison.Ordinal));
        var fraudLine = lines.Single(l => l.StartsWith($"{fraud},fraud-attempt,", StringComparison.Ordinal));
        Assert.EndsWith(",", fraudLine);
        Assert.DoesNotContain("Water keeps coming", fraudLine);
        foreach (var personal in new[] { "吴晓东", "reporter@example.org", "138 0000" })
        {
            Assert.DoesNotContain(personal, text);
        }

        var xlsx = await worker.PostAsJsonAsync(Exports, new { dataset = "cases", format = "xlsx", node = Community, category = "water-leak" });
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), isEditable: false);
        var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
        var xlsxRows = sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains(xlsxRows.Skip(1), r => r.Elements<Cell>().First().InnerText == leak.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(xlsxRows.Skip(1), r => Assert.Equal("water-leak", r.Elements<Cell>().ElementAt(1).InnerText));

        var dashboard = await worker.PostAsJsonAsync(Exports, new { dataset = "dashboard", format = "csv", node = Community, period = "this-month" });
        var dashboardText = await dashboard.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains($"area,{Community},", dashboardText);
        Assert.Contains($"child,{DemoAccounts.GridCode},", dashboardText);
        Assert.Contains("category,fraud-attempt,", dashboardText);

        var audits = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == "export").OrderBy(a => a.Id).Select(a => a.Purpose).ToListAsync());
        Assert.Equal(auditsBefore + 3, audits.Count);
        Assert.Contains($"Cases Csv of {Community}", audits[^3]);
        Assert.Contains($"{rows} rows", audits[^3]);
        Assert.Contains("category water-leak", audits[^2]);
    }

    [Theory, BothDatabases]
    public async Task Exports_are_refused_outside_the_subtree_to_police_and_to_grid_chiefs(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });
        var sibling = await app.WithDbAsync(db => db.Nodes.Where(n => n.Parent!.Code == TreeGenerator.ShiqiaopuCode && n.Code != Community).Select(n => n.Code).FirstAsync());
        var worker = await app.SignedInAsync("worker");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == "export"));

        var siblingExport = await worker.PostAsJsonAsync(Exports, new { dataset = "cases", node = sibling });
        var police = await (await app.SignedInAsync("police")).PostAsJsonAsync(Exports, new { dataset = "cases", node = Community });
        var gridChief = await (await app.SignedInAsync("gridchief")).PostAsJsonAsync(Exports, new { dataset = "cases", node = DemoAccounts.GridCode });
        var invalid = await worker.PostAsJsonAsync(Exports, new { dataset = "people", format = "pdf", node = Community, state = "Lost" });
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.Forbidden, siblingExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, police.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, gridChief.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(errors.TryGetProperty("dataset", out _));
        Assert.True(errors.TryGetProperty("format", out _));
        Assert.True(errors.TryGetProperty("state", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == "export")));
    }

    [Theory, BothDatabases]
    public async Task A_large_export_runs_in_the_background_to_done_and_only_its_creator_downloads_it(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Exports:WorkerEnabled"] = "true", ["Exports:InlineRowLimit"] = "1", ["Exports:PageSize"] = "1", ["Exports:PollSeconds"] = "0.2",
        });
        await FileTwoAsync(app);
        await FileTwoAsync(app);
        var rows = await CasesInCommunityThisMonthAsync(app);
        var worker = await app.SignedInAsync("worker");

        var started = await worker.PostAsJsonAsync(Exports, new { dataset = "cases", format = "xlsx", node = Community });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(rows, job.GetProperty("rowsTotal").GetInt32());
        Assert.Equal("Queued", job.GetProperty("status").GetString());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (job.GetProperty("status").GetString() is "Queued" or "Running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            job = JsonDocument.Parse(await worker.GetStringAsync(started.Headers.Location)).RootElement;
        }

        Assert.Equal("Done", job.GetProperty("status").GetString());
        Assert.Equal(rows, job.GetProperty("rowsDone").GetInt32());
        var file = await worker.GetAsync(job.GetProperty("file").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), isEditable: false))
        {
            var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
            Assert.Equal(rows + 1, sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Count());
        }

        // The street's staff cover the community, but the file is the worker's.
        var street = await app.SignedInAsync("street");
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(job.GetProperty("file").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync(started.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(job.GetProperty("file").GetString())).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Two_instances_never_both_run_one_export_and_expired_files_are_deleted(DatabaseKind kind)
    {
        await using var first = await LinliApp.StartAsync(kind);
        await using var second = await LinliApp.StartOnAsync(kind, first.ConnectionString);
        await FileTwoAsync(first);
        var worker = await first.SignedInAsync("worker");
        var started = await worker.PostAsJsonAsync(Exports, new { dataset = "cases", format = "csv", node = Community, background = true });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        await using var a = first.Services.CreateAsyncScope();
        await using var b = second.Services.CreateAsyncScope();
        var claims = await Task.WhenAll(
            a.ServiceProvider.GetRequiredService<ExportJobs>().ClaimNextAsync(default),
            b.ServiceProvider.GetRequiredService<ExportJobs>().ClaimNextAsync(default));
        Assert.Single(claims, c => c is not null);
        Assert.False(await second.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<ExportJobs>().RunNextAsync(default));

        // The claim lapses as if its instance had died; the other instance takes the job over and finishes it.
        await first.WithDbAsync(db => db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await using (var c = second.Services.CreateAsyncScope())
        {
            Assert.True(await c.ServiceProvider.GetRequiredService<ExportJobs>().RunNextAsync(default));
        }

        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"{Exports}/{id}/file")).StatusCode);
        Assert.True(await first.WithDbAsync(db => db.ExportChunks.AnyAsync(c => c.JobId == id)));

        await first.WithDbAsync(db => db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"{Exports}/{id}/file")).StatusCode);
        await using (var d = first.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await d.ServiceProvider.GetRequiredService<ExportJobs>().DeleteExpiredAsync(default));
        }

        Assert.False(await first.WithDbAsync(db => db.ExportJobs.AnyAsync(j => j.Id == id)));
        Assert.False(await first.WithDbAsync(db => db.ExportChunks.AnyAsync(c => c.JobId == id)));
    }
}
