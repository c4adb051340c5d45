using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates;

/// <summary>The counts behind every rate, for one group of cases (a node's subtree, or one of its children).</summary>
public sealed record RateTally(
    string Key,
    int Reported,
    int Open,
    int RespondedInTime,
    int RespondMissed,
    int ResolvedInTime,
    int ResolveMissed,
    int ResolvedLate,
    int Rated,
    int Satisfied,
    int SaidSolved)
{
    public static RateTally Empty(string key) => new(key, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public RateFigure Response => new(RespondedInTime, RespondedInTime + RespondMissed);

    public RateFigure Resolution => new(ResolvedInTime + ResolvedLate, ResolvedInTime + ResolveMissed);

    public RateFigure OnTime => new(ResolvedInTime, ResolvedInTime + ResolvedLate);

    public RateFigure Satisfaction => new(Satisfied, Rated);

    public RateFigure ReporterSaidSolved => new(SaidSolved, Rated);
}

public static class RateTallies
{
    /// <summary>
    /// Counts in the database, grouped by the first <paramref name="keyLength"/> characters of the grid path (a child's
    /// path; the node's own path for one total). Each case is due for response in exactly one period: the one where
    /// it was accepted in time, or else the one where its limit passed; the same for resolution. So months add up, and
    /// a late answer cannot move a case out of the month it failed in.
    /// </summary>
    public static Task<List<RateTally>> CountAsync(IQueryable<Case> cases, int keyLength, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
        cases
            // Everything counted happened in the period, and each limit and rating is at or after it: a cheap first cut.
            .Where(c => c.ReportedAt < until && (c.ReportedAt >= from || c.RespondBy >= from || c.ResolveBy >= from || c.RatedAt >= from))
            .GroupBy(c => c.GridPath.Substring(0, keyLength))
            .Select(g => new RateTally(
                g.Key,
                g.Count(c => c.ReportedAt >= from),
                g.Count(c => c.ReportedAt >= from && c.State != CaseState.Closed && c.State != CaseState.Cancelled && c.State != CaseState.Duplicate),
                g.Count(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                    && c.RespondedAt != null && c.RespondedAt <= c.RespondBy && c.RespondedAt >= from && c.RespondedAt < until),
                g.Count(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                    && c.RespondBy >= from && c.RespondBy < until && (c.RespondedAt == null || c.RespondedAt > c.RespondBy)),
                g.Count(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                    && c.ResolvedAt != null && c.ResolvedAt <= c.ResolveBy && c.ResolvedAt >= from && c.ResolvedAt < until),
                g.Count(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                    && c.ResolveBy >= from && c.ResolveBy < until && (c.ResolvedAt == null || c.ResolvedAt > c.ResolveBy)),
                g.Count(c => c.State != CaseState.Cancelled && c.State != CaseState.Duplicate
                    && c.ResolveBy >= from && c.ResolveBy < until && c.ResolvedAt != null && c.ResolvedAt > c.ResolveBy),
                g.Count(c => c.RatingStars != null && c.RatedAt >= from && c.RatedAt < until),
                g.Count(c => c.RatingStars >= 4 && c.RatedAt >= from && c.RatedAt < until),
                g.Count(c => c.RatingSolved == true && c.RatingStars != null && c.RatedAt >= from && c.RatedAt < until)))
            .ToListAsync(cancellationToken);
}
