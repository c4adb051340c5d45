using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Demo;
using Linli.Web.Features.OfficerAppraisal;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.OfficerAppraisal;

public sealed class OfficerAppraisalTests
{
    private const string Street = TreeGenerator.ShiqiaopuCode;

    [Theory, BothDatabases]
    public async Task Officers_and_stations_are_appraised_from_the_ratings_of_the_cases_they_handled(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var police = await UserIdAsync(app, "police");
        var other = await UserIdAsync(app, $"police-{Street}002");
        var now = DateTimeOffset.UtcNow;
        await RatedCaseAsync(app, police, 5, now.AddHours(-3));
        await RatedCaseAsync(app, police, 4, now.AddHours(-2));
        await RatedCaseAsync(app, police, 2, now.AddHours(-1));
        await RatedCaseAsync(app, police, null, null);
        await RatedCaseAsync(app, police, 1, now.AddYears(-2));
        await RatedCaseAsync(app, other, 3, now.AddHours(-1));

        var street = await app.SignedInAsync("street");
        var report = await street.GetFromJsonAsync<JsonElement>($"/api/v1/officer-appraisal/officers?node={Street}");
        var officers = report.GetProperty("officers").EnumerateArray().ToList();
        Assert.Equal(12, officers.Count);
        var first = CaseRatings(officers.Single(o => o.GetProperty("communityCode").GetString() == DemoAccounts.CommunityCode));
        Assert.Equal(3, first.GetProperty("ratings").GetInt32());
        Assert.Equal(3.67, first.GetProperty("averageStars").GetDouble());
        Assert.Equal((2, 3), (first.GetProperty("satisfaction").GetProperty("numerator").GetInt32(), first.GetProperty("satisfaction").GetProperty("denominator").GetInt32()));
        var second = CaseRatings(officers.Single(o => o.GetProperty("communityCode").GetString() == Street + "002"));
        Assert.Equal((1, 0), (second.GetProperty("ratings").GetInt32(), second.GetProperty("satisfaction").GetProperty("numerator").GetInt32()));

        // The station pools its officers' ratings: 4 ratings, 2 satisfied.
        var station = report.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("stationCode").GetString() == "shiqiaopu-police");
        var pooled = CaseRatings(station);
        Assert.Equal((4, 2), (pooled.GetProperty("ratings").GetInt32(), pooled.GetProperty("satisfaction").GetProperty("numerator").GetInt32()));
        Assert.Contains("4 or 5 stars", report.GetProperty("definitions").GetProperty("case-ratings").GetString(), StringComparison.Ordinal);

