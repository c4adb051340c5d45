using System.Security.Cryptography;
using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Volunteers;

/// <summary>Shifts an association plans, and the attendance list its managers read (audited).</summary>
public sealed class Activities(LinliDb db, VolunteerAccess access, Associations associations, AuditLog audit, TimeProvider clock)
{
    private const int MaxCapacity = 500;

    public async Task<int> CreateAsync(int associationId, ActivityRequest r, CancellationToken cancellationToken)
    {
        var association = await associations.FindAsync(associationId, cancellationToken);
        await access.RequireManageAsync(association.LeaderUserId, association.CommunityPath, cancellationToken);
        if (association.Status != AssociationStatus.Active)
        {
            throw new DomainRuleException("association", "a dormant or dissolved association plans no shifts", StatusCodes.Status409Conflict);
        }

        var kind = VolunteerRules.Enum<ActivityKind>("kind", r.Kind, required: true);
        var title = VolunteerRules.Text("title", r.Title, 100, required: true)!;
        var place = VolunteerRules.Text("place", r.Place, 200, required: false);
        if (r.StartsAt is not { } starts)
        {
            throw new DomainRuleException("startsAt", "startsAt is required");
        }

        if (r.EndsAt is not { } ends || ends <= starts || ends - starts > TimeSpan.FromHours(24))
        {
            throw new DomainRuleException("endsAt", "endsAt is required, after startsAt and at most 24 hours later");
        }

        if (r.Capacity is not (>= 1 and <= MaxCapacity))
        {
            throw new DomainRuleException("capacity", $"capacity is a number of volunteers from 1 to {MaxCapacity}");
        }

        var activity = new VolunteerActivity
        {
            AssociationId = associationId,
            Kind = kind,
            Title = title,
            Place = place,
            StartsAt = starts.ToUniversalTime(),
            EndsAt = ends.ToUniversalTime(),
            Capacity = r.Capacity.Value,
            RouteGeoJson = ReadRoute(r.Route, kind),
            CheckInCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CreatedAt = clock.GetUtcNow(),
        };
        db.VolunteerActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }

    public async Task<ActivityDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var a = await db.VolunteerActivities.AsNoTracking().Where(x => x.Id == id)
            .Join(db.VolunteerAssociations, x => x.AssociationId, s => s.Id, (x, s) => new { x, s.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return a is null
            ? null
            : new ActivityDetail(a.x.Id, a.x.AssociationId, a.Name, a.x.Kind.ToString(), a.x.Title, a.x.Place, a.x.StartsAt, a.x.EndsAt, a.x.Capacity, a.x.SignedUp,
                a.x.RouteGeoJson is null ? null : JsonDocument.Parse(a.x.RouteGeoJson).RootElement.Clone());
    }

    /// <summary>The activity and its association, for a manager; 403 for anyone else.</summary>
    public async Task<(VolunteerActivity Activity, VolunteerAssociation Association)> ForManagerAsync(int id, CancellationToken cancellationToken)
    {
        var activity = await db.VolunteerActivities.FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no volunteer activity #{id}", StatusCodes.Status404NotFound);
        var association = await associations.FindAsync(activity.AssociationId, cancellationToken);
        await access.RequireManageAsync(association.LeaderUserId, association.CommunityPath, cancellationToken);
        return (activity, association);
    }

    public async Task<List<AttendanceEntry>> AttendanceAsync(int id, CancellationToken cancellationToken)
    {
        var (activity, association) = await ForManagerAsync(id, cancellationToken);
        var rows = await db.ShiftSignups.AsNoTracking().Where(s => s.ActivityId == id)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u.DisplayName })
            .OrderBy(x => x.s.SignedUpAt).ToListAsync(cancellationToken);
        await audit.RecordReadsAsync("volunteer attendance: recording the hours of a shift",
            rows.Where(r => r.s.UserId != access.UserId).Select(r => new AuditedRecord("ShiftSignup", r.s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.s.UserId, association.CommunityPath)),
            cancellationToken);
        return [.. rows.Select(r => new AttendanceEntry(r.s.Id, r.DisplayName, r.s.SignedUpAt, r.s.CheckedInAt, r.s.CheckedOutAt, r.s.Minutes,
            r.s.Decision.ToString(), r.s.DeclineReason, r.s.MarkedByLeader))];
    }

    /// <summary>A patrol's route: a GeoJSON LineString of at least two valid WGS84 positions. Other kinds may leave it out.</summary>
    private static string? ReadRoute(JsonElement? route, ActivityKind kind) =>
        Tree.RouteLines.Read("route", route) ?? (kind == ActivityKind.Patrol ? throw new DomainRuleException("route", "a patrol needs its route: a GeoJSON LineString") : null);
}
