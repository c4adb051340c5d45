using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Features.People;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Community policing's entries in the matrix, and the half-days and visits their calls need.</summary>
public static class PolicingMatrix
{
    private const string Api = "/api/v1/policing";

    public static MatrixEntry[] Entries =>
    [
        Scoped("GET /api/v1/policing/coverage", Permission.ViewPolicingCoverage, (c, _, t) => c.GetAsync($"{Api}/coverage?node={t.Code}")),
        Scoped("GET /api/v1/policing/compliance", Permission.ViewPolicingCoverage, (c, _, t) => c.GetAsync($"{Api}/compliance?node={t.Code}")),
        Scoped("GET /api/v1/policing/campaign", Permission.ViewPolicingCoverage, (c, _, t) => c.GetAsync($"{Api}/campaign?node={t.Code}")),
        new("GET /api/v1/policing/half-days", Access.RoleOnly, Permission.LogCommunityPolicing, (c, _, _) => c.GetAsync($"{Api}/half-days")),
        Scoped("POST /api/v1/policing/half-days", Permission.LogCommunityPolicing, async (c, w, t) => await c.PostAsJsonAsync($"{Api}/half-days",
            new { communityCode = (await w.CommunityForAsync(t)).Code, date = Yesterday(), period = "afternoon" })),
        Scoped("GET /api/v1/policing/half-days/{id:int}", Permission.ViewPolicingCoverage, async (c, w, t) => await c.GetAsync($"{Api}/half-days/{await w.OthersHalfDayAsync(t)}")),
        Scoped("POST /api/v1/policing/half-days/{id:int}/patrols", Permission.LogCommunityPolicing, (c, w, t) => OnOwnHalfDayAsync(c, w, t, id =>
            c.PostAsJsonAsync($"{Api}/half-days/{id}/patrols", new { route = Route, minutes = 45 }))),
        Scoped("POST /api/v1/policing/half-days/{id:int}/visits", Permission.LogCommunityPolicing, (c, w, t) => OnOwnHalfDayAsync(c, w, t, async id =>
            await c.PostAsJsonAsync($"{Api}/half-days/{id}/visits", new { kind = "household", unitCode = await w.UnitInAsync(t), topic = "防诈宣传" }))),
        Scoped("POST /api/v1/policing/half-days/{id:int}/checks", Permission.LogCommunityPolicing, (c, w, t) => OnOwnHalfDayAsync(c, w, t, id =>
            c.PostAsJsonAsync($"{Api}/half-days/{id}/checks", new { facility = "fireExtinguisher", status = "ok" }))),
        Scoped("POST /api/v1/policing/visits/{id:int}/case", Permission.LogCommunityPolicing, (c, w, t) => OnOwnHalfDayAsync(c, w, t, async id =>
        {
            var visit = await c.PostAsJsonAsync($"{Api}/half-days/{id}/visits", new { kind = "household", unitCode = await w.UnitInAsync(t), topic = "走访", concern = "楼道堆物" });
            var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            return await c.PostAsJsonAsync($"{Api}/visits/{visitId}/case", new { category = "noise" });
        })),
    ];

    public static readonly object Route = new { type = "LineString", coordinates = new[] { new[] { 106.50, 29.53 }, new[] { 106.505, 29.532 } } };

    private static DateOnly Yesterday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ChinaCalendar.Offset).DateTime).AddDays(-1);

    private static MatrixEntry Scoped(string endpoint, Permission permission, Call call) => new(endpoint, Access.Scoped, permission, call);

    /// <summary>
    /// Runs <paramref name="then"/> on the caller's half-day this morning in the target's community (logged first when
    /// there is none); a refusal to log it is the answer.
    /// </summary>
    private static async Task<HttpResponseMessage> OnOwnHalfDayAsync(HttpClient client, MatrixWorld world, Place target, Func<int, Task<HttpResponseMessage>> then)
    {
        var community = (await world.CommunityForAsync(target)).Code;
        var mine = await client.GetAsync($"{Api}/half-days");
        if (mine.IsSuccessStatusCode &&
            (await mine.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().FirstOrDefault(h => h.GetProperty("communityCode").GetString() == community) is { ValueKind: JsonValueKind.Object } found)
        {
            return await then(found.GetProperty("id").GetInt32());
        }

        var logged = await client.PostAsJsonAsync($"{Api}/half-days", new { communityCode = community, date = Yesterday(), period = "morning" });
        return logged.IsSuccessStatusCode ? await then((await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()) : logged;
    }

    /// <summary>A half-day logged yesterday by a new officer of the target's community.</summary>
    private static async Task<int> OthersHalfDayAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var officer = new LinliUser { UserName = $"m-officer-{world.Next()}", DisplayName = "民警", Kind = AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(officer);
            await db.SaveChangesAsync();
            var halfDay = new PolicingHalfDay
            {
                OfficerUserId = officer.Id, CommunityNodeId = community.Id, CommunityPath = community.Path, Date = Yesterday(), Period = HalfDayPeriod.Morning, LoggedAt = DateTimeOffset.UtcNow,
            };
            db.PolicingHalfDays.Add(halfDay);
            await db.SaveChangesAsync();
            return halfDay.Id;
        });
    }

    private static async Task<string> UnitInAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        return await world.App.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
    }
}