        var mine = await (await app.SignedInAsync("police")).GetFromJsonAsync<JsonElement>("/api/v1/officer-appraisal/me");
        Assert.Equal(3, CaseRatings(mine.GetProperty("officers").EnumerateArray().Single()).GetProperty("ratings").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("worker")).GetAsync($"/api/v1/officer-appraisal/officers?node={DemoAccounts.CommunityCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("worker")).GetAsync("/api/v1/officer-appraisal/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).GetAsync($"/api/v1/officer-appraisal/officers?node={Street}")).StatusCode);
        Assert.True((await ErrorsAsync(await street.GetAsync($"/api/v1/officer-appraisal/officers?node={Street}&from=soon"))).TryGetProperty("from", out _));
    }

    [Theory, BothDatabases]
    public async Task One_verified_resident_casts_one_secret_vote_and_results_stay_hidden_until_the_vote_closes(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var admin = await app.SignedInAsync("admin");

        // The demo's district vote is open; an administrator opens the city's and cannot open either twice.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/officer-appraisal/votes", new { nodeCode = TreeGenerator.JiulongpoCode, closesOn = Day(30) })).StatusCode);
        Assert.True((await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/officer-appraisal/votes", new { nodeCode = Street, closesOn = Day(30) }))).TryGetProperty("nodeCode", out _));
        Assert.True((await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/officer-appraisal/votes", new { nodeCode = TreeGenerator.ChongqingCode }))).TryGetProperty("closesOn", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("street")).PostAsJsonAsync("/api/v1/officer-appraisal/votes", new { nodeCode = TreeGenerator.ChongqingCode, closesOn = Day(30) })).StatusCode);
        var opened = await admin.PostAsJsonAsync("/api/v1/officer-appraisal/votes", new { nodeCode = TreeGenerator.ChongqingCode, closesOn = Day(30) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var vote = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = vote.GetProperty("id").GetInt32();
        var candidates = vote.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(12, candidates.Count);

        var resident = await app.SignedInAsync("resident");
        var unverified = await resident.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = candidates[0] });
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.True((await ErrorsAsync(unverified)).TryGetProperty("household", out _));
        await LinkAsync(resident);
        Assert.True((await ErrorsAsync(await resident.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = 0 }))).TryGetProperty("candidateId", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = candidates[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = candidates[1] })).StatusCode);

        // A double tap sent at once counts once.
        var (twice, _) = await ResidentAsync(app, "o-voter");
        await LinkAsync(twice);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => twice.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = candidates[1] })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.NoContent), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));

        // While open: no results and no counts for anyone, only whether you voted.
        var open = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/officer-appraisal/votes/{id}");
        Assert.True(open.GetProperty("isOpen").GetBoolean());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("results").ValueKind);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("votesCast").ValueKind);
        Assert.True(open.GetProperty("youVoted").GetBoolean());
        Assert.DoesNotContain("\"votes\"", (await app.Anonymous().GetStringAsync($"/api/v1/officer-appraisal/votes/{id}")), StringComparison.Ordinal);

        // Secrecy by construction: "has voted" holds no choice and no time; no table holds a ballot with a voter.
        var (castColumns, candidateColumns) = await app.WithDbAsync(db => Task.FromResult((
            db.Model.FindEntityType(typeof(OfficerVoteCast))!.GetProperties().Select(p => p.Name).Order().ToList(),
            db.Model.FindEntityType(typeof(OfficerVoteCandidate))!.GetProperties().Select(p => p.Name).ToList())));
        Assert.Equal(["VoteId", "VoterUserId"], castColumns);
        Assert.DoesNotContain(candidateColumns, c => c.Contains("Voter", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.OfficerVotesCast.CountAsync(c => c.VoteId == id)));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("street")).PostAsync($"/api/v1/officer-appraisal/votes/{id}/close", null)).StatusCode);
        var closed = await (await admin.PostAsync($"/api/v1/officer-appraisal/votes/{id}/close", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(closed.GetProperty("isOpen").GetBoolean());
        Assert.Equal(2, closed.GetProperty("votesCast").GetInt32());
        var results = closed.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([(1, candidates[0], 1), (1, candidates[1], 1)], results.Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("candidateId").GetInt32(), r.GetProperty("votes").GetInt32())).OrderBy(r => r.Item2));
        var (late, _) = await ResidentAsync(app, "o-late");
        await LinkAsync(late);
        Assert.Equal(HttpStatusCode.Conflict, (await late.PostAsJsonAsync($"/api/v1/officer-appraisal/votes/{id}/ballots", new { candidateId = candidates[0] })).StatusCode);
        Assert.Contains((await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/officer-appraisal/votes")).EnumerateArray(), v => v.GetProperty("id").GetInt32() == id && !v.GetProperty("isOpen").GetBoolean());
    }

    private static JsonElement CaseRatings(JsonElement figures) => figures.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "case-ratings");

    private static string Day(int daysAhead) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(daysAhead)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task LinkAsync(HttpClient client) =>
        client.PutAsJsonAsync("/api/v1/me/household", new { unitCode = DemoAccounts.UnitCode, consentVersion = Consents.HouseholdLinkText.Version });

    private static Task<Guid> UserIdAsync(LinliApp app, string login) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    private static Task<int> RatedCaseAsync(LinliApp app, Guid handler, int? stars, DateTimeOffset? ratedAt) => app.WithDbAsync(async db =>
    {
        var grid = await db.Nodes.Where(n => n.Code == DemoAccounts.GridCode).Select(n => new { n.Id, n.Path }).SingleAsync();
        var category = await db.CaseCategories.FirstAsync(c => c.Code == "noise");
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        db.Cases.Add(new Case
        {
            Receipt = ReceiptCodes.New(), CategoryId = category.Id, Description = "rated", GridNodeId = grid.Id, GridPath = grid.Path, Latitude = 29.53, Longitude = 106.505,
            State = CaseState.Closed, ReportedAt = now, RespondBy = now.AddDays(1), ResolveBy = now.AddDays(7), AssignedRole = StaffRole.CommunityPolice, HandlerUserId = handler,
            RatingStars = stars, RatedAt = ratedAt, ClosedAt = now,
        });
        return await db.SaveChangesAsync();
    });
}
