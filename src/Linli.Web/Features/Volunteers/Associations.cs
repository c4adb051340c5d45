using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Volunteers;

/// <summary>Associations of a community: the public list and page, and what staff and leaders change.</summary>
public sealed class Associations(LinliDb db, VolunteerAccess access, PhotoProcessor photos, TimeProvider clock)
{
    public async Task<List<AssociationSummary>> ListAsync(string? communityCode, CancellationToken cancellationToken)
    {
        var community = await VolunteerPlaces.CommunityAsync(db, communityCode, "community", cancellationToken);
        return await db.VolunteerAssociations.AsNoTracking().Where(a => a.CommunityNodeId == community.Id)
            .OrderBy(a => a.Status).ThenBy(a => a.Name)
            .Select(a => new AssociationSummary(a.Id, a.Name, a.Type.ToString(), a.Status.ToString(), a.Motto, a.Logo != null,
                db.VolunteerMemberships.Count(m => m.AssociationId == a.Id), community.Code, community.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<AssociationDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var a = await db.VolunteerAssociations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Name, a.Type, a.Status, a.Motto, HasLogo = a.Logo != null, a.CommunityNodeId,
                Members = db.VolunteerMemberships.Count(m => m.AssociationId == a.Id),
                Leader = db.Users.Where(u => u.Id == a.LeaderUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var community = await db.Nodes.AsNoTracking().Where(n => n.Id == a.CommunityNodeId).Select(n => new { n.Code, n.Name }).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        var activities = await db.VolunteerActivities.AsNoTracking().Where(x => x.AssociationId == id && x.EndsAt >= since)
            .OrderBy(x => x.StartsAt).Take(50)
            .Select(x => new ActivitySummary(x.Id, x.Kind.ToString(), x.Title, x.Place, x.StartsAt, x.EndsAt, x.Capacity, x.SignedUp))
            .ToListAsync(cancellationToken);
        return new AssociationDetail(a.Id, a.Name, a.Type.ToString(), a.Status.ToString(), a.Motto, a.HasLogo, a.Members, community.Code, community.Name,
            a.Leader, activities, await ReportsPerMonthAsync(id, now, cancellationToken));
    }

    /// <summary>Cases volunteers filed for the association in each of the last 12 months (China time). Counts only.</summary>
    public async Task<List<MonthCount>> ReportsPerMonthAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var local = now.ToOffset(ChinaCalendar.Offset);
        var first = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, ChinaCalendar.Offset).AddMonths(-11);
        var firstUtc = first.ToUniversalTime();
        var times = await db.Cases.AsNoTracking().Where(c => c.VolunteerAssociationId == id && c.ReportedAt >= firstUtc)
            .Select(c => c.ReportedAt).ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Select(m => new MonthCount(
            m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            times.Count(t => t.ToOffset(ChinaCalendar.Offset) is var l && l.Year == m.Year && l.Month == m.Month)))];
    }

    public async Task<byte[]?> LogoAsync(int id, CancellationToken cancellationToken) =>
        await db.VolunteerAssociations.AsNoTracking().Where(a => a.Id == id).Select(a => a.Logo).FirstOrDefaultAsync(cancellationToken);

    public async Task<int> CreateAsync(AssociationRequest request, CancellationToken cancellationToken)
    {
        var community = await VolunteerPlaces.CommunityAsync(db, request.CommunityCode, "communityCode", cancellationToken);
        await access.RequireStaffAsync(community.Path, cancellationToken);
        var association = new VolunteerAssociation
        {
            CommunityNodeId = community.Id,
            CommunityPath = community.Path,
            Name = "",
            CreatedAt = clock.GetUtcNow(),
        };
        await ApplyAsync(association, request, asStaff: true, isNew: true, cancellationToken);
        db.VolunteerAssociations.Add(association);
        await db.SaveChangesAsync(cancellationToken);
        return association.Id;
    }

