using Linli.Web.Data;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// A dozen hazards across the demo street's first communities in every state: found (one reported by a resident, to
/// verify), being rectified (one overdue), rectified and waiting for re-inspection, reopened after a failed one, and
/// eliminated. Descriptions are of places, never of people.
/// </summary>
public static class DemoHazards
{
    private sealed record Sample(int Community, HazardKind Kind, HazardSeverity Severity, HazardState State, int DaysAgo, string Description, string? Party = null, bool ByResident = false);

    private static readonly Sample[] Samples =
    [
        new(0, HazardKind.Fire, HazardSeverity.Major, HazardState.Assigned, 12, "3号楼消防通道堆放纸箱和旧家具。 Cardboard and old furniture blocking the fire escape of building 3.", "小区物业服务中心 Property service centre"),
        new(0, HazardKind.Electrical, HazardSeverity.General, HazardState.Found, 1, "单元门口电动车飞线充电。 E-bikes charged from a cable run out of a window.", ByResident: true),
        new(0, HazardKind.Building, HazardSeverity.General, HazardState.Rectified, 9, "外墙瓷砖松动，有坠落风险。 Loose facade tiles that could fall.", "业主委员会 Owners' committee"),
        new(0, HazardKind.Traffic, HazardSeverity.General, HazardState.Eliminated, 40, "小区出口缺少减速带和反光镜。 No speed bump or mirror at the estate exit.", "街道城管科 Street city management"),
        new(0, HazardKind.Fire, HazardSeverity.General, HazardState.Reopened, 20, "楼道灭火器过期。 Expired extinguishers in the stairwell.", "小区物业服务中心 Property service centre"),
        new(0, HazardKind.PublicOrder, HazardSeverity.General, HazardState.Found, 2, "地下车库照明损坏，夜间昏暗。 Broken lighting in the underground car park."),
        new(1, HazardKind.Electrical, HazardSeverity.Major, HazardState.Eliminated, 55, "配电箱门锁损坏，线路裸露。 Switchboard door broken, live wiring exposed.", "供电所 Power supply station"),
        new(1, HazardKind.Fire, HazardSeverity.General, HazardState.Assigned, 5, "商铺后门被货物堵塞。 Shop back doors blocked by stock.", "临街商户 Street-front shops"),
        new(1, HazardKind.Building, HazardSeverity.Major, HazardState.Rectified, 15, "老旧围墙出现裂缝。 Cracks in an old boundary wall.", "社区居委会 Residents' committee"),
        new(2, HazardKind.Traffic, HazardSeverity.General, HazardState.Eliminated, 70, "学校门口人行横道标线模糊。 Faded zebra crossing outside the school.", "交警中队 Traffic police squad"),
        new(2, HazardKind.Fire, HazardSeverity.General, HazardState.Assigned, 3, "楼顶平台堆放易燃杂物。 Flammable junk stored on the roof terrace.", "楼栋长协调 Building chief"),
        new(3, HazardKind.PublicOrder, HazardSeverity.General, HazardState.Found, 4, "公园围栏破损，夜间无人看管。 Broken park fence, unattended at night."),
    ];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Path.Contains("/" + TreeGenerator.ShiqiaopuCode + "/"))
            .OrderBy(n => n.Code).Select(n => n.Path).Take(4).ToListAsync(cancellationToken);
        var buildings = new List<(int Id, string Path)>();
        foreach (var community in communities)
        {
            buildings.Add(await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Building && n.Path.StartsWith(community)).OrderBy(n => n.Code)
                .Select(n => new ValueTuple<int, string>(n.Id, n.Path)).FirstAsync(cancellationToken));
        }

        var police = await db.Users.AsNoTracking().Where(u => u.UserName == "police").Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);
        var worker = await db.Users.AsNoTracking().Where(u => u.UserName == "worker").Select(u => new { u.Id, u.DisplayName }).FirstAsync(cancellationToken);
        var defaults = new HazardsOptions();
        foreach (var (sample, i) in Samples.Select((s, i) => (s, i)))
        {
            var (buildingId, path) = buildings[sample.Community];
            var foundAt = now.AddDays(-sample.DaysAgo).AddHours(-i);
            var finder = i % 2 == 0 ? police : worker;
            var hazard = new Hazard
            {
                Kind = sample.Kind, Severity = sample.Severity, Description = sample.Description, NodeId = buildingId, NodePath = path,
                Source = sample.ByResident ? HazardSource.Resident : i % 2 == 0 ? HazardSource.Officer : HazardSource.CommunityWorker,
                FoundByUserId = sample.ByResident ? null : finder.Id, FoundByName = sample.ByResident ? null : finder.DisplayName,
                FoundAt = foundAt, NeedsVerification = sample.ByResident, Deadline = foundAt + defaults.DefaultFor(sample.Severity), State = sample.State,
            };
            hazard.Events.Add(sample.ByResident
                ? new HazardEvent { At = foundAt, Kind = HazardEventKind.Reported, Deadline = hazard.Deadline }
                : new HazardEvent { At = foundAt, Kind = HazardEventKind.Found, ActorUserId = finder.Id, ActorName = finder.DisplayName, Deadline = hazard.Deadline });
            if (sample.State != HazardState.Found)
            {
                hazard.ResponsibleParty = sample.Party;
                hazard.Events.Add(Step(foundAt.AddHours(3), HazardEventKind.Assigned, worker.Id, worker.DisplayName, null, hazard.Deadline));
            }

            if (sample.State is HazardState.Rectified or HazardState.Eliminated or HazardState.Reopened)
            {
                hazard.RectifiedAt = foundAt.AddDays(Math.Max(1, sample.DaysAgo / 3));
                hazard.Events.Add(Step(hazard.RectifiedAt.Value, HazardEventKind.Rectified, worker.Id, worker.DisplayName, "已按要求整改 Rectified as required", null));
            }

            if (sample.State == HazardState.Eliminated)
            {
                hazard.EliminatedAt = hazard.RectifiedAt!.Value.AddDays(1);
                hazard.Events.Add(Step(hazard.EliminatedAt.Value, HazardEventKind.ReinspectionPassed, police.Id, police.DisplayName, "复查合格 Passed", null));
            }

            if (sample.State == HazardState.Reopened)
            {
                var failedAt = hazard.RectifiedAt!.Value.AddDays(1);
                hazard.RectifiedAt = null;
                hazard.FailedReinspections = 1;
                hazard.Deadline = failedAt + defaults.DefaultFor(sample.Severity);
                hazard.Events.Add(Step(failedAt, HazardEventKind.ReinspectionFailed, police.Id, police.DisplayName, "仍有两具灭火器未更换 Two extinguishers not yet replaced", hazard.Deadline));
            }

            db.Hazards.Add(hazard);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static HazardEvent Step(DateTimeOffset at, HazardEventKind kind, Guid actor, string? name, string? note, DateTimeOffset? deadline) =>
        new() { At = at, Kind = kind, ActorUserId = actor, ActorName = name, Note = note, Deadline = deadline };
}
