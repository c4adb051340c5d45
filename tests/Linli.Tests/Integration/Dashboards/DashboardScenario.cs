using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.Dashboards;

/// <summary>
/// Cases filed through the API on a fake clock in the demo street, so March 2025 has a known month before and year before:
/// <list type="table">
/// <item>5 March 2024: two water leaks in 石桥铺社区 (community 1).</item>
/// <item>5 February 2025: a water leak and a parking case in community 1.</item>
/// <item>3 March 2025: four water leaks and a fraud attempt (sensitive) in community 1, two of the leaks accepted in time; a parking case in community 2.</item>
/// </list>
/// Beside them, written directly: in community 1 two hazards found in March (one eliminated), one dismissed; a dispute
/// opened and reconciled in March. The clock then stands at 20 March 2025, 09:00 China time.
/// </summary>
public static class DashboardScenario
{
    public static readonly DateTimeOffset LastYear = new(2024, 3, 5, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LastMonth = new(2025, 2, 5, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2025, 3, 20, 1, 0, 0, TimeSpan.Zero);

    public const string March = "period=custom&from=2025-03-01&until=2025-03-31";
    public const string Community2 = TreeGenerator.ShiqiaopuCode + "002";

    /// <summary>Police and administrator roles count without a second factor here, so the police refusal is about the role, not the sign-in.</summary>
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    public static async Task<LinliApp> StartAsync(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(LastYear);
        var app = await LinliApp.StartAsync(kind, Waiver, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            await PlayAsync(app, clock);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task PlayAsync(LinliApp app, FakeTimeProvider clock)
    {
        var resident = app.Anonymous();
        var inCommunity2 = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Building && n.Path.Contains("/" + Community2 + "/"))
            .OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());

        await resident.FileAsync(await app.ReportAsync("water-leak"));
        await resident.FileAsync(await app.ReportAsync("water-leak"));

        clock.SetUtcNow(LastMonth);
        await resident.FileAsync(await app.ReportAsync("water-leak"));
        await resident.FileAsync(await app.ReportAsync("parking"));

        clock.SetUtcNow(T0);
        var leaks = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            leaks.Add((await resident.FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64());
        }

        await resident.FileAsync(await app.ReportAsync("fraud-attempt"));
        await resident.FileAsync(await app.ReportAsync("parking", at: inCommunity2));

        clock.SetUtcNow(T0.AddHours(1));
        var handler = await app.SignedInAsync("handler");
        await handler.ActAsync(leaks[0], "accept");
        await handler.ActAsync(leaks[1], "accept");

        await app.WithDbAsync(async db =>
        {
            var grid = await db.Nodes.Where(n => n.Code == DemoAccounts.GridCode).Select(n => new { n.Id, n.Path }).SingleAsync();
            var community = await db.Nodes.Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path }).SingleAsync();
            Hazard Hazard(HazardState state, DateTimeOffset? eliminated) => new()
            {
                Kind = HazardKind.Fire, Description = "楼道堆放杂物 Clutter in the stairwell", NodeId = grid.Id, NodePath = grid.Path, Source = HazardSource.Chief,
                FoundAt = T0.AddDays(2), Deadline = T0.AddDays(4), State = state, EliminatedAt = eliminated,
            };
            db.Hazards.AddRange(Hazard(HazardState.Found, null), Hazard(HazardState.Eliminated, T0.AddDays(7)), Hazard(HazardState.Dismissed, null));
            db.Mediations.Add(new MediationCase
            {
                Type = MediationType.Dispute, Kind = DisputeKind.Noise, NodeId = community.Id, NodePath = community.Path, Summary = "夜间噪音 Noise at night",
                OpenedAt = T0.AddDays(1), Outcome = MediationOutcome.Reconciled, OutcomeAt = T0.AddDays(8),
            });
            return await db.SaveChangesAsync();
        });

        clock.SetUtcNow(Now);
    }
}
