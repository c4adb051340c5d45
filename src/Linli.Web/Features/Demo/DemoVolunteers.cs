using System.Security.Cryptography;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Demo;

/// <summary>
/// Volunteer associations of the demo street: a "Shiqiaopu Aunties" patrol and a mediation team in the first
/// community with members, shifts (a patrol tomorrow with its route) and approved hours; a few more elsewhere, so every
/// community is below the city target of 15 except one whose own target is 3.
/// </summary>
public static class DemoVolunteers
{
    public const string PatrolName = "石桥铺大妈巡逻队";
    public const string MediationName = "和事佬调解队";

    /// <summary>The community whose own target (3) its three associations meet.</summary>
    public const string OnTargetCommunityCode = TreeGenerator.ShiqiaopuCode + "003";

    private sealed record Plan(string Name, AssociationType Type, AssociationStatus Status, string? Motto);

    private static readonly Plan[] FirstCommunity =
    [
        new(PatrolName, AssociationType.Patrol, AssociationStatus.Active, "邻里守望，平安相伴"),
        new(MediationName, AssociationType.Mediation, AssociationStatus.Active, "有事好商量"),
        new("夕阳红助老服务队", AssociationType.ElderlyCare, AssociationStatus.Active, "老吾老以及人之老"),
        new("绿色家园环保队", AssociationType.Environment, AssociationStatus.Active, null),
        new("平安信息员队", AssociationType.SafetyInformation, AssociationStatus.Active, "一条线索，一份平安"),
        new("邻里文艺队", AssociationType.Culture, AssociationStatus.Dormant, null),
    ];

    private static readonly Plan[] Elsewhere =
    [
        new("社区巡逻队", AssociationType.Patrol, AssociationStatus.Active, null),
        new("邻里调解队", AssociationType.Mediation, AssociationStatus.Active, null),
        new("助老志愿队", AssociationType.ElderlyCare, AssociationStatus.Active, null),
    ];

    public static async Task CreateForStreetAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var communities = await db.Nodes.Where(n => n.Kind == Tree.NodeKind.Community && n.Path.Contains("/" + TreeGenerator.ShiqiaopuCode + "/"))
            .OrderBy(n => n.Code).Select(n => new { n.Id, n.Code, n.Path, n.Geometry }).ToListAsync(cancellationToken);
        var residents = await db.Users.Where(u => u.UserName!.StartsWith("resident-")).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(cancellationToken);

        var first = communities[0];
        var created = FirstCommunity.Select(p => New(p, first.Id, first.Path, now)).ToList();
        foreach (var community in communities.Skip(1).Take(3))
        {
            created.AddRange(Elsewhere.Select(p => New(p, community.Id, community.Path, now)));
        }

        db.VolunteerAssociations.AddRange(created);
        db.VolunteerTargets.Add(new CommunityVolunteerTarget { CommunityNodeId = communities.Single(c => c.Code == OnTargetCommunityCode).Id, MinimumAssociations = 3, SetAt = now });
        await db.SaveChangesAsync(cancellationToken);

        var patrol = created[0];
        var mediation = created[1];
        await JoinAsync(db, patrol, residents.Take(8), now, cancellationToken);
        await JoinAsync(db, mediation, residents.Skip(4).Take(5), now, cancellationToken);
        patrol.LeaderUserId = residents[0];
        mediation.LeaderUserId = residents[4];

