using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Cases;

public sealed class CaseIntakeTests
{
    [Theory, BothDatabases]
    public async Task A_report_is_placed_in_its_grid_dispatched_by_the_rules_and_answered_with_a_receipt(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var resident = app.Anonymous();

        var filed = await resident.FileAsync(await app.ReportAsync("water-leak"));
        var receipt = filed.GetProperty("receipt").GetString()!;
        var page = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{receipt}");
        var pageText = page.GetRawText();

        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        Assert.Equal(DemoAccounts.GridCode, filed.GetProperty("gridCode").GetString());
        Assert.Equal("Dispatched", filed.GetProperty("state").GetString());
        Assert.Equal("department:water-utility", filed.GetProperty("dispatchedTo").GetString());
        Assert.Equal("Dispatched", page.GetProperty("state").GetString());
        Assert.Equal(["Reported", "Dispatched"], page.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("kind").GetString()));
        Assert.DoesNotContain("reporter@example.org", pageText);
        Assert.DoesNotContain("吴晓东", pageText);
        Assert.DoesNotContain("138", pageText);
    }

    [Theory, BothDatabases]
    public async Task A_category_handled_by_a_grid_role_goes_to_the_nearest_holder_of_that_role(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var dispute = await app.Anonymous().FileAsync(await app.ReportAsync("neighbour-dispute"));
        var parking = await app.Anonymous().FileAsync(await app.ReportAsync("parking"));

        Assert.Equal($"CommunityWorker@{DemoAccounts.CommunityCode}", dispute.GetProperty("dispatchedTo").GetString());
        Assert.Equal($"GridChief@{DemoAccounts.GridCode}", parking.GetProperty("dispatchedTo").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_retry_with_the_same_request_key_creates_one_case(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var report = await app.ReportAsync();
        var key = Guid.NewGuid().ToString();

        var tries = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(report) };
            request.Headers.Add("Idempotency-Key", key);
            return await app.Anonymous().SendAsync(request);
        }));
        var receipts = await Task.WhenAll(tries.Select(async t => (await t.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()));
        report["description"] = "something else entirely";
        using var reused = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(report) };
        reused.Headers.Add("Idempotency-Key", key);
        var conflict = await app.Anonymous().SendAsync(reused);

        Assert.Single(receipts.Distinct());
        Assert.Single(tries, t => t.StatusCode == HttpStatusCode.Created);
        Assert.All(tries, t => Assert.True(t.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    public static TheoryData<string, string, object?> BadReports => new()
    {
        { "description", "description", new string('长', 4001) },
        { "description", "description", "<script>alert(1)</script> water" },
        { "description", "description", null },
        { "category", "category", "no-such-category" },
        { "longitude", "longitude", null },
        { "attributes", "attributes.where", new Dictionary<string, object> { ["where"] = "on-the-moon" } },
        { "attributes", "attributes.where", new Dictionary<string, object>() },
        { "attributes", "attributes.colour", new Dictionary<string, object> { ["where"] = "street", ["colour"] = "red" } },
        { "email", "email", "not-an-address" },
        { "phone", "phone", "call me maybe" },
    };

    [Theory, MemberData(nameof(BadReports))]
    public async Task A_bad_field_is_refused_with_a_problem_naming_it_and_nothing_is_stored(string field, string named, object? value)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var report = await app.ReportAsync();
        report[field] = value;

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/cases", report);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(named, out _), problem.GetRawText());
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_place_outside_the_jurisdiction_is_refused()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var report = await app.ReportAsync();
        (report["latitude"], report["longitude"]) = (39.9, 116.4);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/cases", report);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside", problem.GetProperty("errors").GetProperty("location")[0].GetString());
    }

    [Fact]
    public async Task A_building_can_stand_in_for_a_map_pin()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var report = await app.ReportAsync("streetlight");
        report.Remove("latitude");
        report.Remove("longitude");
        report["buildingCode"] = DemoAccounts.BuildingCode;

        var filed = await app.Anonymous().FileAsync(report);

        Assert.Equal(DemoAccounts.GridCode, filed.GetProperty("gridCode").GetString());
    }

    [Fact]
    public async Task Photos_are_reencoded_without_their_location_metadata_and_non_images_are_refused()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var report = await app.ReportAsync();
        var photo = TestImages.JpegWithGpsExif(64, 48);

        using var form = TestImages.Form(report, ("photos", "leak.jpg", photo));
        var created = await app.Anonymous().PostAsync("/api/v1/cases", form);
        var receipt = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString();
        var page = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/cases/{receipt}");
        var stored = await app.Anonymous().GetByteArrayAsync($"/api/v1/cases/{receipt}/photos/{page.GetProperty("photoIds")[0].GetInt64()}");
        using var notImage = TestImages.Form(report, ("photos", "leak.jpg", "MZ this is not a picture"u8.ToArray()));
        var refused = await app.Anonymous().PostAsync("/api/v1/cases", notImage);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(TestImages.ContainsExif(photo));
        Assert.False(TestImages.ContainsExif(stored));
        Assert.Equal(0xFF, stored[0]);
        Assert.Equal(0xD8, stored[1]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photos[0]", out _));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Open_cases_of_the_same_category_nearby_are_offered_but_sensitive_ones_never()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var resident = app.Anonymous();
        var first = await resident.FileAsync(await app.ReportAsync("water-leak"));
        await resident.FileAsync(await app.ReportAsync("public-safety"));
        var (lat, lon) = await app.CentreOfAsync(DemoAccounts.BuildingCode);

        var near = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/cases/nearby?category=water-leak&latitude={CaseReports.Invariant(lat + 100 / 111_320.0)}&longitude={CaseReports.Invariant(lon)}");
        var far = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/cases/nearby?category=water-leak&latitude={CaseReports.Invariant(lat + 400 / 111_320.0)}&longitude={CaseReports.Invariant(lon)}");
        var sensitive = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/cases/nearby?category=public-safety&latitude={CaseReports.Invariant(lat)}&longitude={CaseReports.Invariant(lon)}");

        Assert.Equal(first.GetProperty("number").GetInt64(), near[0].GetProperty("number").GetInt64());
        Assert.InRange(near[0].GetProperty("distanceMeters").GetDouble(), 90, 110);
        Assert.Empty(far.EnumerateArray());
        Assert.Empty(sensitive.EnumerateArray());
    }

    [Fact]
    public async Task A_flood_of_reports_from_one_network_is_slowed_with_a_429_problem()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:ReportsPerMinute"] = "2" });
        var report = await app.ReportAsync("noise");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await app.Anonymous().PostAsJsonAsync("/api/v1/cases", report)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_signed_in_resident_finds_their_own_reports_and_nobody_elses()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var resident = await app.SignedInAsync("resident");
        var mine = await resident.FileAsync(await app.ReportAsync("noise"));
        await app.Anonymous().FileAsync(await app.ReportAsync("parking"));

        var listed = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/cases");
        var others = await (await app.SignedInAsync("gridchief")).GetFromJsonAsync<JsonElement>("/api/v1/me/cases");

        Assert.Equal([mine.GetProperty("receipt").GetString()], listed.EnumerateArray().Select(c => c.GetProperty("receipt").GetString()));
        Assert.Empty(others.EnumerateArray());
    }
}
