using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases;

public sealed record CategoryRef(string Code, string Name, string? NameEn);

public sealed record PlaceRef(string Code, string Name, string? NameEn);

public sealed record PublicUpdate(DateTimeOffset At, string Kind, string State, string? Note);

public sealed record PublicRating(int Stars, bool Solved, DateTimeOffset RatedAt);

/// <summary>
/// What anyone holding the receipt sees: the problem, the place, the progress and when to expect the next step. No
/// names, no contact details, no staff identities; sensitive categories show only their community.
/// </summary>
public sealed record PublicCaseView(
    long Number,
    string Receipt,
    CategoryRef Category,
    string Description,
    string State,
    string StateName,
    string StateNameEn,
    DateTimeOffset ReportedAt,
    string? Address,
    PlaceRef? Community,
    PlaceRef? Grid,
    double? Latitude,
    double? Longitude,
    DateTimeOffset? ExpectedBy,
    bool Overdue,
    IReadOnlyList<PublicUpdate> Updates,
    IReadOnlyList<long> PhotoIds,
    PublicRating? Rating,
    bool CanVerify,
    bool CanRate,
    DateTimeOffset? CanReopenUntil,
    long? DuplicateOf);

public static class PublicCaseViews
{
    public static async Task<PublicCaseView?> ForReceiptAsync(LinliDb db, string receipt, DateTimeOffset now, int reopenWindowDays, CancellationToken cancellationToken)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Receipt == receipt)
            .Select(x => new
            {
                x.Id, x.Receipt, x.Description, x.State, x.ReportedAt, x.Address, x.Latitude, x.Longitude, x.RespondBy, x.ResolveBy,
                x.RespondedAt, x.ResolvedAt, x.ClosedAt, x.RatingStars, x.RatingSolved, x.RatedAt, x.DuplicateOfId, x.GridPath,
                Category = new { x.Category!.Code, x.Category.Name, x.Category.NameEn, x.Category.IsSensitive },
                Grid = new PlaceRef(x.GridNode!.Code, x.GridNode.Name, x.GridNode.NameEn),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var updates = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id && e.IsPublic).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new PublicUpdate(e.At, e.Kind.ToString(), e.ToState.ToString(), e.Note)).ToListAsync(cancellationToken);
        var photoIds = await db.CasePhotos.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var communityCode = c.GridPath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).LastOrDefault();
        var community = await db.Nodes.AsNoTracking().Where(n => n.Code == communityCode).Select(n => new PlaceRef(n.Code, n.Name, n.NameEn)).FirstOrDefaultAsync(cancellationToken);

        var expected = c.State switch
        {
            CaseState.New or CaseState.Dispatched or CaseState.Returned => c.RespondBy,
            CaseState.Accepted or CaseState.InProgress or CaseState.Reopened => c.ResolveBy,
            _ => (DateTimeOffset?)null,
        };
        var reopenFrom = c.ClosedAt ?? c.ResolvedAt;
        var sensitive = c.Category.IsSensitive;
        return new PublicCaseView(
            c.Id, c.Receipt, new CategoryRef(c.Category.Code, c.Category.Name, c.Category.NameEn), c.Description, c.State.ToString(),
            StateNames.Zh(c.State), StateNames.En(c.State), c.ReportedAt, sensitive ? null : c.Address, community, sensitive ? null : c.Grid,
            sensitive ? null : c.Latitude, sensitive ? null : c.Longitude, expected, expected < now, updates, photoIds,
            c.RatedAt is null ? null : new PublicRating(c.RatingStars!.Value, c.RatingSolved!.Value, c.RatedAt.Value),
            CanVerify: c.State == CaseState.Resolved,
            CanRate: c.State == CaseState.Closed && c.RatedAt is null,
            CanReopenUntil: c.State is CaseState.Resolved or CaseState.Verified or CaseState.Closed && reopenFrom is not null ? reopenFrom.Value.AddDays(reopenWindowDays) : null,
            c.DuplicateOfId);
    }
}
