using Linli.Web.Data;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.OfficerAppraisal;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// A few mediations in 石桥铺社区 — a noise dispute under way with a volunteer mediator of 和事佬调解队, a water leak
/// reconciled five weeks ago whose follow-up is due, a parking dispute whose agreement held, a pet conflict defused
/// before it became a dispute, and a boundary dispute referred elsewhere in the street — and this year's open vote for
/// the district's top community officers.
/// </summary>
public static class DemoMediation
{
    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var community = await db.Nodes.Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path, n.ParentId }).SingleAsync(cancellationToken);
        var units = await db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code).Select(n => n.Id).Take(10).ToListAsync(cancellationToken);
        var neighbour = await db.Nodes.Where(n => n.Kind == NodeKind.Community && n.ParentId == community.ParentId && n.Id != community.Id).OrderBy(n => n.Code)
            .Select(n => new { n.Id, n.Path }).FirstAsync(cancellationToken);
        var neighbourUnits = await db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(neighbour.Path)).OrderBy(n => n.Code).Select(n => n.Id).Take(2).ToListAsync(cancellationToken);
        var worker = await UserAsync(db, "worker", cancellationToken);
        var police = await UserAsync(db, "police", cancellationToken);
        var volunteer = await db.VolunteerAssociations.Where(a => a.Name == DemoVolunteers.MediationName).Select(a => a.LeaderUserId).FirstOrDefaultAsync(cancellationToken);

        MediationMediator Mediator(Guid id, MediatorCapacity capacity, int daysAgo) => new() { UserId = id, Capacity = capacity, NamedAt = now.AddDays(-daysAgo) };
        MediationParty Party(int unit, string? name = null, string? phone = null) => new() { UnitNodeId = unit, ContactName = name, ContactPhone = phone };

        var noise = new MediationCase
        {
            Type = MediationType.Dispute, Kind = DisputeKind.Noise, NodeId = community.Id, NodePath = community.Path, OpenedAt = now.AddDays(-6), OpenedByUserId = worker,
            Summary = "楼上住户夜间装修和跳绳，楼下住户多次敲门未果，双方发生口角。",
            Parties = [Party(units[0], "孙先生", "+8613800138101"), Party(units[1], "钱女士", "+8613800138102")],
            Mediators = [Mediator(worker, MediatorCapacity.CommunityWorker, 6)],
            Sessions = [new() { HeldAt = now.AddDays(-3), Place = "社区调解室", Notes = "双方陈述。约定晚十点后不跳绳，装修限工作日白天。两周后再约。", AttendedPartyIds = [], RecordedAt = now.AddDays(-3) }],
        };
        if (volunteer is { } v)
        {
            noise.Mediators.Add(Mediator(v, MediatorCapacity.Volunteer, 5));
        }

        var leak = new MediationCase
        {
            Type = MediationType.Dispute, Kind = DisputeKind.WaterLeak, NodeId = community.Id, NodePath = community.Path, OpenedAt = now.AddDays(-45), OpenedByUserId = worker,
            Summary = "楼上卫生间渗水到楼下天花板，维修费用分担有争议。",
            Parties = [Party(units[2], "李先生"), Party(units[3], "周女士", "+8613800138104")],
            Mediators = [Mediator(worker, MediatorCapacity.CommunityWorker, 45), Mediator(police, MediatorCapacity.Officer, 44)],
            Sessions = [new() { HeldAt = now.AddDays(-38), Place = "3号楼", Notes = "现场查看渗水点，物业确认为防水层老化。", AttendedPartyIds = [], RecordedAt = now.AddDays(-38) }],
            Outcome = MediationOutcome.Reconciled, OutcomeAt = now.AddDays(-35), FollowUpDueAt = now.AddDays(-5),
            AgreementText = "楼上住户一周内重做防水，楼下天花板修补费用双方各承担一半。",
        };
        var parking = new MediationCase
        {
            Type = MediationType.Dispute, Kind = DisputeKind.Parking, NodeId = community.Id, NodePath = community.Path, OpenedAt = now.AddDays(-80), OpenedByUserId = worker,
            Summary = "固定车位被邻居长期占用。", Parties = [Party(units[4]), Party(units[5])],
            Mediators = [Mediator(worker, MediatorCapacity.CommunityWorker, 80)],
            Outcome = MediationOutcome.Reconciled, OutcomeAt = now.AddDays(-70), FollowUpDueAt = now.AddDays(-40), FollowUp = FollowUpResult.Held, FollowUpAt = now.AddDays(-39),
            AgreementText = "占用方另租车位，不再占用。", FollowUpNote = "回访：未再占用。",
        };
        var pets = new MediationCase
        {
            Type = MediationType.PotentialConflict, Kind = DisputeKind.Pets, NodeId = community.Id, NodePath = community.Path, OpenedAt = now.AddDays(-10), OpenedByUserId = police,
            Summary = "楼道犬只未拴绳，邻居投诉前经提醒化解。", Parties = [Party(units[6]), Party(units[7])],
            Mediators = [Mediator(police, MediatorCapacity.Officer, 10)],
            Outcome = MediationOutcome.Reconciled, OutcomeAt = now.AddDays(-10), FollowUpDueAt = now.AddDays(20),
        };
        var boundary = new MediationCase
        {
            Type = MediationType.Dispute, Kind = DisputeKind.PropertyBoundary, NodeId = neighbour.Id, NodePath = neighbour.Path, OpenedAt = now.AddDays(-20), OpenedByUserId = worker,
            Summary = "底楼住户圈占公共绿地，涉及产权，需要专业部门认定。", Parties = [Party(neighbourUnits[0]), Party(neighbourUnits[1])],
            Mediators = [Mediator(worker, MediatorCapacity.CommunityWorker, 20)],
            Outcome = MediationOutcome.Referred, OutcomeAt = now.AddDays(-12),
        };
        db.Mediations.AddRange(noise, leak, parking, pets, boundary);
        await db.SaveChangesAsync(cancellationToken);
        noise.Sessions[0].AttendedPartyIds = [.. noise.Parties.Select(p => p.Id)];
        leak.Sessions[0].AttendedPartyIds = [.. leak.Parties.Select(p => p.Id)];
        await db.SaveChangesAsync(cancellationToken);

        await OpenOfficerVoteAsync(db, community.ParentId!.Value, now, cancellationToken);
    }

    /// <summary>This year's vote for the district's top community officers, open for another 60 days.</summary>
    private static async Task OpenOfficerVoteAsync(LinliDb db, int streetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var district = await db.Nodes.Where(n => n.Id == db.Nodes.Where(s => s.Id == streetId).Select(s => s.ParentId).Single()).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var officers = await db.RoleAssignments.Where(a => a.Role == StaffRole.CommunityPolice && a.Node != null && a.Node.Kind == NodeKind.Community && a.Node.Path.StartsWith(district.Path))
            .OrderBy(a => a.Node!.Code).Select(a => new { a.UserId, Community = a.NodeId!.Value }).ToListAsync(cancellationToken);
        db.OfficerVotes.Add(new OfficerVote
        {
            NodeId = district.Id, NodePath = district.Path, Year = ChinaCalendar.DayOf(now).Year, OpenedAt = now.AddDays(-7), ClosesAt = now.AddDays(60),
            Candidates = [.. officers.DistinctBy(o => o.UserId).Select(o => new OfficerVoteCandidate { OfficerUserId = o.UserId, CommunityNodeId = o.Community })],
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Task<Guid> UserAsync(LinliDb db, string login, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync(cancellationToken);
}
