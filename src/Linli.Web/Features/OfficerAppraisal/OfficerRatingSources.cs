using Linli.Web.Data;
using Linli.Web.Features.Rates;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>The counts behind an officer's figures from one source: ratings given, ratings of 4–5 (satisfied), the sum of stars.</summary>
public sealed record RatingCounts(int Ratings, int Satisfied, int Stars)
{
    public static RatingCounts Zero { get; } = new(0, 0, 0);

    public RatingCounts Add(RatingCounts other) => new(Ratings + other.Ratings, Satisfied + other.Satisfied, Stars + other.Stars);

    public SourceFigures Figures(string source) =>
        new(source, Ratings, Ratings == 0 ? null : Math.Round((double)Stars / Ratings, 2), new RateFigure(Satisfied, Ratings));
}

/// <summary>
/// Where residents' judgement of officers comes from. Each source is reported on its own; the survey issue registers a
/// second implementation beside <see cref="CaseRatingSource"/>.
/// </summary>
public interface IOfficerRatingSource
{
    string Name { get; }

    string Definition { get; }

    Task<Dictionary<Guid, RatingCounts>> CountAsync(IReadOnlyCollection<Guid> officerIds, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>
/// Ratings residents gave the cases an officer handled (accepted as their handler), by when they were rated. The
/// satisfaction rate is the dashboard's: ratings of 4–5 stars / ratings given.
/// </summary>
public sealed class CaseRatingSource(LinliDb db) : IOfficerRatingSource
{
    public string Name => "case-ratings";

    public string Definition => "Ratings of the cases the officer handled (accepted), given in the period. " + RateDefinitions.English.Satisfaction + " Average stars: the mean of those ratings.";

    public async Task<Dictionary<Guid, RatingCounts>> CountAsync(IReadOnlyCollection<Guid> officerIds, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var ids = officerIds.ToList();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.HandlerUserId != null && ids.Contains(c.HandlerUserId.Value) && c.RatingStars != null && c.RatedAt >= from && c.RatedAt < until)
            .GroupBy(c => c.HandlerUserId!.Value)
            .Select(g => new { Officer = g.Key, Ratings = g.Count(), Satisfied = g.Count(c => c.RatingStars >= 4), Stars = g.Sum(c => c.RatingStars!.Value) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Officer, r => new RatingCounts(r.Ratings, r.Satisfied, r.Stars));
    }
}
