using System.Net.Http.Json;
using Linli.Web.Features.Hazards;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The hazard register's entries in the matrix, and the hazards their calls act on.</summary>
public static class HazardMatrix
{
    private const string Hazards = "/api/v1/hazards";

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/hazards/stats", Access.Public, null, (c, _, t) => c.GetAsync($"{Hazards}/stats?node={t.Code}&period=year")),
        new("GET /api/v1/hazards/", Access.RoleOnly, Permission.ReportHazards, (c, _, _) => c.GetAsync(Hazards)),
        Expect(new("POST /api/v1/hazards/", Access.Scoped, Permission.ReportHazards,
            (c, _, t) => c.PostAsJsonAsync(Hazards, new { kind = "fire", description = "楼道堆放杂物 Clutter in the stairwell", nodeCode = t.Code })), 201),
        Expect(new("POST /api/v1/hazards/reports", Access.SignedIn, null,
            (c, _, t) => c.PostAsJsonAsync($"{Hazards}/reports", new { kind = "electrical", description = "飞线充电 Charging by a flying lead", nodeCode = t.Code })), 201),
        new("GET /api/v1/hazards/{number:long}", Access.Scoped, Permission.ReportHazards,
            async (c, w, t) => await c.GetAsync($"{Hazards}/{await w.HazardAtAsync(t, HazardState.Found)}")),
        new("GET /api/v1/hazards/{number:long}/photos/{photoId:long}", Access.Scoped, Permission.ReportHazards, async (c, w, t) =>
        {
            var number = await w.HazardAtAsync(t, HazardState.Found);
            var photo = await w.App.WithDbAsync(db => Task.FromResult(db.HazardPhotos.Where(p => p.HazardId == number).Select(p => p.Id).Single()));
            return await c.GetAsync($"{Hazards}/{number}/photos/{photo}");
        }),
        new("POST /api/v1/hazards/{number:long}/assign", Access.Scoped, Permission.ManageHazards,
            async (c, w, t) => await c.PostAsJsonAsync($"{Hazards}/{await w.HazardAtAsync(t, HazardState.Found)}/assign", new { responsibleParty = "物业公司 The property company" })),
        new("POST /api/v1/hazards/{number:long}/rectification", Access.Scoped, Permission.ManageHazards,
            async (c, w, t) => await c.PostAsJsonAsync($"{Hazards}/{await w.HazardAtAsync(t, HazardState.Assigned)}/rectification", new { note = "已清理 Cleared" })),
        new("POST /api/v1/hazards/{number:long}/reinspection", Access.Scoped, Permission.ManageHazards,
            async (c, w, t) => await c.PostAsJsonAsync($"{Hazards}/{await w.HazardAtAsync(t, HazardState.Rectified)}/reinspection", new { passed = true })),
        new("POST /api/v1/hazards/{number:long}/dismiss", Access.Scoped, Permission.ManageHazards,
            async (c, w, t) => await c.PostAsJsonAsync($"{Hazards}/{await w.HazardAtAsync(t, HazardState.Found)}/dismiss", new { note = "不是隐患 Not a hazard" })),
    ];

    /// <summary>A hazard at the place in the given state, with one photo.</summary>
    public static async Task<long> HazardAtAsync(this MatrixWorld world, Place place, HazardState state) => await world.App.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var hazard = new Hazard
        {
            Kind = HazardKind.Fire, Description = "矩阵 matrix", NodeId = place.Id, NodePath = place.Path, Source = HazardSource.Officer,
            FoundAt = now, Deadline = now.AddDays(10), State = state, ResponsibleParty = state == HazardState.Found ? null : "物业",
            Photos = [new HazardPhoto { ContentType = "image/jpeg", Content = Infrastructure.TestImages.Jpeg(4, 4), Width = 4, Height = 4, AddedAt = now }],
        };
        db.Hazards.Add(hazard);
        await db.SaveChangesAsync();
        return hazard.Id;
    });

    private static MatrixEntry Expect(MatrixEntry entry, int status) => entry with
    {
        Call = async (c, w, t) =>
        {
            var response = await entry.Call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        },
    };
}
