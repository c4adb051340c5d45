using Linli.Web.Data;
using Linli.Web.Features.OfficerAppraisal;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.FollowUps;

/// <summary>
/// Officer appraisal's "follow-ups" source: ratings residents gave through follow-ups of the officer's household visits
/// and mediations. Case follow-ups are left out: they become the case's own rating, which "case-ratings" already counts.
/// </summary>
public sealed class FollowUpRatingSource(LinliDb db) : IOfficerRatingSource
{
    public string Name => "follow-ups";

    public string Definition => "Ratings residents gave through follow-ups of the officer's household visits and mediations, answered in the period. Satisfied = 4 or 5 stars; case follow-ups count under case-ratings.";

    public async Task<Dictionary<Guid, RatingCounts>> CountAsync(IReadOnlyCollection<Guid> officerIds, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ids = officerIds.ToList();
        var rows = await db.FollowUps.AsNoTracking()
            .Where(f => f.OfficerUserId != null && ids.Contains(f.OfficerUserId.Value) && f.Source != FollowUpSource.Case
                && f.Stars != null && f.AnsweredAt >= from && f.AnsweredAt < until)
            .GroupBy(f => f.OfficerUserId!.Value)
            .Select(g => new { Officer = g.Key, Ratings = g.Count(), Satisfied = g.Count(f => f.Stars >= 4), Stars = g.Sum(f => f.Stars!.Value) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Officer, r => new RatingCounts(r.Ratings, r.Satisfied, r.Stars));
    }
}