    /// <summary>Leaders change the name, type and motto; staff also the status and the leader.</summary>
    public async Task UpdateAsync(int id, AssociationRequest request, CancellationToken cancellationToken)
    {
        var association = await FindAsync(id, cancellationToken);
        await access.RequireManageAsync(association.LeaderUserId, association.CommunityPath, cancellationToken);
        var asStaff = await access.IsStaffAsync(association.CommunityPath, cancellationToken);
        await ApplyAsync(association, request, asStaff, isNew: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetLogoAsync(int id, IncomingPhoto? logo, CancellationToken cancellationToken)
    {
        var association = await FindAsync(id, cancellationToken);
        await access.RequireManageAsync(association.LeaderUserId, association.CommunityPath, cancellationToken);
        if (logo is null)
        {
            throw new DomainRuleException("logo", "send the logo as the multipart field 'logo' (JPEG, PNG, WebP or GIF)");
        }

        var errors = new List<SubmissionError>();
        var processed = photos.Process([logo], "logo", errors);
        if (errors.Count > 0)
        {
            throw new DomainRuleException("logo", errors[0].Message);
        }

        association.Logo = processed[0].Content;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<VolunteerAssociation> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.VolunteerAssociations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainRuleException("id", $"no volunteer association #{id}", StatusCodes.Status404NotFound);

    private async Task ApplyAsync(VolunteerAssociation a, AssociationRequest r, bool asStaff, bool isNew, CancellationToken cancellationToken)
    {
        if (isNew || r.Name is not null)
        {
            a.Name = VolunteerRules.Text("name", r.Name, 100, required: true)!;
        }

        if (isNew || r.Type is not null)
        {
            a.Type = VolunteerRules.Enum<AssociationType>("type", r.Type, required: true);
        }

        if (r.Motto is not null)
        {
            a.Motto = VolunteerRules.Text("motto", r.Motto, 200, required: false);
        }

        if (r.Status is not null)
        {
            RequireStaffField(asStaff, "status");
            a.Status = VolunteerRules.Enum<AssociationStatus>("status", r.Status, required: true);
        }

        if (r.LeaderUserId is { } leader)
        {
            RequireStaffField(asStaff, "leaderUserId");
            if (isNew || !await db.VolunteerMemberships.AnyAsync(m => m.AssociationId == a.Id && m.UserId == leader, cancellationToken))
            {
                throw new DomainRuleException("leaderUserId", "the leader must be a member of the association: they join first");
            }

            a.LeaderUserId = leader;
        }
    }

    private static void RequireStaffField(bool asStaff, string field)
    {
        if (!asStaff)
        {
            throw new DomainRuleException(field, "only community staff change the status or the leader", StatusCodes.Status403Forbidden);
        }
    }
}

/// <summary>Field checks shared by the volunteer use cases; each throws a ProblemDetails naming the field.</summary>
public static class VolunteerRules
{
    public static string? Text(string field, string? value, int max, bool required) => FieldRules.Text(field, value, max, required);

    public static T Enum<T>(string field, string? value, bool required)
        where T : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(value) && EnumNames.TryParse<T>(value.Trim(), out var parsed))
        {
            return parsed;
        }

        throw new DomainRuleException(field, $"{field} must be one of {string.Join(", ", System.Enum.GetNames<T>())}" + (required ? "" : " (or left out)"));
    }
}

/// <summary>Finding communities and the China calendar the yearly figures use.</summary>
public static class VolunteerPlaces
{
    public sealed record Community(int Id, string Code, string Name, string Path, bool IsRural);

    public static async Task<Community> CommunityAsync(LinliDb db, string? code, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainRuleException(field, $"{field} is required: the code of a community (社区)");
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code.Trim())
            .Select(n => new { n.Id, n.Code, n.Name, n.Path, n.IsRural, n.Kind }).FirstOrDefaultAsync(cancellationToken);
        return node is null || node.Kind != NodeKind.Community
            ? throw new DomainRuleException(field, $"'{code}' is not the code of a community (社区)")
            : new Community(node.Id, node.Code, node.Name, node.Path, node.IsRural);
    }

}
