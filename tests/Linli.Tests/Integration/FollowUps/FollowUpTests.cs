using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.FollowUps.FollowUpWorld;

namespace Linli.Tests.Integration.FollowUps;

public sealed class FollowUpTests
{
    [Theory, BothDatabases]
    public async Task A_closed_case_gets_exactly_one_follow_up_and_a_sensitive_one_none(DatabaseKind kind)
    {
        var clock = ClockAtChinaHour(10);
        await using var app = await StartAsync(kind, clock);
        var now = clock.GetUtcNow();
        var closed = await ClosedCaseAsync(app, now.AddHours(-2));
        var sensitive = await ClosedCaseAsync(app, now.AddHours(-2), category: "public-safety");
        var tooRecent = await ClosedCaseAsync(app, now.AddMinutes(-5));
        var tooOld = await ClosedCaseAsync(app, now.AddDays(-30));

        await app.SendFollowUpsAsync();
        await app.SendFollowUpsAsync();

        var messages = await app.WithDbAsync(db => db.Outbox.Where(m => m.CaseId == closed && m.Purpose == NoticePurpose.FollowUp).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal(NotificationChannel.Email, message.Channel);
        Assert.Equal(now, message.NextAttemptAt);
        Assert.Contains("/rate/", message.Body, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.FollowUps.CountAsync(f => f.Source == FollowUpSource.Case && f.ItemId == closed)));
        foreach (var none in new[] { sensitive, tooRecent, tooOld })
        {
            Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.CaseId == none && m.Purpose == NoticePurpose.FollowUp)));
            Assert.Equal(0, await app.WithDbAsync(db => db.FollowUps.CountAsync(f => f.Source == FollowUpSource.Case && f.ItemId == none)));
        }

        // The stored hash is not the token in the link.
        var token = TokenOf(message.Link!);
        Assert.False(await app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.TokenHash == token)));
    }

    [Theory, BothDatabases]
    public async Task In_quiet_hours_the_follow_up_waits_for_the_morning(DatabaseKind kind)
    {
        var clock = ClockAtChinaHour(21);
        await using var app = await StartAsync(kind, clock);
        var now = clock.GetUtcNow();
        var closed = await ClosedCaseAsync(app, now.AddHours(-3));

        await app.SendFollowUpsAsync();

        var message = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.CaseId == closed && m.Purpose == NoticePurpose.FollowUp));
        Assert.Equal(now.AddHours(11), message.NextAttemptAt);
        Assert.Equal(8, message.NextAttemptAt.ToOffset(TimeSpan.FromHours(8)).Hour);
    }

    [Theory, BothDatabases]
    public async Task A_rating_link_shows_on_GET_records_once_on_POST_and_expires(DatabaseKind kind)
    {
        var clock = ClockAtChinaHour(10);
        await using var app = await StartAsync(kind, clock);
        var closed = await ClosedCaseAsync(app, clock.GetUtcNow().AddHours(-2));
        await app.SendFollowUpsAsync();
        var token = TokenOf(await app.WithDbAsync(db => db.Outbox.Where(m => m.CaseId == closed && m.Purpose == NoticePurpose.FollowUp).Select(m => m.Link!).SingleAsync()));
        var anonymous = app.Anonymous();

        // Reading the link, by the API or the page a previewer would fetch, records nothing.
        var view = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/followups/{token}");
        Assert.Equal("case", view.GetProperty("source").GetString());
        Assert.True(view.GetProperty("asksSolved").GetBoolean());
        Assert.False(view.GetProperty("answered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/rate/{token}?stars=5")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.ItemId == closed && f.AnsweredAt != null)));

        // Bad input names its field and stores nothing.
        Assert.True((await ErrorsAsync(await anonymous.PostAsJsonAsync($"/api/v1/followups/{token}", new { stars = 6, solved = true }))).TryGetProperty("stars", out _));
        Assert.True((await ErrorsAsync(await anonymous.PostAsJsonAsync($"/api/v1/followups/{token}", new { stars = 5 }))).TryGetProperty("solved", out _));
        Assert.True((await ErrorsAsync(await anonymous.PostAsJsonAsync($"/api/v1/followups/{token}", new { stars = 5, solved = true, comment = new string('x', 501) }))).TryGetProperty("comment", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/v1/followups/{token[..^1]}A", new { stars = 5, solved = true })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.FollowUps.AnyAsync(f => f.ItemId == closed && f.AnsweredAt != null)));

        var rated = await anonymous.PostAsJsonAsync($"/api/v1/followups/{token}", new { stars = 5, solved = true, comment = "很快修好了" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var again = await anonymous.PostAsJsonAsync($"/api/v1/followups/{token}", new { stars = 1, solved = false });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var followUp = await app.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.Source == FollowUpSource.Case && f.ItemId == closed));
        Assert.Equal((5, "很快修好了"), (followUp.Stars, followUp.Comment));
        var @case = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == closed));
        Assert.Equal((5, true), (@case.RatingStars, @case.RatingSolved));

        // Another case's link, opened after 14 days, is refused.
        var late = await ClosedCaseAsync(app, clock.GetUtcNow().AddHours(-1.5));
        await app.SendFollowUpsAsync();
        var lateToken = TokenOf(await app.WithDbAsync(db => db.Outbox.Where(m => m.CaseId == late && m.Purpose == NoticePurpose.FollowUp).Select(m => m.Link!).SingleAsync()));
        clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.PostAsJsonAsync($"/api/v1/followups/{lateToken}", new { stars = 4, solved = true })).StatusCode);
        Assert.True((await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/followups/{lateToken}")).GetProperty("expired").GetBoolean());
        Assert.Null(await app.WithDbAsync(db => db.Cases.Where(c => c.Id == late).Select(c => c.RatedAt).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Visits_and_mediations_get_follow_ups_whose_ratings_count_per_unit_officer_and_in_the_appraisal(DatabaseKind kind)
    {
        var clock = ClockAtChinaHour(10);
        await using var app = await StartAsync(kind, clock);
        var now = clock.GetUtcNow();
        var (police, worker, resident) = (await UserIdAsync(app, "police"), await UserIdAsync(app, "worker"), await UserIdAsync(app, "resident"));
        await LinkHouseholdAsync(await app.SignedInAsync("resident"));
        var visit = await HouseholdVisitAsync(app, police, now.AddHours(-2));
        var mediation = await ConcludedMediationAsync(app, worker, now.AddHours(-2));

        await app.SendFollowUpsAsync();
        await app.SendFollowUpsAsync();

        var visitFollowUp = await app.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.Source == FollowUpSource.Visit && f.ItemId == visit));
        Assert.Equal((police, $"user:{resident}"), (visitFollowUp.OfficerUserId, visitFollowUp.RecipientKey));
        Assert.NotNull(visitFollowUp.DepartmentId);
        var toResident = await app.WithDbAsync(db => db.Outbox.Where(m => m.UserId == resident && m.Purpose == NoticePurpose.FollowUp).ToListAsync());
        var visitMessage = Assert.Single(toResident);
        var mediationFollowUp = await app.WithDbAsync(db => db.FollowUps.SingleAsync(f => f.Source == FollowUpSource.Mediation && f.ItemId == mediation));
        Assert.Equal(worker, mediationFollowUp.OfficerUserId);
        var sms = await app.WithDbAsync(db => db.Outbox.Where(m => m.Recipient.Contains("13800138000") && m.Purpose == NoticePurpose.FollowUp && m.CreatedAt == now).ToListAsync());
        var mediationMessage = Assert.Single(sms);
        Assert.Equal(NotificationChannel.Sms, mediationMessage.Channel);

        var anonymous = app.Anonymous();
        Assert.False((await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/followups/{TokenOf(visitMessage.Link!)}")).GetProperty("asksSolved").GetBoolean());
        (await anonymous.PostAsJsonAsync($"/api/v1/followups/{TokenOf(visitMessage.Link!)}", new { stars = 5 })).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync($"/api/v1/followups/{TokenOf(mediationMessage.Link!)}", new { stars = 2 })).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(1));

        // Public: per unit and area, and follow-ups sent and answered per source.
        var report = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/satisfaction?node={DemoAccounts.CommunityCode}&period=this-month");
        var units = report.GetProperty("units").EnumerateArray().ToList();
        var station = units.Single(u => u.GetProperty("kind").GetString() == "department" && u.GetProperty("code").GetString() == "shiqiaopu-police");
        var office = units.Single(u => u.GetProperty("kind").GetString() == "office" && u.GetProperty("code").GetString() == DemoAccounts.CommunityCode);
        Assert.True(Figures(station).Ratings >= 1);
        Assert.True(Figures(office).Ratings >= 1);
        var sources = report.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.True(sources["visit"].GetProperty("answered").GetInt32() >= 1);
        Assert.True(sources["visit"].GetProperty("sent").GetInt32() >= sources["visit"].GetProperty("answered").GetInt32());
        Assert.True(report.GetProperty("areas").GetArrayLength() > 0);
        Assert.False(report.ToString().Contains("13800138000", StringComparison.Ordinal));

        // Per officer: only with ViewSatisfaction over the area.
        var officers = await (await app.SignedInAsync("street")).GetFromJsonAsync<JsonElement>($"/api/v1/satisfaction/officers?node={DemoAccounts.CommunityCode}&period=this-month");
        var byId = officers.GetProperty("officers").EnumerateArray().ToDictionary(o => o.GetProperty("userId").GetGuid());
        Assert.True(byId[police].GetProperty("ratingsBySource").GetProperty("visit").GetInt32() >= 1);
        Assert.True(byId[worker].GetProperty("ratingsBySource").GetProperty("mediation").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("resident")).GetAsync($"/api/v1/satisfaction/officers?node={DemoAccounts.CommunityCode}")).StatusCode);
        Assert.True((await ErrorsAsync(await anonymous.GetAsync($"/api/v1/satisfaction?node={DemoAccounts.CommunityCode}&period=someday"))).TryGetProperty("period", out _));
        Assert.True((await ErrorsAsync(await anonymous.GetAsync("/api/v1/satisfaction"))).TryGetProperty("node", out _));

        // Officer appraisal shows the follow-up ratings beside the case ratings.
        var appraisal = await (await app.SignedInAsync("street")).GetFromJsonAsync<JsonElement>($"/api/v1/officer-appraisal/officers?node={TreeGenerator.ShiqiaopuCode}");
        var officer = appraisal.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("communityCode").GetString() == DemoAccounts.CommunityCode);
        var fromFollowUps = officer.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "follow-ups");
        Assert.True(fromFollowUps.GetProperty("ratings").GetInt32() >= 1);
        Assert.True(appraisal.GetProperty("definitions").TryGetProperty("follow-ups", out _));
    }

    private static (int Ratings, int Satisfied) Figures(JsonElement unit)
    {
        var f = unit.GetProperty("figures");
        return (f.GetProperty("ratings").GetInt32(), f.GetProperty("satisfied").GetInt32());
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
}