        var today = now.ToOffset(ChinaCalendar.Offset).Date;
        var tomorrowEvening = new DateTimeOffset(today.AddDays(1).AddHours(19), ChinaCalendar.Offset).ToUniversalTime();
        var lastWeek = new DateTimeOffset(today.AddDays(-7).AddHours(9), ChinaCalendar.Offset).ToUniversalTime();
        var route = Route(first.Geometry);
        var past = Activity(patrol.Id, ActivityKind.Patrol, "周末巡逻", "社区主干道", lastWeek, lastWeek.AddHours(3), 8, route);
        db.VolunteerActivities.AddRange(
            past,
            Activity(patrol.Id, ActivityKind.Patrol, "夜间平安巡逻", "社区东门集合", tomorrowEvening, tomorrowEvening.AddHours(2), 6, route),
            Activity(patrol.Id, ActivityKind.EventDuty, "重阳节活动执勤", "社区广场", tomorrowEvening.AddDays(2), tomorrowEvening.AddDays(2).AddHours(3), 10, null),
            Activity(mediation.Id, ActivityKind.ElderVisit, "走访独居老人", "3号楼", tomorrowEvening.AddDays(1).AddHours(-10), tomorrowEvening.AddDays(1).AddHours(-7), 4, null));
        await db.SaveChangesAsync(cancellationToken);

        // Last week's patrol: five volunteers checked in and out; four had their hours approved, one was declined.
        foreach (var (userId, i) in residents.Take(5).Select((u, i) => (u, i)))
        {
            var checkedIn = past.StartsAt.AddMinutes(i * 5);
            var minutes = 180 - (i * 5);
            db.ShiftSignups.Add(new ShiftSignup
            {
                ActivityId = past.Id,
                UserId = userId,
                SignedUpAt = past.StartsAt.AddDays(-2),
                CheckedInAt = checkedIn,
                CheckedOutAt = checkedIn.AddMinutes(minutes),
                Minutes = minutes,
                Decision = i == 4 ? HoursDecision.Declined : HoursDecision.Approved,
                DeclineReason = i == 4 ? "未按路线巡逻" : null,
                DecidedAt = past.EndsAt.AddHours(1),
                DecidedByUserId = residents[0],
            });
        }

        past.SignedUp = 5;
        db.VolunteerNominations.Add(new VolunteerNomination
        {
            CommunityNodeId = first.Id, Year = ChinaCalendar.YearOf(now), NomineeUserId = residents[0], NominatedByUserId = residents[9],
            Reason = "每周带队巡逻，风雨无阻。", NominatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static VolunteerAssociation New(Plan p, int communityId, string path, DateTimeOffset now) => new()
    {
        CommunityNodeId = communityId, CommunityPath = path, Name = p.Name, Type = p.Type, Status = p.Status, Motto = p.Motto, CreatedAt = now,
    };

    private static async Task JoinAsync(LinliDb db, VolunteerAssociation association, IEnumerable<Guid> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var userId in users)
        {
            var consent = new ConsentRecord { UserId = userId, Purpose = Consents.Volunteering, TextVersion = Consents.VolunteeringText.Version, GivenAt = now };
            db.Consents.Add(consent);
            await db.SaveChangesAsync(cancellationToken);
            db.VolunteerMemberships.Add(new VolunteerMembership { AssociationId = association.Id, UserId = userId, ConsentId = consent.Id, JoinedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static VolunteerActivity Activity(int associationId, ActivityKind kind, string title, string place, DateTimeOffset starts, DateTimeOffset ends, int capacity, string? route) => new()
    {
        AssociationId = associationId, Kind = kind, Title = title, Place = place, StartsAt = starts, EndsAt = ends, Capacity = capacity,
        RouteGeoJson = kind == ActivityKind.Patrol ? route : null,
        CheckInCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        CreatedAt = starts.AddDays(-3),
    };

    /// <summary>A loop through the middle of the community, as a GeoJSON LineString.</summary>
    private static string Route(Geometry? community)
    {
        var centre = community?.InteriorPoint.Coordinate ?? new Coordinate(106.505, 29.53);
        var e = community?.EnvelopeInternal;
        var (dx, dy) = e is null ? (0.001, 0.001) : (e.Width * 0.2, e.Height * 0.2);
        var points = new[] { (-dx, -dy), (dx, -dy), (dx, dy), (-dx, dy), (-dx, -dy) }
            .Select(p => FormattableString.Invariant($"[{Math.Round(centre.X + p.Item1, 6)},{Math.Round(centre.Y + p.Item2, 6)}]"));
        return $$"""{"type":"LineString","coordinates":[{{string.Join(",", points)}}]}""";
    }
}
