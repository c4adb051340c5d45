using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Policing.PolicingWorld;

namespace Linli.Tests.Integration.Policing;

public sealed class HalfDayTests
{
    [Theory, BothDatabases]
    public async Task An_officer_logs_half_days_only_in_their_community_and_refusals_store_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var officer = await app.StaffAsync("quiet-officer", StaffRole.CommunityPolice, Quiet);
        var other = await app.StaffAsync("other-officer", StaffRole.CommunityPolice, Community);
        var worker = await app.StaffAsync("quiet-worker", StaffRole.CommunityWorker, Quiet);
        var halfDays = await app.WithDbAsync(db => db.PolicingHalfDays.CountAsync());

        var noCommunity = await officer.PostAsJsonAsync($"{Api}/half-days", new { period = "morning" });
        var notACommunity = await officer.LogAsync(QuietUnit, LastMonday);
        var elsewhere = await officer.LogAsync(Community, LastMonday);
        var byWorker = await worker.LogAsync(Quiet, LastMonday);
        var ahead = await officer.LogAsync(Quiet, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));
        var tooLate = await officer.LogAsync(Quiet, LastMonday.AddDays(-30));
        var badPeriod = await officer.LogAsync(Quiet, LastMonday, "evening");
        Assert.Equal(halfDays, await app.WithDbAsync(db => db.PolicingHalfDays.CountAsync()));

        var id = await officer.LoggedAsync(Quiet, LastMonday);
        var again = await officer.LogAsync(Quiet, LastMonday);
        var othersAdd = await other.VisitAsync(id, Household(QuietUnit));

        Assert.Equal(["communityCode"], await noCommunity.ErrorFieldsAsync());
        Assert.Equal(["communityCode"], await notACommunity.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(["date"], await ahead.ErrorFieldsAsync());
        Assert.Equal(["date"], await tooLate.ErrorFieldsAsync());
        Assert.Equal(["period"], await badPeriod.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersAdd.StatusCode);
        Assert.Equal(halfDays + 1, await app.WithDbAsync(db => db.PolicingHalfDays.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Visits_name_a_unit_of_the_community_or_an_organisation_and_patrols_a_route(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var officer = await app.StaffAsync("quiet-officer", StaffRole.CommunityPolice, Quiet);
        var id = await officer.LoggedAsync(Quiet, LastMonday);

        var noKind = await officer.VisitAsync(id, new { unitCode = QuietUnit, topic = "x" });
        var outside = await officer.VisitAsync(id, Household(DemoAccounts.UnitCode));
        var both = await officer.VisitAsync(id, new { kind = "household", unitCode = QuietUnit, organisationName = "超市", topic = "x" });
        var noTopic = await officer.VisitAsync(id, new { kind = "organisation", organisationName = "超市" });
        var nameless = await officer.VisitAsync(id, new { kind = "organisation", topic = "x" });
        var badRoute = await officer.PostAsJsonAsync($"{Api}/half-days/{id}/patrols", new { route = new { type = "Point", coordinates = new[] { 106.5, 29.5 } }, minutes = 30 });
        var noMinutes = await officer.PostAsJsonAsync($"{Api}/half-days/{id}/patrols", new { route = Authorization.PolicingMatrix.Route });
        var badCheck = await officer.PostAsJsonAsync($"{Api}/half-days/{id}/checks", new { facility = "camera", status = "ok" });
        Assert.Equal(0, await app.WithDbAsync(db => db.PolicingVisits.CountAsync(v => v.HalfDayId == id)));

        await officer.VisitedAsync(id, Household(QuietUnit, concern: "楼道堆放杂物"));
        await officer.VisitedAsync(id, Organisation("便民超市"));
        var patrol = await officer.PostAsJsonAsync($"{Api}/half-days/{id}/patrols", new { route = Authorization.PolicingMatrix.Route, minutes = 50 });
        var check = await officer.PostAsJsonAsync($"{Api}/half-days/{id}/checks", new { facility = "fireHydrant", status = "needsRepair", note = "漏水" });
        var detail = await officer.GetFromJsonAsync<JsonElement>($"{Api}/half-days/{id}");

        Assert.Equal(["kind"], await noKind.ErrorFieldsAsync());
        Assert.Equal(["unitCode"], await outside.ErrorFieldsAsync());
        Assert.Equal(["organisationName"], await both.ErrorFieldsAsync());
        Assert.Equal(["topic"], await noTopic.ErrorFieldsAsync());
        Assert.Equal(["organisationName"], await nameless.ErrorFieldsAsync());
        Assert.Equal(["route"], await badRoute.ErrorFieldsAsync());
        Assert.Equal(["minutes"], await noMinutes.ErrorFieldsAsync());
        Assert.Equal(["facility"], await badCheck.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, patrol.StatusCode);
        Assert.Equal(HttpStatusCode.Created, check.StatusCode);
        Assert.Equal([QuietUnit, null], detail.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("unitCode").GetString()));
        Assert.Equal("便民超市", detail.GetProperty("visits")[1].GetProperty("organisationName").GetString());
        Assert.Equal("LineString", detail.GetProperty("patrols")[0].GetProperty("route").GetProperty("type").GetString());
        Assert.Equal("NeedsRepair", detail.GetProperty("checks")[0].GetProperty("status").GetString());

        // The street sees it (coverage), a neighbouring community's officer does not.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("street")).GetAsync($"{Api}/half-days/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).GetAsync($"{Api}/half-days/{id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_concern_becomes_one_case_at_the_households_building(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var officer = await app.StaffAsync("quiet-officer", StaffRole.CommunityPolice, Quiet);
        var id = await officer.LoggedAsync(Quiet, LastMonday);
        var withConcern = await officer.VisitedAsync(id, Household(QuietUnit, concern: "邻居家深夜噪音扰民"));
        var without = await officer.VisitedAsync(id, Household(QuietUnit));
        var cases = await app.WithDbAsync(db => db.Cases.CountAsync());

        var noCategory = await officer.PostAsJsonAsync($"{Api}/visits/{withConcern}/case", new { });
        var nothingToFile = await officer.PostAsJsonAsync($"{Api}/visits/{without}/case", new { category = "noise" });
        var byOther = await (await app.SignedInAsync("police")).PostAsJsonAsync($"{Api}/visits/{withConcern}/case", new { category = "noise" });
        Assert.Equal(cases, await app.WithDbAsync(db => db.Cases.CountAsync()));

        var filed = await officer.PostAsJsonAsync($"{Api}/visits/{withConcern}/case", new { category = "noise" });
        var tappedAgain = await officer.PostAsJsonAsync($"{Api}/visits/{withConcern}/case", new { category = "noise" });

        Assert.Equal(["category"], await noCategory.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, nothingToFile.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.JsonAsync()).GetProperty("number").GetInt64();
        Assert.Equal(number, (await tappedAgain.JsonAsync()).GetProperty("number").GetInt64());
        Assert.Equal(cases + 1, await app.WithDbAsync(db => db.Cases.CountAsync()));
        var stored = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => new { c.Source, c.Description, c.GridPath }).SingleAsync());
        Assert.Equal(CaseSource.Staff, stored.Source);
        Assert.Equal("邻居家深夜噪音扰民", stored.Description);
        Assert.Contains($"/{Quiet}001/", stored.GridPath, StringComparison.Ordinal);
        var detail = await officer.GetFromJsonAsync<JsonElement>($"{Api}/half-days/{id}");
        Assert.Equal(number, detail.GetProperty("visits")[0].GetProperty("caseNumber").GetInt64());
    }
}
