using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Volunteers;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.Volunteers;

public sealed class RecognitionAndTargetTests
{
    private const string Street = TreeGenerator.ShiqiaopuCode;

    [Theory, BothDatabases]
    public async Task One_verified_resident_casts_one_secret_vote(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var community = DemoAccounts.CommunityCode;
        var nominations = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/nominations?community={community}");
        var nomination = nominations[0].GetProperty("id").GetInt32();
        var resident = await app.SignedInAsync("resident");

        var unverified = await resident.PostAsync($"/api/v1/volunteers/nominations/{nomination}/votes", null);
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.True((await ErrorsAsync(unverified)).TryGetProperty("household", out _));

        await resident.PutAsJsonAsync("/api/v1/me/household", new { unitCode = DemoAccounts.UnitCode, consentVersion = Consents.HouseholdLinkText.Version });
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsync($"/api/v1/volunteers/nominations/{nomination}/votes", null)).StatusCode);

        // A second vote, for the same or another nominee, is refused.
        var ranking = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/rankings?community={community}");
        var nominee = ranking.EnumerateArray().Select(r => r.GetProperty("nomineeKey").GetInt32()).Last();
        var (nominator, _) = await ResidentAsync(app, "v-nominator");
        var second = await nominator.PostAsJsonAsync("/api/v1/volunteers/nominations", new { communityCode = community, nomineeKey = nominee, reason = "热心" });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var other = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsync($"/api/v1/volunteers/nominations/{nomination}/votes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsync($"/api/v1/volunteers/nominations/{other}/votes", null)).StatusCode);

        var results = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/nominations?community={community}");
        Assert.Equal(1, results.EnumerateArray().Single(n => n.GetProperty("id").GetInt32() == nomination).GetProperty("votes").GetInt32());
        Assert.Equal(0, results.EnumerateArray().Single(n => n.GetProperty("id").GetInt32() == other).GetProperty("votes").GetInt32());

        // Secrecy by construction: "has voted" holds no choice and no time, and no table holds a ballot with a voter.
        var (castColumns, nominationColumns) = await app.WithDbAsync(db => Task.FromResult((
            db.Model.FindEntityType(typeof(VolunteerVoteCast))!.GetProperties().Select(p => p.Name).Order().ToList(),
            db.Model.FindEntityType(typeof(VolunteerNomination))!.GetProperties().Select(p => p.Name).ToList())));
        Assert.Equal(["CommunityNodeId", "VoterUserId", "Year"], castColumns);
        Assert.DoesNotContain(nominationColumns, c => c.Contains("Voter", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.VolunteerVotesCast.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_ranking_counts_approved_hours_only_and_a_nomination_needs_a_volunteer_and_a_reason(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var ranking = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/rankings?community={DemoAccounts.CommunityCode}");

        // The demo's past patrol: four approved (3 h, 2.9 h, 2.8 h, 2.8 h rounded), one declined and left out.
        Assert.Equal([3.0, 2.9, 2.8, 2.8], ranking.EnumerateArray().Select(r => r.GetProperty("hours").GetDouble()));
        Assert.Equal([1, 2, 3, 4], ranking.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));

        var (nominator, _) = await ResidentAsync(app, "v-nom");
        var noReason = await nominator.PostAsJsonAsync("/api/v1/volunteers/nominations", new { communityCode = DemoAccounts.CommunityCode, nomineeKey = ranking[1].GetProperty("nomineeKey").GetInt32() });
        Assert.True((await ErrorsAsync(noReason)).TryGetProperty("reason", out _));
        var elsewhere = await nominator.PostAsJsonAsync("/api/v1/volunteers/nominations", new { communityCode = Street + "002", nomineeKey = ranking[1].GetProperty("nomineeKey").GetInt32(), reason = "好" });
        Assert.True((await ErrorsAsync(elsewhere)).TryGetProperty("nomineeKey", out _));
        var twice = await nominator.PostAsJsonAsync("/api/v1/volunteers/nominations", new { communityCode = DemoAccounts.CommunityCode, nomineeKey = ranking[0].GetProperty("nomineeKey").GetInt32(), reason = "好" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.True((await ErrorsAsync(await app.Anonymous().GetAsync($"/api/v1/volunteers/rankings?community={DemoAccounts.CommunityCode}&year=1999"))).TryGetProperty("year", out _));
    }

    [Theory, BothDatabases]
    public async Task Communities_below_target_are_listed_by_district_and_street_and_staff_set_targets_in_their_subtree(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var report = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/targets?node={TreeGenerator.ChongqingCode}");
        Assert.Equal(12, report.GetProperty("communities").GetInt32());
        Assert.Equal(11, report.GetProperty("belowTarget").GetInt32());
        var street = report.GetProperty("districts")[0].GetProperty("streets")[0];
        Assert.Equal(Street, street.GetProperty("code").GetString());
        var first = street.GetProperty("communities")[0];
        Assert.Equal((5, 15), (first.GetProperty("active").GetInt32(), first.GetProperty("target").GetInt32()));
        Assert.DoesNotContain(street.GetProperty("communities").EnumerateArray(), c => c.GetProperty("code").GetString() == DemoVolunteers.OnTargetCommunityCode);

        var worker = await app.SignedInAsync("worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/v1/volunteers/communities/{Street}002/target", new { minimum = 1 })).StatusCode);
        var bad = await worker.PutAsJsonAsync($"/api/v1/volunteers/communities/{DemoAccounts.CommunityCode}/target", new { minimum = -1 });
        Assert.True((await ErrorsAsync(bad)).TryGetProperty("minimum", out _));
        var set = await worker.PutAsJsonAsync($"/api/v1/volunteers/communities/{DemoAccounts.CommunityCode}/target", new { minimum = 5 });
        Assert.Equal(5, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetInt32());
        report = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/targets?node={Street}");
        Assert.Equal(10, report.GetProperty("belowTarget").GetInt32());

        // Back to the city default.
        await worker.PutAsJsonAsync($"/api/v1/volunteers/communities/{DemoAccounts.CommunityCode}/target", new { minimum = (int?)null });
        Assert.Equal(11, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/targets?node={Street}")).GetProperty("belowTarget").GetInt32());
        Assert.True((await ErrorsAsync(await app.Anonymous().GetAsync($"/api/v1/volunteers/targets?node={DemoAccounts.GridCode}"))).TryGetProperty("node", out _));
    }

    [Theory, BothDatabases]
    public async Task Figures_count_registered_volunteers_per_community_and_per_square_kilometre(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var figures = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/figures?node={Street}");
        var first = figures.EnumerateArray().Single(f => f.GetProperty("code").GetString() == DemoAccounts.CommunityCode);

        // Eight in the patrol, five in mediation of whom four also patrol: nine people.
        Assert.Equal(9, first.GetProperty("volunteers").GetInt32());
        var area = first.GetProperty("areaKm2").GetDouble();
        Assert.InRange(area, 0.01, 50);
        var density = first.GetProperty("volunteersPerKm2").GetDouble();
        Assert.InRange(density, 9 / area * 0.98, 9 / area * 1.02);
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_files_a_case_for_their_association_which_counts_it_per_month(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var patrol = await AssociationIdAsync(app);
        var (volunteer, volunteerId) = await ResidentAsync(app, "v-report");
        var report = new Dictionary<string, object?>
        {
            ["category"] = "streetlight", ["description"] = "路灯不亮", ["latitude"] = 29.5302, ["longitude"] = 106.5048,
            ["source"] = "volunteer", ["associationId"] = patrol,
        };

        var notMember = await volunteer.PostAsJsonAsync("/api/v1/cases", report);
        Assert.Equal(HttpStatusCode.Forbidden, notMember.StatusCode);
        Assert.True((await ErrorsAsync(notMember)).TryGetProperty("associationId", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/cases", report)).StatusCode);
        var wrongSource = await volunteer.PostAsJsonAsync("/api/v1/cases", new Dictionary<string, object?>(report) { ["source"] = "web" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongSource.StatusCode);

        await JoinAsync(volunteer, patrol);
        var filed = await volunteer.PostAsJsonAsync("/api/v1/cases", report);
        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var number = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64();
        var stored = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => new { c.Source, c.VolunteerAssociationId, c.ReporterUserId }).SingleAsync());
        Assert.Equal((Web.Features.Cases.CaseSource.Volunteer, patrol, volunteerId), (stored.Source, stored.VolunteerAssociationId, stored.ReporterUserId));

        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/associations/{patrol}");
        var months = detail.GetProperty("reportsPerMonth").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(1, months[^1].GetProperty("reports").GetInt32());
        Assert.Equal(1, months.Sum(m => m.GetProperty("reports").GetInt32()));
        Assert.DoesNotContain("v-report", detail.GetRawText(), StringComparison.Ordinal);
    }
}
