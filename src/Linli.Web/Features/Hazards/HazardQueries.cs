using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>Which hazards a list shows: open (default), closed (eliminated or dismissed), or a single state.</summary>
public sealed record HazardFilter(string? State = null, HazardKind? Kind = null, bool OverdueOnly = false, string? NodePath = null, int Take = 200);

/// <summary>The staff reads of hazards: lists filtered by scope, one hazard in full (audited), its photos.</summary>
public sealed class HazardQueries(LinliDb db, HazardAccess access, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] ListStates = ["open", "closed", "all", .. Enum.GetNames<HazardState>().Select(s => s.ToLowerInvariant())];

    /// <summary>The hazards under the signed-in person's places: overdue first, then open ones by deadline, then the newest closed.</summary>
    public async Task<IReadOnlyList<HazardListItem>> ListAsync(HazardFilter filter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = new List<HazardListItem>();
        foreach (var path in await access.VisiblePathsAsync(cancellationToken))
        {
            if (filter.NodePath is { } under && !under.StartsWith(path, StringComparison.Ordinal) && !path.StartsWith(under, StringComparison.Ordinal))
            {
                continue;
            }

            var within = filter.NodePath is { } node && node.Length > path.Length ? node : path;
            var query = Filtered(filter, now).Where(h => h.NodePath.StartsWith(within));
            var rows = await query
                .OrderBy(h => h.State == HazardState.Eliminated || h.State == HazardState.Dismissed).ThenBy(h => h.Deadline).Take(filter.Take)
                .Select(h => new { h.Id, h.Kind, h.Severity, h.State, h.Description, h.Node!.Code, h.Node.Name, h.Node.NameEn, h.Source, h.NeedsVerification, h.FoundAt, h.Deadline })
                .ToListAsync(cancellationToken);
            found.AddRange(rows.Select(h => new HazardListItem(h.Id, h.Kind.ToString(), h.Severity.ToString(), h.State.ToString(), h.Description, h.Code, h.Name, h.NameEn,
                h.Source.ToString(), h.NeedsVerification, h.FoundAt, h.Deadline, IsOverdue(h.State, h.Deadline, now))));
        }

        return [.. found
            .OrderByDescending(h => h.Overdue)
            .ThenBy(h => IsClosed(h.State))
            .ThenBy(h => IsClosed(h.State) ? DateTimeOffset.MaxValue : h.Deadline)
            .ThenByDescending(h => h.FoundAt)
            .Take(filter.Take)];
    }

    public async Task<HazardDetail?> GetAsync(long number, CancellationToken cancellationToken = default)
    {
        var hazard = await db.Hazards.AsNoTracking().Include(h => h.Node).Include(h => h.ResponsiblePartner).Include(h => h.Events)
            .AsSplitQuery().FirstOrDefaultAsync(h => h.Id == number, cancellationToken);
        if (hazard is null)
        {
            return null;
        }

        if (!await access.MaySeeAsync(hazard.NodePath, cancellationToken))
        {
            throw new DomainRuleException("number", $"Hazard #{number} is outside the places your roles cover.", StatusCodes.Status403Forbidden);
        }

        // The finder's name and the responsible party may name people: a staff read of them is recorded.
        await audit.RecordReadsAsync("hazard register", [new AuditedRecord(HazardWorkflow.RecordType, number.ToString(CultureInfo.InvariantCulture), null, hazard.NodePath)], cancellationToken);
        var photos = await db.HazardPhotos.AsNoTracking().Where(p => p.HazardId == number).OrderBy(p => p.Id).Select(p => new { p.Id, p.Stage }).ToListAsync(cancellationToken);
        var manages = await access.MayManageAsync(hazard.NodePath, cancellationToken);
        var node = hazard.Node!;
        return new HazardDetail(
            hazard.Id, hazard.Kind.ToString(), hazard.Severity.ToString(), hazard.State.ToString(), hazard.Description,
            new HazardPlaceView(node.Code, node.Kind.ToString(), node.Name, node.NameEn, hazard.Latitude, hazard.Longitude, hazard.Address),
            hazard.Source.ToString(), hazard.FoundByName, hazard.FoundAt, hazard.NeedsVerification, hazard.SourceVisitId,
            hazard.ResponsibleParty, hazard.ResponsiblePartner is { } partner ? new HazardPartnerView(partner.Id, partner.Name) : null,
            hazard.Deadline, IsOverdue(hazard.State, hazard.Deadline, clock.GetUtcNow()), hazard.RectifiedAt, hazard.EliminatedAt, hazard.FailedReinspections,
            [.. photos.Select(p => new HazardPhotoView(p.Id, p.Stage.ToString(), $"/api/v1/hazards/{number}/photos/{p.Id}"))],
            manages ? HazardWorkflow.AllowedIn(hazard.State) : [],
            [.. hazard.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new HazardEventView(e.At, e.Kind.ToString(), e.ActorName, e.Note, e.Deadline))]);
    }

    public async Task<(byte[] Content, string ContentType)?> PhotoAsync(long number, long photoId, CancellationToken cancellationToken = default)
    {
        var path = await db.Hazards.AsNoTracking().Where(h => h.Id == number).Select(h => h.NodePath).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return null;
        }

        if (!await access.MaySeeAsync(path, cancellationToken))
        {
            throw new DomainRuleException("number", $"Hazard #{number} is outside the places your roles cover.", StatusCodes.Status403Forbidden);
        }

        var photo = await db.HazardPhotos.AsNoTracking().Where(p => p.HazardId == number && p.Id == photoId).Select(p => new { p.Content, p.ContentType }).FirstOrDefaultAsync(cancellationToken);
        return photo is null ? null : (photo.Content, photo.ContentType);
    }

    public static bool IsOverdue(HazardState state, DateTimeOffset deadline, DateTimeOffset now) =>
        state is not (HazardState.Eliminated or HazardState.Dismissed) && deadline < now;

    private static bool IsClosed(string state) => state is nameof(HazardState.Eliminated) or nameof(HazardState.Dismissed);

    private IQueryable<Hazard> Filtered(HazardFilter filter, DateTimeOffset now)
    {
        var query = db.Hazards.AsNoTracking();
        query = (filter.State ?? "open").ToLowerInvariant() switch
        {
            "open" => query.Where(h => h.State != HazardState.Eliminated && h.State != HazardState.Dismissed),
            "closed" => query.Where(h => h.State == HazardState.Eliminated || h.State == HazardState.Dismissed),
            "all" => query,
            var one => Enum.Parse<HazardState>(one, ignoreCase: true) is var state ? query.Where(h => h.State == state) : query,
        };
        if (filter.Kind is { } kind)
        {
            query = query.Where(h => h.Kind == kind);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(h => h.State != HazardState.Eliminated && h.State != HazardState.Dismissed && h.Deadline < now);
        }

        return query;
    }
}
