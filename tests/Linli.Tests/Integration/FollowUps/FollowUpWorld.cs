using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Demo;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.People;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.FollowUps;

/// <summary>Closed cases, visits and mediations written straight to the database, and one run of the follow-up job.</summary>
public static class FollowUpWorld
{
    public static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    /// <summary>A fake clock at the next <paramref name="hour"/>:00 China time (ahead of the real time, so cookies stay valid).</summary>
    public static FakeTimeProvider ClockAtChinaHour(int hour)
    {
        var now = TestClock.StartingNow().GetUtcNow();
        var local = now.ToOffset(ChinaCalendar.Offset);
        var at = new DateTimeOffset(local.Year, local.Month, local.Day, hour, 0, 0, ChinaCalendar.Offset);
        return new FakeTimeProvider((at <= local ? at.AddDays(1) : at).ToUniversalTime());
    }

    public static Task<LinliApp> StartAsync(DatabaseKind kind, FakeTimeProvider clock) =>
        LinliApp.StartAsync(kind, Waiver, services: s => s.AddSingleton<TimeProvider>(clock));

    public static async Task<int> SendFollowUpsAsync(this LinliApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpSender>().SendDueAsync();
    }

    public static Task<Guid> UserIdAsync(LinliApp app, string login) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    public static Task<long> ClosedCaseAsync(LinliApp app, DateTimeOffset closedAt, string category = "noise", Guid? handler = null) => app.WithDbAsync(async db =>
    {
        var grid = await db.Nodes.Where(n => n.Code == DemoAccounts.GridCode).Select(n => new { n.Id, n.Path }).SingleAsync();
        var categoryId = await db.CaseCategories.Where(c => c.Code == category).Select(c => c.Id).SingleAsync();
        var reported = closedAt.AddDays(-1);
        var @case = new Case
        {
            Receipt = ReceiptCodes.New(), CategoryId = categoryId, Description = "跟进测试", GridNodeId = grid.Id, GridPath = grid.Path, Latitude = 29.53, Longitude = 106.505,
            State = CaseState.Closed, ReportedAt = reported, RespondBy = reported.AddDays(1), ResolveBy = reported.AddDays(7), AssignedRole = StaffRole.CommunityWorker,
            AssignedNodeId = grid.Id, HandlerUserId = handler, ReporterName = "居民", ReporterEmail = $"r{Guid.NewGuid():N}@example.org", ClosedAt = closedAt, ResolvedAt = closedAt,
        };
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case.Id;
    });

    public static Task<int> HouseholdVisitAsync(LinliApp app, Guid officer, DateTimeOffset at) => app.WithDbAsync(async db =>
    {
        var community = await db.Nodes.Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path }).SingleAsync();
        var unit = await db.Nodes.Where(n => n.Code == DemoAccounts.UnitCode).Select(n => n.Id).SingleAsync();
        var halfDay = new PolicingHalfDay
        {
            OfficerUserId = officer, CommunityNodeId = community.Id, CommunityPath = community.Path, Date = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(3000)),
            Period = HalfDayPeriod.Morning, LoggedAt = at,
            Visits = [new PolicingVisit { Kind = VisitKind.Household, UnitNodeId = unit, Topic = "防诈宣传", CreatedAt = at }],
        };
        db.PolicingHalfDays.Add(halfDay);
        await db.SaveChangesAsync();
        return halfDay.Visits[0].Id;
    });

    public static Task<int> ConcludedMediationAsync(LinliApp app, Guid mediator, DateTimeOffset at) => app.WithDbAsync(async db =>
    {
        var community = await db.Nodes.Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path }).SingleAsync();
        var unit = await db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code).Select(n => n.Id).FirstAsync();
        var mediation = new MediationCase
        {
            Kind = DisputeKind.Noise, NodeId = community.Id, NodePath = community.Path, Summary = "楼上噪音", OpenedAt = at.AddDays(-3),
            Outcome = MediationOutcome.Reconciled, OutcomeAt = at,
            Parties = [new MediationParty { UnitNodeId = unit, ContactName = "王", ContactPhone = "13800138000" }, new MediationParty { UnitNodeId = unit, ContactName = "李" }],
            Mediators = [new MediationMediator { UserId = mediator, Capacity = MediatorCapacity.CommunityWorker, NamedAt = at.AddDays(-3) }],
        };
        db.Mediations.Add(mediation);
        await db.SaveChangesAsync();
        return mediation.Id;
    });

    /// <summary>Links the signed-in resident's household to the demo unit, with consent.</summary>
    public static async Task LinkHouseholdAsync(HttpClient resident) =>
        (await resident.PutAsJsonAsync("/api/v1/me/household", new { unitCode = DemoAccounts.UnitCode, consentVersion = Consents.HouseholdLinkText.Version })).EnsureSuccessStatusCode();

    /// <summary>The token in a follow-up message's link.</summary>
    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];
}
