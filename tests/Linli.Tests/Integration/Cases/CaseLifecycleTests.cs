using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Cases;

public sealed class CaseLifecycleTests
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Theory, BothDatabases]
    public async Task A_case_goes_from_report_to_rating_with_every_step_recorded(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var resident = app.Anonymous();
        var filed = await resident.FileAsync(await app.ReportAsync("water-leak"));
        var (number, receipt) = (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
        var handler = await app.SignedInAsync("handler");
        var gridChief = await app.SignedInAsync("gridchief");
        var worker = await app.SignedInAsync("worker");

        var queue = await handler.GetFromJsonAsync<JsonElement>("/api/v1/work/cases?view=mine");
        await handler.ActAsync(number, "accept");
        await handler.ActAsync(number, "start", new { note = "维修队已出发 Crew on the way" });
        var noPhoto = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/resolve", new { note = "已修复 Fixed" });
        using var withPhoto = new MultipartFormDataContent
        {
            { new StringContent("管道已更换 Pipe replaced"), "note" },
            { new ByteArrayContent(TestImages.Jpeg(32, 32)), "photos", "fixed.jpg" },
        };
        var resolved = await handler.PostAsync($"/api/v1/work/cases/{number}/resolve", withPhoto);
        await gridChief.ActAsync(number, "verify");
        await worker.ActAsync(number, "close");
        var rated = await resident.PostAsJsonAsync($"/api/v1/cases/{receipt}/rating", new { stars = 5, solved = true, comment = "很快 Quick" });
        var ratedAgain = await resident.PostAsJsonAsync($"/api/v1/cases/{receipt}/rating", new { stars = 1, solved = false });
        var page = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{receipt}");
        var history = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{number}");

        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("number").GetInt64() == number);
        Assert.Equal(HttpStatusCode.BadRequest, noPhoto.StatusCode);
        Assert.True((await noPhoto.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photos", out _));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ratedAgain.StatusCode);
        Assert.Equal("Closed", page.GetProperty("state").GetString());
        Assert.Equal(5, page.GetProperty("rating").GetProperty("stars").GetInt32());
        Assert.Equal(
            ["Reported", "Dispatched", "Accepted", "Started", "Resolved", "Verified", "Closed", "Rated"],
            history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.All(history.GetProperty("events").EnumerateArray().Skip(2).Take(5), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actorName").GetString())));
        Assert.Single(page.GetProperty("photoIds").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_moves_and_the_wrong_people_are_refused_with_a_clear_problem()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, Waiver);
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"));
        var number = filed.GetProperty("number").GetInt64();
        var handler = await app.SignedInAsync("handler");
        var police = await app.SignedInAsync("police");
        var gridChief = await app.SignedInAsync("gridchief");

        var closeEarly = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/close", new { });
        var policeAccepts = await police.PostAsJsonAsync($"/api/v1/work/cases/{number}/accept", new { });
        var chiefAccepts = await gridChief.PostAsJsonAsync($"/api/v1/work/cases/{number}/accept", new { });
        var returnWithoutNote = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/return", new { });
        var unknown = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/teleport", new { });

        Assert.Equal(HttpStatusCode.Forbidden, closeEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, policeAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chiefAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await handler.ActAsync(number, "accept");
        var acceptTwice = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/accept", new { });
        var problem = await acceptTwice.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, acceptTwice.StatusCode);
        Assert.Contains("Accepted", problem.GetProperty("detail").GetString());
    }

    [Theory, BothDatabases]
    public async Task Only_the_cases_handlers_see_the_reporters_contact_and_each_look_is_audited(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"));
        var number = filed.GetProperty("number").GetInt64();

        var asHandler = await (await app.SignedInAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{number}");
        var asWorker = await (await app.SignedInAsync("worker")).GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{number}");
        var outsider = await (await app.SignedInAsync("partner")).GetAsync($"/api/v1/work/cases/{number}");
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == "CaseReporterContact" && a.RecordId == number.ToString()).CountAsync());

        Assert.Equal("reporter@example.org", asHandler.GetProperty("reporter").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, asWorker.GetProperty("reporter").ValueKind);
        Assert.True(asWorker.GetProperty("reporterHidden").GetBoolean());
        Assert.DoesNotContain("reporter@example.org", asWorker.GetRawText());
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal(1, audited);
    }

    [Theory, BothDatabases]
    public async Task A_returned_case_waits_in_the_manual_queue_until_dispatched_by_hand(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("parking"))).GetProperty("number").GetInt64();
        var gridChief = await app.SignedInAsync("gridchief");
        var worker = await app.SignedInAsync("worker");

        await gridChief.ActAsync(number, "return", new { note = "这是燃气问题 This is a gas matter" });
        var queue = await worker.GetFromJsonAsync<JsonElement>("/api/v1/work/cases?view=queue");
        var dispatched = await worker.ActAsync(number, "dispatch", new { departmentCode = "gas-supply" });

        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("number").GetInt64() == number && c.GetProperty("state").GetString() == "Returned");
        Assert.Equal("Dispatched", dispatched.GetProperty("state").GetString());
        Assert.Equal("gas-supply", dispatched.GetProperty("assignedDepartment").GetString());
        Assert.DoesNotContain(dispatched.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Returned" && e.GetProperty("public").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task Merging_a_duplicate_keeps_both_sets_of_followers_and_tells_them(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var first = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var second = await app.ReportAsync("water-leak", offsetMeters: 30);
        second["email"] = "neighbour@example.org";
        var duplicate = (await app.Anonymous().FileAsync(second)).GetProperty("number").GetInt64();
        var follow = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{first}/followers", new { email = "follower@example.org" });
        var worker = await app.SignedInAsync("worker");

        var merged = await worker.PostAsJsonAsync($"/api/v1/work/cases/{duplicate}/merge", new { into = first });
        var followers = await app.WithDbAsync(db => db.CaseFollowers.Where(f => f.CaseId == first).Select(f => f.Email).ToListAsync());
        var told = await app.WithDbAsync(db => db.Outbox.Where(m => m.CaseId == first).Select(m => m.Recipient).ToListAsync());

        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("Duplicate", (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(["follower@example.org", "neighbour@example.org", "reporter@example.org"], followers.Order());
        Assert.Contains("neighbour@example.org", told);
        Assert.Contains("follower@example.org", told);
    }

    [Fact]
    public async Task The_reporter_can_reopen_a_closed_case_by_receipt()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("parking"));
        var (number, receipt) = (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
        var gridChief = await app.SignedInAsync("gridchief");
        await gridChief.ActAsync(number, "accept");
        await gridChief.ActAsync(number, "resolve", new { note = "车已挪走 The car was moved" });

        var verifyByReporter = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{receipt}/verify", new { });
        await gridChief.ActAsync(number, "close");
        var reopenWithoutNote = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{receipt}/reopen", new { });
        var reopened = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{receipt}/reopen", new { note = "车又停回来了 It is back" });
        var wrongReceipt = await app.Anonymous().GetAsync("/api/v1/cases/AAAA-BBBB-CCCC");

        Assert.Equal(HttpStatusCode.OK, verifyByReporter.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reopenWithoutNote.StatusCode);
        Assert.Equal("Reopened", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrongReceipt.StatusCode);
    }

    [Fact]
    public async Task Looking_at_a_cases_photos_is_not_counted_as_a_look_at_the_reporters_contact()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        using var form = TestImages.Form(await app.ReportAsync("water-leak"), ("photos", "leak.jpg", TestImages.Jpeg(16, 16)));
        var filed = await (await app.Anonymous().PostAsync("/api/v1/cases", form)).Content.ReadFromJsonAsync<JsonElement>();
        var number = filed.GetProperty("number").GetInt64();
        var handler = await app.SignedInAsync("handler");

        var detail = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{number}");
        var photo = await handler.GetAsync($"/api/v1/work/cases/{number}/photos/{detail.GetProperty("photos")[0].GetProperty("id").GetInt64()}");
        var outsider = await (await app.SignedInAsync("partner")).GetAsync($"/api/v1/work/cases/{number}/photos/{detail.GetProperty("photos")[0].GetProperty("id").GetInt64()}");
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == "CaseReporterContact" && a.RecordId == number.ToString()).CountAsync());

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task An_empty_file_input_in_a_form_is_no_photo_rather_than_a_bad_one()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("parking"))).GetProperty("number").GetInt64();
        var gridChief = await app.SignedInAsync("gridchief");
        await gridChief.ActAsync(number, "accept");
        var emptyInput = new ByteArrayContent([]);
        emptyInput.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"photos\"", FileName = "\"\"" };
        using var form = new MultipartFormDataContent { { new StringContent("车已挪走 The car was moved"), "note" }, emptyInput };

        var resolved = await gridChief.PostAsync($"/api/v1/work/cases/{number}/resolve", form);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Empty((await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photos").EnumerateArray());
    }
}
